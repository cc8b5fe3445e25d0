// A fake Hugging Face Hub + dataset viewer for tests: a real node:http server on 127.0.0.1,
// serving the fixtures in test/fixtures/hub with the routes, shapes, headers and errors of
// ../shared/docs/hub-api.md, plus faults a test switches on (429, 503, resets, truncated or
// malformed bodies, 401/404, delays), renamed repositories (`renames`: a 307 with a relative
// Location, as the Hub answers) and a log of every request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { arenaAnswer, type ArenaFixture, type FakeCdn } from './arena-routes.js';
import { hubFilesAnswer, type HubFilesFixture } from './hub-files.js';

export type Route = 'rows' | 'model' | 'model_list' | 'commits' | 'other';

export interface Fixtures {
  leaderboard: { features: Array<{ name: string }>; rows: Array<Record<string, unknown>> };
  models: Array<Record<string, unknown> & { id: string; author: string | null }>;
  commits: Record<string, { count: number; first: string; last: string; authors: string[] }>;
}

export type FaultAction =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'reset' }
  /** Headers promise the whole body; half is sent, then the socket is destroyed. */
  | { kind: 'truncate' }
  /** A complete response whose JSON is cut in half (Content-Length matches). */
  | { kind: 'malformed' }
  | { kind: 'delay'; ms: number };

export interface Fault {
  route?: Route;
  /** Further filter on the request path + query. */
  match?: (url: URL) => boolean;
  /** How many requests it hits (default 1; Infinity for all). */
  times?: number;
  action: FaultAction;
}

export interface FakeHubOptions {
  fixtures?: Fixtures;
  latencyMs?: number;
  /** Largest page the listing serves (default 1000). */
  maxListPage?: number;
  /** Largest commit page (default 1000). */
  maxCommitPage?: number;
  /** Rows per /rows page at most, whatever `length` asks (default 100). */
  maxRowsPage?: number;
  /** Commit `Link`s absolute instead of relative. */
  absoluteCommitLinks?: boolean;
  revision?: string;
  dataset?: string;
  /** A fixed window over all routes, with RateLimit headers on every response. */
  rateLimit?: { quota: number; windowMs: number };
  /** An LMArena table served beside the leaderboard (arena-routes.ts), its file on `cdn`. */
  arena?: ArenaFixture;
  cdn?: FakeCdn;
  /** Renamed repositories, old id → new id: the old id's model and commit routes answer 307
   *  with a relative Location under the new id, as the Hub does (hub-api.md §11). */
  renames?: Record<string, string>;
  /** Dataset repositories with files (the Hub snapshot: hub-files.ts), their files on `cdn`. */
  hubFiles?: HubFilesFixture[];
}

export interface LoggedRequest {
  at: number;
  route: Route;
  path: string;
  authorization: string | undefined;
  userAgent: string | undefined;
}

export function loadFixtures(): Fixtures {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/hub/${name}`, import.meta.url), 'utf8'));
  return { leaderboard: read('leaderboard.json'), models: read('models.json'), commits: read('commits.json') } as Fixtures;
}

const day = (iso: string): number => Date.parse(iso);

/** Commit list for a summary, newest first (the dates spread between first and last). */
function commitList(repo: string, s: Fixtures['commits'][string]): Array<Record<string, unknown>> {
  const items = [];
  for (let i = 0; i < s.count; i += 1) {
    const when = s.count === 1 ? day(s.first) : day(s.first) + ((day(s.last) - day(s.first)) * i) / (s.count - 1);
    items.push({
      id: `${repo}#${i}`,
      title: i === 0 ? 'initial commit' : `commit ${i}`,
      message: '',
      authors: [{ user: s.authors[i % s.authors.length], avatar: null }],
      date: new Date(when).toISOString(),
    });
  }
  // every author at least once: the last commit lists them all as co-authors
  items[items.length - 1]!.authors = s.authors.map((user) => ({ user, avatar: null }));
  return items.reverse();
}

export class FakeHub {
  readonly requests: LoggedRequest[] = [];
  connections = 0;
  readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();
  private window = { start: 0, count: 0 };
  private readonly fixtures: Fixtures;

  private constructor(
    private readonly server: Server,
    readonly options: FakeHubOptions,
  ) {
    this.fixtures = options.fixtures ?? loadFixtures();
  }

  static async start(options: FakeHubOptions = {}): Promise<FakeHub> {
    const server = createServer();
    const hub = new FakeHub(server, options);
    server.on('connection', (socket: Socket) => {
      hub.connections += 1;
      hub.sockets.add(socket);
      socket.on('close', () => hub.sockets.delete(socket));
    });
    server.on('request', (req, res) => void hub.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return hub;
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  addFault(fault: Fault): this {
    this.faults.push({ times: 1, ...fault });
    return this;
  }

  count(route?: Route): number {
    return route === undefined ? this.requests.length : this.requests.filter((r) => r.route === route).length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  static routeOf(path: string): Route {
    if (path === '/rows') return 'rows';
    if (path === '/api/models') return 'model_list';
    if (path.startsWith('/api/models/')) return path.includes('/commits/') ? 'commits' : 'model';
    return 'other';
  }

  private takeFault(route: Route, url: URL): FaultAction | null {
    for (const fault of this.faults) {
      if ((fault.times ?? 1) <= 0) continue;
      if (fault.route !== undefined && fault.route !== route) continue;
      if (fault.match && !fault.match(url)) continue;
      fault.times = (fault.times ?? 1) - 1;
      return fault.action;
    }
    return null;
  }

  private limitHeaders(): { headers: Record<string, string>; allowed: boolean } {
    const limit = this.options.rateLimit;
    if (!limit) return { headers: {}, allowed: true };
    const now = Date.now();
    if (now - this.window.start >= limit.windowMs) this.window = { start: now, count: 0 };
    this.window.count += 1;
    const reset = Math.max(1, Math.ceil((limit.windowMs - (now - this.window.start)) / 1000));
    const remaining = Math.max(0, limit.quota - this.window.count);
    return {
      allowed: this.window.count <= limit.quota,
      headers: {
        RateLimit: `"api";r=${remaining};t=${reset}`,
        'RateLimit-Policy': `"fixed window";"api";q=${limit.quota};w=${Math.round(limit.windowMs / 1000)}`,
        ...(this.window.count > limit.quota ? { 'Retry-After': String(reset) } : {}),
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname);
    const route = FakeHub.routeOf(path);
    this.requests.push({ at: Date.now(), route, path: `${path}${url.search}`, authorization: req.headers.authorization, userAgent: req.headers['user-agent'] });
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const limit = this.limitHeaders();
    const send = (status: number, body: unknown, headers: Record<string, string> = {}, cut?: 'truncate' | 'malformed'): void => {
      const text = Buffer.from(JSON.stringify(body));
      const half = text.subarray(0, Math.max(1, Math.floor(text.length / 2)));
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(cut === 'malformed' ? half.length : text.length),
        ...limit.headers,
        ...headers,
      });
      if (cut === 'truncate') {
        res.write(half, () => res.socket?.destroy());
        return;
      }
      res.end(cut === 'malformed' ? half : text);
    };
    if (!limit.allowed) return send(429, { error: 'rate limited' });
    let fault = this.takeFault(route, url);
    if (fault?.kind === 'delay') {
      await new Promise((r) => setTimeout(r, fault!.kind === 'delay' ? fault!.ms : 0));
      fault = null;
    }
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') return send(fault.status, fault.body ?? { error: `fault ${fault.status}` }, fault.headers);
    const cut = fault?.kind === 'truncate' || fault?.kind === 'malformed' ? fault.kind : undefined;
    const [status, body, headers] = this.answer(route, path, url, req);
    send(status, body, headers, status === 200 ? cut : undefined);
  }

  private notFound(req: IncomingMessage): [number, unknown, Record<string, string>] {
    if (req.headers.authorization?.startsWith('Bearer ')) {
      return [404, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound', 'X-Error-Message': 'Repository not found' }];
    }
    return [401, { error: 'Invalid username or password.' }, { 'X-Error-Message': 'Invalid username or password.' }];
  }

  private expand(model: Record<string, unknown>, fields: string[]): Record<string, unknown> {
    if (fields.length === 0) return model;
    return Object.fromEntries(Object.entries(model).filter(([k]) => k === '_id' || k === 'id' || fields.includes(k)));
  }

  /** The 307 of a renamed repository's model or commit route, or null. */
  private renamed(route: Route, path: string, url: URL): [number, unknown, Record<string, string>] | null {
    if ((route !== 'model' && route !== 'commits') || !this.options.renames) return null;
    const rest = path.slice('/api/models/'.length);
    for (const [old, renamed] of Object.entries(this.options.renames)) {
      const lower = rest.toLowerCase();
      if (lower !== old.toLowerCase() && !lower.startsWith(`${old.toLowerCase()}/`)) continue;
      const location = `/api/models/${renamed}${rest.slice(old.length)}${url.search}`;
      return [307, { message: `Temporary Redirect. Redirecting to ${location}` }, { Location: location }];
    }
    return null;
  }

  private answer(route: Route, path: string, url: URL, req: IncomingMessage): [number, unknown, Record<string, string>] {
    const redirect = this.renamed(route, path, url);
    if (redirect) return redirect;
    const q = url.searchParams;
    const fields = [...q.getAll('expand'), ...q.getAll('expand[]')];
    const arena = this.options.arena ? arenaAnswer(this.options.arena, this.options.cdn ?? null, path, url, this.url) : null;
    if (arena !== null) return arena;
    const files = this.options.hubFiles ? hubFilesAnswer(this.options.hubFiles, this.options.cdn ?? null, path) : null;
    if (files !== null) return files;
    if (route === 'rows') {
      if (q.get('dataset') !== (this.options.dataset ?? 'open-llm-leaderboard/contents')) {
        return [404, { error: 'The dataset does not exist on the Hub, or is private.' }, {}];
      }
      const offset = Number(q.get('offset') ?? 0);
      const length = Number(q.get('length') ?? 100);
      if (!(length >= 0 && length <= 100)) return [422, { error: "Parameter 'length' must not be greater than 100" }, {}];
      const { features, rows } = this.fixtures.leaderboard;
      const chunk = rows.slice(offset, offset + Math.min(length, this.options.maxRowsPage ?? 100));
      return [
        200,
        {
          features,
          rows: chunk.map((row, i) => ({ row_idx: offset + i, row, truncated_cells: [] })),
          num_rows_total: rows.length,
          num_rows_per_page: 100,
          partial: false,
        },
        { 'X-Revision': this.options.revision ?? 'rev-1' },
      ];
    }
    if (route === 'model') {
      const id = path.slice('/api/models/'.length).replace(/\/revision\/[^/]+$/, '');
      const model = this.fixtures.models.find((m) => m.id.toLowerCase() === id.toLowerCase());
      return model ? [200, this.expand(model, fields), {}] : this.notFound(req);
    }
    if (route === 'model_list') {
      if (fields.length > 0 && (q.get('full') || q.get('cardData'))) return [400, { error: 'expand cannot be used with full, config or cardData' }, {}];
      const author = q.get('author')?.toLowerCase();
      const search = q.get('search')?.toLowerCase();
      const found = this.fixtures.models
        .filter((m) => (author ? m.author?.toLowerCase() === author : search ? m.id.toLowerCase().includes(search) : true))
        .sort((a, b) => a.id.localeCompare(b.id));
      const limit = Math.min(Number(q.get('limit') ?? 1000), this.options.maxListPage ?? 1000);
      const cursor = q.get('cursor') ? Number(Buffer.from(q.get('cursor')!, 'base64url').toString()) : 0;
      const headers: Record<string, string> = {};
      if (cursor + limit < found.length) {
        const next = new URL(url);
        next.searchParams.set('cursor', Buffer.from(String(cursor + limit)).toString('base64url'));
        headers.Link = `<${next.href}>; rel="next"`;
      }
      return [200, found.slice(cursor, cursor + limit).map((m) => this.expand(m, fields)), headers];
    }
    if (route === 'commits') {
      const match = /^\/api\/models\/(.+)\/commits\/([^/]+)$/.exec(path);
      const repo = match?.[1] ?? '';
      const key = Object.keys(this.fixtures.commits).find((k) => k.toLowerCase() === repo.toLowerCase());
      if (!match || key === undefined) return this.notFound(req);
      const items = commitList(key, this.fixtures.commits[key]!);
      const size = Math.min(Number(q.get('limit') ?? 50), this.options.maxCommitPage ?? 1000);
      const page = Number(q.get('p') ?? 0);
      const headers: Record<string, string> = { 'X-Total-Count': String(items.length) };
      if ((page + 1) * size < items.length) {
        const next = `/api/models/${repo}/commits/${match[2]}?p=${page + 1}&limit=${size}`;
        headers.Link = `<${this.options.absoluteCommitLinks ? this.url + next : next}>; rel="next"`;
      }
      return [200, items.slice(page * size, (page + 1) * size), headers];
    }
    return [404, { error: 'Not Found' }, {}];
  }
}
