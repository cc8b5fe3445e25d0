// The Leaderboard screen's reducer, action by action, without Ink.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { editText, MAX_PROMPT_LENGTH } from '../../source/app/keys/text-edit.js';
import {
  DEFAULT_FILTERS,
  INITIAL_STATE,
  leaderboardReducer as reduce,
  parseField,
  queryOf,
  restored,
  type LeaderboardState,
} from '../../source/app/state/leaderboard-state.js';

const at = (patch: Partial<LeaderboardState>): LeaderboardState => ({ ...INITIAL_STATE, ...patch });


/** A key with no modifier (plain typing or a paste). */
const KEY = {} as Key;

describe('leaderboard reducer: rows and columns', () => {
  it('moves the cursor and keeps it in the window', () => {
    let s = INITIAL_STATE;
    for (let i = 0; i < 6; i++) s = reduce(s, { type: 'move', command: 'down', count: 100, room: 5 });
    expect([s.cursor, s.offset]).toEqual([6, 2]);
    s = reduce(s, { type: 'move', command: 'page-down', count: 100, room: 5 });
    expect([s.cursor, s.offset]).toEqual([11, 7]);
    s = reduce(s, { type: 'move', command: 'bottom', count: 100, room: 5 });
    expect([s.cursor, s.offset]).toEqual([99, 95]);
    s = reduce(s, { type: 'move', command: 'top', count: 100, room: 5 });
    expect([s.cursor, s.offset]).toEqual([0, 0]);
  });

  it('moves from where the cursor is drawn when the query has shrunk', () => {
    const s = reduce(at({ cursor: 500, offset: 490 }), { type: 'move', command: 'up', count: 10, room: 5 });
    expect([s.cursor, s.offset]).toEqual([8, 5]);
  });

  it('selects columns within bounds', () => {
    let s = reduce(INITIAL_STATE, { type: 'column', by: 1, columns: 6 });
    expect(s.column).toBe(5);
    s = reduce(s, { type: 'column', by: 1, columns: 6 });
    expect(s.column).toBe(5);
    for (let i = 0; i < 9; i++) s = reduce(s, { type: 'column', by: -1, columns: 6 });
    expect(s.column).toBe(0);
  });

  it('sorts: numbers descending and text ascending first, the same column again reverses; back to the top', () => {
    let s = at({ cursor: 7, offset: 3 });
    s = reduce(s, { type: 'sort', column: 'params', numeric: true });
    expect(s.sort).toEqual({ column: 'params', descending: true });
    expect([s.cursor, s.offset]).toEqual([0, 0]);
    s = reduce(s, { type: 'sort', column: 'params', numeric: true });
    expect(s.sort).toEqual({ column: 'params', descending: false });
    s = reduce(s, { type: 'sort', column: 'repo', numeric: false });
    expect(s.sort).toEqual({ column: 'repo', descending: false });
    // the default: score, descending; s on it reverses
    expect(reduce(INITIAL_STATE, { type: 'sort', column: 'score', numeric: true }).sort).toEqual({ column: 'score', descending: false });
  });
});

describe('leaderboard reducer: search line', () => {
  it('applies as you type, Enter keeps it, Esc puts back the search from before', () => {
    let s = reduce(at({ search: 'old', cursor: 4 }), { type: 'search-open' });
    expect(s.editing).toEqual({ before: 'old' });
    s = reduce(s, { type: 'search-edit', text: '@type:chat' });
    expect([s.search, s.cursor]).toEqual(['@type:chat', 0]);
    const kept = reduce(s, { type: 'search-apply' });
    expect([kept.search, kept.editing]).toEqual(['@type:chat', null]);
    const cancelled = reduce(s, { type: 'search-cancel' });
    expect([cancelled.search, cancelled.editing]).toEqual(['old', null]);
  });

  it('ignores edits while closed; Esc on the table clears the search', () => {
    expect(reduce(INITIAL_STATE, { type: 'search-edit', text: 'x' })).toBe(INITIAL_STATE);
    expect(reduce(INITIAL_STATE, { type: 'search-cancel' })).toBe(INITIAL_STATE);
    expect(reduce(INITIAL_STATE, { type: 'search-clear' })).toBe(INITIAL_STATE);
    expect(reduce(at({ search: 'mistral', cursor: 3 }), { type: 'search-clear' })).toMatchObject({ search: '', cursor: 0 });
  });

  it('a full search line keeps its state (and so draws nothing) for the rest of a paste (issue 7 item 10)', () => {
    const full = 'a'.repeat(MAX_PROMPT_LENGTH);
    const s = reduce(reduce(INITIAL_STATE, { type: 'search-open' }), { type: 'search-edit', text: full });
    const edit = editText(s.search, 'a'.repeat(100_000), KEY);
    expect(edit).toEqual({ kind: 'edit', text: full });
    expect(reduce(s, { type: 'search-edit', text: full })).toBe(s);
  });

  it('a prompt holds at most 1,000 characters: typing or pasting past them is dropped', () => {
    expect(editText('abc', 'def', KEY)).toEqual({ kind: 'edit', text: 'abcdef' });
    expect(editText('a'.repeat(998), 'xyz', KEY)).toEqual({ kind: 'edit', text: `${'a'.repeat(998)}xy` });
    expect(editText('', 'x'.repeat(100_000), KEY)).toEqual({ kind: 'edit', text: 'x'.repeat(MAX_PROMPT_LENGTH) });
    expect(MAX_PROMPT_LENGTH).toBe(1000);
  });

  it('opening the search closes the filter panel', () => {
    const s = reduce(reduce(INITIAL_STATE, { type: 'panel-open' }), { type: 'search-open' });
    expect(s.panel).toBeNull();
    expect(s.editing).not.toBeNull();
  });
});

describe('leaderboard reducer: filter panel', () => {
  const open = reduce(INITIAL_STATE, { type: 'panel-open' });

  it('opens with merges and flagged hidden, moves within its items, closes', () => {
    expect(open.panel).toEqual({ cursor: 0, editing: null, error: null });
    expect(open.filters).toEqual(DEFAULT_FILTERS);
    expect([DEFAULT_FILTERS.showMerges, DEFAULT_FILTERS.includeFlagged]).toEqual([false, false]);
    let s = reduce(open, { type: 'panel-move', by: 3, count: 5 });
    expect(s.panel!.cursor).toBe(3);
    s = reduce(s, { type: 'panel-move', by: 9, count: 5 });
    expect(s.panel!.cursor).toBe(4);
    s = reduce(s, { type: 'panel-move', by: -Infinity, count: 5 });
    expect(s.panel!.cursor).toBe(0);
    expect(reduce(s, { type: 'panel-close' }).panel).toBeNull();
  });

  it('toggles switches, types, sizes and families, back to the top of the table', () => {
    let s = reduce({ ...open, cursor: 9 }, { type: 'panel-pick', item: { kind: 'toggle', id: 'showMerges' } });
    expect(s.filters.showMerges).toBe(true);
    expect(s.cursor).toBe(0);
    s = reduce(s, { type: 'panel-pick', item: { kind: 'type', value: 'chat' } });
    s = reduce(s, { type: 'panel-pick', item: { kind: 'size', value: '3-to-7' } });
    s = reduce(s, { type: 'panel-pick', item: { kind: 'family', value: 'Mistral' } });
    expect(s.filters).toMatchObject({ types: ['chat'], sizes: ['3-to-7'], families: ['Mistral'] });
    s = reduce(s, { type: 'panel-pick', item: { kind: 'type', value: 'chat' } });
    expect(s.filters.types).toEqual([]);
    s = reduce(s, { type: 'panel-pick', item: { kind: 'clear' } });
    expect(s.filters).toEqual(DEFAULT_FILTERS);
  });

  it('edits a field: typed, applied, refused with a reason, or cancelled', () => {
    let s = reduce(open, { type: 'panel-pick', item: { kind: 'field', id: 'params-min' } });
    expect(s.panel!.editing).toEqual({ field: 'params-min', text: '' });
    // while a field is edited, picks and moves wait
    expect(reduce(s, { type: 'panel-move', by: 1, count: 5 })).toBe(s);
    s = reduce(s, { type: 'field-edit', text: '7' });
    s = reduce(s, { type: 'field-apply' });
    expect(s.filters.params).toEqual({ min: 7, max: null });
    expect(s.panel!.editing).toBeNull();
    s = reduce(s, { type: 'panel-pick', item: { kind: 'field', id: 'params-min' } });
    expect(s.panel!.editing!.text).toBe('7');
    s = reduce(reduce(s, { type: 'field-edit', text: 'seven' }), { type: 'field-apply' });
    expect(s.filters.params.min).toBe(7);
    expect(s.panel!.error).toMatch(/not a number/);
    s = reduce(s, { type: 'panel-pick', item: { kind: 'field', id: 'created-to' } });
    s = reduce(reduce(s, { type: 'field-edit', text: '2024-02' }), { type: 'field-cancel' });
    expect(s.filters.created.to).toBeNull();
    expect(s.panel!.editing).toBeNull();
    s = reduce(s, { type: 'panel-pick', item: { kind: 'field', id: 'created-to' } });
    s = reduce(reduce(s, { type: 'field-edit', text: '2024-02' }), { type: 'field-apply' });
    expect(s.filters.created).toEqual({ from: null, to: '2024-02-29' }); // 2024 is a leap year
  });

  it('reads field values', () => {
    expect(parseField('params-max', ' 65 ')).toEqual({ ok: true, value: 65 });
    expect(parseField('params-max', '')).toEqual({ ok: true, value: null });
    expect(parseField('params-min', '-1').ok).toBe(false);
    expect(parseField('created-from', '2023')).toEqual({ ok: true, value: '2023-01-01' });
    expect(parseField('created-to', '2023')).toEqual({ ok: true, value: '2023-12-31' });
    expect(parseField('created-from', '2023-07-18')).toEqual({ ok: true, value: '2023-07-18' });
    expect(parseField('created-from', '2023-13').ok).toBe(false);
    expect(parseField('created-from', 'July').ok).toBe(false);
  });
});

describe('leaderboard reducer: detail', () => {
  it('opens on a model, scrolls by pages, closes to the same row', () => {
    let s = reduce(at({ cursor: 12, offset: 8, editing: { before: '' } }), { type: 'detail-open', key: 'mid/ft' });
    expect(s.detail).toEqual({ key: 'mid/ft', offset: 0 });
    expect(s.editing).toBeNull();
    s = reduce(s, { type: 'detail-scroll', command: 'page-down', count: 50, room: 20 });
    expect(s.detail!.offset).toBe(20);
    s = reduce(s, { type: 'detail-scroll', command: 'bottom', count: 50, room: 20 });
    expect(s.detail!.offset).toBe(30);
    s = reduce(s, { type: 'detail-close' });
    expect([s.detail, s.cursor, s.offset]).toEqual([null, 12, 8]);
    expect(reduce(s, { type: 'detail-scroll', command: 'down', count: 50, room: 20 })).toBe(s);
  });
});

describe('leaderboard state: query and restore', () => {
  it('describes the analysis query', () => {
    const s = at({ search: '@type:chat', sort: { column: 'params', descending: false }, filters: { ...DEFAULT_FILTERS, hideMoE: true, sizes: ['65-plus'] } });
    expect(queryOf(s)).toMatchObject({
      search: '@type:chat',
      sort: { column: 'params', descending: false },
      showMerges: false,
      includeFlagged: false,
      hideMoE: true,
      hideUnavailable: false,
      sizes: ['65-plus'],
    });
  });

  it('comes back with no prompt open', () => {
    const s = restored(at({ editing: { before: '' }, panel: { cursor: 3, editing: { field: 'params-min', text: '1' }, error: null } }));
    expect(s.editing).toBeNull();
    expect(s.panel).toEqual({ cursor: 3, editing: null, error: null });
  });
});
