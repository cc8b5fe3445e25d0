// Every string that leaves the program goes through here (issue 7 item 11): terminal control
// sequences stripped (sanitize) and secrets redacted (redactSecrets), whatever it came from —
// a value normalised long ago, a cache written before a fix, a server's error text, a file
// name. The renderers sanitise each value they draw; these are the exit doors on top:
//   safeText  — one value on one line (error lines, status fields)
//   safeLines — text output we rendered: our own colour codes (SGR) and line breaks survive,
//               nothing else does
//   safeJson  — JSON output: every string value, and every key, made safe
import { sanitize } from './sanitize.js';
import { redactSecrets } from './redact.js';

/** One value as one safe line: no control sequence or character, no secret. */
export function safeText(text: string): string {
  return redactSecrets(sanitize(text));
}

/** The SGR sequences our themes write (colours, bold, inverse): harmless, kept in text
 *  output. Everything else that starts with ESC, or is a C1 control, is stripped. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Text output (many lines, maybe coloured) made safe: each line keeps its SGR colour codes
 *  and loses every other control sequence and character; secrets are redacted. */
export function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let last = 0;
      for (const match of line.matchAll(SGR)) {
        const at = match.index ?? 0;
        out += safeText(line.slice(last, at)) + match[0];
        last = at + match[0].length;
      }
      return out + safeText(line.slice(last));
    })
    .join('\n');
}

/** JSON.stringify with every string value and key made safe (safeText). Dates and other
 *  values with toJSON are read through it first, as JSON.stringify does. */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, safeReplacer, space) ?? 'null';
}

function safeReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return safeText(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
    const keys = Object.keys(value);
    if (keys.some((k) => safeText(k) !== k)) {
      const out: Record<string, unknown> = {};
      for (const k of keys) out[safeText(k)] = (value as Record<string, unknown>)[k];
      return out;
    }
  }
  return value;
}

/** A JSON-shaped value with every string made safe (for text rendered from it). */
export function safeValue<T>(value: T): T {
  return JSON.parse(safeJson(value)) as T;
}
