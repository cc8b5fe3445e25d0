// The one way hubscope downloads a file (a parquet shard of LMArena, the Hub-wide snapshot's
// footer and column chunks) the way the Hub serves it: an API route redirects to `resolve/…`,
// which redirects to a CDN on another host (hub-api.md §3.5, §12). Redirects are followed here
// by hand under origin-policy.ts in its `follow-without-token` mode: the bearer header goes only
// to the origins the caller trusts (the Hub's and the dataset viewer's), a redirect to another
// origin is followed without it, only http(s) is ever followed. A cut body is retried with
// backoff, resuming with `Range` from where it stopped.
//
// Three shapes of the same request: `get` (a whole file into memory, for shards of a few MB),
// `head` (what a resolve route says of a file — its size, commit and the CDN URL — without
// downloading it, as huggingface_hub's get_hf_file_metadata does) and `getRange` (a byte range
// streamed to the caller, who writes it where it belongs: the snapshot's sparse copy).
import { Agent, request, type Dispatcher } from 'undici';
import { DataError } from '../data/errors.js';
import { redactSecrets } from '../text/redact.js';
import { TOOL } from '../version.js';
import { DEFAULT_BACKOFF, backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import { HttpError, OfflineError, describeNetworkError } from './http-client.js';
import { OriginPolicy, isRedirect } from './origin-policy.js';

export interface DownloadOptions {
  token?: string | null;
  /** Origins (`http://host:port`) that may receive the token. */
  trustedOrigins: readonly string[];
  offline?: boolean;
  maxRedirects?: number;
  /** Largest file `get` accepts (default 2 GiB). */
  maxBytes?: number;
  backoff?: Partial<BackoffOptions>;
  /** Connections per origin (default 4). */
  connections?: number;
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

/** What a resolve route says of a file, without its body. */
export interface FileHead {
  /** Where the bytes are (the CDN URL of the resolve route's redirect, or the URL itself). */
  url: string;
  /** X-Linked-Size of the redirect, else the final answer's Content-Length; null if neither. */
  size: number | null;
  commit: string | null;
  etag: string | null;
  hops: string[];
}

export interface DownloadStats {
  requests: number;
  /** Attempts retried (a cut body resumed, a 5xx, a reset). */
  retries: number;
  /** Body bytes received. */
  bytes: number;
}

export interface FileDownloader {
  readonly stats: DownloadStats;
  get(url: string, signal?: AbortSignal): Promise<DownloadedFile>;
  head(url: string, signal?: AbortSignal): Promise<FileHead>;
  /** Streams bytes [start, end) of the file at `url` to `onBytes(offset, bytes)`, resuming a
   *  cut body at the byte it stopped at. A server that ignores Range is a DataError. When the
   *  attempts run out the HttpError names them; the bytes already handed over stay handed. */
  getRange(url: string, start: number, end: number, onBytes: (offset: number, bytes: Uint8Array) => Promise<void> | void, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/** The token policy: only an http(s) origin the caller trusts gets the bearer header. */
export function sendsToken(target: URL, trustedOrigins: readonly string[]): boolean {
  return new OriginPolicy(trustedOrigins, 'follow-without-token').carriesToken(target);
}

const FOLLOW = new OriginPolicy([], 'follow-without-token');

/** The next URL of a redirect, resolved against the current one; only http(s) is followed
 *  (origin-policy.ts; a RefusedAnswer otherwise). */
export function nextHop(location: string | undefined, current: URL): URL {
  return FOLLOW.redirectTarget(current, location, 0, Number.POSITIVE_INFINITY);
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

interface Sent {
  res: Dispatcher.ResponseData;
  target: URL;
  hops: string[];
  commit: string | null;
  /** The X-Linked-Size / X-Linked-Etag of the first redirect that had them. */
  linkedSize: string | null;
  linkedEtag: string | null;
}

export function createDownloader(options: DownloadOptions): FileDownloader {
  if (options.offline) throw new OfflineError('downloading a file');
  const agent = new Agent({
    connections: options.connections ?? 4,
    keepAliveTimeout: 30_000,
    headersTimeout: options.headersTimeoutMs ?? 30_000,
    bodyTimeout: options.bodyTimeoutMs ?? 60_000,
  });
  const policy = new OriginPolicy(options.trustedOrigins, 'follow-without-token');
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const secret = options.token ?? null;
  const clean = (text: string): string => redactSecrets(text, [secret]);
  const stats: DownloadStats = { requests: 0, retries: 0, bytes: 0 };

  function headersFor(target: URL, range: string | null): Record<string, string> {
    const out: Record<string, string> = { 'user-agent': `${TOOL} (node ${process.versions.node})`, accept: '*/*' };
    if (secret && policy.carriesToken(target)) out.authorization = `Bearer ${secret}`;
    if (range) out.range = range;
    return out;
  }

  /** One request from `start`, redirects followed by the policy; `stopAt` ends the chain at the
   *  first redirect for which it returns true (the redirect itself is returned). Network
   *  failures and 408/429/5xx are Retryable. */
  async function send(start: URL, method: 'GET' | 'HEAD', range: string | null, signal: AbortSignal | undefined, stopAt?: (res: Dispatcher.ResponseData) => boolean): Promise<Sent> {
    let target = start;
    const sent: Omit<Sent, 'res' | 'target'> = { hops: [start.host], commit: null, linkedSize: null, linkedEtag: null };
    for (let hop = 0; ; hop++) {
      let res: Dispatcher.ResponseData;
      stats.requests += 1;
      try {
        res = await request(target, { dispatcher: agent, method, headers: headersFor(target, range), signal });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const problem = describeNetworkError(error);
        if (problem !== null) throw new Retryable(problem, null);
        throw error;
      }
      const status = res.statusCode;
      if (isRedirect(status)) {
        sent.commit = header(res.headers, 'x-repo-commit') ?? sent.commit;
        sent.linkedSize ??= header(res.headers, 'x-linked-size') ?? null;
        sent.linkedEtag ??= header(res.headers, 'x-linked-etag') ?? null;
        if (stopAt?.(res)) return { res, target, ...sent };
        await res.body.dump();
        if (hop >= maxRedirects) throw new HttpError(`more than ${maxRedirects} redirects from ${start.host}`, status);
        target = policy.redirectTarget(target, header(res.headers, 'location'), hop, maxRedirects);
        sent.hops.push(target.host);
        continue;
      }
      if (status === 429 || status === 408 || status >= 500) {
        await res.body.dump();
        const after = Number(header(res.headers, 'retry-after'));
        throw new Retryable(`HTTP ${status}`, status, Number.isFinite(after) && after > 0 ? Math.min(after, 60) * 1000 : 0);
      }
      return { res, target, ...sent };
    }
  }

  /** Runs `attempt` until it succeeds, retrying a Retryable with backoff. */
  async function withRetries<T>(start: URL, attempt: () => Promise<T>, signal: AbortSignal | undefined): Promise<{ value: T; retries: number }> {
    for (let failures = 0; ; ) {
      try {
        return { value: await attempt(), retries: failures };
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        failures += 1;
        if (failures >= backoff.maxAttempts) throw new HttpError(clean(`${error.message} after ${failures} attempts (${start.host}${start.pathname})`), error.status);
        stats.retries += 1;
        options.onRetry?.(start.host, error.message, failures, backoff.maxAttempts);
        await sleep(Math.max(error.waitMs, backoffDelay(failures - 1, backoff, options.random)), signal);
      }
    }
  }

  const failed = async (sent: Sent, start: URL): Promise<never> => {
    await sent.res.body.dump().catch(() => undefined);
    throw new HttpError(clean(`HTTP ${sent.res.statusCode} from ${sent.target.host} for ${start.pathname}`), sent.res.statusCode);
  };

  return {
    stats,

    async get(url: string, signal?: AbortSignal): Promise<DownloadedFile> {
      const start = new URL(url);
      const state = { chunks: [] as Buffer[], have: 0, resumeFrom: null as URL | null, hops: [start.host], commit: null as string | null, total: null as number | null };
      const attempt = async (): Promise<URL> => {
        const resuming = state.have > 0 && state.resumeFrom !== null;
        if (!resuming) [state.chunks, state.have] = [[], 0];
        const sent = await send(resuming ? state.resumeFrom! : start, 'GET', state.have > 0 ? `bytes=${state.have}-` : null, signal);
        if (!resuming) state.hops = sent.hops;
        state.commit = sent.commit ?? state.commit;
        const { res, target } = sent;
        const status = res.statusCode;
        if (status === 416) {
          // the range was refused: start the body over
          await res.body.dump();
          [state.have, state.chunks, state.resumeFrom] = [0, [], null];
          throw new Retryable('HTTP 416 on resume', status);
        }
        if (state.have > 0 && status === 200) [state.chunks, state.have] = [[], 0];
        if (status !== 200 && status !== 206) return failed(sent, start);
        if (status === 206) {
          const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header(res.headers, 'content-range') ?? '');
          if (!range || Number(range[1]) !== state.have) {
            await res.body.dump();
            [state.have, state.chunks, state.resumeFrom] = [0, [], null];
            throw new Retryable('a resumed body did not start where the last one stopped', status);
          }
          if (range[2] !== '*') state.total = Number(range[2]);
        } else {
          const length = header(res.headers, 'content-length');
          state.total = length !== undefined && Number.isFinite(Number(length)) ? Number(length) : null;
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
            stats.bytes += buffer.length;
            if (state.have > maxBytes) throw new DataError(`the file at ${target.host}${target.pathname} is over the limit of ${maxBytes} bytes`);
          }
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          if (error instanceof DataError) throw error;
          throw new Retryable(`truncated body: ${describeNetworkError(error) ?? 'connection lost'}`, status);
        }
        if (state.total !== null && state.have < state.total) throw new Retryable(`truncated body (${state.have} of ${state.total} bytes)`, status);
        return target;
      };
      const { value: finalUrl, retries } = await withRetries(start, attempt, signal);
      const bytes = new Uint8Array(Buffer.concat(state.chunks, state.have));
      return { bytes, url, finalUrl: finalUrl.href, hops: state.hops, commit: state.commit, retries };
    },

    async head(url: string, signal?: AbortSignal): Promise<FileHead> {
      const start = new URL(url);
      const { value } = await withRetries(start, async () => {
        // stop at the redirect that names the file (X-Linked-Size): the CDN need not be asked
        const sent = await send(start, 'HEAD', null, signal, (res) => header(res.headers, 'x-linked-size') !== undefined);
        await sent.res.body.dump();
        const status = sent.res.statusCode;
        if (isRedirect(status)) {
          const cdn = policy.redirectTarget(sent.target, header(sent.res.headers, 'location'), 0, maxRedirects);
          return { url: cdn.href, size: Number(sent.linkedSize), commit: sent.commit, etag: sent.linkedEtag, hops: [...sent.hops, cdn.host] };
        }
        if (status !== 200) throw new HttpError(clean(`HTTP ${status} from ${sent.target.host} for ${start.pathname}`), status);
        const length = header(sent.res.headers, 'content-length');
        return { url: sent.target.href, size: length === undefined ? null : Number(length), commit: sent.commit, etag: header(sent.res.headers, 'etag') ?? null, hops: sent.hops };
      }, signal);
      return { ...value, size: value.size !== null && Number.isFinite(value.size) ? value.size : null };
    },

    async getRange(url, startByte, endByte, onBytes, signal): Promise<void> {
      const start = new URL(url);
      let at = startByte;
      await withRetries(start, async () => {
        if (at >= endByte) return;
        const sent = await send(start, 'GET', `bytes=${at}-${endByte - 1}`, signal);
        const { res } = sent;
        if (res.statusCode === 200) {
          await res.body.dump();
          throw new DataError(`${sent.target.host} ignores Range requests: cannot read only the needed bytes`);
        }
        if (res.statusCode !== 206) return failed(sent, start);
        const range = /^bytes (\d+)-/.exec(header(res.headers, 'content-range') ?? '');
        if (range && Number(range[1]) !== at) {
          await res.body.dump();
          throw new Retryable(`a ranged body started at byte ${range[1]}, not ${at}`, 206);
        }
        try {
          for await (const chunk of res.body) {
            const buffer = chunk as Buffer;
            const take = Math.min(buffer.length, endByte - at);
            await onBytes(at, take === buffer.length ? buffer : buffer.subarray(0, take));
            at += take;
            stats.bytes += take;
            if (at >= endByte) break;
          }
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          if (error instanceof DataError) throw error;
          throw new Retryable(`body cut short: ${describeNetworkError(error) ?? 'connection lost'}`, 206);
        }
        if (at < endByte) throw new Retryable(`body cut short (${at - startByte} of ${endByte - startByte} bytes)`, 206);
      }, signal);
    },

    close: () => agent.close(),
  };
}
