// A hostile Hub for tests (issue 7 §4–8, §11): a real node:http server on 127.0.0.1 in front
// of a FakeHub. Every request is answered by the fake Hub unless a behaviour a test switched on
// takes it over or bends the fake Hub's answer: redirects and Links to another origin, error
// texts echoing the Authorization header, absurd totals, a body sent one byte at a time, no
// answer at all, endless or repeating Links, a body far over any cap, control sequences in
// headers and error texts. A Witness on a second loopback origin records every Authorization
// header it receives.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FakeHub, type FakeHubOptions, type Route } from '../fake-hub/server.js';

/** Terminal control sequences a hostile server slips into text: C1 CSI and OSC, an ESC]0;…BEL
 *  retitle, a clear screen. */
export const CONTROL_TEXT = '\u009b2J\u009d0;pwned\u0007\u001b]0;retitled\u0007\u001b[2Jrev\u001b[31m-1';
/** The same in what a header can carry (latin1 bytes, no C0): C1 CSI, C1 OSC ended by C1 ST. */
export const C1_TEXT = '\u009b2J\u009d0;retitled\u009crev\u009b31m-1';

export type Behaviour =
  /** 307 to the same path on `to` (another origin). */
  | { kind: 'redirect'; to: string; status?: number }
  /** The fake Hub's answer with `Link: <target>; rel="next"` (absolute, or resolved against `to`). */
  | { kind: 'link'; target: string }
  /** An error (default 400) whose body and X-Error-Message echo the request's Authorization. */
  | { kind: 'echo-auth'; status?: number }
  /** The fake Hub's answer with the bare token (Authorization less "Bearer ") echoed into its
   *  data — a row cell, a card field, a commit author — and into X-Revision. */
  | { kind: 'echo-auth-data' }
  /** /rows: num_rows_total 1e12; commits: X-Total-Count 1e12. */
  | { kind: 'absurd-total'; value?: number }
  /** Headers at once, then one byte every intervalMs (default 2000), never the end. */
  | { kind: 'slowloris'; intervalMs?: number }
  /** Reads the request, never answers. */
  | { kind: 'silent' }
  /** The fake Hub's answer with a Link rel="next" to a URL never seen before (X-Total-Count
   *  dropped unless keepTotal). */
  | { kind: 'link-new'; keepTotal?: boolean }
  /** The fake Hub's answer with a Link rel="next" to one fixed URL (the first page's own). */
  | { kind: 'link-repeat' }
  /** 200 with a JSON string body of `bytes` bytes, streamed in 1 MB chunks. */
  | { kind: 'huge-body'; bytes: number; contentLength?: boolean }
  /** The fake Hub's answer with C1_TEXT in X-Revision; an error status (400, say) carries
   *  C1_TEXT in X-Error-Message and CONTROL_TEXT in the body's error (or only in the body). */
  | { kind: 'control-text'; status?: number; bodyOnly?: boolean }
  /** A raw answer whose X-Revision holds ESC and BEL bytes (not HTTP: clients must refuse it). */
  | { kind: 'raw-control-header' };

/** The JSON of a fake Hub answer with `bare` put into the strings a fetch stores. */
function echoInto(json: unknown, bare: string): unknown {
  if (Array.isArray(json)) {
    return json.map((item: Record<string, unknown>) =>
      'authors' in item
        ? { ...item, title: `by ${bare}`, authors: [{ user: bare, avatar: null }] } // a commit
        : { ...item, author: bare, cardData: { ...((item.cardData as object) ?? {}), license: bare } }, // a listed model
    );
  }
  const object = json as Record<string, unknown>;
  if (Array.isArray(object.rows)) {
    const rows = object.rows as Array<{ row: Record<string, unknown> }>;
    return { ...object, rows: rows.map((r) => ({ ...r, row: { ...r.row, 'Hub License': bare } })) };
  }
  return { ...object, author: bare, cardData: { ...((object.cardData as object) ?? {}), license: bare } };
}

export interface HostileRule {
  route?: Route;
  match?: (url: URL) => boolean;
  /** Requests it takes (default Infinity). */
  times?: number;
  behaviour: Behaviour;
}

export interface HostileRequest {
  at: number;
  route: Route;
  host: string;
  path: string;
  authorization: string | undefined;
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function listen(server: Server, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return address.port;
}

/** Tracks a server's sockets so close() never waits on a client that keeps one open. */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

async function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A server on another origin that answers everything with an empty list (or a model for a
 *  model route) and records every request, with its Authorization header. */
export class Witness {
  readonly requests: HostileRequest[] = [];
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly host: string,
  ) {}

  /** On 127.0.0.2 when that loopback address can be bound, else on 127.0.0.1 (another port:
   *  another origin either way). */
  static async start(host = '127.0.0.2'): Promise<Witness> {
    for (const candidate of [host, '127.0.0.1']) {
      const server = createServer();
      const sockets = trackSockets(server);
      const witness = new Witness(server, sockets, candidate);
      server.on('request', (req: IncomingMessage, res: ServerResponse) => witness.handle(req, res));
      try {
        await listen(server, candidate);
        return witness;
      } catch {
        server.close();
      }
    }
    throw new Error('no loopback address for the witness');
  }

  get url(): string {
    return `http://${this.host}:${portOf(this.server)}`;
  }

  /** Every Authorization header received (undefined entries dropped). */
  get authorizations(): string[] {
    return this.requests.map((r) => r.authorization).filter((a): a is string => a !== undefined);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const route = FakeHub.routeOf(decodeURIComponent(url.pathname));
    this.requests.push({ at: Date.now(), route, host: req.headers.host ?? '', path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const body = route === 'model' ? { id: 'witness/model', author: 'witness' } : [];
    const text = JSON.stringify(body);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
    res.end(text);
  }

  close(): Promise<void> {
    return closeServer(this.server, this.sockets);
  }
}

export class HostileServer {
  readonly requests: HostileRequest[] = [];
  readonly rules: HostileRule[] = [];
  /** Bytes written by huge-body answers before the client stopped reading. */
  hugeBytesSent = 0;
  private linkCounter = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly upstream: FakeHub,
  ) {}

  static async start(upstream: FakeHubOptions = {}): Promise<HostileServer> {
    const hub = await FakeHub.start(upstream);
    const server = createServer();
    const sockets = trackSockets(server);
    const hostile = new HostileServer(server, sockets, hub);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void hostile.handle(req, res));
    await listen(server, '127.0.0.1');
    return hostile;
  }

  get port(): number {
    return portOf(this.server);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The same server under another origin (the host name differs, the port does not). */
  get otherOriginUrl(): string {
    return `http://localhost:${this.port}`;
  }

  on(rule: HostileRule): this {
    this.rules.push({ times: Infinity, ...rule });
    return this;
  }

  count(route?: Route): number {
    return route === undefined ? this.requests.length : this.requests.filter((r) => r.route === route).length;
  }

  /** Requests that reached this server under another host name than 127.0.0.1. */
  get otherOriginRequests(): HostileRequest[] {
    return this.requests.filter((r) => !r.host.startsWith('127.0.0.1'));
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await closeServer(this.server, this.sockets);
    await this.upstream.close();
  }

  private take(route: Route, url: URL): Behaviour | null {
    for (const rule of this.rules) {
      if ((rule.times ?? Infinity) <= 0) continue;
      if (rule.route !== undefined && rule.route !== route) continue;
      if (rule.match && !rule.match(url)) continue;
      rule.times = (rule.times ?? Infinity) - 1;
      return rule.behaviour;
    }
    return null;
  }

  /** The fake Hub's answer to the same request (Authorization passed on). */
  private fromUpstream(req: IncomingMessage): Promise<Upstream> {
    const target = new URL(req.url ?? '/', this.upstream.url);
    return new Promise((resolve, reject) => {
      const out = httpRequest(target, { method: 'GET', headers: req.headers.authorization ? { authorization: req.headers.authorization } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && name !== 'content-length' && name !== 'connection' && name !== 'keep-alive') {
              headers[name] = Array.isArray(value) ? value.join(', ') : value;
            }
          }
          resolve({ status: res.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end();
    });
  }

  private send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers, 'Content-Length': String(bytes.length) });
    res.end(bytes);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const route = FakeHub.routeOf(decodeURIComponent(url.pathname));
    this.requests.push({ at: Date.now(), route, host: req.headers.host ?? '', path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const behaviour = this.take(route, url);
    if (behaviour?.kind === 'silent') return; // the socket stays open, nothing is ever written
    if (behaviour?.kind === 'slowloris') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      const timer = setInterval(() => {
        if (res.destroyed || res.writableEnded) {
          clearInterval(timer);
          this.timers.delete(timer);
          return;
        }
        res.write(' ');
      }, behaviour.intervalMs ?? 2000);
      this.timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        this.timers.delete(timer);
      });
      return;
    }
    if (behaviour?.kind === 'huge-body') return this.huge(res, behaviour.bytes, behaviour.contentLength ?? false);
    if (behaviour?.kind === 'redirect') {
      return this.send(res, behaviour.status ?? 307, { Location: `${behaviour.to}${url.pathname}${url.search}` }, '{"message":"Temporary Redirect"}');
    }
    if (behaviour?.kind === 'echo-auth') {
      const auth = req.headers.authorization ?? '(none)';
      const text = JSON.stringify({ error: `invalid credentials: ${auth}` });
      return this.send(res, behaviour.status ?? 400, { 'X-Error-Message': `the token in "${auth}" was refused` }, text);
    }
    if (behaviour?.kind === 'control-text' && (behaviour.status ?? 200) !== 200) {
      const headers: Record<string, string> = behaviour.bodyOnly ? {} : { 'X-Error-Message': `bad ${C1_TEXT} request` };
      return this.send(res, behaviour.status!, headers, JSON.stringify({ error: `bad ${CONTROL_TEXT} body` }));
    }
    if (behaviour?.kind === 'raw-control-header') {
      const body = '[]';
      const head = `HTTP/1.1 200 OK\r\nX-Revision: ${CONTROL_TEXT}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
      req.socket.end(Buffer.from(head + body, 'latin1'));
      return;
    }

    let answer: Upstream;
    try {
      answer = await this.fromUpstream(req);
    } catch {
      res.destroy();
      return;
    }
    const headers = { ...answer.headers };
    let body = answer.body;
    switch (behaviour?.kind) {
      case 'link':
        headers.link = `<${behaviour.target}>; rel="next"`;
        break;
      case 'link-new': {
        this.linkCounter += 1;
        const next = new URL(url);
        next.searchParams.set('hostile', String(this.linkCounter)); // the fake Hub ignores it: the same items again
        headers.link = `<${next.pathname}${next.search}>; rel="next"`;
        if (!behaviour.keepTotal) delete headers['x-total-count'];
        break;
      }
      case 'link-repeat':
        headers.link = `<${url.pathname}${url.search}>; rel="next"`;
        break;
      case 'absurd-total': {
        const value = behaviour.value ?? 1e12;
        if (route === 'rows') {
          const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          json.num_rows_total = value;
          body = Buffer.from(JSON.stringify(json));
        } else {
          headers['x-total-count'] = String(value);
        }
        break;
      }
      case 'control-text':
        headers['x-revision'] = C1_TEXT;
        break;
      case 'echo-auth-data': {
        const bare = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
        headers['x-revision'] = `rev-${bare}`;
        body = Buffer.from(JSON.stringify(echoInto(JSON.parse(body.toString('utf8')), bare)));
        break;
      }
      default:
        break;
    }
    this.send(res, answer.status, headers, body);
  }

  /** A JSON string of `bytes` bytes, in 1 MB chunks, written as fast as the client reads. */
  private huge(res: ServerResponse, bytes: number, contentLength: boolean): void {
    res.writeHead(200, { 'Content-Type': 'application/json', ...(contentLength ? { 'Content-Length': String(bytes) } : {}) });
    const chunk = Buffer.alloc(1 << 20, 'a');
    let left = bytes;
    const first = Buffer.from('"');
    res.write(first);
    this.hugeBytesSent += 1;
    left -= 2;
    const pump = (): void => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        this.hugeBytesSent += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end('"');
    };
    res.on('error', () => undefined);
    pump();
  }
}
