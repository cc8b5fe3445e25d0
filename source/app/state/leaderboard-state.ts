// The Leaderboard screen's state as a pure reducer (style.md habit 3): cursor and scroll
// window over the query's rows, the selected column and the sort, the search line (applied as
// you type; Esc puts back the search from before `/`), the filter panel (its cursor and the
// field being edited) and the detail of one model. The screen passes in what the reducer
// cannot know (row count, room, the column under the cursor), so every action is testable
// without Ink.
import { parseDateBound } from '../../data/date-range.js';
import { DEFAULT_SORT, type LeaderboardQuery } from '../../views/screen-data.js';
import { DEFAULT_FILTERS, type FieldId, type Filters, type PanelItem } from '../../views/leaderboard-filters.js';
export { DEFAULT_FILTERS, fieldText, type FieldId, type Filters, type PanelItem, type ToggleId } from '../../views/leaderboard-filters.js';
import { fieldText } from '../../views/leaderboard-filters.js';
import type { WhereClause } from '../../views/leaderboard-where.js';
import { orderedIds, type ColumnLayout } from '../../views/column-layout.js';
export { orderedIds, visibleIds, type ColumnLayout } from '../../views/column-layout.js';
import { clampOffset, scroll, type ScrollCommand, type ScrollState } from './scroll.js';

export interface PanelState {
  cursor: number;
  /** The field being typed into, or null. */
  editing: { field: FieldId; text: string } | null;
  /** Why the last field value was refused. */
  error: string | null;
}

export interface LeaderboardState extends ScrollState {
  /** Selected column (index into the screen's columns). */
  column: number;
  sort: { column: string; descending: boolean };
  /** The search in force (while typing, the text typed so far). */
  search: string;
  /** The search line while open; `before` is what Esc puts back. */
  editing: { before: string } | null;
  filters: Filters;
  panel: PanelState | null;
  /** The model whose detail is open (repo key), and the detail's scroll position. */
  detail: { key: string; offset: number } | null;
  /** The frequency table of a column (issue 9 item 7, Shift-F) while open: the column's id,
   *  its cursor and scroll window. */
  freq: (ScrollState & { column: string }) | null;
  /** Rows narrowed to values picked in frequency tables (Enter on a row), each with the
   *  words it reads as ("Type = chat"). */
  where: Where[];
  /** The columns shown and their order, as data (column ids): `order` the ids in the order
   *  drawn (ids it does not name follow in the table's order), `hidden` those left out. The
   *  repo column stays first and shown. */
  layout: ColumnLayout;
  /** The column picker while open (its cursor over the table's columns). */
  picker: { cursor: number } | null;
  /** Models marked for comparison (repo keys, in the order marked). */
  marks: string[];
  /** The comparison of the marked models while open: its scroll, and the first marked model
   *  drawn (← → scroll the models sideways when they do not fit). */
  compare: { offset: number; first?: number } | null;
}

export type Where = WhereClause;



export const INITIAL_STATE: LeaderboardState = {
  cursor: 0,
  offset: 0,
  column: 4, // Average, the column the default sort is on (see leaderboard-columns.ts)
  sort: { ...DEFAULT_SORT },
  search: '',
  editing: null,
  filters: DEFAULT_FILTERS,
  panel: null,
  detail: null,
  freq: null,
  where: [],
  layout: { order: [], hidden: [] },
  picker: null,
  marks: [],
  compare: null,
};

export type LeaderboardAction =
  | { type: 'move'; command: ScrollCommand; count: number; room: number }
  | { type: 'column'; by: number; columns: number }
  | { type: 'sort'; column: string; numeric: boolean }
  | { type: 'search-open' }
  | { type: 'search-edit'; text: string }
  | { type: 'search-apply' }
  | { type: 'search-cancel' }
  | { type: 'search-clear' }
  | { type: 'panel-open' }
  | { type: 'panel-close' }
  | { type: 'panel-move'; by: number; count: number }
  | { type: 'panel-pick'; item: PanelItem }
  | { type: 'field-edit'; text: string }
  | { type: 'field-apply' }
  | { type: 'field-cancel' }
  | { type: 'detail-open'; key: string }
  | { type: 'detail-scroll'; command: ScrollCommand; count: number; room: number }
  | { type: 'detail-close' }
  | { type: 'freq-open'; column: string }
  | { type: 'freq-move'; command: ScrollCommand; count: number; room: number }
  | { type: 'freq-close' }
  | { type: 'picker-open'; columns: readonly string[] }
  | { type: 'picker-move'; by: number; count: number }
  | { type: 'picker-toggle'; columns: readonly string[] }
  | { type: 'picker-shift'; by: -1 | 1; columns: readonly string[] }
  | { type: 'picker-close' }
  | { type: 'mark'; key: string }
  | { type: 'unmark-all' }
  | { type: 'compare-open' }
  | { type: 'compare-scroll'; command: ScrollCommand; count: number; room: number }
  | { type: 'compare-shift'; by: number }
  | { type: 'compare-close' };

const top = (s: LeaderboardState): LeaderboardState => ({ ...s, cursor: 0, offset: 0 });

const flip = <T>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** A field's typed text as a value: params in billions (≥ 0), dates in the one date syntax of
 *  data/date-range.ts (as `print --from/--to`: "from" the period's first day, "to" its last);
 *  '' clears. */
export function parseField(field: FieldId, text: string): { ok: true; value: number | string | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (field === 'params-min' || field === 'params-max') {
    const n = Number(t);
    return Number.isFinite(n) && n >= 0 ? { ok: true, value: n } : { ok: false, error: `“${t}” is not a number of billions ≥ 0` };
  }
  const date = parseDateBound(t, field === 'created-from' ? 'from' : 'to');
  return date.ok ? { ok: true, value: date.day } : date;
}

/** Why the created range is empty (a from after the to), or null. */
function datesInOrder(created: Filters['created']): string | null {
  const { from, to } = created;
  return from !== null && to !== null && from > to ? `created from ${from} is after created to ${to}: nothing is in that range` : null;
}

function setField(filters: Filters, field: FieldId, value: number | string | null): Filters {
  switch (field) {
    case 'params-min':
      return { ...filters, params: { ...filters.params, min: value as number | null } };
    case 'params-max':
      return { ...filters, params: { ...filters.params, max: value as number | null } };
    case 'created-from':
      return { ...filters, created: { ...filters.created, from: value as string | null } };
    case 'created-to':
      return { ...filters, created: { ...filters.created, to: value as string | null } };
  }
}

/** A panel item picked (Space/Enter): toggles flip, fields open for typing, clear resets. */
function pick(s: LeaderboardState, item: PanelItem): LeaderboardState {
  const panel = s.panel ?? { cursor: 0, editing: null, error: null };
  const f = s.filters;
  switch (item.kind) {
    case 'toggle':
      return top({ ...s, panel: { ...panel, error: null }, filters: { ...f, [item.id]: !f[item.id] } });
    case 'type':
      return top({ ...s, panel: { ...panel, error: null }, filters: { ...f, types: flip(f.types, item.value) } });
    case 'size':
      return top({ ...s, panel: { ...panel, error: null }, filters: { ...f, sizes: flip(f.sizes, item.value) } });
    case 'family':
      return top({ ...s, panel: { ...panel, error: null }, filters: { ...f, families: flip(f.families, item.value) } });
    case 'field':
      return { ...s, panel: { ...panel, editing: { field: item.id, text: fieldText(f, item.id) }, error: null } };
    case 'clear':
      return top({ ...s, panel: { ...panel, error: null }, filters: DEFAULT_FILTERS });
  }
}

export function leaderboardReducer(s: LeaderboardState, action: LeaderboardAction): LeaderboardState {
  switch (action.type) {
    case 'move': {
      // the query may have shrunk since the cursor was set: start from where it is drawn
      const cursor = Math.max(0, Math.min(s.cursor, action.count - 1));
      const from = { cursor, offset: clampOffset(cursor, s.offset, action.count, Math.max(1, action.room)) };
      return { ...s, ...scroll(from, action.command, action.count, action.room) };
    }
    case 'column':
      return { ...s, column: Math.max(0, Math.min(action.columns - 1, s.column + action.by)) };
    case 'sort': {
      const again = s.sort.column === action.column;
      // a first sort on a column: numbers best/largest first, text A→Z; again: the other way
      const descending = again ? !s.sort.descending : action.numeric;
      return top({ ...s, sort: { column: action.column, descending } });
    }
    case 'search-open':
      return s.editing ? s : { ...s, editing: { before: s.search }, panel: null };
    case 'search-edit':
      // unchanged (a full search line ignoring a paste's rest): the same state, no render
      return s.editing && action.text !== s.search ? top({ ...s, search: action.text }) : s;
    case 'search-apply':
      return { ...s, editing: null };
    case 'search-cancel':
      return s.editing ? top({ ...s, search: s.editing.before, editing: null }) : s;
    case 'search-clear':
      return s.search === '' ? s : top({ ...s, search: '' });
    case 'panel-open':
      return { ...s, panel: s.panel ?? { cursor: 0, editing: null, error: null }, editing: null };
    case 'panel-close':
      return { ...s, panel: null };
    case 'panel-move': {
      if (!s.panel || s.panel.editing) return s;
      const cursor = Math.max(0, Math.min(action.count - 1, s.panel.cursor + action.by));
      return { ...s, panel: { ...s.panel, cursor } };
    }
    case 'panel-pick':
      return s.panel && !s.panel.editing ? pick(s, action.item) : s;
    case 'field-edit':
      return s.panel?.editing && action.text !== s.panel.editing.text ? { ...s, panel: { ...s.panel, editing: { ...s.panel.editing, text: action.text } } } : s;
    case 'field-apply': {
      const editing = s.panel?.editing;
      if (!s.panel || !editing) return s;
      const parsed = parseField(editing.field, editing.text);
      if (!parsed.ok) return { ...s, panel: { ...s.panel, editing: null, error: parsed.error } };
      const filters = setField(s.filters, editing.field, parsed.value);
      // a from after the to is refused as print --from/--to refuses it (data/date-range.ts)
      const range = datesInOrder(filters.created);
      if (range !== null) return { ...s, panel: { ...s.panel, editing: null, error: range } };
      return top({ ...s, filters, panel: { ...s.panel, editing: null, error: null } });
    }
    case 'field-cancel':
      return s.panel?.editing ? { ...s, panel: { ...s.panel, editing: null } } : s;
    case 'detail-open':
      return { ...s, detail: { key: action.key, offset: 0 }, editing: null, panel: null };
    case 'detail-scroll': {
      if (!s.detail) return s;
      const next = scroll({ cursor: s.detail.offset, offset: s.detail.offset }, action.command, action.count, action.room, true);
      return { ...s, detail: { ...s.detail, offset: next.offset } };
    }
    case 'detail-close':
      return { ...s, detail: null };
    case 'freq-open':
      return { ...s, freq: { column: action.column, cursor: 0, offset: 0 }, editing: null, panel: null };
    case 'freq-move': {
      if (!s.freq) return s;
      const cursor = Math.max(0, Math.min(s.freq.cursor, action.count - 1));
      const from = { cursor, offset: clampOffset(cursor, s.freq.offset, action.count, Math.max(1, action.room)) };
      return { ...s, freq: { ...s.freq, ...scroll(from, action.command, action.count, action.room) } };
    }
    case 'freq-close':
      return { ...s, freq: null };
    case 'picker-open':
      return { ...s, picker: { cursor: 0 }, editing: null, panel: null };
    case 'picker-move':
      return s.picker ? { ...s, picker: { cursor: Math.max(0, Math.min(action.count - 1, s.picker.cursor + action.by)) } } : s;
    case 'picker-toggle': {
      if (!s.picker) return s;
      const id = orderedIds(action.columns, s.layout)[s.picker.cursor];
      if (id === undefined || id === 'repo') return s;
      return { ...s, layout: { ...s.layout, hidden: flip(s.layout.hidden, id) } };
    }
    case 'picker-shift': {
      if (!s.picker) return s;
      const ids = orderedIds(action.columns, s.layout);
      const at = s.picker.cursor;
      const to = at + action.by;
      // the repo column stays first
      if (at === 0 || to < 1 || to >= ids.length) return s;
      const order = [...ids];
      [order[at], order[to]] = [order[to]!, order[at]!];
      return { ...s, layout: { ...s.layout, order }, picker: { cursor: to } };
    }
    case 'picker-close':
      return { ...s, picker: null };
    case 'mark':
      return { ...s, marks: flip(s.marks, action.key) };
    case 'unmark-all':
      return s.marks.length === 0 ? s : { ...s, marks: [] };
    case 'compare-open':
      return s.marks.length === 0 ? s : { ...s, compare: { offset: 0 }, editing: null, panel: null };
    case 'compare-scroll': {
      if (!s.compare) return s;
      const next = scroll({ cursor: s.compare.offset, offset: s.compare.offset }, action.command, action.count, action.room, true);
      return { ...s, compare: { ...s.compare, offset: next.offset } };
    }
    case 'compare-shift': {
      if (!s.compare) return s;
      const first = Math.max(0, Math.min(s.marks.length - 1, (s.compare.first ?? 0) + action.by));
      return first === (s.compare.first ?? 0) ? s : { ...s, compare: { ...s.compare, first } };
    }
    case 'compare-close':
      return { ...s, compare: null };
  }
}

/** The analysis query the state describes. */
export function queryOf(s: LeaderboardState): LeaderboardQuery {
  const f = s.filters;
  return {
    includeFlagged: f.includeFlagged,
    showMerges: f.showMerges,
    hideMoE: f.hideMoE,
    hideUnavailable: f.hideUnavailable,
    search: s.search,
    types: f.types,
    families: f.families,
    sizes: f.sizes,
    params: f.params,
    created: f.created,
    sort: s.sort,
  };
}

/** A state brought back on a later mount: no prompt is left open (the app's keys are on). */
export function restored(s: LeaderboardState): LeaderboardState {
  return { ...s, editing: null, panel: s.panel ? { ...s.panel, editing: null } : null, picker: null, compare: null, freq: null, where: [] };
}
