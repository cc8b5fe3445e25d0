// Aligned text tables of cells (the views' table blocks) on the one table model
// (table-model.ts): measured in display width (string-width), so emoji and CJK ids line up,
// which @alcalzone/ink-table (String.length) cannot do. A flexible column (an id, a name)
// takes the room left and is truncated with … to make the table fit; when that is not enough,
// columns are left out from the right and the last line says which.
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme } from './theme.js';
import { cellText, displayWidth, padEnd, truncate, widthUpTo } from './text-width.js';
import { formatCell, rightAligned, type Cell, type TableColumn } from './table-column.js';
import { drawTable, layoutColumns, measureColumns, type Column, type TableLayout } from './table-model.js';

export type { Cell, TableColumn } from './table-column.js';
export type { TableLayout } from './table-model.js';
export { formatCell } from './table-column.js';
export { markdownTable, csvTable, csvField } from './table-export.js';

export interface TableOptions extends RenderOptions {
  /** Spaces between columns (default 2). */
  gap?: number;
  /** Index (into `rows`) of the row under the cursor: a `›` gutter marks it and, with
   *  colour, it is drawn inverted. When given (even null), every line gets the gutter. */
  cursor?: number | null;
  /** Draw the header and its rule (default true). */
  header?: boolean;
  /** Column widths computed beforehand (layoutTable over all rows), so a scrolling window
   *  of rows keeps its columns steady. */
  layout?: TableLayout;
  /** Add a last line naming the columns left out for width (default true). */
  noteHidden?: boolean;
}

/** The cell columns as columns of the table model: a flexible column fills (its floor: its
 *  minWidth, else its title, at least 8) and is never left out; the others are natural. */
export function modelColumns(columns: readonly TableColumn[], rows: readonly Cell[][], room = 1000): Column<readonly Cell[]>[] {
  return columns.map((column, i): Column<readonly Cell[]> => ({
    id: String(i),
    title: column.title,
    align: rightAligned(column, rows as Cell[][], i) ? 'right' : 'left',
    width: column.flex
      ? { kind: 'fill', min: column.minWidth ?? Math.max(8, widthUpTo(cellText(column.title), room)), ...(column.maxWidth !== undefined ? { max: column.maxWidth } : {}) }
      : { kind: 'natural', ...(column.maxWidth !== undefined ? { max: Math.max(1, column.maxWidth) } : {}) },
    text: (row) => formatCell(column, row[i] ?? null),
    ...(column.role ? { role: column.role } : {}),
    ...(column.flex ? { keep: true } : {}),
  }));
}

function sortOf(columns: readonly TableColumn[]): { id: string; descending: boolean } | null {
  const i = columns.findIndex((c) => c.sort);
  return i < 0 ? null : { id: String(i), descending: columns[i]!.sort === 'desc' };
}

/** Column widths that make the table fit `width` (see TableLayout). */
export function layoutTable(
  columns: readonly TableColumn[],
  rows: readonly Cell[][],
  options: { width: number; unicode?: boolean; gap?: number; cursor?: boolean },
): TableLayout {
  const model = modelColumns(columns, rows, options.width);
  return layoutColumns(model, measureColumns(model, rows), { width: options.width, gap: options.gap, gutter: options.cursor, sort: sortOf(columns), unicode: options.unicode });
}

/** The table as lines of equal display width ≤ width: header, rule, one line per row. */
export function renderTable(columns: readonly TableColumn[], rows: readonly Cell[][], options: TableOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  const withCursor = options.cursor !== undefined;
  const layout = options.layout ?? layoutTable(columns, rows, { width, unicode, gap: options.gap, cursor: withCursor });
  const model = modelColumns(columns, rows, width);
  const lines = drawTable(model, layout, rows, {
    width, color, unicode, gap: options.gap, gutter: withCursor, sort: sortOf(columns), cursor: options.cursor ?? null, header: options.header,
  });
  if (options.noteHidden !== false && layout.hidden.length > 0) {
    const names = layout.hidden.map((i) => cellText(columns[i]!.title)).join(', ');
    const total = Math.max(...lines.map(displayWidth), 0);
    lines.push(theme.paint('muted', truncate(`(too narrow for: ${names})`, Math.max(total, Math.min(width, 40)), theme.chars.ellipsis)));
  }
  // Every line the same width (the note may be wider than a narrow table).
  const total = Math.max(...lines.map(displayWidth), 0);
  return lines.map((line) => padEnd(line, total));
}
