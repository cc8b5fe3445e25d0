// The Lineage screen's state as a pure reducer: the base-model list (cursor, scroll window,
// the finder narrowing it by id), and the derivative tree of the base opened from it (cursor,
// window, which nodes are expanded). The screen passes in what the reducer cannot know (row
// counts, room, the node under the cursor), so every action is testable without Ink.
import { clampOffset, scroll, type ScrollCommand, type ScrollState } from './scroll.js';

export interface TreeState extends ScrollState {
  /** The base model's repo id as listed. */
  base: string;
  /** Keys of the expanded nodes (the root's at first: its children show, collapsed). */
  expanded: ReadonlySet<string>;
}

export interface LineageState {
  list: ScrollState;
  /** The find text in force (while typing, the text typed so far). */
  find: string;
  /** The finder while open; `before` is what Esc puts back. */
  finding: { before: string } | null;
  tree: TreeState | null;
}

export const INITIAL_LINEAGE: LineageState = { list: { cursor: 0, offset: 0 }, find: '', finding: null, tree: null };

/** What the reducer needs to know of the node under the cursor. */
export interface NodeInfo {
  key: string;
  /** It has children. */
  parent: boolean;
  /** Its children are shown. */
  open: boolean;
  /** Row index of its parent node (null at the root). */
  up: number | null;
}

export type LineageAction =
  | { type: 'list-move'; command: ScrollCommand; count: number; room: number }
  | { type: 'find-open' }
  | { type: 'find-edit'; text: string }
  | { type: 'find-keep' }
  | { type: 'find-cancel' }
  | { type: 'find-clear' }
  | { type: 'tree-open'; base: string; root: string }
  | { type: 'tree-move'; command: ScrollCommand; count: number; room: number }
  | { type: 'expand'; node: NodeInfo }
  | { type: 'collapse'; node: NodeInfo }
  | { type: 'toggle'; node: NodeInfo }
  | { type: 'tree-close' };

function move(s: ScrollState, command: ScrollCommand, count: number, room: number): ScrollState {
  const cursor = Math.max(0, Math.min(s.cursor, count - 1));
  return scroll({ cursor, offset: clampOffset(cursor, s.offset, count, Math.max(1, room)) }, command, count, room);
}

const withKey = (set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> => {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
};

export function lineageReducer(s: LineageState, action: LineageAction): LineageState {
  switch (action.type) {
    case 'list-move':
      return { ...s, list: move(s.list, action.command, action.count, action.room) };
    case 'find-open':
      return s.finding || s.tree ? s : { ...s, finding: { before: s.find } };
    case 'find-edit':
      return s.finding ? { ...s, find: action.text, list: { cursor: 0, offset: 0 } } : s;
    case 'find-keep':
      return { ...s, finding: null };
    case 'find-cancel':
      return s.finding ? { ...s, find: s.finding.before, finding: null, list: { cursor: 0, offset: 0 } } : s;
    case 'find-clear':
      return s.find === '' ? s : { ...s, find: '', list: { cursor: 0, offset: 0 } };
    case 'tree-open':
      return { ...s, finding: null, tree: { base: action.base, cursor: 0, offset: 0, expanded: new Set([action.root]) } };
    case 'tree-move':
      return s.tree ? { ...s, tree: { ...s.tree, ...move(s.tree, action.command, action.count, action.room) } } : s;
    case 'expand': {
      const { tree } = s;
      if (!tree || !action.node.parent || action.node.open) return s;
      return { ...s, tree: { ...tree, expanded: withKey(tree.expanded, action.node.key, true) } };
    }
    case 'collapse': {
      const { tree } = s;
      if (!tree) return s;
      if (action.node.parent && action.node.open) return { ...s, tree: { ...tree, expanded: withKey(tree.expanded, action.node.key, false) } };
      // a leaf or a collapsed node: go to its parent
      return action.node.up === null ? s : { ...s, tree: { ...tree, cursor: action.node.up } };
    }
    case 'toggle': {
      const { tree } = s;
      if (!tree || !action.node.parent) return s;
      return { ...s, tree: { ...tree, expanded: withKey(tree.expanded, action.node.key, !action.node.open) } };
    }
    case 'tree-close':
      return { ...s, tree: null };
  }
}

/** A state brought back on a later mount: the finder is closed (the app's keys are on). */
export function restoredLineage(s: LineageState): LineageState {
  return { ...s, finding: null };
}
