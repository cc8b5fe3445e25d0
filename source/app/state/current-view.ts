// What is on screen now, as a View (for copy, export and the status bar's summary) and as a
// breadcrumb ("Authors › Leaderboard › org/model"): both from the store's state alone. Pure.
import type { View } from '../../views/view.js';
import { queryView } from '../../views/leaderboard-query-view.js';
import { baseListView, treeView } from '../../views/lineage-screen-view.js';
import { screenTitle } from '../screens/screen-list.js';
import type { AppState } from './app-state.js';
import { builtLeaderboardModel, detailViewOf, leaderboardFrame, lineageModel, pageOf, readyDetailOf, type Env } from './screen-models.js';

export function currentView(state: AppState, env: Env): View | null {
  const { screen, screens } = state;
  if (screen === 'leaderboard') {
    const model = builtLeaderboardModel(env.dataset);
    if (!model) return null;
    const s = screens.leaderboard;
    if (s.detail) {
      const detail = readyDetailOf(model, s.detail.key, s.filters.includeFlagged);
      return detail ? detailViewOf(detail) : null;
    }
    return queryView(model.table, leaderboardFrame(model, s, env.height).result, model.columns, s.filters);
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
  const trail = state.stack.map((f) => screenTitle(f.from));
  const { screen, screens } = state;
  let here = screenTitle(screen);
  if (screen === 'leaderboard' && screens.leaderboard.detail) {
    const model = builtLeaderboardModel(env.dataset);
    const row = model?.table.rows.find((r) => r.key === screens.leaderboard.detail!.key);
    here += ` › ${row?.repo ?? screens.leaderboard.detail.key}`;
  } else if (screen === 'lineage' && screens.lineage.tree) here += ` › tree of ${screens.lineage.tree.base}`;
  else if (screen === 'overview' && screens.overview.details) here += ' › fetch and cache details';
  else if (state.stack.length > 0) here += ` › ${state.stack.at(-1)!.label}`;
  return [...trail, here].join(' › ');
}
