// When to stop asking a host (issue 7 §7). A request is tried up to maxAttempts times; when
// every attempt failed without a complete answer (timeouts, the whole-response deadline,
// refused, reset or cut connections) and the host gave no complete answer to any request
// since that request began, the host is given up: the request and every later one to it fail
// at once with GaveUpOnHost, and the fetch ends keeping what it has. So a host that never
// answers costs at most maxAttempts × the deadline + the backoff waits. A host that answers,
// even with 5xx, is alive: its failing requests fail one by one, as items.
import { GaveUpOnHost } from './refused.js';

export class HostHealth {
  private readonly lastAnswer = new Map<string, number>();
  private readonly down = new Map<string, GaveUpOnHost>();

  /** Call when the host gave a complete answer (any status). */
  answered(origin: string, now = Date.now()): void {
    this.lastAnswer.set(origin, now);
  }

  /** Throws GaveUpOnHost when the host was given up. */
  check(origin: string): void {
    const error = this.down.get(origin);
    if (error) throw error;
  }

  /** A request begun at `since` failed on every attempt: returns the GaveUpOnHost to throw
   *  when the host answered nothing since then (and remembers it), else null. */
  exhausted(origin: string, host: string, since: number, message: string): GaveUpOnHost | null {
    const error = this.down.get(origin);
    if (error) return error;
    if ((this.lastAnswer.get(origin) ?? 0) >= since) return null;
    const gaveUp = new GaveUpOnHost(host, message);
    this.down.set(origin, gaveUp);
    return gaveUp;
  }
}
