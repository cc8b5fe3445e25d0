// Pieces of Markdown output around rendered text: fenced blocks for plots and tables drawn
// as text, headings, and a one-line header (title · summary).
import { cellText } from './text-width.js';

/** Lines in a fenced code block; the fence is longer than any backtick run inside. */
export function fenced(lines: readonly string[], info = 'text'): string[] {
  let longest = 0;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence + info, ...lines, fence];
}

// Text from data in Markdown (issue 7 item 12): pasted into GitHub, a model id such as
// `<img src=x onerror=…>`, `<script>` or `[x](javascript:…)` must read as that literal text,
// never as HTML, a link or an image. HTML's own characters become entities; Markdown's inline
// syntax (links and images, emphasis, code, tables) is backslash-escaped — `[` and `]` always,
// which is what makes `[x](…)` and `![x](…)` links and images (a `(` means nothing without a
// `]` before it, so parentheses stay as they are and "(v1)" stays readable); a leading list,
// heading or rule marker too. One function for cells and paragraphs alike.
const INLINE_SYNTAX = /[\\`*_[\]{}#|!~]/g;
const HTML_SYNTAX = /[&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text with Markdown's and HTML's special characters escaped (one line, sanitised): renders
 *  as exactly the text, in a paragraph or a table cell. */
export function escapeMarkdown(text: string): string {
  return cellText(text)
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(HTML_SYNTAX, (c) => ENTITIES[c]!)
    .replace(/^(\s*)([-+])(?=\s|$)|^(\s*)([-=])(?=[-=\s]*$)/, '$1$3\\$2$4') // a list item, a rule
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2'); // an ordered list item
}

/** Inline text with Markdown's special characters escaped (escapeMarkdown). */
export const escapeInline = escapeMarkdown;

/** A heading of level 1–6: "## Title". */
export function heading(text: string, level = 2): string {
  const n = Math.min(6, Math.max(1, Math.floor(level)));
  return `${'#'.repeat(n)} ${escapeInline(text)}`;
}

/** A one-line header: the parts that are not empty joined with " · ", e.g.
 *  "Architectures · v1 · month · 4,120 models". */
export function headerLine(parts: ReadonlyArray<string | null | undefined>, separator = ' · '): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(cellText)
    .join(separator);
}
