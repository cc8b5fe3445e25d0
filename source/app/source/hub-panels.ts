// The Hub snapshot's panels in the generic explorer (analyses.md §6 H4 and "Lineage view"):
//  - Base models: ← → (h l) choose one of the top roots the view lists, Enter opens its Lineage;
//  - Lineage: the model drawn (default: the largest root), b or / opens a prompt for any repo id
//    of the snapshot (Enter draws it, Esc cancels, Backspace, Ctrl-U clears).
// Pure reducers over small states; the roots come from the same memoised query as the view's.
import { storeOf, type HubData } from '../../sources/hub.js';
import { topRootRows, type RootRow } from '../../hub/queries-lineage.js';
import { fitLine } from '../components/fit-line.js';
import type { KeyBinding } from './source-keys.js';
import type { BoundPanel, ScreenPanel } from './panels.js';

export interface LineagePanelState {
  /** The model drawn; null: the view's default (the largest root). */
  base: string | null;
  /** The prompt's text while it is open, else null. */
  typing: string | null;
}

export const LINEAGE_INITIAL: LineagePanelState = { base: null, typing: null };

export const LINEAGE_KEYS: readonly KeyBinding[] = [
  { command: 'prompt', keys: ['b', '/'], label: 'b /', description: 'draw another model: type its repo id (Enter draws it, Esc cancels, Ctrl-U clears)' },
];

/** Characters a repo id is made of (hub-api.md §12 ids: namespace/name). */
const ID_CHAR = /^[\w.\-/]$/;

export function lineageHandle(state: LineagePanelState, command: string): LineagePanelState | null {
  if (state.typing === null) return command === 'prompt' ? { ...state, typing: '' } : null;
  if (!command.startsWith('key:')) return null;
  const key = command.slice(4);
  if (key === 'enter') return { base: state.typing.trim() === '' ? state.base : state.typing.trim(), typing: null };
  if (key === 'escape' || key === 'ctrl+c') return { ...state, typing: null };
  if (key === 'backspace') return { ...state, typing: state.typing.slice(0, -1) };
  if (key === 'ctrl+u') return { ...state, typing: '' };
  if (ID_CHAR.test(key) && state.typing.length < 200) return { ...state, typing: state.typing + key };
  return state;
}

export const hubLineagePanel: ScreenPanel = {
  keys: LINEAGE_KEYS,
  bind(): BoundPanel<LineagePanelState> {
    return {
      keys: LINEAGE_KEYS,
      initial: LINEAGE_INITIAL,
      handle: lineageHandle,
      takesText: (state) => state.typing !== null,
      render(state, { width }) {
        const top = state.typing !== null
          ? [fitLine(`Lineage of: ${state.typing}▏  (Enter draws it, Esc cancels)`, width), '']
          : [fitLine(`${state.base === null ? 'The largest root' : state.base} — b or / draws another model; Enter on a root in Base models opens its lineage`, width), ''];
        return { top, body: null, bodyKey: null, viewOptions: state.base === null ? {} : { base: state.base } };
      },
    };
  },
};

export interface BaseModelsPanelState {
  /** Index of the root chosen among the view's top roots. */
  selected: number;
}

export const BASE_MODELS_KEYS: readonly KeyBinding[] = [
  { command: 'root-prev', keys: ['left', 'h'], label: '← h', description: 'choose the previous root of the table' },
  { command: 'root-next', keys: ['right', 'l'], label: '→ l', description: 'choose the next root of the table' },
  { command: 'open', keys: ['enter'], label: 'Enter', description: 'open the chosen root in Lineage' },
];

/** The Base models panel over the top roots (null until the query has answered). */
export function baseModelsPanel(roots: () => readonly RootRow[] | null): BoundPanel<BaseModelsPanelState> {
  const clamp = (i: number) => Math.max(0, Math.min(i, (roots()?.length ?? 1) - 1));
  return {
    keys: BASE_MODELS_KEYS,
    initial: { selected: 0 },
    handle(state, command) {
      if (command === 'root-prev') return { selected: clamp(state.selected - 1) };
      if (command === 'root-next') return { selected: clamp(state.selected + 1) };
      return null;
    },
    opens(state, command) {
      const root = roots()?.[clamp(state.selected)];
      if (command !== 'open' || !root) return null;
      return { screen: 'lineage', state: { base: root.id, typing: null } satisfies LineagePanelState };
    },
    render(state, { width }) {
      const list = roots();
      if (list === null) return { top: [fitLine('Reading the top roots…', width), ''], body: null, bodyKey: null };
      if (list.length === 0) return { top: [fitLine('No roots with descendants in scope.', width), ''], body: null, bodyKey: null };
      const i = clamp(state.selected);
      return { top: [fitLine(`Root ${i + 1} of ${list.length}: ${list[i]!.id} — ← → choose, Enter opens its lineage`, width), ''], body: null, bodyKey: null };
    },
  };
}

export const hubBaseModelsPanel: ScreenPanel = {
  keys: BASE_MODELS_KEYS,
  bind(data) {
    const hub = data as HubData;
    let roots: RootRow[] | null = null;
    // the same memoised query as the view's table (its default options: language models, top 20)
    // (the store may open only now: a first frame's read, sources/hub.ts storeOf)
    if (hub.store || hub.open) {
      void storeOf(hub)
        .then((store) => (store ? topRootRows(store, { scope: 'llm', period: 'month', top: 20 }) : []))
        .then((rows) => (roots = rows), () => (roots = []));
    } else roots = [];
    return baseModelsPanel(() => roots);
  },
};
