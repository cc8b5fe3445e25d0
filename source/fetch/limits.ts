// The bounds every answer is held to (issue 7 §6–8): a server's counts are checked before
// anything is sized from them, every request has a whole-response deadline, every body a cap,
// and pagination an end. The README's HTTP paragraph states these numbers.
import { RefusedAnswer } from './refused.js';

/** Whole-response deadline of one request (headers and body together), per attempt. */
export const DEFAULT_DEADLINE_MS = 60_000;
/** Until the response headers arrive (a server that never answers fails after this). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 30_000;
/** Until a connection is made (DNS lookup included: undici's connect timeout covers it). A
 *  connect to the Hub's CDN takes well under a second; 4 s leaves room for a lost SYN and a
 *  slow link, and keeps "the Hub cannot be reached" within 10 s (issue 9 item 10). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 4_000;
/** A host that has not answered in this run is judged unreachable after this many attempts
 *  failed with no connection made, or once they have taken this long (refused or an unknown
 *  name: about a second; connect timeouts: two attempts, about 8 s). */
export const UNREACHABLE_ATTEMPTS = 3;
export const UNREACHABLE_AFTER_MS = 5_000;
/** The largest JSON body read (far above any real page: a 1,000-model listing is ~2 MB). */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** The most of an error body read for its message. */
export const MAX_ERROR_BYTES = 64 * 1024;
/** Redirects followed for one request (same origin only for API calls). */
export const MAX_REDIRECTS = 5;
/** num_rows_total above this is refused (the v2 table has ~4,600 rows, v1 ~6,600). */
export const MAX_ROWS_TOTAL = 10_000_000;
/** X-Total-Count above this is refused (the longest model histories have a few thousand). */
export const MAX_COMMITS_TOTAL = 1_000_000;
/** Pages followed when the server gives no total (a listing): 200 pages of 1,000 models. */
export const MAX_PAGES_WITHOUT_TOTAL = 200;
/** Pages followed whatever the total says. */
export const MAX_PAGES = 2_000;
/** A stored header value (X-Revision) keeps at most this many characters. */
export const MAX_HEADER_VALUE_CHARS = 100;

const plain = (n: number): string => n.toLocaleString('en-US');

/** A server's total as a number to size work from, or a RefusedAnswer (one line) when it is
 *  not a non-negative integer or exceeds `max`. */
export function checkedTotal(value: unknown, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RefusedAnswer(`${what}: the total is not a count (${String(value).slice(0, 40)})`);
  }
  if (value > max) throw new RefusedAnswer(`${what}: the server reports ${plain(value)}, more than ${plain(max)}; refused as absurd`);
  return value;
}

/** X-Total-Count as a checked number, or null when the header is absent or not a number. */
export function totalCountHeader(header: string | undefined, max: number, what: string): number | null {
  if (header === undefined || !/^\s*\d+(\.\d+)?(e\d+)?\s*$/i.test(header)) return null;
  return checkedTotal(Number(header), max, what);
}
