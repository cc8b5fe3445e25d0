// The Leaderboard screen's commands (analyses.md §5) as a pure function of the state: the
// mode (search line, filter panel, a field, a model's detail, the table) picks what a command
// means; the facts the reducer needs (rows, room, columns, the row under the cursor) come from
// screen-models.ts, the same the next frame draws.
import type { Command } from '../keys/commands.js';
import type { Mode } from '../keys/keymap.js';
import { withScreen, type AppState } from './app-state.js';
import { leaderboardReducer, restored, type LeaderboardAction, type LeaderboardState } from './leaderboard-state.js';
import { builtLeaderboardModel, comparedMarks, compareViewOf, detailViewOf, frequencyOf, FREQUENCY_CHROME, leaderboardFrame, readyDetailOf, shownColumns, type Env } from './screen-models.js';
import { matchText } from '../../views/frequency-view.js';
import { cachedText } from '../services/view-cache.js';
import { derivativeTree } from '../../views/screen-data.js';
import { drill } from './view-stack.js';
import { lineageAt } from './lineage-handle.js';

export function leaderboardMode(s: LeaderboardState): Mode {
  if (s.editing) return 'search';
  if (s.panel?.editing) return 'field';
  if (s.panel) return 'filters';
  if (s.picker) return 'columns';
  if (s.freq) return 'frequency';
  if (s.compare) return 'compare';
  if (s.detail) return 'detail';
  return 'normal';
}

const PANEL_STEP = { up: -1, down: 1, 'page-up': -5, 'page-down': 5, top: -Infinity, bottom: Infinity } as const;

/** The leaderboard state opened on one model's detail (from another screen or `:goto`). */
export function leaderboardAt(s: LeaderboardState, key: string): LeaderboardState {
  return { ...restored(s), panel: null, detail: { key, offset: 0 } };
}

/** The base of a model (its first declared one), or the model itself when none. */
function treeOfModel(state: AppState, env: Env, repo: string, base: string | null): AppState {
  const target = base ?? repo;
  const tree = derivativeTree(env.dataset, target);
  if (tree.root.children.length === 0 && base === null) return { ...state, message: `${repo} declares no base model and no model declares it` };
  return drill(state, 'lineage', lineageAt(state.screens.lineage, target, tree.root.key), `tree of ${target}`);
}

export function handleLeaderboard(state: AppState, command: Command, env: Env): AppState {
  const s = state.screens.leaderboard;
  const model = builtLeaderboardModel(env.dataset);
  if (!model) return state; // the table is still being built: the keys wait for it
  const act = (action: LeaderboardAction): AppState => withScreen(state, 'leaderboard', leaderboardReducer(s, action));
  switch (leaderboardMode(s)) {
    case 'search':
      if (command.type === 'edit') return act({ type: 'search-edit', text: command.text });
      if (command.type === 'apply') return act({ type: 'search-apply' });
      if (command.type === 'cancel') return act({ type: 'search-cancel' });
      return state;
    case 'field':
      if (command.type === 'edit') return act({ type: 'field-edit', text: command.text });
      if (command.type === 'apply') return act({ type: 'field-apply' });
      if (command.type === 'cancel') return act({ type: 'field-cancel' });
      return state;
    case 'filters':
      if (command.type === 'scroll') return act({ type: 'panel-move', by: PANEL_STEP[command.by], count: model.items.length });
      if (command.type === 'panel-pick') return act({ type: 'panel-pick', item: model.items[s.panel!.cursor]! });
      if (command.type === 'back') return act({ type: 'panel-close' });
      return state;
    case 'columns': {
      const ids = model.columns.map((c) => c.id);
      if (command.type === 'scroll') return act({ type: 'picker-move', by: PANEL_STEP[command.by], count: ids.length });
      // the selected column stays the same column while others are hidden or moved
      const keepSelected = (action: LeaderboardAction): AppState => {
        const selected = shownColumns(model, s).columns[s.column]?.id;
        const next = leaderboardReducer(s, action);
        const shown = shownColumns(model, next).columns;
        const at = shown.findIndex((c) => c.id === selected);
        return withScreen(state, 'leaderboard', { ...next, column: at >= 0 ? at : Math.min(s.column, shown.length - 1) });
      };
      if (command.type === 'picker-toggle') return keepSelected({ type: 'picker-toggle', columns: ids });
      if (command.type === 'column-shift') return keepSelected({ type: 'picker-shift', by: command.by, columns: ids });
      if (command.type === 'back') {
        // the selected column stays on a column shown
        const shown = shownColumns(model, s).columns.length;
        return withScreen(state, 'leaderboard', { ...s, picker: null, column: Math.min(s.column, shown - 1) });
      }
      return state;
    }
    case 'frequency': {
      const f = frequencyOf(model, s, env.height);
      if (!f) return act({ type: 'freq-close' });
      const room = Math.max(1, env.height - FREQUENCY_CHROME);
      if (command.type === 'scroll') return act({ type: 'freq-move', command: command.by, count: f.rows.length, room });
      if (command.type === 'back') return act({ type: 'freq-close' });
      if (command.type === 'open') {
        const row = f.rows[Math.min(s.freq!.cursor, f.rows.length - 1)];
        if (!row) return state;
        const label = matchText(f.title, row.match, row.label);
        // a step on the view stack: Esc comes back to this frequency table
        const next: LeaderboardState = { ...s, freq: null, cursor: 0, offset: 0, where: [...s.where, { column: f.column, match: row.match, label }] };
        return drill(state, 'leaderboard', next, label, true);
      }
      return state;
    }
    case 'compare': {
      if (command.type === 'back') return act({ type: 'compare-close' });
      if (command.type === 'column') return act({ type: 'compare-shift', by: command.by });
      if (command.type === 'scroll') {
        const count = cachedText(compareViewOf(model, comparedMarks(s), s.filters.includeFlagged), env.width, env.color).length + ((s.compare?.first ?? 0) > 0 ? 1 : 0);
        return act({ type: 'compare-scroll', command: command.by, count, room: Math.max(1, env.height) });
      }
      return state;
    }
    case 'detail': {
      const detail = s.detail!;
      if (command.type === 'scroll') {
        const ready = readyDetailOf(model, detail.key, s.filters.includeFlagged);
        if (!ready) return state;
        const count = cachedText(detailViewOf(ready), env.width, env.color).length;
        return act({ type: 'detail-scroll', command: command.by, count, room: Math.max(1, env.height - 1) });
      }
      if (command.type === 'back') return act({ type: 'detail-close' });
      if (command.type === 'lineage-of') {
        const row = model.table.rows.find((r) => r.key === detail.key);
        return row ? treeOfModel(state, env, row.repo, row.base) : state;
      }
      return state;
    }
    default:
      break;
  }
  // the query is run here only (a prompt's keys never run it: a paste of a thousand
  // characters is one edit, and the frame after it runs the query once)
  const frame = leaderboardFrame(model, s, env.height);
  const cursor = Math.min(s.cursor, frame.count - 1);
  const row = cursor >= 0 ? model.table.rows[frame.result.indices[cursor]!] : undefined;
  switch (command.type) {
    case 'scroll':
      return act({ type: 'move', command: command.by, count: frame.count, room: frame.room });
    case 'column':
      return act({ type: 'column', by: command.by, columns: frame.shown.columns.length });
    case 'sort': {
      const c = frame.shown.columns[frame.column]!;
      return act({ type: 'sort', column: c.id, numeric: c.numeric });
    }
    case 'search':
      return act({ type: 'search-open' });
    case 'filters':
      return act({ type: 'panel-open' });
    case 'merges':
      return withScreen(state, 'leaderboard', { ...s, cursor: 0, offset: 0, filters: { ...s.filters, showMerges: !s.filters.showMerges } });
    case 'open':
      return row ? act({ type: 'detail-open', key: row.key }) : state;
    case 'lineage-of':
      return row ? treeOfModel(state, env, row.repo, row.base) : state;
    case 'frequency': {
      const c = frame.shown.columns[frame.column]!;
      return act({ type: 'freq-open', column: c.id });
    }
    case 'columns':
      return act({ type: 'picker-open', columns: model.columns.map((c) => c.id) });
    case 'mark': {
      if (!row) return state;
      const marked = leaderboardReducer(s, { type: 'mark', key: row.key });
      const moved = leaderboardReducer(marked, { type: 'move', command: 'down', count: frame.count, room: frame.room });
      const n = moved.marks.length;
      return { ...withScreen(state, 'leaderboard', moved), message: `${n} model${n === 1 ? '' : 's'} marked (= compares them, U unmarks all)` };
    }
    case 'unmark-all':
      return { ...act({ type: 'unmark-all' }), message: 'no model marked' };
    case 'compare':
      if (s.marks.length === 0) return { ...state, message: 'mark models with Space first, then = compares them' };
      return act({ type: 'compare-open' });
    case 'back':
      if (s.search === '' && s.where.length > 0) return withScreen(state, 'leaderboard', { ...s, where: [], cursor: 0, offset: 0 });
      return act({ type: 'search-clear' });
    default:
      return state;
  }
}
