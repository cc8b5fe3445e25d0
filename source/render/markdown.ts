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

/** Inline text with Markdown's special characters escaped (one line, sanitised). */
export function escapeInline(text: string): string {
  return cellText(text).replace(/([\\`*_[\]{}<>#|!~])/g, '\\$1');
}

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
