// A legend: one entry per series, its glyph (in its colour) and its name, wrapped to width.
// The glyph is what tells series apart without colour.
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme } from './theme.js';
import { cellText, displayWidth, truncate, wrapWords } from './text-width.js';

export interface LegendEntry {
  name: string;
  /** Series index: picks the glyph and colour (default: the entry's position). */
  index?: number;
  /** Shown after the name, e.g. a share or a total. */
  detail?: string | undefined;
  /** Drawn instead of the glyph, e.g. glyph and line characters ("●──"). */
  symbol?: string;
}

/** Legend lines, each at most `width` columns. */
export function renderLegend(entries: ReadonlyArray<string | LegendEntry>, options: RenderOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  const items = entries.map((raw, position) => {
    const entry = typeof raw === 'string' ? { name: raw } : raw;
    const index = entry.index ?? position;
    const glyph = entry.symbol !== undefined ? cellText(entry.symbol) : theme.glyph(index);
    const detail = entry.detail !== undefined ? ` ${cellText(entry.detail)}` : '';
    const name = truncate(cellText(entry.name) + detail, Math.max(1, width - displayWidth(glyph) - 1), theme.chars.ellipsis);
    return `${theme.series(index, glyph)} ${name}`;
  });
  return wrapWords(items, width, '  ', theme.chars.ellipsis);
}
