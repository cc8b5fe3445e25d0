// Issue 9 items 7 and 8 without Ink: keys resolved through the key map and applied by handle()
// to a store, as the key owner does — Shift-F's frequency table and Enter into its rows (a step
// on the view stack), the column picker (a layout of column ids kept by --restore), marks and
// the comparison, and the time-series screens' window of dates. Expectations are computed
// from the table itself (analysis/frequency.ts, analyses.md §5), not written down.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import type { Dataset } from '../../source/data/model.js';
import { createStore, type Store } from '../../source/app/state/store.js';
import { initialAppState, type AppState } from '../../source/app/state/app-state.js';
import { buildLeaderboardModel, comparedMarks, frequencyOf, leaderboardFrame, pageOf, type Env } from '../../source/app/state/screen-models.js';
import type { Effect } from '../../source/app/state/effects.js';
import { dispatchKey, keysOf } from '../../source/app/keys/use-key-owner.js';
import { modeOf } from '../../source/app/state/handle.js';
import { currentView, whereLine } from '../../source/app/state/current-view.js';
import { parseState, serializeState } from '../../source/app/services/ui-state-file.js';
import { matches } from '../../source/views/frequency-view.js';
import { dataMonths } from '../../source/views/date-window.js';
import { writeText } from '../../source/views/write-text.js';
import { fixtureEnv, PLAIN } from './state-harness.js';

const ESC = '\u001b';

let dataset: Dataset;
let env: Env;
beforeAll(async () => {
  env = await fixtureEnv();
  dataset = env.dataset;
}, 60_000);

function type(store: Store<AppState>, ...runs: string[]): Effect[] {
  const effects: Effect[] = [];
  for (const run of runs) {
    const key = run === ESC ? { ...PLAIN, escape: true, meta: true } : PLAIN;
    const input = run === ESC ? '' : run;
    for (const [i, k] of keysOf(input, key)) effects.push(...dispatchKey(store, { ...env, period: store.get().period }, () => 100, i, k));
  }
  return effects;
}

const lb = (store: Store<AppState>) => store.get().screens.leaderboard;

describe('Shift-F: the frequency table of the selected column', () => {
  it('counts the rows on screen by value; Enter opens those rows, Esc comes back to the same value', () => {
    const store = createStore(initialAppState('leaderboard'));
    type(store, 'hhh'); // Average → Params → Arch. → Type
    const model = buildLeaderboardModel(dataset);
    expect(leaderboardFrame(model, lb(store), env.height).shown.columns[lb(store).column]!.id).toBe('type');
    type(store, 'F');
    expect(modeOf(store.get())).toBe('frequency');
    const f = frequencyOf(model, lb(store), env.height)!;
    const shown = leaderboardFrame(model, lb(store), env.height).count;
    expect(f.total).toBe(shown);
    expect(f.rows.reduce((n, r) => n + r.count, 0)).toBe(shown);
    expect(whereLine(store.get(), env)).toContain('frequency of Type');
    expect(currentView(store.get(), env)!.id).toBe('frequency');
    type(store, 'j', '\r');
    const picked = f.rows[1]!;
    expect(modeOf(store.get())).toBe('normal');
    expect(store.get().stack).toHaveLength(1);
    const frame = leaderboardFrame(model, lb(store), env.height);
    expect(frame.count).toBe(picked.count);
    const column = model.table.columns.find((c) => c.id === 'type')!;
    expect(frame.result.window(0, frame.count).every((row) => matches(column, picked.match, row))).toBe(true);
    expect(whereLine(store.get(), env)).toBe(`Leaderboard › Type = ${picked.label}`);
    // a detail opened on those rows closes first, then Esc goes back to the frequency table
    type(store, '\r');
    expect(modeOf(store.get())).toBe('detail');
    type(store, ESC);
    expect(modeOf(store.get())).toBe('normal');
    type(store, ESC);
    expect(modeOf(store.get())).toBe('frequency');
    expect(lb(store).freq!.cursor).toBe(1);
    expect(lb(store).where).toEqual([]);
    type(store, 'q');
    expect(modeOf(store.get())).toBe('normal');
  });

  it('bins a numeric column and q closes it rather than quitting', () => {
    const store = createStore(initialAppState('leaderboard'));
    type(store, 'F'); // Average
    const f = frequencyOf(buildLeaderboardModel(dataset), lb(store), env.height)!;
    expect(f.column).toBe('score');
    expect(f.rows.every((r) => r.match.kind === 'range' || r.match.kind === 'value')).toBe(true);
    expect(type(store, 'q')).toEqual([]);
    expect(lb(store).freq).toBeNull();
  });
});

describe('the column picker', () => {
  it('hides and moves columns as ids in the state; the table, copy and --restore follow', () => {
    const store = createStore(initialAppState('leaderboard'));
    type(store, 'C');
    expect(modeOf(store.get())).toBe('columns');
    type(store, 'j ', 'jJ'); // hide Type; move Arch. down past Params
    type(store, ESC);
    expect(modeOf(store.get())).toBe('normal');
    const s = lb(store);
    expect(s.layout.hidden).toEqual(['type']);
    expect(s.layout.order.slice(0, 4)).toEqual(['repo', 'type', 'params', 'family']);
    const model = buildLeaderboardModel(dataset);
    const ids = leaderboardFrame(model, s, env.height).shown.columns.map((c) => c.id);
    expect(ids.slice(0, 3)).toEqual(['repo', 'params', 'family']);
    expect(ids).not.toContain('type');
    const view = currentView(store.get(), env)!;
    const header = writeText(view, { width: 200, color: false }).find((l) => l.includes('Model'))!;
    expect(header).not.toMatch(/\bType\b/);
    const back = parseState(serializeState(store.get()));
    expect(back.screens.leaderboard.layout).toEqual(s.layout);
  });
});

describe('marks and compare', () => {
  it('Space marks and moves down, = opens the marked models side by side, Esc back', () => {
    const store = createStore(initialAppState('leaderboard'));
    expect(type(store, '=')).toEqual([]);
    expect(store.get().message).toMatch(/mark models/);
    type(store, ' ', ' ');
    const model = buildLeaderboardModel(dataset);
    const frame = leaderboardFrame(model, lb(store), env.height);
    const firstTwo = frame.result.window(0, 2).map((r) => r.key);
    expect(lb(store).marks).toEqual(firstTwo);
    expect(lb(store).cursor).toBe(2);
    type(store, '=');
    expect(modeOf(store.get())).toBe('compare');
    const view = currentView(store.get(), env)!;
    expect(view.id).toBe('compare');
    expect(view.csv!.columns).toEqual(['field', ...frame.result.window(0, 2).map((r) => r.repo)]);
    expect(view.csv!.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['Type', 'Params', 'Average', 'Created']));
    type(store, ESC);
    expect(modeOf(store.get())).toBe('normal');
    type(store, 'U');
    expect(lb(store).marks).toEqual([]);
  });
});

describe('compare scrolls sideways', () => {
  it('→ l and ← h move the first model drawn (kept within the marks); c/e still take every marked model', () => {
    const store = createStore(initialAppState('leaderboard'));
    type(store, '    ', '=');
    const marks = lb(store).marks;
    expect(marks).toHaveLength(4);
    type(store, 'l');
    expect(lb(store).compare!.first).toBe(1);
    expect(comparedMarks(lb(store))).toEqual(marks.slice(1));
    type(store, 'lllll');
    expect(comparedMarks(lb(store))).toEqual(marks.slice(3));
    type(store, 'hh');
    expect(comparedMarks(lb(store))).toEqual(marks.slice(1));
    expect(currentView(store.get(), env)!.csv!.columns).toHaveLength(1 + 4);
    type(store, 'hhh');
    expect(comparedMarks(lb(store))).toBe(marks);
  });
});

describe('the window of dates (issue 9 item 8)', () => {
  it('{ narrows, [ ] move inside the data, } widens back to every date, 0 resets; the header says it', () => {
    const store = createStore(initialAppState('types'));
    const span = dataMonths(dataset)!;
    type(store, '{');
    const w = store.get().window!;
    expect(w.from >= span.from && w.to <= span.to).toBe(true);
    expect(pageOf('types', store.get(), env).header.join(' ')).toContain(`window: ${w.from} → ${w.to}`);
    type(store, '[[[[[[[[');
    expect(store.get().window!.from).toBe(span.from);
    type(store, ']]]]]]]]]]');
    expect(store.get().window!.to).toBe(span.to);
    type(store, '}}}}}}');
    expect(store.get().window).toBeNull();
    type(store, '{{', '0');
    expect(store.get().window).toBeNull();
    // the window is the app's: Architectures shows the same one, and --restore keeps it
    type(store, '{', '5');
    expect(pageOf('architectures', store.get(), env).header.join(' ')).toContain(`${store.get().window!.from} → `);
    expect(parseState(serializeState(store.get())).window).toEqual(store.get().window);
  });
});
