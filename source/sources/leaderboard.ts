// The Open LLM Leaderboard table as a source kind (v1 `open-llm-leaderboard-old/contents`, v2
// `open-llm-leaderboard/contents`, an imported file): stages leaderboard (the table from the
// dataset viewer), info (Hub model metadata of its repos), commits (their commit histories);
// its table in datasets/<dir>/leaderboard.json, the Hub facts in the shared documents; every
// view of source/views. The stages are loaded when a fetch runs them (print, status and the
// explorer never load the HTTP client).
import { loadDataset } from '../cache/store.js';
import type { Dataset } from '../data/model.js';
import { LEADERBOARD_STAGES } from '../fetch/events.js';
import { VIEWS } from '../views/registry.js';
import { labelOf } from '../views/source-label.js';
import { ASKED_VIEW_IDS, VIEW_IDS, type ViewId } from '../views/view.js';
import { frequencyColumn, frequencyView } from '../views/frequency-view.js';
import { compareView } from '../views/compare-view.js';
import { leaderboardTable, resolveSortColumn } from '../views/leaderboard-view.js';
import { ScoreNameError, resolveScore } from '../analysis/score.js';
import { leaderboardStatus, leaderboardSummary } from './leaderboard-status.js';
import type { SourceKind } from './source.js';
import { frontierPointer } from './arena.js';
import { HUBSCOPE } from '../text/command.js';

export const leaderboardSource: SourceKind<Dataset> = {
  id: 'leaderboard',
  title: 'Open LLM Leaderboard table',
  // the kind every dataset id falls back to: a table of the leaderboard's own columns
  matches: () => true,

  stages: LEADERBOARD_STAGES,
  async runStage(stage, ctx, options) {
    const { store } = ctx;
    if (stage === 'leaderboard') {
      const origin = store.leaderboard.origin;
      if (origin?.startsWith('file:') && !options.only?.includes('leaderboard')) {
        ctx.emit({
          type: 'stage-skip',
          stage,
          reason: `${store.datasetId} was imported from ${origin.slice(5)}; ${HUBSCOPE} import refreshes it (--only leaderboard replaces it with the dataset viewer's table)`,
        });
        return;
      }
      const { leaderboardStage } = await import('../fetch/stage-leaderboard.js');
      await leaderboardStage(ctx, { dataset: store.datasetId, refresh: options.refresh, pageSize: options.rowsPageSize });
      return;
    }
    if (store.leaderboard.entries.length === 0) {
      ctx.emit({ type: 'stage-skip', stage, reason: `no table of ${store.datasetId} in the cache: fetch or import one first` });
      return;
    }
    if (stage === 'info') await (await import('../fetch/stage-info.js')).infoStage(ctx);
    else await (await import('../fetch/stage-commits.js')).commitsStage(ctx);
  },

  read: async (dir, id, options = {}) => {
    const dataset = await loadDataset(dir, { dataset: id, leaderboardOnly: options.firstFrame === true });
    if (options.fetching) dataset.fetching = true;
    // the overview's pointer to the frontier (analyses.md §7), from the same cache
    if (options.firstFrame !== true) dataset.frontier = await frontierPointer(dir);
    return dataset;
  },
  label: labelOf,
  isEmpty: (dataset) => dataset.entries.length === 0,
  views: VIEW_IDS,
  askedViews: ASKED_VIEW_IDS,
  view: (id, dataset, options) => (id === 'frequency' ? frequencyView(dataset, options) : id === 'compare' ? compareView(dataset, options) : VIEWS[id as ViewId](dataset, options)),
  checkOptions(dataset, options) {
    if (options.score !== undefined) {
      // §0 "Score": a benchmark of this table's generation (known only once the cache is read)
      try {
        options.score = resolveScore(dataset.generation, options.score).id;
      } catch (error) {
        if (error instanceof ScoreNameError) return `--score: ${error.message}`;
        throw error;
      }
    }
    const table = leaderboardTable(dataset);
    if (options.column !== undefined) {
      const column = frequencyColumn(table, options.column);
      if (column === null) return `--column takes one of ${table.columns.map((c) => c.id).join(', ')}; got "${options.column}"`;
      options.column = column;
    }
    if (options.sort === undefined) return null;
    const column = resolveSortColumn(table, options.sort);
    if (column === null) return `--sort takes one of ${table.columns.map((c) => c.id).join(', ')}; got "${options.sort}"`;
    options.sort = column;
    return null;
  },

  summary: leaderboardSummary,
  status: leaderboardStatus,
};
