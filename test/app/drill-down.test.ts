// Drill-down from the analysis screens (issue 9 item 5): ↑/↓ select a row of a table with
// drill-downs (the top authors, the size bins, the per-period table of new models), Enter opens
// the leaderboard's rows in it, and the rows it opens are exactly the ones the row counts; Esc
// goes back with the selection kept. Keys go through the key map and handle(), as the key owner
// does, on the fake Hub's fixture cache.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { createStore, type Store } from '../../source/app/state/store.js';
import { initialAppState, type AppState } from '../../source/app/state/app-state.js';
import { buildLeaderboardModel, leaderboardFrame, pageAnchors, pageLines, pageOf, selectedAnchor, type Env, type PageScreen } from '../../source/app/state/screen-models.js';
import { dispatchKey, keysOf } from '../../source/app/keys/use-key-owner.js';
import { whereLine } from '../../source/app/state/current-view.js';
import { fixtureEnv, PLAIN } from './state-harness.js';
import { FACTS } from '../print/fixture-facts.js';
import type { Block } from '../../source/views/view.js';

const DOWN = { ...PLAIN, downArrow: true };
const UP = { ...PLAIN, upArrow: true };
const ENTER = { ...PLAIN, return: true };
const ESCAPE = { ...PLAIN, escape: true };

let env: Env;
beforeAll(async () => {
  env = await fixtureEnv();
}, 60_000);

function press(store: Store<AppState>, key: Key, input = '', times = 1): void {
  for (let n = 0; n < times; n += 1) for (const [i, k] of keysOf(input, key)) dispatchKey(store, { ...env, period: store.get().period }, () => 100, i, k);
}

/** The leaderboard's rows shown now. */
const shown = (state: AppState): number => leaderboardFrame(buildLeaderboardModel(env.dataset), state.screens.leaderboard, env.height).count;

/** The selected row's line on a page screen, or null. */
function selected(state: AppState, screen: PageScreen): { line: number; text: string } | null {
  const page = pageOf(screen, state, env);
  const lines = pageLines(page, env);
  const s = state.screens[screen] as { offset: number; row?: number | null };
  const offset = Math.max(0, Math.min(s.offset, lines.length - page.room));
  const anchor = selectedAnchor(pageAnchors(page, env), s.row, offset, page.room);
  return anchor ? { line: anchor.line, text: lines[anchor.line]! } : null;
}

/** Presses ↓ until a row is selected (at most the page's length). */
function selectFirst(store: Store<AppState>, screen: PageScreen): { line: number; text: string } {
  for (let n = 0; n < 400 && !selected(store.get(), screen); n += 1) press(store, DOWN);
  const row = selected(store.get(), screen);
  expect(row).not.toBeNull();
  return row!;
}

describe('drill-down from the analysis screens (issue 9 item 5)', () => {
  it('Authors: ↓ selects the first top author, Enter opens their repositories, Esc comes back', () => {
    const store = createStore(initialAppState('authors'));
    press(store, ENTER);
    expect(store.get().screen).toBe('authors');
    expect(store.get().message).toMatch(/no row selected/);
    const row = selectFirst(store, 'authors');
    expect(row.text).toMatch(new RegExp(`^\\s*1\\s+${FACTS.authors.top}\\s+${FACTS.authors.topRepos}\\b`));
    press(store, ENTER);
    const s = store.get();
    expect(s.screen).toBe('leaderboard');
    expect(whereLine(s, env)).toBe(`Authors › Leaderboard › author ${FACTS.authors.top}`);
    // zeta is credited with 12 repositories (fixture-facts.ts): the 12 rows, merges shown
    expect(shown(s)).toBe(FACTS.authors.topRepos);
    const model = buildLeaderboardModel(env.dataset);
    const repos = leaderboardFrame(model, s.screens.leaderboard, env.height).result.window(0, 100).map((r) => r.repo.split('/')[0]);
    expect(new Set(repos)).toEqual(new Set([FACTS.authors.top]));
    press(store, ESCAPE);
    expect(store.get().screen).toBe('authors');
    expect(selected(store.get(), 'authors')).toEqual(row);
    // ↓ walks to the second author, ↑ back to the first
    press(store, DOWN);
    expect(selected(store.get(), 'authors')!.text).toMatch(/^\s*2\s/);
    press(store, UP);
    expect(selected(store.get(), 'authors')).toEqual(row);
  });

  it('every drillable row opens exactly the models it counts (Authors, Sizes, Types)', () => {
    const state = initialAppState();
    const model = buildLeaderboardModel(env.dataset);
    let checked = 0;
    for (const screen of ['authors', 'sizes', 'types'] as const) {
      const page = pageOf(screen, state, env);
      const table = page.view.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.drill !== undefined)!;
      const anchors = pageAnchors(page, env);
      expect(anchors.length).toBe(table.rows.length);
      const lines = pageLines(page, env);
      table.rows.forEach((cells, i) => {
        // the anchor is the row's own line (its first cell starts it)
        expect(lines[anchors[i]!.line]!.trimStart().startsWith(String(cells[0]))).toBe(true);
        // the count the row shows: Repos (authors), Models (sizes), Total (types)
        const count = Number(screen === 'authors' ? cells[2] : screen === 'sizes' ? cells[1] : cells.at(-1));
        const opened = { ...state.screens.leaderboard, filters: { ...state.screens.leaderboard.filters, showMerges: true }, where: [anchors[i]!.drill.where] };
        expect(leaderboardFrame(model, opened, env.height).count, `${screen} row ${String(cells[0])}`).toBe(count);
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('Sizes and Types drill to the leaderboard with the row in the breadcrumb', () => {
    const store = createStore(initialAppState('sizes'));
    const bin = selectFirst(store, 'sizes');
    press(store, ENTER);
    expect(store.get().screen).toBe('leaderboard');
    expect(whereLine(store.get(), env)).toBe(`Sizes › Leaderboard › Params ${bin.text.trim().split(/\s+/)[0]} B`);
    expect(shown(store.get())).toBe(Number(bin.text.trim().split(/\s+/)[2]!.replace(/,/g, '')));
    press(store, ESCAPE);
    expect(store.get().screen).toBe('sizes');

    const types = createStore(initialAppState('types'));
    const period = selectFirst(types, 'types');
    press(types, ENTER);
    expect(whereLine(types.get(), env)).toBe(`Types › Leaderboard › created in ${period.text.trim().split(/\s+/)[0]}`);
    expect(shown(types.get())).toBe(Number(period.text.trim().split(/\s+/).at(-1)!.replace(/,/g, '')));
  });
});
