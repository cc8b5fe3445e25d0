// The Hub views by id: each runs its queries on the store (source/hub, async) and hands the rows
// to its pure builder. `print VIEW --dataset cfahlgren1/hub-stats` and the explorer's Hub screens
// call these; a revisit is served from the store's memo.
import type { HubStore } from '../hub/store.js';
import { DEFAULT_HUB_QUERY, type HubQueryOptions } from '../hub/query-sql.js';
import { authorRows, familyRows, intermediaryRows, relationRows, scopeCounts } from '../hub/queries-community.js';
import { historyRows } from '../hub/queries-history.js';
import { adoptionRows, lineageRows, rootOrgRows, sizeRows, topRootRows } from '../hub/queries-lineage.js';
import { DataError } from '../data/errors.js';
import type { HubView, HubViewContext, HubViewId } from './hub-view-common.js';
import { hubArchitecturesView, hubAuthorsView, hubIntermediariesView, hubRelationsView } from './hub-views-community.js';
import { hubAdoptionView, hubBaseModelsView, hubLineageView, hubSizesView, type LeaderboardScores } from './hub-views-lineage.js';
import { hubOverviewView } from './hub-overview.js';

export interface HubViewOptions extends HubQueryOptions {
  /** lineage: the model to draw. */
  base?: string;
  /** adoption: root ids (default: the five largest dated roots). */
  roots?: string[];
  /** lineage: leaderboard scores by lower-case repo id, joined where a model is on one. */
  scores?: LeaderboardScores;
}

export type HubViewBuilder = (store: HubStore, options: HubViewOptions) => Promise<HubView>;

async function context(store: HubStore, options: HubViewOptions): Promise<HubViewContext> {
  return { manifest: store.manifest, counts: await scopeCounts(store, options), options: { scope: options.scope, period: options.period, top: options.top } };
}

export const HUB_VIEWS: Record<HubViewId, HubViewBuilder> = {
  overview: async (store, options) => {
    const ctx = await context(store, options);
    const [authors, relations, roots, orgYears, sizes] = [
      await authorRows(store, options), await relationRows(store, options), await topRootRows(store, { ...options, top: 10 }),
      await rootOrgRows(store, { ...options, yearly: true }), await sizeRows(store, options),
    ];
    return hubOverviewView(ctx, { authors, relations, roots, orgYears, sizes });
  },
  authors: async (store, options) => hubAuthorsView(await context(store, options), await authorRows(store, options)),
  relations: async (store, options) => hubRelationsView(await context(store, options), await relationRows(store, options)),
  architectures: async (store, options) => hubArchitecturesView(await context(store, options), await familyRows(store, options)),
  'base-models': async (store, options) => hubBaseModelsView(await context(store, options), await topRootRows(store, options), await rootOrgRows(store, options)),
  adoption: async (store, options) => hubAdoptionView(await context(store, options), await adoptionRows(store, options), await historyRows(store, options)),
  sizes: async (store, options) => hubSizesView(await context(store, options), await sizeRows(store, options)),
  intermediaries: async (store, options) => hubIntermediariesView(await context(store, options), await intermediaryRows(store, options)),
  lineage: async (store, options) => {
    if (!options.base) throw new DataError('lineage needs --base REPO (a model id of the snapshot)', 2);
    return hubLineageView(await context(store, options), options.base, await lineageRows(store, { scope: options.scope, period: options.period, top: options.top, base: options.base }), options.scores);
  },
};

/** One Hub view (defaults: language models, per month, top 20). */
export function hubView(store: HubStore, id: HubViewId, options: Partial<HubViewOptions> = {}): Promise<HubView> {
  return HUB_VIEWS[id](store, { ...DEFAULT_HUB_QUERY, ...options });
}
