// One table model (issue 9 item 3, style.md habit 10, VisiData's Column): a column says once
// its id, title, alignment, width policy, cell text and sort/export value; the screens, `print`
// (text, markdown, csv, json) and copy/export all draw from it. Widths are display widths
// (string-width: CJK and emoji count 2), a cut cell ends in … that costs its display width.
//
// Width policy: a `natural` column (numbers, dates, short labels) is as wide as its widest
// cell or its title, never padded beyond; a `fill` column (names) takes the room LEFT once the
// natural columns have theirs (the last fill column gives up room first), down to a floor (its `min`, or `share` of the width), up to
// its own widest cell. When even the floors do not fit, droppable columns are left out: a run
// of them holding the selected column (from the first when it fits there). Pure.
import type { Role } from './theme.js';
import { makeTheme } from './theme.js';
import { formatInteger } from './format-number.js';
import { cellText, displayWidth, fit, padEnd, widthUpTo } from './text-width.js';

export type Cell = string | number | null;
export type Align = 'left' | 'right';

export type WidthPolicy =
  /** Its widest cell or its title; cells beyond `max` are cut with …. */
  | { kind: 'natural'; max?: number }
  /** The room left, at least `min` (or `share` of the table's width, if more), at most its
   *  widest cell (and `max`). */
  | { kind: 'fill'; min: number; share?: number; max?: number };

export interface Column<R> {
  id: string;
  title: string;
  align: Align;
  width: WidthPolicy;
  /** The cell as drawn (text and markdown). */
  text: (row: R) => string;
  /** The cell as sorted and exported (csv, json); default: its text. */
  value?: (row: R) => Cell;
  role?: Role;
  /** Exported (csv, json) but not drawn (text, markdown). */
  exportOnly?: boolean;
  /** Always shown (never left out for width). */
  keep?: boolean;
}

export interface TableLayout {
  /** Display width per column (0: not shown). */
  widths: number[];
  /** Indexes of the columns shown, in order. */
  shown: number[];
  /** Indexes of the columns left out for width. */
  hidden: number[];
  /** Droppable columns left out left and right of the shown run. */
  left: number;
  right: number;
  /** Display width of every line (the gutter included). */
  total: number;
}

export interface LayoutOptions {
  width: number;
  /** Spaces between columns (default 2). */
  gap?: number;
  /** A two-column gutter for the cursor mark (›). */
  gutter?: boolean;
  /** The selected column (kept in view: the run of droppable columns holds it). */
  selected?: number;
  /** The sorted column's id: its title gets ▲/▼ and is measured with it. */
  sort?: { id: string; descending: boolean } | null;
  unicode?: boolean;
}

const GUTTER = 2;
const ASCII_BRANCH: Record<string, string> = { '├': '|', '└': '`', '│': '|', '─': '-' };
/** A cell is measured no further than this (a 100,000-character cell costs this). */
const MEASURE_CAP = 400;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width of a cell as drawn (sanitised), measured no further than `limit` columns;
 *  plain ASCII is measured by its length. */
export function cellWidth(text: string, limit = 1000): number {
  return PRINTABLE_ASCII.test(text) ? Math.min(text.length, limit + 1) : widthUpTo(cellText(text), limit);
}

const capOf = (column: Column<unknown>): number => Math.min(MEASURE_CAP, column.width.max ?? MEASURE_CAP);

/** The widest cell of each column over `rows` (capped at its max): measure once per table and
 *  a window of rows keeps its columns steady. Above `sample` rows, an even sample. */
export function measureColumns<R>(columns: readonly Column<R>[], rows: readonly R[], sample = Number.POSITIVE_INFINITY): number[] {
  const step = Math.max(1, Math.ceil(rows.length / sample));
  // one row of each stretch of `step` rows, at a place that moves from stretch to stretch
  // (a fixed stride would see only every 10th row of a table whose rows repeat by tens)
  const at = (k: number): number => k * step + (step === 1 ? 0 : (k * 7919) % step);
  return columns.map((column) => {
    const cap = capOf(column as Column<unknown>);
    let w = 0;
    for (let k = 0; at(k) < rows.length && w < cap; k += 1) w = Math.max(w, cellWidth(column.text(rows[at(k)]!), cap));
    return Math.min(w, cap);
  });
}

export function sortMarker(descending: boolean, unicode = true): string {
  return descending ? (unicode ? '▼' : 'v') : unicode ? '▲' : '^';
}

function headerText(column: Column<unknown>, options: LayoutOptions): string {
  const title = cellText(column.title);
  return options.sort && options.sort.id === column.id ? `${title} ${sortMarker(options.sort.descending, options.unicode ?? true)}` : title;
}

/** Which columns are shown at the width, and how wide each is (see the file's head). */
export function layoutColumns<R>(columns: readonly Column<R>[], cells: readonly number[], options: LayoutOptions): TableLayout {
  const gap = options.gap ?? 2;
  const room = Math.max(1, options.width - (options.gutter ? GUTTER : 0));
  const drawn = columns.map((_, i) => i).filter((i) => !columns[i]!.exportOnly);
  const natural = columns.map((column, i) => {
    const cap = Math.min(room, column.width.max ?? room);
    return Math.min(room, Math.max(cells[i] ?? 0, widthUpTo(headerText(column as Column<unknown>, options), cap)));
  });
  const floor = columns.map((column, i) => {
    const w = column.width;
    return w.kind === 'fill' ? Math.min(natural[i]!, Math.max(w.min, Math.floor((w.share ?? 0) * room))) : natural[i]!;
  });
  const kept = (i: number): boolean => columns[i]!.keep === true || (i === drawn[0] && columns[i]!.keep !== false);
  const droppable = drawn.filter((i) => !kept(i));
  const cost = (set: readonly number[]): number => set.reduce((sum, i) => sum + floor[i]!, 0) + gap * Math.max(0, set.length - 1);
  const withRun = (from: number, to: number): number[] => drawn.filter((i) => kept(i) || (droppable.indexOf(i) >= from && droppable.indexOf(i) <= to));
  const fits = (from: number, to: number): boolean => cost(withRun(from, to)) <= room;
  // the run of droppable columns: from the first while they fit; when that leaves the
  // selected one out, a run ending at it, then grown left and right
  let from = 0;
  let to = -1;
  while (to + 1 < droppable.length && fits(from, to + 1)) to += 1;
  const at = options.selected === undefined ? -1 : droppable.indexOf(options.selected);
  if (at > to) {
    from = at;
    to = at;
    while (from - 1 >= 0 && fits(from - 1, to)) from -= 1;
    while (to + 1 < droppable.length && fits(from, to + 1)) to += 1;
  }
  const shown = withRun(from, to);
  const widths = columns.map((_, i) => (shown.includes(i) ? natural[i]! : 0));
  const total = (): number => shown.reduce((sum, i) => sum + widths[i]!, 0) + gap * Math.max(0, shown.length - 1);
  // fill columns give up room, the last first (the first is the table's main name), down to
  // their floor
  let excess = total() - room;
  for (const i of [...shown].reverse()) {
    if (excess <= 0) break;
    if (columns[i]!.width.kind !== 'fill') continue;
    const give = Math.min(excess, widths[i]! - floor[i]!);
    widths[i]! -= give;
    excess -= give;
  }
  // still too wide (kept columns alone are wider): cut the shown columns, last first
  for (const i of [...shown].reverse()) {
    if (excess <= 0) break;
    const cut = Math.min(excess, widths[i]! - 1);
    widths[i]! -= cut;
    excess -= cut;
  }
  const hidden = drawn.filter((i) => !shown.includes(i));
  const run = droppable.slice(from, to + 1);
  const left = run.length > 0 ? droppable.indexOf(run[0]!) : 0;
  const right = run.length > 0 ? droppable.length - 1 - droppable.indexOf(run[run.length - 1]!) : droppable.length;
  return { widths, shown, hidden, left: to < from ? 0 : left, right, total: total() + (options.gutter ? GUTTER : 0) };
}

export interface DrawOptions extends LayoutOptions {
  color: boolean;
  /** Index into `rows` of the row under the cursor (null: none, the gutter stays blank). */
  cursor?: number | null;
  /** Draw the header and its rule (default true). */
  header?: boolean;
}

/** The table's lines for `rows` in a layout: header, rule (heavy under the selected column),
 *  one line per row; every line the layout's width. */
export function drawTable<R>(columns: readonly Column<R>[], layout: TableLayout, rows: readonly R[], options: DrawOptions): string[] {
  const theme = makeTheme({ color: options.color, unicode: options.unicode ?? true });
  const unicode = options.unicode ?? true;
  const gap = ' '.repeat(options.gap ?? 2);
  const gutter = (mark: boolean): string => (options.gutter ? (mark ? `${theme.chars.cursor} ` : '  ') : '');
  const ellipsis = theme.chars.ellipsis;
  // ASCII only: the tree's branch characters too
  const plain = (text: string): string => (unicode ? text : text.replace(/[├└│─]/g, (c) => ASCII_BRANCH[c]!));
  const cell = (i: number, text: string): string => fit(plain(cellText(text)), layout.widths[i]!, columns[i]!.align, ellipsis);
  const lines: string[] = [];
  if (options.header !== false) {
    const header = layout.shown.map((i) => {
      const text = cell(i, headerText(columns[i] as Column<unknown>, options));
      return i === options.selected ? theme.paint('accent', text) : text;
    });
    lines.push(gutter(false) + theme.paint('header', header.join(gap)));
    const rule = layout.shown.map((i) => (i === options.selected ? (unicode ? '━' : '=') : theme.chars.rule).repeat(layout.widths[i]!));
    lines.push(gutter(false) + theme.paint('muted', rule.join(gap)));
  }
  rows.forEach((row, r) => {
    const cells = layout.shown.map((i) => {
      const column = columns[i]!;
      const text = cell(i, column.text(row));
      return column.role ? theme.paint(column.role, text) : text;
    });
    const selected = options.cursor === r;
    const line = cells.join(gap);
    lines.push(gutter(selected) + (selected && options.gutter ? theme.paint('selected', line) : line));
  });
  return lines.map((line) => padEnd(line, layout.total));
}

/** Measure, lay out and draw in one go (a table drawn once). */
export function tableLines<R>(columns: readonly Column<R>[], rows: readonly R[], options: DrawOptions): string[] {
  const layout = layoutColumns(columns, measureColumns(columns, rows), options);
  return drawTable(columns, layout, rows, options);
}

/** The columns a file of the table carries (csv, json): every one, drawn or export-only. */
export const valueOf = <R>(column: Column<R>, row: R): Cell => (column.value ? column.value(row) : column.text(row));

/** JSON records of rows: one key per column id, its value. */
export function tableRecords<R>(columns: readonly Column<R>[], rows: readonly R[]): Array<Record<string, Cell>> {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.id, valueOf(c, row)])));
}

/** Width of a line of the table's header (tests and callers that place text beside it). */
export const lineWidth = (line: string): number => displayWidth(line);

/** A table of the model as a view block carries it: its columns, the rows drawn, the widths
 *  measured (over the whole table, so every window of it and `print` lay it out alike), and
 *  how it is drawn (a cursor gutter, the selected column, the sort). */
export interface Grid<R = any> {
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** The widest cell per column (measureColumns); default: measured over `rows`. */
  widths?: readonly number[];
  gutter?: boolean;
  selected?: number;
  sort?: { id: string; descending: boolean } | null;
  /** In Markdown: a first `#` column numbering the rows (the screen says "row N" instead). */
  ranked?: boolean;
  /** In Markdown: its text lines in a fenced block (a tree reads as one only in monospace),
   *  not a Markdown table. */
  fenced?: boolean;
}

/** The grid's text lines at a width, then a line naming the columns left out for width. */
export function gridLines<R>(grid: Grid<R>, options: { width: number; color: boolean; unicode?: boolean }): string[] {
  const widths = grid.widths ?? measureColumns(grid.columns, grid.rows);
  const layout = layoutColumns(grid.columns, widths, { ...options, gutter: grid.gutter, selected: grid.selected, sort: grid.sort });
  const lines = drawTable(grid.columns, layout, grid.rows, { ...options, gutter: grid.gutter, selected: grid.selected, sort: grid.sort, cursor: null });
  if (layout.hidden.length === 0) return lines;
  const theme = makeTheme({ color: options.color, unicode: options.unicode ?? true });
  const names = layout.hidden.map((i) => cellText(grid.columns[i]!.title)).join(', ');
  return [...lines, theme.paint('muted', fit(`(too narrow for: ${names})`, Math.max(layout.total, Math.min(options.width, 40)), 'left', theme.chars.ellipsis).trimEnd())];
}

/** The grid's drawn columns as Markdown table columns and cell rows (nothing cut). */
export function gridCells<R>(grid: Grid<R>): { columns: Array<{ title: string; align: Align }>; rows: Cell[][] } {
  const drawn = grid.columns.filter((c) => !c.exportOnly);
  const rank = grid.ranked ? [{ title: '#', align: 'right' as const }] : [];
  return {
    columns: [...rank, ...drawn.map((c) => ({ title: c.title, align: c.align }))],
    rows: grid.rows.map((row, i) => [...(grid.ranked ? [formatInteger(i + 1)] : []), ...drawn.map((c) => c.text(row))]),
  };
}
