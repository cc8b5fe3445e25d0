// analyses.md §5 "Leaderboard itself": the table model. Every entry becomes a row once, with
// the values of every column precomputed; dedup and the flagged/merge/MoE/availability
// toggles are row flags, so a toggle never rebuilds the table. Sort orders are computed once
// per column and direction (O(n log n) on precomputed keys) and cached; a query then only
// filters the cached order (leaderboard-query.ts). Pure: no IO, no clock.
import { BENCHMARKS, type Dataset, type Generation, type Model, type ModelType } from '../data/model.js';
import { joinAll } from '../data/join.js';
import { selectEntries } from './select.js';

export interface LeaderboardRow {
  /** Position in the table: the entry's source order. */
  index: number;
  model: Model;
  repo: string;
  key: string;
  type: ModelType;
  family: string;
  architecture: string | null;
  params: number | null;
  score: number | null;
  benchmarks: Record<string, number | null>;
  likes: number | null;
  downloads: number | null;
  /** Creation day YYYY-MM-DD (§0 date of a model); "on or before" when dateFloor. */
  created: string | null;
  dateFloor: boolean;
  /** First declared base model as spelled, null when none (all in model.bases). */
  base: string | null;
  license: string | null;
  precision: string | null;
  flagged: boolean;
  /** §0 merge rule on the model itself. */
  merge: boolean;
  moe: boolean;
  /** false only when the leaderboard says the model is gone from the Hub. */
  available: boolean;
  /** Kept by §0 dedup, with flagged repositories (kept entry flagged) hidden / shown. */
  keptHidingFlagged: boolean;
  keptShowingFlagged: boolean;
}

export interface LeaderboardColumn {
  /** 'repo', 'type', 'family', 'params', 'score', 'bench:<name>', 'likes', 'downloads',
   *  'created', 'base'. */
  id: string;
  title: string;
  numeric: boolean;
  value: (row: LeaderboardRow) => number | string | null;
}

/** The table's columns for a generation (its six benchmarks between score and likes). */
export function leaderboardColumns(generation: Generation): LeaderboardColumn[] {
  return [
    { id: 'repo', title: 'Model', numeric: false, value: (r) => r.repo },
    { id: 'type', title: 'Type', numeric: false, value: (r) => r.type },
    { id: 'family', title: 'Architecture', numeric: false, value: (r) => r.family },
    { id: 'params', title: 'Params (B)', numeric: true, value: (r) => r.params },
    { id: 'score', title: 'Average', numeric: true, value: (r) => r.score },
    ...BENCHMARKS[generation].map(
      (name): LeaderboardColumn => ({ id: `bench:${name}`, title: name, numeric: true, value: (r) => r.benchmarks[name] ?? null }),
    ),
    { id: 'likes', title: 'Likes', numeric: true, value: (r) => r.likes },
    { id: 'downloads', title: 'Downloads', numeric: true, value: (r) => r.downloads },
    { id: 'created', title: 'Created', numeric: false, value: (r) => r.created },
    { id: 'base', title: 'Base model', numeric: false, value: (r) => r.base },
  ];
}

/** The default sort: score, best first (the leaderboard's own). */
export const DEFAULT_SORT = { column: 'score', descending: true } as const;

export interface LeaderboardTable {
  generation: Generation;
  columns: LeaderboardColumn[];
  rows: LeaderboardRow[];
  /** Lowercased texts the search reads, by row (precomputed once): the repo key, the
   *  normalised type (§0, not the raw string), family + model class, license. */
  text: { repo: string[]; type: string[]; arch: string[]; license: string[] };
  /** Sorted row orders by `${column}:${asc|desc}`, filled on demand. */
  orders: Map<string, Int32Array>;
}

/** analyses.md §5: the table over every entry of the dataset. */
export function buildLeaderboard(dataset: Dataset): LeaderboardTable {
  const models = joinAll(dataset);
  const keptHiding = new Set(selectEntries(dataset.entries, { includeFlagged: false }).entries.map((e) => e.index));
  const keptShowing = new Set(selectEntries(dataset.entries, { includeFlagged: true }).entries.map((e) => e.index));
  const rows = models.map((model, index): LeaderboardRow => {
    const e = model.entry;
    return {
      index,
      model,
      repo: e.repo,
      key: e.key,
      type: e.type,
      family: e.family,
      architecture: e.architecture,
      params: e.params,
      score: e.score,
      benchmarks: e.benchmarks,
      likes: model.likes,
      downloads: model.downloads,
      created: model.day,
      dateFloor: model.dateFloor,
      base: model.bases[0]?.id ?? null,
      license: model.license,
      precision: e.precision,
      flagged: e.flagged,
      merge: model.isMerge,
      moe: e.moe,
      available: e.available !== false,
      keptHidingFlagged: keptHiding.has(e.index),
      keptShowingFlagged: keptShowing.has(e.index),
    };
  });
  return {
    generation: dataset.generation,
    columns: leaderboardColumns(dataset.generation),
    rows,
    text: {
      repo: rows.map((r) => r.key),
      type: rows.map((r) => r.type),
      arch: rows.map((r) => `${r.family} ${r.architecture ?? ''}`.toLowerCase()),
      license: rows.map((r) => (r.license ?? '').toLowerCase()),
    },
    orders: new Map(),
  };
}

/** Row indices sorted by a column: nulls last in either direction, ties by row index
 *  (source order). Unknown column ids throw RangeError. Cached on the table. */
export function sortedOrder(table: LeaderboardTable, columnId: string, descending: boolean): Int32Array {
  const cacheKey = `${columnId}:${descending ? 'desc' : 'asc'}`;
  const cached = table.orders.get(cacheKey);
  if (cached) return cached;
  const column = table.columns.find((c) => c.id === columnId);
  if (!column) throw new RangeError(`no leaderboard column "${columnId}"`);
  const n = table.rows.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  const sign = descending ? -1 : 1;
  if (column.numeric) {
    const keys = new Float64Array(n);
    table.rows.forEach((row, i) => {
      const v = column.value(row);
      keys[i] = typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
    });
    order.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      const xn = Number.isNaN(x);
      const yn = Number.isNaN(y);
      if (xn || yn) return xn && yn ? a - b : xn ? 1 : -1;
      return x !== y ? sign * (x - y) : a - b;
    });
  } else {
    const keys = table.rows.map((row) => {
      const v = column.value(row);
      return v === null || v === '' ? null : String(v).toLowerCase();
    });
    order.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
      return x < y ? -sign : x > y ? sign : a - b;
    });
  }
  table.orders.set(cacheKey, order);
  return order;
}
