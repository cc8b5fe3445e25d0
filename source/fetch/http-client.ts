// The one HTTP client every fetch goes through: a pooled keep-alive undici Agent (redirects
// followed), a bound on requests in flight, pacing from the RateLimit headers, a pause of the
// whole client on 429, and retries with backoff on 408/5xx, resets, timeouts and bodies that
// do not parse. The token goes out as a bearer header and nowhere else: no message built here
// includes a header.
import { Agent, interceptors, request, type Dispatcher } from 'undici';
import { DataError } from '../data/errors.js';
import { sanitize } from '../text/sanitize.js';
import { TOOL } from '../version.js';
import { DEFAULT_BACKOFF, backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import { Pacer, pauseAfter429 } from './rate-limit.js';
import { Slots } from './slots.js';

export const DEFAULT_CONCURRENCY = 8;

export interface ClientOptions {
  concurrency?: number;
  token?: string | null;
  /** HF_HUB_OFFLINE: creating a client fails, so no socket can ever be opened. */
  offline?: boolean;
  backoff?: Partial<BackoffOptions>;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** 429s tolerated for one request before it fails. */
  max429?: number;
  /** Called when the whole client pauses (a 429): until when, and why. */
  onPause?: (untilMs: number, reason: string) => void;
  /** Called before each retry of a failed request: where, why, and the how-manyth failure. */
  onRetry?: (host: string, problem: string, failures: number, maxAttempts: number) => void;
  random?: () => number;
}

export interface JsonResponse {
  status: number;
  url: string;
  /** Lowercase names; the first value of repeated headers. */
  headers: Record<string, string>;
  /** The parsed body for 2xx, null for 401/403/404/410 (the caller decides what they mean). */
  body: unknown;
  /** The server's own error text for 4xx answers, if any (sanitised, short). */
  errorMessage: string | null;
}

/** A request that failed for good: retries exhausted, or an answer that retrying cannot fix. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class OfflineError extends DataError {
  constructor(what = 'hubscope fetch') {
    super(`offline: HF_HUB_OFFLINE (or --offline) is set and ${what} needs the network; nothing was fetched or changed`);
    this.name = 'OfflineError';
  }
}

export interface ClientStats {
  requests: number;
  retries: number;
  rateLimited: number;
  byStatus: Record<string, number>;
}

type Outcome =
  | { kind: 'done'; response: JsonResponse }
  | { kind: 'retry'; problem: string; status: number | null }
  | { kind: 'rate-limited' };

const GONE_STATUSES = new Set([401, 403, 404, 410]);
const NOT_RETRYABLE_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'UND_ERR_ABORTED', 'ABORT_ERR']);

function firstHeader(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A short, token-free description of a network failure. */
export function describeNetworkError(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || NOT_RETRYABLE_CODES.has(code)) return null;
  if (code.includes('TIMEOUT') || code === 'ETIMEDOUT') return `timeout (${code})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') return `connection reset (${code})`;
  if (code.startsWith('UND_ERR_') || code.startsWith('E')) return `network error (${code})`;
  return null;
}

function serverMessage(headers: Record<string, string>, text: string): string | null {
  let message = headers['x-error-message'] ?? null;
  if (message === null) {
    try {
      const json = JSON.parse(text) as { error?: unknown };
      if (typeof json.error === 'string') message = json.error;
    } catch {
      // not JSON: no message
    }
  }
  return message === null ? null : sanitize(message).slice(0, 200);
}

export class HubClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, rateLimited: 0, byStatus: {} };
  private readonly dispatcher: Dispatcher;
  private readonly agent: Agent;
  private readonly slots: Slots;
  private readonly pacers = new Map<string, Pacer>();
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private readonly headers: Record<string, string>;
  private pausedUntil = 0;
  private pacingNotified = 0;

  private constructor(private readonly options: ClientOptions) {
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.slots = new Slots(concurrency);
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.headers = { 'user-agent': `${TOOL} (node ${process.versions.node})`, accept: 'application/json' };
    if (options.token) this.headers.authorization = `Bearer ${options.token}`;
    this.agent = new Agent({
      connections: concurrency,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      headersTimeout: options.headersTimeoutMs ?? 30_000,
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
      connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    });
    this.dispatcher = this.agent.compose(interceptors.redirect({ maxRedirections: 5 }));
  }

  /** Throws OfflineError when offline: an offline client does not exist. */
  static create(options: ClientOptions = {}): HubClient {
    if (options.offline) throw new OfflineError();
    return new HubClient(options);
  }

  get concurrency(): number {
    return this.slots.size;
  }

  /** GET a JSON document. Resolves for 2xx and for 401/403/404/410 (body null); throws
   *  HttpError when retries run out or the answer is another 4xx; rethrows the signal's
   *  reason when aborted. */
  async getJson(url: string, signal?: AbortSignal): Promise<JsonResponse> {
    const target = new URL(url);
    let failures = 0;
    let limited = 0;
    for (;;) {
      await this.slots.acquire(signal);
      let outcome: Outcome;
      try {
        await this.gate(target.origin, signal);
        outcome = await this.once(target, signal);
      } finally {
        this.slots.release();
      }
      if (outcome.kind === 'done') return outcome.response;
      if (outcome.kind === 'rate-limited') {
        limited += 1;
        if (limited > (this.options.max429 ?? 30)) throw new HttpError(`HTTP 429 (rate limited) ${limited} times`, 429);
        continue; // the pause is already set; no backoff on top of it
      }
      failures += 1;
      if (failures >= this.backoff.maxAttempts) {
        throw new HttpError(`${outcome.problem} after ${failures} attempts`, outcome.status);
      }
      this.stats.retries += 1;
      this.options.onRetry?.(target.host, outcome.problem, failures, this.backoff.maxAttempts);
      await sleep(backoffDelay(failures - 1, this.backoff, this.random), signal);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private pacer(origin: string): Pacer {
    let pacer = this.pacers.get(origin);
    if (!pacer) {
      pacer = new Pacer();
      this.pacers.set(origin, pacer);
    }
    return pacer;
  }

  /** Waits out a client-wide pause and the origin's pacing, then counts the send. */
  private async gate(origin: string, signal?: AbortSignal): Promise<void> {
    const pacer = this.pacer(origin);
    for (;;) {
      const now = Date.now();
      const paced = pacer.delay(now);
      const wait = Math.max(this.pausedUntil - now, paced);
      if (wait <= 0) break;
      // a long pacing wait (the window is spent) is reported like a pause, once
      if (paced >= 1000 && paced > this.pausedUntil - now && now + paced > this.pacingNotified + 1000) {
        this.pacingNotified = now + paced;
        this.options.onPause?.(now + paced, 'pacing: the rate-limit window is spent');
      }
      await sleep(wait, signal);
    }
    pacer.onSend(Date.now());
  }

  private pause(ms: number, reason: string): void {
    const until = Date.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    this.options.onPause?.(until, reason);
  }

  private count(status: number): void {
    const key = String(status);
    this.stats.byStatus[key] = (this.stats.byStatus[key] ?? 0) + 1;
  }

  private async once(target: URL, signal?: AbortSignal): Promise<Outcome> {
    const pacer = this.pacer(target.origin);
    let answered = false;
    this.stats.requests += 1;
    try {
      const res = await request(target, { dispatcher: this.dispatcher, method: 'GET', headers: this.headers, signal });
      const headers = firstHeader(res.headers);
      answered = true;
      pacer.onResponse(Date.now(), headers.ratelimit, headers['ratelimit-policy']);
      const status = res.statusCode;
      this.count(status);
      if (status === 429) {
        await res.body.dump();
        this.stats.rateLimited += 1;
        pacer.forget();
        this.pause(pauseAfter429({ rateLimit: headers.ratelimit, retryAfter: headers['retry-after'] }), 'rate limited (HTTP 429)');
        return { kind: 'rate-limited' };
      }
      if (status === 408 || status >= 500) {
        await res.body.dump();
        return { kind: 'retry', problem: `HTTP ${status}`, status };
      }
      if (status >= 200 && status < 300) {
        const text = await res.body.text();
        try {
          return { kind: 'done', response: { status, url: target.href, headers, body: JSON.parse(text), errorMessage: null } };
        } catch {
          return { kind: 'retry', problem: `malformed JSON (${text.length} bytes)`, status };
        }
      }
      const text = await res.body.text().catch(() => '');
      const errorMessage = serverMessage(headers, text);
      if (GONE_STATUSES.has(status)) {
        return { kind: 'done', response: { status, url: target.href, headers, body: null, errorMessage } };
      }
      throw new HttpError(`HTTP ${status}${errorMessage ? `: ${errorMessage}` : ''}`, status);
    } catch (error) {
      if (!answered) pacer.onResponse(Date.now());
      if (signal?.aborted) throw signal.reason;
      if (error instanceof HttpError) throw error;
      const problem = describeNetworkError(error);
      if (problem !== null) return { kind: 'retry', problem: answered ? `truncated body: ${problem}` : problem, status: null };
      throw error;
    }
  }
}
