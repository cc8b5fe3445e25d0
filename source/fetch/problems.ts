// How an answer or a failure is told: the headers as one lowercase map, a network error as a
// short line, a server's error text sanitised and redacted (it may echo the request's
// Authorization header: issue 7 §5). No message made here carries a header of the request.
import { redactSecrets } from '../text/redact.js';
import { sanitize } from '../text/sanitize.js';

const NOT_RETRYABLE_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'UND_ERR_ABORTED', 'ABORT_ERR']);

export function firstHeader(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export const isTimeoutCode = (code: string): boolean => code.includes('TIMEOUT') || code === 'ETIMEDOUT';

/** Failures where no connection was ever made (issue 9 item 10): refused, a name that does not
 *  resolve, no route, no connection within the connect timeout. Unlike a reset, a timeout
 *  waiting for an answer or a 5xx, these say nothing about a slow server: no server answered. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a request failed before any connection was made (UNREACHABLE_CODES). */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  // happy eyeballs (several addresses tried): an AggregateError of connect failures
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => isUnreachable(e));
}

/** A short, token-free description of a network failure. */
export function describeNetworkError(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  if (error.name === 'HTTPParserError') {
    // not HTTP (a control character in a header, say): the server's bytes are not quoted
    const why = /\(([^()]*)\)\s*$/.exec(error.message)?.[1];
    return `malformed HTTP answer${why ? ` (${sanitize(why).slice(0, 60)})` : ''}`;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || NOT_RETRYABLE_CODES.has(code)) return null;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'no connection within the connect timeout (UND_ERR_CONNECT_TIMEOUT)';
  if (isTimeoutCode(code)) return `timeout (${code})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return `the name does not resolve (${code})`;
  if (code === 'EAI_AGAIN') return 'the name could not be looked up (EAI_AGAIN: no DNS answer)';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') return `no route to the host (${code})`;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') return `connection reset (${code})`;
  if (code.startsWith('UND_ERR_') || code.startsWith('E')) return `network error (${code})`;
  return null;
}

/** The server's own error text (X-Error-Message, else the JSON body's `error`): sanitised,
 *  redacted, at most 200 characters. */
export function serverMessage(headers: Record<string, string>, text: string): string | null {
  let message = headers['x-error-message'] ?? null;
  if (message === null) {
    try {
      const json = JSON.parse(text) as { error?: unknown };
      if (typeof json.error === 'string') message = json.error;
    } catch {
      // not JSON: no message
    }
  }
  // redacted before it is cut short: a cut could leave a token unrecognisable
  return message === null ? null : redactSecrets(sanitize(message)).slice(0, 200);
}
