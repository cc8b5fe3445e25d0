// JSON.parse's message, made safe to print: V8 quotes a slice of the input ("…" is not valid
// JSON), which is untrusted text; keep the reason and the position only.
import { sanitize } from '../text/sanitize.js';
import { lineOfOffset } from './table.js';

export function jsonReason(error: unknown, text: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  let reason = sanitize(raw).replace(/\s+/g, ' ').trim();
  // `Unexpected token 'x', "…" is not valid JSON` → `Unexpected token 'x'`
  reason = reason.replace(/,\s*(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/, '');
  if (/Unexpected end of JSON input/i.test(reason) && !/position/i.test(reason)) {
    reason += ` at position ${text.length}`;
  }
  const position = /at position (\d+)/.exec(reason);
  if (position && text.includes('\n')) reason += `, line ${lineOfOffset(text, Number(position[1]))}`;
  return reason.slice(0, 160);
}
