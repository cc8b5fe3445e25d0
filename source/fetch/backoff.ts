// Retry delays: exponential backoff with full jitter (a random wait in [0, min(cap, base·2^n))).
// Full jitter spreads retries of many parallel requests so they do not come back in step.

export interface BackoffOptions {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { maxAttempts: 8, baseMs: 400, capMs: 20_000, factor: 2 };

/** The wait before retry number `retry` (0 for the first retry). */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * options.factor ** retry);
  // Never zero: a floor of a tenth of the base keeps a hammered server from an instant retry.
  return Math.max(options.baseMs / 10, Math.floor(random() * ceiling));
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
