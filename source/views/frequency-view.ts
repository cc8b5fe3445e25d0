// The frequency table of one leaderboard column (issue 9 item 7, VisiData's Shift-F): value,
// count, % of the rows counted and a bar, drawn by one function for the screen (a window of
// rows under a cursor) and for `print frequency --column C` (every row), so what prints is
// what the screen shows. The counting is analysis/frequency.ts over the query's rows
// (analyses.md §5). Pure.
import type { LeaderboardTable } from '../analysis/leaderboard.js';
import { frequency, type Frequency } from '../analysis/frequency.js';
import { queryLeaderboard } from '../analysis/leaderboard-query.js';
import type { Dataset } from '../data/model.js';
import { barText } from '../render/bars.js';
import { formatInteger, formatPercent } from '../render/format-number.js';
import { renderTable, type TableColumn } from '../render/table.js';
import { displayWidth } from '../render/text-width.js';
import { makeTheme } from '../render/theme.js';
import type { RenderOptions, View, ViewOptions } from './view.js';
import { leaderboardTable, queryOf, resolveSortColumn } from './leaderboard-view.js';

export { frequency, matches, matchText, type Frequency, type FrequencyRow, type Match } from '../analysis/frequency.js';

const LABEL_MAX = 40;
const MIN_BAR = 8;
const GAP = 2;

export interface FrequencyWindow {
  /** First row drawn and how many (default: all). */
  offset?: number;
  count?: number;
  /** Row (index into the frequency's rows) under the cursor: drawn with the › gutter. */
  cursor?: number | null;
}

const groupingText: Record<Frequency['grouping'], string> = {
  values: 'by value, most common first',
  months: 'by month of creation',
  bins: 'in bins of equal width, [lower, upper)',
  'log bins': 'in bins on a 1-2-5 scale, [lower, upper)',
};

/** The line above the table: what is counted and how. */
export function frequencyTitle(f: Frequency): string {
  const numbersOnly = f.grouping === 'values' && f.rows.some((r) => r.match.kind === 'value' && typeof r.match.value === 'number');
  const how = numbersOnly ? 'by distinct value' : groupingText[f.grouping];
  return `Frequency of ${f.title} — ${formatInteger(f.rows.length)} values over ${formatInteger(f.total)} rows, ${how}`;
}

/** The table's lines (header, rule, one line per row of the window), the bar taking the room
 *  left once value, count and % have their natural width. */
export function frequencyLines(f: Frequency, options: RenderOptions & FrequencyWindow): string[] {
  const theme = makeTheme(options);
  const offset = options.offset ?? 0;
  const rows = f.rows.slice(offset, offset + (options.count ?? f.rows.length));
  const max = f.rows.reduce((m, r) => Math.max(m, r.count), 0);
  const cursor = options.cursor === undefined ? undefined : options.cursor === null ? null : options.cursor - offset;
  // the widths come from every row's widest cells, so the columns stay put while scrolling;
  // the bar takes the room left (the label gives way first when it is tight)
  let label = displayWidth(f.title);
  for (const r of f.rows) if (label < LABEL_MAX) label = Math.max(label, Math.min(LABEL_MAX, displayWidth(r.label)));
  const countWidth = Math.max(5, formatInteger(max).length);
  const shareWidth = 7; // "100.0 %"
  const gutter = cursor !== undefined ? 2 : 0;
  const fixed = () => gutter + label + countWidth + shareWidth + 3 * GAP;
  if (options.width - fixed() < MIN_BAR) label = Math.max(8, label - (MIN_BAR - (options.width - fixed())));
  const bar = Math.max(1, options.width - fixed());
  const columns: TableColumn[] = [
    { title: f.title },
    { title: 'Count', align: 'right' },
    { title: '%', align: 'right' },
    { title: '', role: 'accent' },
  ];
  const widths = [label, countWidth, shareWidth, bar];
  const layout = { widths, shown: widths.map((_, i) => i), hidden: [], left: 0, right: 0, total: widths.reduce((a, b) => a + b, 0) + 3 * GAP };
  const cells = rows.map((r) => [r.label, formatInteger(r.count), formatPercent(r.share), barText(max > 0 ? (r.count / max) * bar : 0, theme.chars.eighths)]);
  return renderTable(columns, cells, { ...options, layout, ...(cursor !== undefined ? { cursor } : {}), noteHidden: false });
}

/** The frequency as a view (copy, export, print). */
export function frequencyAsView(f: Frequency, summary: string): View {
  return {
    id: 'frequency',
    title: `Frequency of ${f.title}`,
    summary,
    blocks: [
      { kind: 'heading', text: frequencyTitle(f) },
      { kind: 'chart', draw: (o) => frequencyLines(f, o) },
    ],
    data: { column: f.column, title: f.title, total: f.total, grouping: f.grouping, rows: f.rows },
    csv: { columns: ['value', 'count', 'share'], rows: f.rows.map((r) => [r.label, r.count, r.share]) },
  };
}

/** The column a name means (id or title, as --sort reads it), or null. */
export function frequencyColumn(table: LeaderboardTable, name: string): string | null {
  return resolveSortColumn(table, name);
}

/** `print frequency --column C`: the frequency of C over the rows the leaderboard options
 *  select (search, filters, merges; the same rows `print leaderboard` counts). */
export function frequencyView(dataset: Dataset, options: ViewOptions): View {
  const table = leaderboardTable(dataset);
  const id = frequencyColumn(table, options.column ?? '') ?? 'type';
  const column = table.columns.find((c) => c.id === id)!;
  const result = queryLeaderboard(table, queryOf(table, options));
  return frequencyAsView(frequency(table.rows, result.indices, column), `${formatInteger(result.shown)} of ${formatInteger(result.total)} entries · ${column.title}`);
}
