// The Leaderboard's columns (analyses.md §5), defined once on the table model
// (render/table-model.ts): id, title, alignment, width policy, cell text and sort/export
// value. The screen, `print leaderboard` (text, markdown, csv, json) and copy/export all draw
// from them: the same widths (each column's widest cell over the whole table, measured once
// per table, so columns never move while scrolling, searching or sorting), the same run of
// columns around the selected one, the same lines. The id column takes the room the other
// columns leave (it fills); numbers are as wide as their widest cell or title. Pure.
import type { LeaderboardRow, LeaderboardTable } from '../analysis/leaderboard.js';
import { formatCompact, formatParams, formatScore } from '../render/format-number.js';
import {
  cellWidth, drawTable, layoutColumns, measureColumns, type Column, type TableLayout,
} from '../render/table-model.js';

export { cellWidth };

export interface LeaderboardColumn extends Column<LeaderboardRow> {
  /** Sorted numerically (a first sort: largest first). */
  numeric: boolean;
  /** Its name in csv and json (default: its id). */
  field?: string;
}

/** The id column's floor: this many columns, or this share of the width when more. */
export const REPO_MIN_WIDTH = 24;
const REPO_SHARE = 0.3;
/** Rows measured at most: above this, an even sample of the table (every k-th row). */
export const MEASURE_ROWS = 10_000;

const score = (v: number | null): string => formatScore(v);
const createdText = (r: LeaderboardRow): string => (r.created === null ? '–' : r.dateFloor ? `≤${r.created}` : r.created);
const yes = (b: boolean): string => (b ? 'yes' : 'no');

/** The drawn columns in the table's order (index = the screen's selected column): repo, type,
 *  family, params, score, the six benchmarks, likes, downloads, created, base. */
export function leaderboardColumns(table: LeaderboardTable): LeaderboardColumn[] {
  return table.columns.map((c): LeaderboardColumn => {
    const base = { id: c.id, numeric: c.numeric, value: c.value };
    switch (c.id) {
      case 'repo':
        return { ...base, title: 'Model', align: 'left', width: { kind: 'fill', min: REPO_MIN_WIDTH, share: REPO_SHARE }, keep: true, text: (r) => r.repo };
      case 'type':
        return { ...base, title: 'Type', align: 'left', width: { kind: 'natural', max: 11 }, text: (r) => r.type };
      case 'family':
        return { ...base, title: 'Arch.', align: 'left', width: { kind: 'natural', max: 10 }, text: (r) => r.family };
      case 'params':
        return { ...base, title: 'Params', align: 'right', width: { kind: 'natural' }, text: (r) => formatParams(r.params) };
      case 'score':
        return { ...base, title: 'Average', align: 'right', width: { kind: 'natural' }, text: (r) => score(r.score) };
      case 'likes':
      case 'downloads':
        return { ...base, title: c.title, align: 'right', width: { kind: 'natural' }, text: (r) => formatCompact(c.id === 'likes' ? r.likes : r.downloads) };
      case 'created':
        return { ...base, title: 'Created', align: 'left', width: { kind: 'natural' }, text: createdText };
      case 'base':
        return { ...base, title: 'Base model', field: 'base_model', align: 'left', width: { kind: 'fill', min: 16, max: 40 }, keep: false, text: (r) => r.base ?? '' };
      default: // bench:<name>
        return { ...base, title: c.title, field: c.title, align: 'right', width: { kind: 'natural' }, text: (r) => score(r.benchmarks[c.title] ?? null) };
    }
  });
}

/** Columns only a file carries (csv): what the table does not draw. */
const EXPORT_ONLY: LeaderboardColumn[] = [
  { id: 'license', title: 'License', numeric: false, align: 'left', width: { kind: 'natural' }, exportOnly: true, text: (r) => r.license ?? '' },
  { id: 'precision', title: 'Precision', numeric: false, align: 'left', width: { kind: 'natural' }, exportOnly: true, text: (r) => r.precision ?? '' },
  { id: 'flagged', title: 'Flagged', numeric: false, align: 'left', width: { kind: 'natural' }, exportOnly: true, text: (r) => yes(r.flagged) },
  { id: 'merge', title: 'Merge', numeric: false, align: 'left', width: { kind: 'natural' }, exportOnly: true, text: (r) => yes(r.merge) },
  { id: 'moe', title: 'MoE', numeric: false, align: 'left', width: { kind: 'natural' }, exportOnly: true, text: (r) => yes(r.moe) },
  { id: 'available', title: 'Available', numeric: false, align: 'left', width: { kind: 'natural' }, exportOnly: true, text: (r) => yes(r.available) },
];
const ARCHITECTURE: LeaderboardColumn = {
  id: 'architecture', title: 'Architecture', numeric: false, align: 'left', width: { kind: 'natural' }, exportOnly: true, text: (r) => r.architecture ?? '', value: (r) => r.architecture,
};

/** Every column a csv of the table carries, in its order: the drawn ones (the architecture
 *  after the family), then the export-only ones. */
export function exportColumns(columns: readonly LeaderboardColumn[]): LeaderboardColumn[] {
  const out: LeaderboardColumn[] = [];
  for (const c of columns) {
    out.push(c);
    if (c.id === 'family') out.push(ARCHITECTURE);
  }
  return [...out, ...EXPORT_ONLY];
}

const widthCache = new WeakMap<LeaderboardTable, number[]>();

/** Each column's widest cell over the table's rows (capped at its max; tables over
 *  MEASURE_ROWS rows are measured on an even sample, a rare wider cell is cut with …).
 *  Measured once per table, so the layout stays put whatever the query. */
export function columnWidths(table: LeaderboardTable, columns: readonly LeaderboardColumn[]): number[] {
  const cached = widthCache.get(table);
  if (cached && cached.length === columns.length) return cached;
  const widths = measureColumns(columns, table.rows, MEASURE_ROWS);
  widthCache.set(table, widths);
  return widths;
}

export interface FrameOptions {
  width: number;
  color: boolean;
  /** The selected column (index into the columns). */
  selected: number;
  sort: { column: string; descending: boolean };
  /** Row (into `rows`) under the cursor; null: none (the gutter stays blank). */
  cursor: number | null;
}

export interface TableFrame {
  /** Header, rule, then one line per row of the window; all the same display width. */
  lines: string[];
  /** The column ids shown, in order. */
  shown: string[];
  /** Columns left out for width, left and right of the shown run. */
  left: number;
  right: number;
  /** Titles of the columns left out. */
  hidden: string[];
}

/** The layout at a width: the same for the screen and print (a cursor gutter in both). */
export function frameLayout(columns: readonly LeaderboardColumn[], widths: readonly number[], options: Omit<FrameOptions, 'color' | 'cursor'>): TableLayout {
  return layoutColumns(columns, widths, { width: options.width, gutter: true, selected: options.selected, sort: { id: options.sort.column, descending: options.sort.descending } });
}

/** The table lines for one window of rows: only these rows are formatted. */
export function tableFrame(columns: readonly LeaderboardColumn[], widths: readonly number[], rows: readonly LeaderboardRow[], options: FrameOptions): TableFrame {
  const layout = frameLayout(columns, widths, options);
  const sort = { id: options.sort.column, descending: options.sort.descending };
  const lines = drawTable(columns, layout, rows, { width: options.width, color: options.color, gutter: true, selected: options.selected, sort, cursor: options.cursor });
  return {
    lines,
    shown: layout.shown.map((i) => columns[i]!.id),
    left: layout.left,
    right: layout.right,
    hidden: layout.hidden.map((i) => columns[i]!.title),
  };
}
