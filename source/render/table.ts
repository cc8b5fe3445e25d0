// Aligned text tables measured in display width (string-width), so emoji and CJK ids line
// up, which @alcalzone/ink-table (String.length) cannot do. One flexible column (the id)
// is truncated with … to make the table fit; when that is not enough, columns are left out
// from the right and the layout says which.
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme } from './theme.js';
import { cellText, displayWidth, fit, padEnd, truncate, widthUpTo } from './text-width.js';
import { formatCell, rightAligned, type Cell, type TableColumn } from './table-column.js';

export type { Cell, TableColumn } from './table-column.js';
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

export interface TableLayout {
  /** Display width per column (0 for hidden columns). */
  widths: number[];
  /** Indexes of columns left out because the table could not fit otherwise. */
  hidden: number[];
  /** Display width of every line. */
  total: number;
}

const GUTTER = 2;

function headerText(column: TableColumn, unicode: boolean): string {
  const title = cellText(column.title);
  if (!column.sort) return title;
  const marker = column.sort === 'asc' ? (unicode ? '▲' : '^') : unicode ? '▼' : 'v';
  return `${title} ${marker}`;
}

/** Column widths that make the table fit `width` (see TableLayout). */
export function layoutTable(
  columns: readonly TableColumn[],
  rows: readonly Cell[][],
  options: { width: number; unicode?: boolean; gap?: number; cursor?: boolean },
): TableLayout {
  const unicode = options.unicode ?? true;
  const gap = options.gap ?? 2;
  const room = Math.max(1, options.width - (options.cursor ? GUTTER : 0));
  // A cell is measured no further than the widest the column can be drawn (the room, or its
  // maxWidth): a 100,000-character cell costs that, not its length.
  const natural = columns.map((column, i) => {
    const cap = column.maxWidth !== undefined ? Math.min(room, Math.max(1, column.maxWidth)) : room;
    let w = widthUpTo(headerText(column, unicode), cap);
    for (const row of rows) if (w < cap) w = Math.max(w, widthUpTo(formatCell(column, row[i] ?? null), cap));
    return Math.min(w, cap);
  });
  const floor = columns.map((column, i) =>
    column.flex ? Math.min(natural[i]!, column.minWidth ?? Math.max(8, widthUpTo(cellText(column.title), room))) : natural[i]!,
  );
  const widths = [...natural];
  const hidden: number[] = [];
  const visible = () => columns.map((_, i) => i).filter((i) => !hidden.includes(i));
  const total = () => {
    const shown = visible();
    return shown.reduce((sum, i) => sum + widths[i]!, 0) + gap * Math.max(0, shown.length - 1);
  };
  // 1. Shrink flexible columns, widest first, down to their floor.
  let excess = total() - room;
  while (excess > 0) {
    let widest = -1;
    for (const i of visible()) if (columns[i]!.flex && widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  // 2. Leave out columns from the right (never the first or a flexible one) until it fits.
  while (total() > room) {
    const shown = visible();
    const drop = [...shown].reverse().find((i) => i !== shown[0] && !columns[i]!.flex);
    if (drop === undefined) break;
    hidden.push(drop);
    widths[drop] = 0;
    // Room freed: let flexible columns grow back towards their natural width.
    let spare = room - total();
    for (const i of visible()) {
      if (!columns[i]!.flex || spare <= 0) continue;
      const grow = Math.min(spare, natural[i]! - widths[i]!);
      widths[i]! += grow;
      spare -= grow;
    }
  }
  // 3. Still too wide (one huge column): cut the visible columns, last first.
  let over = total() - room;
  for (const i of [...visible()].reverse()) {
    if (over <= 0) break;
    const cut = Math.min(over, widths[i]! - 1);
    widths[i]! -= cut;
    over -= cut;
  }
  return { widths, hidden: hidden.sort((a, b) => a - b), total: total() + (options.cursor ? GUTTER : 0) };
}

/** The table as lines of equal display width ≤ width: header, rule, one line per row. */
export function renderTable(columns: readonly TableColumn[], rows: readonly Cell[][], options: TableOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  const gap = ' '.repeat(options.gap ?? 2);
  const withCursor = options.cursor !== undefined;
  const layout = options.layout ?? layoutTable(columns, rows, { width, unicode, gap: options.gap, cursor: withCursor });
  const shown = columns.map((_, i) => i).filter((i) => !layout.hidden.includes(i) && layout.widths[i]! > 0);
  const right = columns.map((column, i) => rightAligned(column, rows, i));
  const ellipsis = theme.chars.ellipsis;
  const gutter = (mark: boolean) => (withCursor ? (mark ? `${theme.chars.cursor} ` : '  ') : '');

  const lines: string[] = [];
  if (options.header !== false) {
    const header = shown.map((i) => fit(headerText(columns[i]!, unicode), layout.widths[i]!, right[i] ? 'right' : 'left', ellipsis));
    lines.push(gutter(false) + theme.paint('header', header.join(gap)));
    const rule = shown.map((i) => theme.chars.rule.repeat(layout.widths[i]!));
    lines.push(gutter(false) + theme.paint('muted', rule.join(gap)));
  }
  rows.forEach((row, r) => {
    const cells = shown.map((i) => {
      const column = columns[i]!;
      const text = fit(formatCell(column, row[i] ?? null), layout.widths[i]!, right[i] ? 'right' : 'left', ellipsis);
      return column.role ? theme.paint(column.role, text) : text;
    });
    const line = cells.join(gap);
    const selected = withCursor && options.cursor === r;
    lines.push(gutter(selected) + (selected ? theme.paint('selected', line) : line));
  });
  if (options.noteHidden !== false && layout.hidden.length > 0) {
    const names = layout.hidden.map((i) => cellText(columns[i]!.title)).join(', ');
    const total = Math.max(...lines.map(displayWidth), 0);
    lines.push(theme.paint('muted', truncate(`(too narrow for: ${names})`, Math.max(total, Math.min(width, 40)), ellipsis)));
  }
  // Every line the same width (a header narrower than the rows, or a short last cell).
  const total = Math.max(...lines.map(displayWidth), 0);
  return lines.map((line) => padEnd(line, total));
}
