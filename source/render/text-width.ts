// Display width (terminal columns) rather than String.length: CJK and emoji take two
// columns, escape sequences none. Truncation never splits a grapheme (a wide char, an emoji
// sequence) or an escape sequence.
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { safeText } from '../text/safe-output.js';

/** Escape sequences our renderers emit (CSI, e.g. SGR) and OSC strings. */
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns the text takes in a terminal (escape codes count zero). Linear in the text's length
 *  (see measure); for values that may be long, widthUpTo costs only the width that matters. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? stripAnsi(text) : text;
  return NARROW.test(plain) ? plain.length : measure(plain);
}

/** Longest piece string-width is given at once. string-width walks Intl.Segmenter, whose
 *  iteration is quadratic in the string's length in V8 (10,000 characters: 0.2 s; 40,000:
 *  2 s; 80,000: minutes): a long text is measured in pieces of about this size. */
const MEASURE_CHUNK = 2048;
const PRINTABLE = (code: number): boolean => code >= 0x20 && code <= 0x7e;

/** string-width, in pieces split where a grapheme boundary is certain: before a printable
 *  ASCII character that follows another (neither can extend, join or prepend a cluster).
 *  Text without such a place for a whole piece (adversarial runs of marks) is split after a
 *  whole code point, which can miscount by a column there, never more. */
function measure(text: string): number {
  if (text.length <= MEASURE_CHUNK) return stringWidth(text);
  let width = 0;
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + MEASURE_CHUNK);
    if (to < text.length) {
      let at = to;
      while (at > from + 1 && !(PRINTABLE(text.charCodeAt(at)) && PRINTABLE(text.charCodeAt(at - 1)))) at--;
      if (at > from + 1) to = at;
      else if (text.charCodeAt(to) >= 0xdc00 && text.charCodeAt(to) <= 0xdfff) to++;
    }
    width += stringWidth(text.slice(from, to));
    from = to;
  }
  return width;
}

/** Printable ASCII and the one-column symbols the renderers draw: measured by their length.
 *  string-width walks every grapheme with a fresh emoji regex (about 1.5 µs a character), so
 *  measuring a 40-line table frame took about 10 ms; this keeps it under 1 ms. */
export const NARROW_SYMBOLS = '–—…›‹─│├└┤┼┬┊╯╮═║╝╗┄┆━┃┛┓╌╎┅┇▲▼≤≥█▏▎▍▌▋▊▉●■◆✚○□△◇✕★☆◂▸·';
// eslint-disable-next-line no-control-regex
const NARROW = new RegExp(`^[\\x20-\\x7e${NARROW_SYMBOLS}]*$`);

/** A value as one safe line of text: control sequences stripped and secrets redacted
 *  (text/safe-output.ts safeText), null → ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return safeText(String(value));
}

/** Code units of visible text read to fit (or measure) text into `columns` columns. A text of N
 *  code units takes at most 2N columns (a wide character is one unit, two columns) but may
 *  take as few as none (combining marks, zero-width joiners and spaces, variation selectors):
 *  no prefix length holds a given width for sure. In the text we draw a column costs at most
 *  about 6 code units (the longest emoji sequences, 11 units, take 2 columns; a letter with
 *  two combining accents, 3 units, takes 1), so 16 a column plus a little is exact for any
 *  real text. Text that needs more is cut there, as if it were that wide, and ends in the
 *  ellipsis: a cell of 100,000 characters costs its column's width, not its length (issue 7
 *  item 10: a 100,000-character cell froze the explorer for 54 s). */
export function visibleBudget(columns: number): number {
  return 16 * Math.max(0, Math.ceil(columns)) + 64;
}

const ESCAPE_AT = new RegExp(ESCAPE.source, 'y');

/** Width of one grapheme: printable ASCII is one column, the rest asks string-width. */
function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const code = g.charCodeAt(0);
    if (code >= 0x20 && code <= 0x7e) return 1;
  }
  return NARROW.test(g) ? g.length : stringWidth(g);
}

interface Piece {
  escape: boolean;
  text: string;
}

/** Walks the text's visible graphemes (escape sequences passed through as pieces) until they
 *  take more than `limit` columns or `budget` code units of visible text have been read.
 *  `onStep` sees the running width after each grapheme. Cost: O(limit) graphemes, plus a
 *  native scan of the rest of the text for escape sequences when `restEscapes` is set. */
function walk(
  text: string,
  limit: number,
  budget: number,
  onStep: (width: number) => void,
  restEscapes: boolean,
): { pieces: Piece[]; width: number; over: boolean } {
  const pieces: Piece[] = [];
  let width = 0;
  let seen = 0;
  let over = false;
  let at = 0;
  while (at < text.length) {
    const esc = text.indexOf('\u001b', at);
    const end = esc < 0 ? text.length : esc;
    if (!over && end > at) {
      const stop = Math.min(end, at + (budget - seen));
      const run = text.slice(at, stop);
      for (const { segment, index } of graphemes.segment(run)) {
        // the last grapheme of a run cut by the budget may be incomplete: the budget is spent
        if (stop < end && index + segment.length === run.length) {
          over = true;
          break;
        }
        width += graphemeWidth(segment);
        seen += segment.length;
        pieces.push({ escape: false, text: segment });
        onStep(width);
        if (width > limit) {
          over = true;
          break;
        }
      }
      if (stop < end) over = true;
    }
    if (esc < 0) break;
    if (over && !restEscapes) break;
    ESCAPE_AT.lastIndex = esc;
    const match = ESCAPE_AT.exec(text);
    if (match) pieces.push({ escape: true, text: match[0] });
    at = esc + (match ? match[0].length : 1);
    if (over) {
      // past the cut only escape sequences are kept: skip to the next one
      const next = text.indexOf('\u001b', at);
      if (next < 0) break;
      at = next;
    }
  }
  return { pieces, width, over };
}

/** Columns the text takes, measured no further than `limit`: the exact width when it is at
 *  most `limit`, else a number above `limit`. Costs O(limit), whatever the text's length: the
 *  one to use on values that may be long (a table's natural column widths). */
export function widthUpTo(text: string, limit: number): number {
  if (text.length <= visibleBudget(limit)) return displayWidth(text);
  const { width, over } = walk(text, limit, visibleBudget(limit), () => undefined, false);
  return over ? Math.max(width, limit + 1) : width;
}

/** The text cut to at most `width` columns, ending in `ellipsis` when cut. Escape sequences
 *  after the cut are kept (they take no room) so colours opened before it are closed. Costs
 *  O(width) whatever the text's length (visibleBudget: text needing more code units than
 *  that is cut there). */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const budget = visibleBudget(width);
  if (text.length <= budget && displayWidth(text) <= width) return text;
  const mark = displayWidth(ellipsis) <= width ? ellipsis : '';
  const room = width - displayWidth(mark);
  // graphemes that fit beside the ellipsis (widths only grow: they are the first ones)
  let fitting = 0;
  const { pieces, over } = walk(text, width, budget, (used) => {
    if (used <= room) fitting++;
  }, true);
  if (!over) return text;
  let out = '';
  let visible = 0;
  let cutAt = pieces.length;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!piece.escape && ++visible > fitting) {
      cutAt = i;
      break;
    }
    out += piece.text;
  }
  out += mark;
  for (let i = cutAt; i < pieces.length; i++) if (pieces[i]!.escape) out += pieces[i]!.text;
  return out;
}

/** The end of the text in at most `width` columns, starting with `ellipsis` when cut (for a
 *  line being typed: the cursor end stays in view). Plain text (no escape sequences); costs
 *  O(width) like truncate. */
export function truncateStart(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const budget = visibleBudget(width);
  if (text.length <= budget && displayWidth(text) <= width) return text;
  const mark = displayWidth(ellipsis) <= width ? ellipsis : '';
  const room = width - displayWidth(mark);
  let from = Math.max(0, text.length - budget);
  const low = text.charCodeAt(from);
  if (from > 0 && low >= 0xdc00 && low <= 0xdfff) from++; // never start inside a surrogate pair
  // the first grapheme of a tail cut by the budget may be incomplete: never kept
  const tail = [...graphemes.segment(text.slice(from))].map((g) => g.segment).slice(from > 0 ? 1 : 0);
  let used = 0;
  let start = tail.length;
  while (start > 0) {
    const w = graphemeWidth(tail[start - 1]!);
    if (used + w > room) break;
    used += w;
    start--;
  }
  return mark + tail.slice(start).join('');
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
