// Downloading one file (a parquet shard) the way the Hub serves it: an API route redirects to
// `resolve/…`, which redirects to a CDN on another host (hub-api.md §3.5, §12). Redirects are
// followed here by hand, so the token policy is explicit and in one place (`sendsToken`): the
// bearer header goes only to the origins the caller trusts (the Hub's and the dataset
// viewer's), never to a CDN or any other host. A cut body is retried with backoff, resuming
// with `Range` from the CDN URL when the server honours it. When the project's shared redirect
// policy lands, `sendsToken` and `nextHop` are the two pieces to point at it.
import { Agent, request, type Dispatcher } from 'undici';
import { DataError } from '../data/errors.js';
import { redactSecrets } from '../text/redact.js';
import { TOOL } from '../version.js';
import { DEFAULT_BACKOFF, backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import { HttpError, OfflineError, describeNetworkError } from './http-client.js';

export interface DownloadOptions {
  token?: string | null;
  /** Origins (`http://host:port`) that may receive the token. */
  trustedOrigins: readonly string[];
  offline?: boolean;
  maxRedirects?: number;
  /** Largest file accepted (default 2 GiB). */
  maxBytes?: number;
  backoff?: Partial<BackoffOptions>;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  random?: () => number;
  onRetry?: (host: string, problem: string, failures: number, maxAttempts: number) => void;
}

export interface DownloadedFile {
  bytes: Uint8Array;
  /** The URL asked for, and the one that served the bytes (after redirects). */
  url: string;
  finalUrl: string;
  /** Hosts of the redirect chain, in order (the first is the URL's own). */
  hops: string[];
  /** X-Repo-Commit of a redirect (the Hub's resolve route sends it), when one had it. */
  commit: string | null;
  /** Attempts that failed before the file came whole. */
  retries: number;
}

export interface FileDownloader {
  get(url: string, signal?: AbortSignal): Promise<DownloadedFile>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/** The token policy: only an http(s) origin the caller trusts gets the bearer header. */
export function sendsToken(target: URL, trustedOrigins: readonly string[]): boolean {
  return (target.protocol === 'https:' || target.protocol === 'http:') && trustedOrigins.includes(target.origin);
}

/** The next URL of a redirect, resolved against the current one; only http(s) is followed. */
export function nextHop(location: string | undefined, current: URL): URL {
  if (!location) throw new HttpError(`redirect without a Location from ${current.host}`, null);
  const next = new URL(location, current);
  if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new HttpError(`redirect to a ${next.protocol} URL refused`, null);
  return next;
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly waitMs = 0,
  ) {
    super(message);
  }
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function createDownloader(options: DownloadOptions): FileDownloader {
  if (options.offline) throw new OfflineError('downloading a file');
  const agent = new Agent({
    connections: 4,
    headersTimeout: options.headersTimeoutMs ?? 30_000,
    bodyTimeout: options.bodyTimeoutMs ?? 60_000,
  });
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const secret = options.token ?? null;
  const clean = (text: string): string => redactSecrets(text, [secret]);

  function headersFor(target: URL, range: number): Record<string, string> {
    const out: Record<string, string> = { 'user-agent': `${TOOL} (node ${process.versions.node})`, accept: '*/*' };
    if (secret && sendsToken(target, options.trustedOrigins)) out.authorization = `Bearer ${secret}`;
    if (range > 0) out.range = `bytes=${range}-`;
    return out;
  }

  /** One attempt: follows redirects from `start`; appends to `chunks` from `have` bytes on. */
  async function attempt(
    start: URL,
    state: { chunks: Buffer[]; have: number; resumeFrom: URL | null; hops: string[]; commit: string | null; total: number | null },
    signal: AbortSignal | undefined,
    dispatcher: Dispatcher,
  ): Promise<URL> {
    const resuming = state.have > 0 && state.resumeFrom !== null;
    let target = resuming ? state.resumeFrom! : start;
    if (!resuming) {
      state.chunks = [];
      state.have = 0;
      state.hops = [start.host];
    }
    for (let hop = 0; ; hop++) {
      let res: Dispatcher.ResponseData;
      try {
        res = await request(target, { dispatcher, method: 'GET', headers: headersFor(target, state.have), signal });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const problem = describeNetworkError(error);
        if (problem !== null) throw new Retryable(problem, null);
        throw error;
      }
      const status = res.statusCode;
      if (REDIRECTS.has(status)) {
        await res.body.dump();
        if (hop >= maxRedirects) throw new HttpError(`more than ${maxRedirects} redirects from ${start.host}`, status);
        state.commit = header(res.headers, 'x-repo-commit') ?? state.commit;
        target = nextHop(header(res.headers, 'location'), target);
        state.hops.push(target.host);
        continue;
      }
      if (status === 429 || status === 408 || status >= 500) {
        await res.body.dump();
        const after = Number(header(res.headers, 'retry-after'));
        throw new Retryable(`HTTP ${status}`, status, Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : 0);
      }
      if (status === 416 || (state.have > 0 && status === 200)) {
        // the range was refused, or ignored: start the body over
        if (status === 416) {
          await res.body.dump();
          state.have = 0;
          state.chunks = [];
          state.resumeFrom = null;
          throw new Retryable('HTTP 416 on resume', status);
        }
        state.chunks = [];
        state.have = 0;
      }
      if (status !== 200 && status !== 206) {
        await res.body.dump().catch(() => undefined);
        throw new HttpError(clean(`HTTP ${status} from ${target.host} for ${start.pathname}`), status);
      }
      if (status === 206) {
        const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header(res.headers, 'content-range') ?? '');
        if (!range || Number(range[1]) !== state.have) {
          await res.body.dump();
          state.have = 0;
          state.chunks = [];
          state.resumeFrom = null;
          throw new Retryable('a resumed body did not start where the last one stopped', status);
        }
        if (range[2] !== '*') state.total = Number(range[2]);
      } else {
        const length = Number(header(res.headers, 'content-length'));
        state.total = Number.isFinite(length) && header(res.headers, 'content-length') !== undefined ? length : null;
      }
      if (state.total !== null && state.total > maxBytes) {
        await res.body.dump();
        throw new DataError(`the file at ${target.host}${target.pathname} is ${state.total} bytes, over the limit of ${maxBytes}`);
      }
      state.resumeFrom = /^bytes/i.test(header(res.headers, 'accept-ranges') ?? '') || status === 206 ? target : null;
      try {
        for await (const chunk of res.body) {
          const buffer = chunk as Buffer;
          state.chunks.push(buffer);
          state.have += buffer.length;
          if (state.have > maxBytes) throw new DataError(`the file at ${target.host}${target.pathname} is over the limit of ${maxBytes} bytes`);
        }
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof DataError) throw error;
        throw new Retryable(`truncated body: ${describeNetworkError(error) ?? 'connection lost'}`, status);
      }
      if (state.total !== null && state.have < state.total) throw new Retryable(`truncated body (${state.have} of ${state.total} bytes)`, status);
      return target;
    }
  }

  return {
    async get(url: string, signal?: AbortSignal): Promise<DownloadedFile> {
      const start = new URL(url);
      const state = { chunks: [] as Buffer[], have: 0, resumeFrom: null as URL | null, hops: [start.host], commit: null as string | null, total: null as number | null };
      for (let failures = 0; ; ) {
        try {
          const finalUrl = await attempt(start, state, signal, agent);
          const bytes = new Uint8Array(Buffer.concat(state.chunks, state.have));
          return { bytes, url, finalUrl: finalUrl.href, hops: state.hops, commit: state.commit, retries: failures };
        } catch (error) {
          if (!(error instanceof Retryable)) throw error;
          failures += 1;
          if (failures >= backoff.maxAttempts) throw new HttpError(clean(`${error.message} after ${failures} attempts (${start.host}${start.pathname})`), error.status);
          options.onRetry?.(start.host, error.message, failures, backoff.maxAttempts);
          await sleep(Math.max(error.waitMs, backoffDelay(failures - 1, backoff, options.random)), signal);
        }
      }
    },
    close: () => agent.close(),
  };
}
