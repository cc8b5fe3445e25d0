// Answers a fetch refuses for good, and a host it gave up on. Both are DataErrors: one line for
// the item (or the whole fetch), never retried within the run, never a stack trace. Their
// messages pass through redactSecrets, like every message the fetch makes (issue 7 §5).
import { DataError } from '../data/errors.js';
import { redactSecrets } from '../text/redact.js';
import { sanitize } from '../text/sanitize.js';

/** An answer that retrying cannot fix and that is not taken: a redirect or Link to another
 *  origin or scheme, a body over the cap, an absurd total, a page loop. */
export class RefusedAnswer extends DataError {
  constructor(message: string) {
    super(redactSecrets(sanitize(message)));
    this.name = 'RefusedAnswer';
  }
}

/** Every attempt of a request failed and the host answered nothing else meanwhile: the fetch
 *  stops asking it (what was fetched is kept). */
export class GaveUpOnHost extends DataError {
  constructor(
    readonly host: string,
    message: string,
  ) {
    super(redactSecrets(sanitize(message)));
    this.name = 'GaveUpOnHost';
  }
}

/** The host could not be reached at all — the connection refused, the name not resolved, no
 *  route, or no connection within the connect timeout — on the first attempts of a fetch that
 *  has had no answer from it yet (issue 9 item 10): no network, a wrong HF_ENDPOINT, the host
 *  down. Told within seconds rather than after the whole retry policy; the fetch ends keeping
 *  what the cache holds. A host that answered once in this run, or answers slowly, or with
 *  5xx, is never "unreachable": it keeps the retry policy. */
export class HostUnreachable extends GaveUpOnHost {
  constructor(
    host: string,
    readonly origin: string,
    readonly problem: string,
    readonly attempts: number,
    readonly seconds: number,
  ) {
    super(host, `cannot reach ${host}: ${problem} on ${attempts} attempts over ${seconds.toFixed(1)} s`);
    this.name = 'HostUnreachable';
  }
}
