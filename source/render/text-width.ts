// Display width (terminal columns) rather than String.length: CJK and emoji take two
// columns, escape sequences none. Truncation never splits a grapheme (a wide char, an emoji
// sequence) or an escape sequence.
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { sanitize } from '../text/sanitize.js';

/** Escape sequences our renderers emit (CSI, e.g. SGR) and OSC strings. */
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns the text takes in a terminal (escape codes count zero). */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? stripAnsi(text) : text;
  return NARROW.test(plain) ? plain.length : stringWidth(plain);
}

/** Printable ASCII and the one-column symbols the renderers draw: measured by their length.
 *  string-width walks every grapheme with a fresh emoji regex (about 1.5 µs a character), so
 *  measuring a 40-line table frame took about 10 ms; this keeps it under 1 ms. */
export const NARROW_SYMBOLS = '–—…›‹─│├└┤┼┬┊╯╮═║╝╗┄┆━┃┛┓╌╎┅┇▲▼≤≥█▏▎▍▌▋▊▉●■◆✚○□△◇✕★☆◂▸·';
// eslint-disable-next-line no-control-regex
const NARROW = new RegExp(`^[\\x20-\\x7e${NARROW_SYMBOLS}]*$`);

/** A value as one safe line of text: control sequences stripped (sanitize), null → ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return sanitize(String(value));
}

/** Splits text into escape sequences and visible graphemes, in order. */
function tokens(text: string): Array<{ escape: boolean; text: string }> {
  const out: Array<{ escape: boolean; text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(ESCAPE)) {
    const at = match.index ?? 0;
    if (at > last) for (const g of graphemes.segment(text.slice(last, at))) out.push({ escape: false, text: g.segment });
    out.push({ escape: true, text: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) for (const g of graphemes.segment(text.slice(last))) out.push({ escape: false, text: g.segment });
  return out;
}

/** The text cut to at most `width` columns, ending in `ellipsis` when cut. Escape sequences
 *  after the cut are kept (they take no room) so colours opened before it are closed. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const mark = stringWidth(ellipsis) <= width ? ellipsis : '';
  const room = width - stringWidth(mark);
  let used = 0;
  let out = '';
  let cut = false;
  for (const token of tokens(text)) {
    if (token.escape) {
      out += token.text;
      continue;
    }
    if (cut) continue;
    const w = stringWidth(token.text);
    if (used + w > room) {
      cut = true;
      out += mark;
      continue;
    }
    out += token.text;
    used += w;
  }
  return out;
}

/** The text padded with spaces on the right to `width` columns (never cut). */
export function padEnd(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + ' '.repeat(gap) : text;
}

/** The text padded with spaces on the left to `width` columns (never cut). */
export function padStart(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? ' '.repeat(gap) + text : text;
}

/** The text centred in `width` columns (extra space on the right; never cut). */
export function padCenter(text: string, width: number): string {
  const gap = width - displayWidth(text);
  if (gap <= 0) return text;
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + text + ' '.repeat(gap - left);
}

/** Exactly `width` columns: truncated with the ellipsis, then padded on the aligned side. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
  const cut = truncate(text, width, ellipsis);
  return align === 'right' ? padStart(cut, width) : padEnd(cut, width);
}

/** Words greedily wrapped into lines of at most `width` columns (a word longer than a line is
 *  truncated). Used for legends and lists of labels. */
export function wrapWords(words: string[], width: number, separator = '  ', ellipsis = '…'): string[] {
  const lines: string[] = [];
  let line = '';
  for (const raw of words) {
    const word = truncate(raw, width, ellipsis);
    if (line === '') line = word;
    else if (displayWidth(line) + displayWidth(separator) + displayWidth(word) <= width) line += separator + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
