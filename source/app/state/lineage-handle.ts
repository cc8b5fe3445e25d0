// The Lineage screen's commands (analyses.md §2) as a pure function of the state: the finder,
// the base-model list and one base's derivative tree; `d` drills down to a model's detail on
// the Leaderboard (Esc comes back here).
import type { Command } from '../keys/commands.js';
import type { Mode } from '../keys/keymap.js';
import { withScreen, type AppState } from './app-state.js';
import { lineageReducer, restoredLineage, type LineageAction, type LineageState, type NodeInfo } from './lineage-state.js';
import { lineageModel, type Env } from './screen-models.js';
import { drill } from './view-stack.js';
import { leaderboardAt } from './leaderboard-handle.js';
import type { TreeRow } from '../../views/lineage-tree.js';

export function lineageMode(s: LineageState): Mode {
  return s.finding ? 'find' : 'normal';
}

/** The lineage state opened on one base's tree. */
export function lineageAt(s: LineageState, base: string, rootKey: string): LineageState {
  return lineageReducer(restoredLineage(s), { type: 'tree-open', base, root: rootKey });
}

const nodeInfo = (rows: readonly TreeRow[], index: number): NodeInfo | null => {
  const row = rows[index];
  return row ? { key: row.node.key, parent: row.node.children.length > 0, open: row.open, up: row.up } : null;
};

function modelDetail(state: AppState, key: string, repo: string): AppState {
  return drill(state, 'leaderboard', leaderboardAt(state.screens.leaderboard, key), repo);
}

export function handleLineage(state: AppState, command: Command, env: Env): AppState {
  const s = state.screens.lineage;
  const act = (action: LineageAction): AppState => withScreen(state, 'lineage', lineageReducer(s, action));
  if (s.finding) {
    if (command.type === 'edit') return act({ type: 'find-edit', text: command.text });
    if (command.type === 'apply') return act({ type: 'find-keep' });
    if (command.type === 'cancel') return act({ type: 'find-cancel' });
    return state;
  }
  const model = lineageModel(env.dataset, s, env.width, env.height);
  if (s.tree) {
    const { rows } = model;
    const node = nodeInfo(rows, Math.min(s.tree.cursor, rows.length - 1));
    switch (command.type) {
      case 'scroll':
        return act({ type: 'tree-move', command: command.by, count: rows.length, room: model.treeRoom });
      case 'back':
        return act({ type: 'tree-close' });
      case 'expand':
        return node ? act({ type: 'expand', node }) : state;
      case 'collapse':
        return node ? act({ type: 'collapse', node }) : state;
      case 'open':
        return node ? act({ type: 'toggle', node }) : state;
      case 'model-of': {
        const row = rows[Math.min(s.tree.cursor, rows.length - 1)];
        if (!row) return state;
        return row.node.inView ? modelDetail(state, row.node.key, row.node.repo) : { ...state, message: `${row.node.repo} is not on the leaderboard: no details` };
      }
      default:
        return state;
    }
  }
  const picked = model.listed[Math.min(s.list.cursor, model.listed.length - 1)];
  switch (command.type) {
    case 'scroll':
      return act({ type: 'list-move', command: command.by, count: model.listed.length, room: model.listRoom });
    case 'search':
      return act({ type: 'find-open' });
    case 'back':
      return act({ type: 'find-clear' });
    case 'open':
    case 'expand':
      return picked ? act({ type: 'tree-open', base: picked.repo, root: picked.key }) : state;
    case 'model-of':
      if (!picked) return state;
      return picked.onLeaderboard ? modelDetail(state, picked.key, picked.repo) : { ...state, message: `${picked.repo} is not on the leaderboard: no details` };
    default:
      return state;
  }
}
