// The views by id: what `hubscope print VIEW` prints and the explorer's screens show. Each
// builder is pure: (dataset, options) → View; the clock comes in as options.now. For every
// view alike: the paper's figures stand beside v1's numbers only (paper-figures.ts), and a
// view whose figures depend on data that is not all there opens with a line that says so, its
// summary marked (issue 7 §3: coverage-text.ts; the figures themselves are marked by the
// views that know which depends on what).
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
import { paperApplies, withoutPaper } from './paper-figures.js';
import { coverageOf, incomplete } from '../analysis/coverage.js';
import { selectModels } from '../analysis/select.js';
import { VIEW_PARTS, coverageBlock, worstMark } from './coverage-text.js';

export type ViewBuilder = (dataset: Dataset, options: ViewOptions) => View;

const BUILDERS: Record<ViewId, ViewBuilder> = {
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

/** The view with its coverage: the line about what is not all there first, the summary
 *  marked. Not on the explorer's first frame (only the table is read yet: it says so). */
function withCoverage(id: ViewId, view: View, dataset: Dataset, options: ViewOptions): View {
  if (dataset.partial || dataset.entries.length === 0) return view;
  const { models } = selectModels(dataset, { includeFlagged: options.includeFlagged });
  const coverage = coverageOf(dataset, models);
  const block = coverageBlock(coverage, VIEW_PARTS[id], id === 'overview');
  const mark = worstMark(incomplete(coverage, VIEW_PARTS[id]));
  return {
    ...view,
    coverage,
    summary: mark === '' ? view.summary : [view.summary, mark].filter((s) => s !== '').join(' · '),
    blocks: block ? [block, ...view.blocks] : view.blocks,
  };
}

const scoped = (id: ViewId, build: ViewBuilder): ViewBuilder => (dataset, options) => {
  const view = build(dataset, options);
  return withCoverage(id, paperApplies(dataset.generation) ? view : withoutPaper(view), dataset, options);
};

export const VIEWS = Object.fromEntries(Object.entries(BUILDERS).map(([id, build]) => [id, scoped(id as ViewId, build)])) as Record<ViewId, ViewBuilder>;
