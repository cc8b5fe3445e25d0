// The one function the Hub snapshot's bytes go through (hub-api.md §12): a GET or HEAD with an
// optional byte Range, redirects followed by an explicit policy — a same-origin redirect keeps the
// token, a cross-origin one (the resolver's 302 to the CDN) is followed without it — so the token
// never reaches the CDN host. When the network layer's shared redirect policy lands, point
// `fileRequest` at it; nothing else here knows about redirects.
import { Agent, request, type Dispatcher } from 'undici';
import { TOOL } from '../version.js';

export interface FileRequest {
  url: string;
  method?: 'GET' | 'HEAD';
  /** [start, end) in bytes; end omitted: to the end of the file. */
  range?: readonly [number, number?];
  token?: string | null;
  /** Follow redirects (default true); false returns the 3xx itself (its headers matter). */
  follow?: boolean;
  signal?: AbortSignal;
}

export interface FileResponse {
  status: number;
  /** The URL that answered (after redirects). */
  url: string;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** Whether a request to `next` may carry the token given to a request to `first`. */
export function keepsToken(first: string, next: string): boolean {
  return new URL(first).origin === new URL(next).origin;
}

export class FileClient {
  private readonly agent: Agent;

  constructor(options: { connections?: number; bodyTimeoutMs?: number; headersTimeoutMs?: number } = {}) {
    this.agent = new Agent({
      connections: options.connections ?? 4,
      keepAliveTimeout: 30_000,
      headersTimeout: options.headersTimeoutMs ?? 30_000,
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
    });
  }

  /** One request; redirects followed by the token policy above. */
  async fileRequest(req: FileRequest): Promise<FileResponse> {
    let url = req.url;
    for (let hop = 0; ; hop += 1) {
      const headers: Record<string, string> = { 'user-agent': `${TOOL} (node ${process.versions.node})` };
      if (req.token && keepsToken(req.url, url)) headers.authorization = `Bearer ${req.token}`;
      if (req.range) headers.range = `bytes=${req.range[0]}-${req.range[1] === undefined ? '' : req.range[1] - 1}`;
      const res = await request(url, { dispatcher: this.agent, method: req.method ?? 'GET', headers, signal: req.signal });
      const flat = flatHeaders(res.headers);
      if (REDIRECTS.has(res.statusCode) && req.follow !== false && flat.location) {
        await res.body.dump();
        if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${new URL(req.url).host}`);
        url = new URL(flat.location, url).href;
        continue;
      }
      return { status: res.statusCode, url, headers: flat, body: res.body };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
