// A header value that is stored or shown (the dataset viewer's X-Revision): control sequences
// stripped (text/sanitize.ts), only printable characters kept, secrets redacted and the length
// bounded (issue 7 §11), so a hostile header can neither drive the terminal nor bloat the cache.
import { redactSecrets } from '../text/redact.js';
import { sanitize } from '../text/sanitize.js';
import { MAX_HEADER_VALUE_CHARS } from './limits.js';

const PRINTABLE = /[^\x20-\x7e]/g;

/** The value sanitised, printable ASCII only, at most `max` characters; null when nothing is left. */
export function storedHeaderValue(value: string | undefined, max = MAX_HEADER_VALUE_CHARS): string | null {
  if (value === undefined) return null;
  const clean = redactSecrets(sanitize(value).replace(PRINTABLE, '').trim()).slice(0, max);
  return clean === '' ? null : clean;
}
