// What the Leaderboard screen hands the app for copy/export and the status bar: the current
// query's rows — every column and every row the search and filters leave, the whole filtered
// table (issue 9 item 9), not a first page — as a table, with the query in the summary ("N of
// M · sorted by Average ▼ · search “…” · filters"). Pure.
import type { LeaderboardTable } from '../analysis/leaderboard.js';
import type { LeaderboardView } from '../analysis/leaderboard-query.js';
import { formatInteger } from '../render/format-number.js';
import type { Block, Cell, TableColumn, View } from './view.js';
import type { ScreenColumn } from './leaderboard-columns.js';
import { filtersSummary } from './leaderboard-filters.js';
import type { Filters } from './leaderboard-filters.js';

/** The parts of the query's one-line account: how many rows are shown (of how many, when a
 *  search or filter narrows them) and how many merges the toggle hides, the sort, the search,
 *  the filters: "1,234 of 4,617 shown · 1,553 merges hidden (m) · sorted by Average ▼ · …". */
export function querySummaryParts(table: LeaderboardTable, result: LeaderboardView, filters: Filters): string[] {
  const sort = result.query.sort;
  const title = table.columns.find((c) => c.id === sort.column)?.title ?? sort.column;
  const search = result.query.search.trim();
  const filtered = filtersSummary(filters);
  const merges = result.notes.find((n) => n.text === 'merges hidden')?.count ?? 0;
  const shown = result.shown === result.total ? `${formatInteger(result.shown)} shown` : `${formatInteger(result.shown)} of ${formatInteger(result.total)} shown`;
  return [
    merges > 0 ? `${shown} · ${formatInteger(merges)} merges hidden (m)` : shown,
    `sorted by ${title} ${sort.descending ? '▼' : '▲'}`,
    ...(search !== '' ? [`search “${search}”`] : []),
    ...(filtered !== '' ? [filtered] : []),
  ];
}

/** The query's one-line account (the status bar's summary, copy and export). */
export function querySummary(table: LeaderboardTable, result: LeaderboardView, filters: Filters): string {
  return querySummaryParts(table, result, filters).join(' · ');
}

/** The view of a query. Its blocks (every row the query shows, formatted) are built only when
 *  read: the app reads the summary on every query and the blocks only to copy or export. */
export function queryView(table: LeaderboardTable, result: LeaderboardView, columns: readonly ScreenColumn[], filters: Filters): View {
  const summary = querySummary(table, result, filters);
  let blocks: Block[] | null = null;
  return {
    id: 'leaderboard',
    title: 'Leaderboard',
    summary,
    get blocks(): Block[] {
      blocks ??= queryBlocks(result, columns, result.shown);
      return blocks;
    },
    data: { query: result.query, shown: result.shown, total: result.total, notes: result.notes },
  };
}

function queryBlocks(result: LeaderboardView, columns: readonly ScreenColumn[], count: number): Block[] {
  const rows = result.window(0, count);
  const sort = result.query.sort;
  const tableColumns: TableColumn[] = [
    { title: '#', numeric: true },
    ...columns.map((c): TableColumn => ({
      title: c.title,
      align: c.align,
      ...(c.id === 'repo' ? { flex: true, minWidth: 24 } : { maxWidth: c.maxWidth }),
      ...(sort.column === c.id ? { sort: sort.descending ? ('desc' as const) : ('asc' as const) } : {}),
    })),
  ];
  const cells = rows.map((row, i): Cell[] => [i + 1, ...columns.map((c) => c.cell(row))]);
  return [
    { kind: 'heading', text: `Leaderboard [§5] — ${formatInteger(result.shown)} of ${formatInteger(result.total)} entries` },
    { kind: 'table', columns: tableColumns, rows: cells },
    { kind: 'notes', notes: result.notes },
  ];
}
