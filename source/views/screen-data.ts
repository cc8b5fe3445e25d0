// What the explorer's screens read from the data core. Every analysis call a screen makes
// goes through the views layer (style.md habit 1: app/ draws, views/ decides what to show);
// this file holds the screen-side ones that are not whole Views: the leaderboard query of the
// table on screen (analyses.md §5), one model's detail (§5), the base models and one base's
// derivative tree (§2), and the constants the screens' prompts and cycles need. The
// expensive ones are remembered per dataset/table (datasets never change after loading).
import type { Dataset } from '../data/model.js';
import type { LeaderboardTable } from '../analysis/leaderboard.js';
import { queryLeaderboard, type LeaderboardQuery, type LeaderboardView } from '../analysis/leaderboard-query.js';
import { modelDetail, type ModelDetail } from '../analysis/leaderboard-detail.js';
import { baseModels, derivativesOf, type BaseModelsResult, type DerivativeTreeResult } from '../analysis/base-models.js';

export { PERIODS, type Period } from '../analysis/periods.js';
export { MAX_SEARCH_LENGTH } from '../analysis/leaderboard-search.js';
export { AVERAGE, DEFAULT_SCORE_THRESHOLD, scoreNames } from '../analysis/score.js';
export { PAPER_FAMILIES } from '../analysis/improvement-families.js';
export { DEFAULT_SORT, type LeaderboardRow, type LeaderboardTable } from '../analysis/leaderboard.js';
export type { LeaderboardQuery, LeaderboardView, SizePresetId } from '../analysis/leaderboard-query.js';
export type { ModelDetail } from '../analysis/leaderboard-detail.js';
export type { BaseModelRow, BaseModelsResult, DerivativeNode, DerivativeTreeResult } from '../analysis/base-models.js';

const lastQuery = new WeakMap<LeaderboardTable, { key: string; result: LeaderboardView }>();

/** The table's rows for a query (§5). The last query per table is remembered: a key handler
 *  and the frame after it ask for the same one. */
export function leaderboardQuery(table: LeaderboardTable, query: LeaderboardQuery): LeaderboardView {
  const key = JSON.stringify(query);
  const last = lastQuery.get(table);
  if (last && last.key === key) return last.result;
  const result = queryLeaderboard(table, query);
  lastQuery.set(table, { key, result });
  return result;
}

/** One model's detail (§5): its entry, Hub info, chain up, derivatives down, activity. */
export function modelDetailOf(dataset: Dataset, table: LeaderboardTable, key: string, includeFlagged: boolean): ModelDetail | null {
  return modelDetail(dataset, table, key, { includeFlagged });
}

const bases = new WeakMap<Dataset, BaseModelsResult>();

/** Every base model of the dataset, most declared first (§2), computed once per dataset. */
export function allBaseModels(dataset: Dataset): BaseModelsResult {
  let result = bases.get(dataset);
  if (!result) bases.set(dataset, (result = baseModels(dataset, { top: Number.POSITIVE_INFINITY })));
  return result;
}

/** The base models are computed for this dataset already. */
export function hasBaseModels(dataset: Dataset): boolean {
  return bases.has(dataset);
}

const trees = new WeakMap<Dataset, Map<string, DerivativeTreeResult>>();

/** One base model's derivative tree (§2), remembered per dataset. */
export function derivativeTree(dataset: Dataset, base: string): DerivativeTreeResult {
  let byBase = trees.get(dataset);
  if (!byBase) trees.set(dataset, (byBase = new Map()));
  let tree = byBase.get(base);
  if (!tree) byBase.set(base, (tree = derivativesOf(dataset, base)));
  return tree;
}
