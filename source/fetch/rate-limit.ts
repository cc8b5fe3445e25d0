// The Hub's rate-limit signals (hub-api.md §6.2) and the pacing they drive.
//   RateLimit: "api";r=<remaining>;t=<seconds to reset>
//   RateLimit-Policy: "fixed window";"api";q=<quota>;w=<window seconds>
//   Retry-After: <seconds> | <HTTP-date>
// Pacer keeps an estimate of the requests left in the current window: every send takes one,
// every response corrects it. When the estimate runs low the remaining requests are spread
// over the time left, and when it runs out sends wait for the window to reset — so a 429
// stays the exception, not the way the limit is discovered.

export interface RateLimitInfo {
  remaining: number;
  resetSeconds: number;
}

export interface RateLimitPolicy {
  quota: number;
  windowSeconds: number | null;
}

function params(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    out.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim().replace(/^"|"$/g, ''));
  }
  return out;
}

function int(value: string | undefined): number | null {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

/** `"api";r=12;t=55` → {remaining 12, resetSeconds 55}; null when r or t is missing. With
 *  several comma-separated limits, the tightest is kept. */
export function parseRateLimit(header: string | null | undefined): RateLimitInfo | null {
  if (!header) return null;
  let best: RateLimitInfo | null = null;
  for (const item of header.split(',')) {
    const p = params(item);
    const remaining = int(p.get('r'));
    const resetSeconds = int(p.get('t'));
    if (remaining === null || resetSeconds === null) continue;
    if (best === null || remaining < best.remaining) best = { remaining, resetSeconds };
  }
  return best;
}

/** `"fixed window";"api";q=500;w=300` → {quota 500, windowSeconds 300}. */
export function parseRateLimitPolicy(header: string | null | undefined): RateLimitPolicy | null {
  if (!header) return null;
  const p = params(header);
  const quota = int(p.get('q'));
  if (quota === null) return null;
  return { quota, windowSeconds: int(p.get('w')) };
}

/** Retry-After as milliseconds from `now` (delay-seconds or an HTTP-date); null when absent. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** How long to pause everything after a 429, in ms (the reset time when the server says the
 *  bucket is empty, else Retry-After, else a guess), plus a little slack. */
export function pauseAfter429(headers: { rateLimit?: string | null; retryAfter?: string | null }, now = Date.now()): number {
  const limit = parseRateLimit(headers.rateLimit);
  const retryAfter = parseRetryAfter(headers.retryAfter, now);
  let wait: number;
  if (limit && limit.remaining === 0) wait = limit.resetSeconds * 1000;
  else if (retryAfter !== null) wait = retryAfter;
  else if (limit) wait = limit.resetSeconds * 1000;
  else wait = 10_000;
  return Math.min(wait, 15 * 60_000) + 250;
}

/** Slack added to an estimated reset time: t is whole seconds, rounded up by servers. */
const RESET_SLACK_MS = 250;
/** Responses whose reset time differs by more than this belong to another window. */
const SAME_WINDOW_MS = 1500;

/** Pacing state for one origin. Times are epoch milliseconds. */
export class Pacer {
  private remaining: number | null = null;
  private resetAt = 0;
  private quota: number | null = null;
  private peak = 0;
  private lastSendAt = 0;
  private inFlight = 0;

  /** Call when a request is sent. */
  onSend(now: number): void {
    this.inFlight += 1;
    this.lastSendAt = now;
    if (this.remaining !== null) this.remaining -= 1;
  }

  /** Call when a request ends (with its response headers, or none after a network error). */
  onResponse(now: number, rateLimit?: string | null, policy?: string | null): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const pol = parseRateLimitPolicy(policy);
    if (pol) this.quota = pol.quota;
    const info = parseRateLimit(rateLimit);
    if (!info) return;
    const resetAt = now + info.resetSeconds * 1000;
    // r was counted when the server handled this request; the others still in flight may
    // not be in it yet, so they are taken off (an estimate that errs on the safe side).
    const estimate = info.remaining - this.inFlight;
    if (this.remaining === null || now >= this.resetAt || resetAt > this.resetAt + SAME_WINDOW_MS) {
      this.remaining = estimate;
      this.resetAt = resetAt;
      this.peak = info.remaining;
    } else if (resetAt < this.resetAt - SAME_WINDOW_MS) {
      // a late answer from the previous window: says nothing about this one
    } else {
      this.remaining = Math.min(this.remaining, estimate);
      this.peak = Math.max(this.peak, info.remaining);
    }
  }

  /** The window is spent (a 429): nothing more is known until the next response. */
  forget(): void {
    this.remaining = null;
  }

  /** Milliseconds to wait before the next send (0: go now). */
  delay(now: number): number {
    if (this.remaining === null) return 0;
    if (now >= this.resetAt) {
      this.remaining = null;
      return 0;
    }
    const left = this.resetAt - now;
    if (this.remaining <= 0) return left + RESET_SLACK_MS;
    // Plenty left: no spacing. Low: spread what is left over the time left.
    const reference = this.quota ?? this.peak;
    if (this.remaining > reference / 2) return 0;
    const interval = left / this.remaining;
    return Math.max(0, this.lastSendAt + interval - now);
  }

  /** For tests and status: the current estimate. */
  snapshot(): { remaining: number | null; resetAt: number; quota: number | null } {
    return { remaining: this.remaining, resetAt: this.resetAt, quota: this.quota };
  }
}
