// When to stop asking a host (issue 7 §7). A request is tried up to maxAttempts times; when
// every attempt failed without a complete answer (timeouts, the whole-response deadline,
// refused, reset or cut connections) and the host gave no complete answer to any request
// since that request began, the host is given up: the request and every later one to it fail
// at once with GaveUpOnHost, and the fetch ends keeping what it has. So a host that never
// answers costs at most maxAttempts × the deadline + the backoff waits. A host that answers,
// even with 5xx, is alive: its failing requests fail one by one, as items. A host that has not
// answered in this run and whose first attempts made no connection at all is unreachable
// (issue 9 item 10): given up at once, with HostUnreachable.
import { GaveUpOnHost, HostUnreachable } from './refused.js';

export class HostHealth {
  private readonly lastAnswer = new Map<string, number>();
  private readonly down = new Map<string, GaveUpOnHost>();

  /** Call when the host gave a complete answer (any status). */
  answered(origin: string, now = Date.now()): void {
    this.lastAnswer.set(origin, now);
  }

  /** Whether the host gave a complete answer in this run. */
  everAnswered(origin: string): boolean {
    return this.lastAnswer.has(origin);
  }

  /** The host never answered and made no connection on the first attempts: remembers and
   *  returns the HostUnreachable to throw (the first one, when several requests find it). */
  unreachable(origin: string, host: string, problem: string, attempts: number, seconds: number): GaveUpOnHost {
    const known = this.down.get(origin);
    if (known) return known;
    const error = new HostUnreachable(host, origin, problem, attempts, seconds);
    this.down.set(origin, error);
    return error;
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
