// The Leaderboard view: analyses.md §5 "Leaderboard itself": the entries (deduped, flagged and
// merges hidden by default) through queryLeaderboard with search, sort and filters; the top N
// rows as a table, "N of M" in the summary. CSV and JSON carry every matching row (built only
// when asked for). The table model is built once per dataset. Pure: no IO, no clock.
import type { Dataset, ModelType } from '../data/model.js';
import { MODEL_TYPES } from '../data/model.js';
import { buildLeaderboard, type LeaderboardRow, type LeaderboardTable } from '../analysis/leaderboard.js';
import { queryLeaderboard, SIZE_PRESETS, type LeaderboardQuery, type SizePresetId } from '../analysis/leaderboard-query.js';
import { formatInteger } from '../render/format-number.js';
import { valueOf } from '../render/table-model.js';
import { columnWidths, exportColumns, leaderboardColumns } from './leaderboard-columns.js';
import type { Cell, View, ViewOptions } from './view.js';
import { notesBlock, selectionSummary } from './view-blocks.js';

const tables = new WeakMap<Dataset, LeaderboardTable>();

/** The §5 table of a dataset, built once (datasets never change after loading). */
export function leaderboardTable(dataset: Dataset): LeaderboardTable {
  let table = tables.get(dataset);
  if (!table) tables.set(dataset, (table = buildLeaderboard(dataset)));
  return table;
}

/** A sort column from its id or title, case-insensitive ("score", "Average", "ARC",
 *  "bench:ARC", "params"); null when the table has no such column. */
export function resolveSortColumn(table: LeaderboardTable, text: string): string | null {
  const want = text.trim().toLowerCase();
  const aliases: Record<string, string> = { average: 'score', avg: 'score', model: 'repo', architecture: 'family', arch: 'family', date: 'created' };
  const id = aliases[want] ?? want;
  const column = table.columns.find(
    (c) => c.id.toLowerCase() === id || c.title.toLowerCase() === id || (c.id.startsWith('bench:') && c.id.slice(6).toLowerCase() === id),
  );
  return column?.id ?? null;
}

export const isModelType = (text: string): text is ModelType => (MODEL_TYPES as readonly string[]).includes(text);
export const isSizePreset = (text: string): text is SizePresetId => SIZE_PRESETS.some((p) => p.id === text);

/** The §5 query the view options describe. */
export function queryOf(table: LeaderboardTable, options: ViewOptions): LeaderboardQuery {
  const column = options.sort ? resolveSortColumn(table, options.sort) ?? options.sort : 'score';
  const numeric = table.columns.find((c) => c.id === column)?.numeric ?? true;
  return {
    includeFlagged: options.includeFlagged,
    showMerges: options.showMerges ?? false,
    search: options.search ?? '',
    types: (options.types ?? []).filter(isModelType),
    families: options.archFamilies ?? [],
    sizes: (options.sizes ?? []).filter(isSizePreset),
    params: { min: options.minParams ?? null, max: options.maxParams ?? null },
    created: { from: options.from ?? null, to: options.to ?? null },
    sort: { column, descending: options.descending ?? numeric },
  };
}

function rowRecord(row: LeaderboardRow, rank: number): Record<string, unknown> {
  return {
    rank, repo: row.repo, type: row.type, family: row.family, architecture: row.architecture, params: row.params, score: row.score,
    benchmarks: row.benchmarks, likes: row.likes, downloads: row.downloads, created: row.created, dateFloor: row.dateFloor,
    base: row.base, license: row.license, precision: row.precision, flagged: row.flagged, merge: row.merge, moe: row.moe,
    available: row.available,
  };
}

/** analyses.md §5 as a view. */
export function leaderboardView(dataset: Dataset, options: ViewOptions): View {
  const table = leaderboardTable(dataset);
  const result = queryLeaderboard(table, queryOf(table, options));
  const sort = result.query.sort;
  // the screen's columns and widths (views/leaderboard-columns.ts): print draws what the
  // screen draws at the same width, the sort column selected as on the screen's first frame
  const columns = leaderboardColumns(table);
  const widths = columnWidths(table, columns);
  const selected = Math.max(0, columns.findIndex((c) => c.id === sort.column));
  const top = result.window(0, options.top);
  const all = (): LeaderboardRow[] => result.window(0, result.shown);
  const exported = exportColumns(columns);
  const csvColumns = ['rank', ...exported.map((c) => c.field ?? c.id)];
  const nOfM = `${formatInteger(result.shown)} of ${formatInteger(result.total)}`;
  const sortTitle = table.columns.find((c) => c.id === sort.column)?.title ?? sort.column;
  return {
    id: 'leaderboard',
    title: 'Leaderboard',
    summary: [
      `${nOfM} entries`,
      `sorted by ${sortTitle} ${sort.descending ? '▼' : '▲'}`,
      ...((options.search ?? '').trim() !== '' ? [`search “${options.search!.trim()}”`] : []),
      ...selectionSummary(options),
      options.showMerges ? 'merges shown' : 'merges hidden',
    ].join(' · '),
    blocks: [
      { kind: 'heading', text: `Leaderboard [§5] — ${nOfM} entries${top.length < result.shown ? `, the first ${formatInteger(top.length)}` : ''}` },
      { kind: 'grid', grid: { columns, rows: top, widths, gutter: true, ranked: true, selected, sort: { id: sort.column, descending: sort.descending } } },
      notesBlock(result.notes),
    ],
    data: {
      generation: table.generation,
      query: result.query,
      shown: result.shown,
      total: result.total,
      summary: result.summary,
      notes: result.notes,
      get rows() {
        return all().map((row, i) => rowRecord(row, i + 1));
      },
    },
    csv: {
      columns: csvColumns,
      get rows(): Cell[][] {
        return all().map((row, i) => [i + 1, ...exported.map((c) => valueOf(c, row))]);
      },
    },
  };
}
