// The Leaderboard screen's table: its columns (cell text per row), the widest cell of each
// column over the whole table (measured once per table, so columns never move while
// scrolling, searching or sorting), which columns fit around the selected one, and the lines
// of one window of rows through the shared renderer (display width, … truncation, sanitised
// cells, the › gutter). Pure.
import type { LeaderboardRow, LeaderboardTable } from '../analysis/leaderboard.js';
import { formatCompact, formatParams, formatScore } from '../render/format-number.js';
import { layoutTable, renderTable, type TableColumn, type TableLayout } from '../render/table.js';
import { cellText, displayWidth, widthUpTo } from '../render/text-width.js';

export interface ScreenColumn {
  /** The table's column id (the sort key). */
  id: string;
  title: string;
  numeric: boolean;
  align: 'left' | 'right';
  /** Cells wider than this are cut with … (the repo column takes the room left instead). */
  maxWidth: number;
  cell: (row: LeaderboardRow) => string;
}

export const REPO_MIN_WIDTH = 24;
/** Widest the repo column is measured to (it is the flexible column: it takes the room left). */
const REPO_MAX_WIDTH = 96;
const GAP = 2;
const GUTTER = 2;

const score = (v: number | null): string => formatScore(v);

/** The columns in the table's order: repo, type, family, params, score, the six benchmarks,
 *  likes, downloads, created, base. */
export function screenColumns(table: LeaderboardTable): ScreenColumn[] {
  return table.columns.map((c): ScreenColumn => {
    const base = { id: c.id, title: c.id === 'family' ? 'Arch.' : c.id === 'params' ? 'Params' : c.title, numeric: c.numeric };
    switch (c.id) {
      case 'repo':
        return { ...base, align: 'left', maxWidth: REPO_MAX_WIDTH, cell: (r) => r.repo };
      case 'type':
        return { ...base, align: 'left', maxWidth: 11, cell: (r) => r.type };
      case 'family':
        return { ...base, align: 'left', maxWidth: 10, cell: (r) => r.family };
      case 'params':
        return { ...base, align: 'right', maxWidth: 8, cell: (r) => formatParams(r.params) };
      case 'score':
        return { ...base, align: 'right', maxWidth: 7, cell: (r) => score(r.score) };
      case 'likes':
      case 'downloads':
        return { ...base, align: 'right', maxWidth: 7, cell: (r) => formatCompact(c.id === 'likes' ? r.likes : r.downloads) };
      case 'created':
        return { ...base, align: 'left', maxWidth: 11, cell: (r) => (r.created === null ? '–' : r.dateFloor ? `≤${r.created}` : r.created) };
      case 'base':
        return { ...base, align: 'left', maxWidth: 30, cell: (r) => r.base ?? '' };
      default: // bench:<name>
        return { ...base, align: 'right', maxWidth: 9, cell: (r) => score(r.benchmarks[c.title] ?? null) };
    }
  });
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width of a cell as drawn (sanitised), measured no further than `limit` columns (a
 *  100,000-character cell costs the limit, not its length); plain ASCII is measured by its
 *  length. */
export function cellWidth(text: string, limit = 1000): number {
  return PRINTABLE_ASCII.test(text) ? Math.min(text.length, limit + 1) : widthUpTo(cellText(text), limit);
}

const widthCache = new WeakMap<LeaderboardTable, number[]>();

/** Rows measured at most: above this, an even sample of the table (every k-th row). */
export const MEASURE_ROWS = 10_000;

/** Each column's width: its widest cell over the table's rows (capped at maxWidth; tables
 *  over MEASURE_ROWS rows are measured on an even sample, a rare wider cell is cut with …) or
 *  its title with room for the selection brackets and sort marker ("[Average] ▼"). Measured
 *  once per table, so the layout stays put whatever the query. */
export function columnWidths(table: LeaderboardTable, columns: readonly ScreenColumn[]): number[] {
  const cached = widthCache.get(table);
  if (cached && cached.length === columns.length) return cached;
  const rows = table.rows;
  const step = Math.max(1, Math.ceil(rows.length / MEASURE_ROWS));
  const widths = columns.map((column) => {
    const title = displayWidth(column.title) + 4;
    let w = title;
    for (let i = 0; i < rows.length && w < column.maxWidth; i += step) w = Math.max(w, cellWidth(column.cell(rows[i]!), column.maxWidth));
    return Math.max(title, Math.min(w, column.maxWidth));
  });
  widthCache.set(table, widths);
  return widths;
}

/** The columns shown at `width`: the repo column always (at least REPO_MIN_WIDTH wide), then
 *  a run of the other columns that holds the selected one: from the first when it fits there,
 *  else ending at the selected column (and filled to the right when room is left). */
export function columnWindow(widths: readonly number[], selected: number, width: number): number[] {
  const room = width - GUTTER - Math.min(widths[0] ?? 0, REPO_MIN_WIDTH);
  const fits = (from: number, to: number): boolean => {
    let used = 0;
    for (let i = from; i <= to; i += 1) used += widths[i]! + GAP;
    return used <= room;
  };
  let from = 1;
  let to = 0;
  while (to + 1 < widths.length && fits(from, to + 1)) to += 1;
  if (selected > to) {
    from = selected;
    to = selected;
    while (from - 1 >= 1 && fits(from - 1, to)) from -= 1;
    while (to + 1 < widths.length && fits(from, to + 1)) to += 1;
  }
  const shown = [0];
  for (let i = from; i <= to; i += 1) shown.push(i);
  return shown;
}

export interface TableFrame {
  /** Header, rule, then one line per row of the window; all the same display width. */
  lines: string[];
  /** The column ids shown, in order. */
  shown: string[];
  /** Columns left out for width, left and right of the shown run. */
  left: number;
  right: number;
}

/** The table lines for one window of rows: only these rows are formatted. */
export function tableFrame(
  columns: readonly ScreenColumn[],
  widths: readonly number[],
  rows: readonly LeaderboardRow[],
  options: { width: number; color: boolean; selected: number; sort: { column: string; descending: boolean }; cursor: number | null },
): TableFrame {
  const shown = columnWindow(widths, options.selected, options.width);
  const tableColumns: TableColumn[] = shown.map((i) => {
    const c = columns[i]!;
    const title = i === options.selected ? `[${c.title}]` : c.title;
    const sort = options.sort.column === c.id ? { sort: options.sort.descending ? ('desc' as const) : ('asc' as const) } : {};
    return i === 0 ? { title, flex: true, minWidth: REPO_MIN_WIDTH, align: 'left', ...sort } : { title, align: c.align, ...sort };
  });
  // one row of the widest cells gives the layout: steady whatever rows are in the window
  const widest = shown.map((i) => 'x'.repeat(widths[i]!));
  const layout: TableLayout = layoutTable(tableColumns, [widest], { width: options.width, cursor: true });
  const cells = rows.map((row) => shown.map((i) => columns[i]!.cell(row)));
  const lines = renderTable(tableColumns, cells, { width: options.width, color: options.color, layout, cursor: options.cursor, noteHidden: false });
  return { lines, shown: shown.map((i) => columns[i]!.id), left: shown.length > 1 ? shown[1]! - 1 : 0, right: columns.length - 1 - shown[shown.length - 1]! };
}
