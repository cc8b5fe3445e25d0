// The one HTTP client every fetch goes through: a pooled keep-alive undici Agent, a bound on
// requests in flight, pacing from the RateLimit headers, a pause of the whole client on 429,
// and retries with backoff on 408/5xx, resets, timeouts and bodies that do not parse.
// Redirects are followed here, not by undici, under origin-policy.ts: same origin only, a
// handful at most. The token goes out as a bearer header to the trusted origins (the Hub and
// the dataset viewer) and nowhere else, and is registered with text/redact.ts so that no
// message made from a server's answer can carry it. Every attempt has a whole-response
// deadline and every body a cap (limits.ts); a host that fails every attempt of a request
// while answering nothing else is given up (host-health.ts), and one with which no connection
// can be made at all before it ever answered is unreachable within seconds (issue 9 item 10).
import { Agent, request, type Dispatcher } from 'undici';
import { DataError } from '../data/errors.js';
import { redactSecrets, registerSecret } from '../text/redact.js';
import { TOOL } from '../version.js';
import { DEFAULT_BACKOFF, backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import { HostHealth } from './host-health.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_DEADLINE_MS, DEFAULT_HEADERS_TIMEOUT_MS, MAX_ERROR_BYTES, MAX_JSON_BYTES, MAX_REDIRECTS, UNREACHABLE_AFTER_MS, UNREACHABLE_ATTEMPTS } from './limits.js';
import { OriginPolicy, isRedirect, isWebUrl, type CrossOriginRedirects } from './origin-policy.js';
import { Pacer, pauseAfter429 } from './rate-limit.js';
import { RefusedAnswer } from './refused.js';
export { describeNetworkError } from './problems.js';
import { describeNetworkError, firstHeader, isTimeoutCode, isUnreachable, serverMessage } from './problems.js';
import { Deadline, formatBytes, readBody } from './response-body.js';
import { Slots } from './slots.js';
import { HUBSCOPE } from '../text/command.js';

export const DEFAULT_CONCURRENCY = 8;

export interface ClientOptions {
  concurrency?: number;
  token?: string | null;
  /** Base URLs whose origins get the token (HF_ENDPOINT, the dataset viewer); none: the token
   *  goes nowhere. */
  trustedOrigins?: readonly string[];
  /** A redirect to another origin: refused (API calls, the default) or followed without the token. */
  crossOriginRedirects?: CrossOriginRedirects;
  /** Whole-response deadline of one attempt, headers and body together (default 60 s). */
  deadlineMs?: number;
  /** Largest body read (default 64 MB); a longer one is refused. */
  maxBodyBytes?: number;
  /** HF_HUB_OFFLINE: creating a client fails, so no socket can ever be opened. */
  offline?: boolean;
  backoff?: Partial<BackoffOptions>;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Until a connection is made, DNS lookup included (default 4 s). */
  connectTimeoutMs?: number;
  /** A host not answered yet whose attempts all made no connection is unreachable after this
   *  many attempts or this long (defaults: 3, 5 s; limits.ts). */
  unreachableAttempts?: number;
  unreachableAfterMs?: number;
  /** 429s tolerated for one request before it fails. */
  max429?: number;
  /** Called when the whole client pauses (a 429): until when, and why. */
  onPause?: (untilMs: number, reason: string) => void;
  /** Called before each retry of a failed request: where, why, the how-manyth failure, and
   *  whether the attempt ran out of time (a slow failure worth telling at once). */
  onRetry?: (host: string, problem: string, failures: number, maxAttempts: number, timedOut: boolean) => void;
  random?: () => number;
}

export interface JsonResponse {
  status: number;
  /** The URL that answered (after same-origin redirects). */
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
    super(redactSecrets(message));
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
  /** answered: a complete answer came (a 5xx, malformed JSON), so the host is alive;
   *  unreachable: no connection was made at all (refused, no such name, no route, connect
   *  timeout). */
  | { kind: 'retry'; problem: string; status: number | null; timedOut: boolean; answered: boolean; unreachable?: boolean }
  | { kind: 'rate-limited' };

const GONE_STATUSES = new Set([401, 403, 404, 410]);

export class HubClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, rateLimited: 0, byStatus: {} };
  private readonly agent: Agent;
  private readonly slots: Slots;
  private readonly pacers = new Map<string, Pacer>();
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private readonly headers: Record<string, string>;
  private readonly authorization: string | null;
  private readonly policy: OriginPolicy;
  private readonly health = new HostHealth();
  private readonly deadlineMs: number;
  private readonly maxBodyBytes: number;
  private pausedUntil = 0;
  private pacingNotified = 0;

  private constructor(private readonly options: ClientOptions) {
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.slots = new Slots(concurrency);
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.headers = { 'user-agent': `${TOOL} (node ${process.versions.node})`, accept: 'application/json' };
    this.authorization = options.token ? `Bearer ${options.token}` : null;
    this.policy = new OriginPolicy(options.trustedOrigins ?? [], options.crossOriginRedirects ?? 'refuse');
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_JSON_BYTES;
    this.agent = new Agent({
      connections: concurrency,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      headersTimeout: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
      connect: { timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS },
    });
  }

  /** Throws OfflineError when offline: an offline client does not exist. The token is
   *  registered as a secret: every message redacts it from then on. */
  static create(options: ClientOptions = {}): HubClient {
    if (options.offline) throw new OfflineError();
    registerSecret(options.token);
    return new HubClient(options);
  }

  get concurrency(): number {
    return this.slots.size;
  }

  /** GET a JSON document. Resolves for 2xx and for 401/403/404/410 (body null); throws
   *  HttpError when retries run out or the answer is another 4xx, RefusedAnswer for an answer
   *  not taken (a redirect to another origin, a body over the cap), GaveUpOnHost when the host
   *  is given up; rethrows the signal's reason when aborted. */
  async getJson(url: string, signal?: AbortSignal): Promise<JsonResponse> {
    const target = new URL(url);
    if (!isWebUrl(target)) throw new RefusedAnswer(`not an http(s) URL: ${target.protocol}`);
    const began = Date.now();
    let failures = 0;
    let limited = 0;
    let noConnection = true; // every failure so far made no connection at all
    for (;;) {
      this.health.check(target.origin);
      await this.slots.acquire(signal);
      let outcome: Outcome;
      try {
        await this.gate(target.origin, signal);
        outcome = await this.once(target, signal);
      } finally {
        this.slots.release();
      }
      if (outcome.kind !== 'retry' || outcome.answered) this.health.answered(target.origin);
      if (outcome.kind === 'done') return outcome.response;
      if (outcome.kind === 'rate-limited') {
        limited += 1;
        if (limited > (this.options.max429 ?? 30)) throw new HttpError(`HTTP 429 (rate limited) ${limited} times`, 429);
        continue; // the pause is already set; no backoff on top of it
      }
      failures += 1;
      noConnection &&= outcome.unreachable === true;
      // issue 9 item 10: a host that has not answered in this run and with which no connection
      // could be made is told at once (seconds), not after the whole retry policy (a minute)
      const fastVerdict = noConnection && !this.health.everAnswered(target.origin);
      if (fastVerdict) {
        const elapsed = Date.now() - began;
        if (failures >= (this.options.unreachableAttempts ?? UNREACHABLE_ATTEMPTS) || elapsed >= (this.options.unreachableAfterMs ?? UNREACHABLE_AFTER_MS)) {
          throw this.health.unreachable(target.origin, target.host, outcome.problem, failures, elapsed / 1000);
        }
      }
      if (failures >= this.backoff.maxAttempts) {
        const seconds = Math.round((Date.now() - began) / 1000);
        const gaveUp = this.health.exhausted(
          target.origin,
          target.host,
          began,
          `gave up on ${target.host}: ${outcome.problem} on all ${failures} attempts over ${seconds} s, and no answer to any other request meanwhile; what was fetched is kept, run ${HUBSCOPE} fetch again later`,
        );
        if (gaveUp) throw gaveUp;
        throw new HttpError(`${outcome.problem} after ${failures} attempts`, outcome.status);
      }
      this.stats.retries += 1;
      // the fast verdict comes within seconds: its retries are not news
      if (!fastVerdict) this.options.onRetry?.(target.host, outcome.problem, failures, this.backoff.maxAttempts, outcome.timedOut);
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

  /** The text with the token's exact value replaced (a cheap check on every body). */
  private withoutToken(text: string): string {
    const token = this.options.token;
    return token && token.length >= 4 && text.includes(token) ? text.split(token).join('[redacted]') : text;
  }

  /** The request headers for a URL: the bearer token only for a trusted origin. */
  private headersFor(url: URL): Record<string, string> {
    if (this.authorization === null || !this.policy.carriesToken(url)) return this.headers;
    return { ...this.headers, authorization: this.authorization };
  }

  /** One attempt: the request, same-origin redirects followed, the body read within the cap,
   *  all within one deadline. */
  private async once(target: URL, signal?: AbortSignal): Promise<Outcome> {
    const pacer = this.pacer(target.origin);
    const deadline = new Deadline(this.deadlineMs, signal);
    let answered = false;
    let url = target;
    try {
      for (let hops = 0; ; hops += 1) {
        this.stats.requests += 1;
        const res = await request(url, { dispatcher: this.agent, method: 'GET', headers: this.headersFor(url), signal: deadline.signal });
        const headers = firstHeader(res.headers);
        const status = res.statusCode;
        this.count(status);
        if (isRedirect(status)) {
          await res.body.dump().catch(() => undefined);
          pacer.onResponse(Date.now(), headers.ratelimit, headers['ratelimit-policy']);
          pacer.onSend(Date.now()); // the next hop is a request of its own
          url = this.policy.redirectTarget(url, headers.location, hops, MAX_REDIRECTS);
          continue;
        }
        answered = true;
        pacer.onResponse(Date.now(), headers.ratelimit, headers['ratelimit-policy']);
        return await this.outcome(url, status, headers, res.body);
      }
    } catch (error) {
      if (!answered) pacer.onResponse(Date.now());
      if (signal?.aborted) throw signal.reason;
      if (error instanceof HttpError || error instanceof DataError) throw error;
      if (deadline.expired) return { kind: 'retry', problem: `no complete answer within ${deadline.ms / 1000} s`, status: null, timedOut: true, answered: false };
      const problem = describeNetworkError(error);
      const code = (error as { code?: unknown }).code;
      const timedOut = typeof code === 'string' && isTimeoutCode(code);
      if (problem !== null) return { kind: 'retry', problem: answered ? `truncated body: ${problem}` : problem, status: null, timedOut, answered: false, unreachable: !answered && isUnreachable(error) };
      throw error;
    } finally {
      deadline.clear();
    }
  }

  /** What a (non-redirect) answer means: done, retry, a pause, or an error thrown. */
  private async outcome(url: URL, status: number, headers: Record<string, string>, body: Dispatcher.ResponseData['body']): Promise<Outcome> {
    if (status === 429) {
      await body.dump().catch(() => undefined);
      this.stats.rateLimited += 1;
      this.pacer(url.origin).forget();
      this.pause(pauseAfter429({ rateLimit: headers.ratelimit, retryAfter: headers['retry-after'] }), 'rate limited (HTTP 429)');
      return { kind: 'rate-limited' };
    }
    if (status === 408 || status >= 500) {
      await body.dump().catch(() => undefined);
      return { kind: 'retry', problem: `HTTP ${status}`, status, timedOut: false, answered: true };
    }
    if (status >= 200 && status < 300) {
      const read = await readBody(body, this.maxBodyBytes, headers['content-length']);
      if (read.over) throw new RefusedAnswer(`the answer from ${url.host} is larger than ${formatBytes(this.maxBodyBytes)}; refused`);
      // a server could echo the token into data (a row cell, a card field): never kept
      const text = this.withoutToken(read.bytes.toString('utf8'));
      try {
        return { kind: 'done', response: { status, url: url.href, headers, body: JSON.parse(text), errorMessage: null } };
      } catch {
        return { kind: 'retry', problem: `malformed JSON (${text.length} bytes)`, status, timedOut: false, answered: true };
      }
    }
    const read = await readBody(body, MAX_ERROR_BYTES).catch(() => ({ bytes: Buffer.alloc(0), over: false }));
    const errorMessage = serverMessage(headers, read.bytes.toString('utf8'));
    if (GONE_STATUSES.has(status)) {
      return { kind: 'done', response: { status, url: url.href, headers, body: null, errorMessage } };
    }
    throw new HttpError(`HTTP ${status}${errorMessage ? `: ${errorMessage}` : ''}`, status);
  }
}
