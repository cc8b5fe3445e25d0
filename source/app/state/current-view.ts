// What is on screen now, as a View (for copy, export and the status bar's summary) and as a
// breadcrumb ("Authors › Leaderboard › org/model"): both from the store's state alone. Pure.
import { plural } from '../../render/format-number.js';
import type { View } from '../../views/view.js';
import { querySummary, queryView } from '../../views/leaderboard-query-view.js';
import { frequencyAsView } from '../../views/frequency-view.js';
import { baseListView, treeView } from '../../views/lineage-screen-view.js';
import { screenTitle } from '../screens/screen-list.js';
import type { AppState } from './app-state.js';
import { builtLeaderboardModel, compareViewOf, detailViewOf, frequencyOf, leaderboardFrame, lineageModel, pageOf, readyDetailOf, type Env } from './screen-models.js';

export function currentView(state: AppState, env: Env): View | null {
  const { screen, screens } = state;
  if (screen === 'leaderboard') {
    const model = builtLeaderboardModel(env.dataset);
    if (!model) return null;
    const s = screens.leaderboard;
    if (s.freq) {
      const f = frequencyOf(model, s, env.height);
      const frame = leaderboardFrame(model, s, env.height);
      return f ? frequencyAsView(f, querySummary(model.table, frame.result, s.filters)) : null;
    }
    if (s.compare) return compareViewOf(model, s.marks, s.filters.includeFlagged);
    if (s.detail) {
      const detail = readyDetailOf(model, s.detail.key, s.filters.includeFlagged);
      return detail ? detailViewOf(detail) : null;
    }
    const frame = leaderboardFrame(model, s, env.height);
    return queryView(model.table, frame.result, frame.shown.columns, s.filters);
  }
  if (screen === 'lineage') {
    const s = screens.lineage;
    const m = lineageModel(env.dataset, s, env.width, env.height);
    if (m.tree && m.table) return treeView(m.tree, m.rows, m.table);
    return m.bases ? baseListView(m.bases, m.listed, s.find) : null;
  }
  return pageOf(screen, state, env).view;
}

/** Where you are: the screens of the view stack, then what the screen has open. */
export function whereLine(state: AppState, env: Env): string {
  // a step within one screen (rows picked in a frequency table) reads as its label
  const trail = state.stack.map((f) => (f.from === f.to ? null : screenTitle(f.from))).filter((t): t is string => t !== null);
  const within = state.stack.filter((f) => f.from === f.to && f.to === state.screen).map((f) => f.label);
  const { screen, screens } = state;
  let here = screenTitle(screen);
  if (screen === 'leaderboard' && screens.leaderboard.detail) {
    const model = builtLeaderboardModel(env.dataset);
    const row = model?.table.rows.find((r) => r.key === screens.leaderboard.detail!.key);
    here += ` › ${row?.repo ?? screens.leaderboard.detail.key}`;
  } else if (screen === 'leaderboard' && screens.leaderboard.freq) {
    const id = screens.leaderboard.freq.column;
    const title = builtLeaderboardModel(env.dataset)?.table.columns.find((c) => c.id === id)?.title ?? id;
    here += `${within.map((l) => ` › ${l}`).join('')} › frequency of ${title}`;
  }
  else if (screen === 'leaderboard' && screens.leaderboard.compare) here += ` › compare ${plural(screens.leaderboard.marks.length, 'model')}`;
  else if (screen === 'leaderboard' && screens.leaderboard.picker) here += ' › columns'; else if (screen === 'lineage' && screens.lineage.tree) here += ` › tree of ${screens.lineage.tree.base}`;
  else if (screen === 'overview' && screens.overview.details) here += ' › fetch and cache details';
  else if (within.length > 0) here += within.map((l) => ` › ${l}`).join('');
  else if (state.stack.length > 0) here += ` › ${state.stack.at(-1)!.label}`;
  return [...trail, here].join(' › ');
}
