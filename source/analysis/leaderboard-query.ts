// analyses.md §5: a query over the leaderboard table: the toggles (dedup, flagged, merges,
// MoE, unavailable), the search (leaderboard-search.ts), filters by type, family, size
// preset, params range and created-date range, and the sort. The result holds the full
// filtered+sorted list of row indices and a window() helper, so a UI materialises only the
// rows it shows. O(n) per query on a cached sort order. Pure.
import type { ModelType } from '../data/model.js';
import { DEFAULT_SORT, sortedOrder, type LeaderboardRow, type LeaderboardTable } from './leaderboard.js';
import { parseSearch, searchMatches, type ParsedSearch, type SearchTexts } from './leaderboard-search.js';
import { note, type Note } from './result.js';

export type SizePresetId = 'up-to-3' | '3-to-7' | '7-to-65' | '65-plus' | 'unknown';

/** A size preset: params in (min, max] — except `65-plus`, which is [65, ∞) so a 65 B model
 *  counts as 65 B+ — and `unknown` for models without params. Upper edges are inclusive so a
 *  7 B model is in 3–7 B and a 3 B one in ≤3 B; 7.24 B (Mistral on v2) is in 7–65 B. */
export interface SizePreset {
  id: SizePresetId;
  label: string;
  matches: (params: number | null) => boolean;
}

export const SIZE_PRESETS: readonly SizePreset[] = [
  { id: 'up-to-3', label: '≤3 B', matches: (p) => p !== null && p <= 3 },
  { id: '3-to-7', label: '3–7 B', matches: (p) => p !== null && p > 3 && p <= 7 },
  { id: '7-to-65', label: '7–65 B', matches: (p) => p !== null && p > 7 && p < 65 },
  { id: '65-plus', label: '65 B+', matches: (p) => p !== null && p >= 65 },
  { id: 'unknown', label: 'unknown', matches: (p) => p === null },
];

export interface LeaderboardQuery {
  /** Show flagged entries. Default false (§0). */
  includeFlagged?: boolean;
  /** One row per repository (§0 dedup). Default true. */
  dedup?: boolean;
  /** Show merges (§0 merge rule on the model itself). Default false (the leaderboard hides them). */
  showMerges?: boolean;
  /** Hide mixture-of-experts models. Default false (the leaderboard shows them). */
  hideMoE?: boolean;
  /** Hide models the leaderboard marks as gone from the Hub. Default false: only merges and
   *  flagged entries are hidden by default, as the leaderboard did; rows without the column
   *  count as available. */
  hideUnavailable?: boolean;
  /** Search line (leaderboard-search.ts). Default ''. */
  search?: string;
  /** Only these types (empty: all). */
  types?: readonly ModelType[];
  /** Only these architecture families, compared case-insensitively (empty: all). */
  families?: readonly string[];
  /** Only these size presets, combined with OR (empty: all). */
  sizes?: readonly SizePresetId[];
  /** Params range in billions, both ends inclusive; models with unknown params drop out when
   *  either end is set. */
  params?: { min?: number | null; max?: number | null };
  /** Created-day range YYYY-MM-DD, both ends inclusive; undated models drop out when either
   *  end is set; a model on the 2022-03-02 floor counts as that day. */
  created?: { from?: string | null; to?: string | null };
  /** Sort column id and direction. Default score, descending. Nulls always last; ties in
   *  source order. */
  sort?: { column: string; descending: boolean };
}

export type ResolvedQuery = Required<Omit<LeaderboardQuery, 'params' | 'created'>> & {
  params: { min: number | null; max: number | null };
  created: { from: string | null; to: string | null };
};

export const DEFAULT_QUERY: ResolvedQuery = {
  includeFlagged: false,
  dedup: true,
  showMerges: false,
  hideMoE: false,
  hideUnavailable: false,
  search: '',
  types: [],
  families: [],
  sizes: [],
  params: { min: null, max: null },
  created: { from: null, to: null },
  sort: DEFAULT_SORT,
};

export interface LeaderboardView {
  query: ResolvedQuery;
  /** Row indices (into table.rows) after toggles, search and filters, in sort order. */
  indices: Int32Array;
  /** N: rows shown. */
  shown: number;
  /** M: rows after the toggles, before search and filters. */
  total: number;
  /** "N of M". */
  summary: string;
  search: ParsedSearch;
  /** Rows hidden by the toggles, and search warnings. */
  notes: Note[];
  /** The rows at display positions [offset, offset + count), clamped. */
  window: (offset: number, count: number) => LeaderboardRow[];
}

export function resolveQuery(query: LeaderboardQuery): ResolvedQuery {
  const d = DEFAULT_QUERY;
  return {
    includeFlagged: query.includeFlagged ?? d.includeFlagged,
    dedup: query.dedup ?? d.dedup,
    showMerges: query.showMerges ?? d.showMerges,
    hideMoE: query.hideMoE ?? d.hideMoE,
    hideUnavailable: query.hideUnavailable ?? d.hideUnavailable,
    search: query.search ?? d.search,
    types: query.types ?? d.types,
    families: query.families ?? d.families,
    sizes: query.sizes ?? d.sizes,
    params: { min: query.params?.min ?? null, max: query.params?.max ?? null },
    created: { from: query.created?.from ?? null, to: query.created?.to ?? null },
    sort: query.sort ?? d.sort,
  };
}

/** Why a row is hidden by a toggle (the first reason in this order), or null. */
function hiddenBy(row: LeaderboardRow, q: ResolvedQuery): 'flagged' | 'duplicate' | 'merge' | 'moe' | 'unavailable' | null {
  if (row.flagged && !q.includeFlagged) return 'flagged';
  if (q.dedup && !(q.includeFlagged ? row.keptShowingFlagged : row.keptHidingFlagged)) return 'duplicate';
  if (row.merge && !q.showMerges) return 'merge';
  if (row.moe && q.hideMoE) return 'moe';
  if (!row.available && q.hideUnavailable) return 'unavailable';
  return null;
}

/** The filters (not the toggles) as one predicate, built once per query. */
function filterOf(q: ResolvedQuery): (row: LeaderboardRow) => boolean {
  const types = new Set(q.types);
  const families = new Set(q.families.map((f) => f.toLowerCase()));
  const sizes = SIZE_PRESETS.filter((p) => q.sizes.includes(p.id));
  const { min, max } = q.params;
  const { from, to } = q.created;
  return (row) => {
    if (types.size > 0 && !types.has(row.type)) return false;
    if (families.size > 0 && !families.has(row.family.toLowerCase())) return false;
    if (sizes.length > 0 && !sizes.some((p) => p.matches(row.params))) return false;
    if ((min !== null || max !== null) && row.params === null) return false;
    if (min !== null && row.params! < min) return false;
    if (max !== null && row.params! > max) return false;
    if ((from !== null || to !== null) && row.created === null) return false;
    if (from !== null && row.created! < from) return false;
    if (to !== null && row.created! > to) return false;
    return true;
  };
}

/** analyses.md §5: toggles, search, filters and sort over the table ("N of M"). */
export function queryLeaderboard(table: LeaderboardTable, query: LeaderboardQuery = {}): LeaderboardView {
  const q = resolveQuery(query);
  const notes: Note[] = [];
  let sort = q.sort;
  if (!table.columns.some((c) => c.id === sort.column)) {
    notes.push({ count: 1, text: `unknown sort column “${sort.column}”: sorted by score` });
    sort = DEFAULT_SORT;
  }
  const order = sortedOrder(table, sort.column, sort.descending);
  const search = parseSearch(q.search);
  const filter = filterOf(q);
  const hidden = { flagged: 0, duplicate: 0, merge: 0, moe: 0, unavailable: 0 };
  // One pass in row order (memory order, cache-friendly) marks the rows shown; the sorted
  // order is then walked over that mask only.
  const n = table.rows.length;
  const keep = new Uint8Array(n);
  let total = 0;
  const sizeActive = q.params.min !== null || q.params.max !== null || (q.sizes.length > 0 && !q.sizes.includes('unknown'));
  const dateActive = q.created.from !== null || q.created.to !== null;
  let unknownParams = 0;
  let undated = 0;
  const texts: SearchTexts = { repo: '', type: '', arch: '', license: '' };
  for (let index = 0; index < n; index += 1) {
    const row = table.rows[index]!;
    const reason = hiddenBy(row, q);
    if (reason !== null) {
      hidden[reason] += 1;
      continue;
    }
    total += 1;
    if (!filter(row)) {
      if (sizeActive && row.params === null) unknownParams += 1;
      if (dateActive && row.created === null) undated += 1;
      continue;
    }
    texts.repo = table.text.repo[index]!;
    texts.type = table.text.type[index]!;
    texts.arch = table.text.arch[index]!;
    texts.license = table.text.license[index]!;
    if (searchMatches(search, texts)) keep[index] = 1;
  }
  const out = new Int32Array(n);
  let shown = 0;
  for (let i = 0; i < n; i += 1) {
    const index = order[i]!;
    if (keep[index] === 1) out[shown++] = index;
  }
  note(notes, hidden.flagged, 'flagged entries hidden');
  note(notes, hidden.duplicate, 'duplicate entries merged (one per repository: best score, then later submission)');
  note(notes, hidden.merge, 'merges hidden');
  note(notes, hidden.moe, 'MoE models hidden');
  note(notes, hidden.unavailable, 'models no longer on the Hub hidden');
  note(notes, unknownParams, 'models with unknown params left out by the size filter');
  note(notes, undated, 'models without a creation date left out by the date filter');
  for (const warning of search.warnings) notes.push({ count: 1, text: warning });
  const indices = out.slice(0, shown);
  return {
    query: { ...q, sort },
    indices,
    shown,
    total,
    summary: `${shown} of ${total}`,
    search,
    notes,
    window: (offset, count) => {
      const start = Math.max(0, Math.min(Math.floor(offset), shown));
      const end = Math.max(start, Math.min(start + Math.max(0, Math.floor(count)), shown));
      const rows: LeaderboardRow[] = [];
      for (let i = start; i < end; i += 1) rows.push(table.rows[indices[i]!]!);
      return rows;
    },
  };
}
