// The views by id: what `hubscope print VIEW` prints and the explorer's screens show. Each
// builder is pure: (dataset, options) → View; the clock comes in as options.now.
import type { Dataset } from '../data/model.js';
import type { View, ViewId, ViewOptions } from './view.js';
import { overviewView } from './overview-view.js';
import { leaderboardView } from './leaderboard-view.js';
import { authorsView } from './authors-view.js';
import { typesView } from './types-view.js';
import { architecturesView } from './architectures-view.js';
import { baseModelsView } from './base-models-view.js';
import { lineageView } from './lineage-view.js';
import { sizesView } from './sizes-view.js';
import { improvementView } from './improvement-view.js';

export type ViewBuilder = (dataset: Dataset, options: ViewOptions) => View;

export const VIEWS: Record<ViewId, ViewBuilder> = {
  overview: overviewView,
  leaderboard: leaderboardView,
  authors: authorsView,
  types: typesView,
  architectures: architecturesView,
  'base-models': baseModelsView,
  lineage: lineageView,
  sizes: sizesView,
  improvement: improvementView,
};
