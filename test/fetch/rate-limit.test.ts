// RateLimit / RateLimit-Policy / Retry-After parsing and the Pacer's decisions (pure).
import { describe, expect, it } from 'vitest';
import { Pacer, parseRateLimit, parseRateLimitPolicy, parseRetryAfter, pauseAfter429 } from '../../source/fetch/rate-limit.js';
import { backoffDelay, DEFAULT_BACKOFF } from '../../source/fetch/backoff.js';

describe('rate-limit headers', () => {
  it('reads RateLimit r and t, keeping the tightest of several limits', () => {
    expect(parseRateLimit('"api";r=12;t=55')).toEqual({ remaining: 12, resetSeconds: 55 });
    expect(parseRateLimit('"api";r=40;t=10, "pages";r=3;t=20')).toEqual({ remaining: 3, resetSeconds: 20 });
    expect(parseRateLimit('"api";t=10')).toBeNull();
    expect(parseRateLimit(undefined)).toBeNull();
  });

  it('reads RateLimit-Policy q and w', () => {
    expect(parseRateLimitPolicy('"fixed window";"api";q=500;w=300')).toEqual({ quota: 500, windowSeconds: 300 });
    expect(parseRateLimitPolicy('"fixed window";"api"')).toBeNull();
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('pauses after a 429 for t when r=0, else Retry-After, plus slack', () => {
    expect(pauseAfter429({ rateLimit: '"api";r=0;t=55', retryAfter: '3' })).toBe(55_250);
    expect(pauseAfter429({ rateLimit: '"api";r=5;t=55', retryAfter: '3' })).toBe(3_250);
    expect(pauseAfter429({})).toBe(10_250);
  });
});

describe('Pacer', () => {
  const t0 = 1_000_000;

  it('does not hold requests back while the window has plenty left', () => {
    const pacer = new Pacer();
    expect(pacer.delay(t0)).toBe(0);
    pacer.onSend(t0);
    pacer.onResponse(t0 + 10, '"api";r=400;t=300', '"fixed window";"api";q=500;w=300');
    expect(pacer.delay(t0 + 10)).toBe(0);
  });

  it('spreads what is left over the time left once it runs low', () => {
    const pacer = new Pacer();
    pacer.onSend(t0);
    pacer.onResponse(t0, '"api";r=10;t=10', '"fixed window";"api";q=100;w=10');
    // 10 left for 10 s: one request a second
    expect(pacer.delay(t0)).toBeGreaterThan(900);
    expect(pacer.delay(t0 + 1000)).toBe(0);
  });

  it('waits for the reset when nothing is left, counting its own requests in flight', () => {
    const pacer = new Pacer();
    pacer.onSend(t0);
    pacer.onResponse(t0, '"api";r=2;t=5', null);
    pacer.onSend(t0 + 1);
    pacer.onSend(t0 + 2);
    const wait = pacer.delay(t0 + 3);
    expect(wait).toBeGreaterThanOrEqual(5000 - 3);
    expect(pacer.delay(t0 + 5300)).toBe(0); // a new window: nothing known, go
  });

  it('ignores a late answer from the previous window', () => {
    const pacer = new Pacer();
    pacer.onSend(t0);
    pacer.onResponse(t0, '"api";r=90;t=10', '"fixed window";"api";q=100;w=10');
    pacer.onSend(t0 + 10);
    pacer.onResponse(t0 + 20, '"api";r=0;t=1', null); // an older request's view, window ending earlier
    expect(pacer.delay(t0 + 20)).toBe(0);
  });

  it('forgets the window after a 429', () => {
    const pacer = new Pacer();
    pacer.onSend(t0);
    pacer.onResponse(t0, '"api";r=0;t=30', null);
    expect(pacer.delay(t0)).toBeGreaterThan(29_000);
    pacer.forget();
    expect(pacer.delay(t0)).toBe(0);
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const max = (retry: number): number => backoffDelay(retry, DEFAULT_BACKOFF, () => 0.999999);
    expect(max(0)).toBeLessThan(DEFAULT_BACKOFF.baseMs);
    expect(max(3)).toBeGreaterThan(max(2));
    expect(max(20)).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
    expect(backoffDelay(5, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.baseMs / 10);
  });
});
