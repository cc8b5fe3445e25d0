// The shell's state without Ink (issue 9 §1, §2, §5, §6): keys resolved through the key map and
// applied by handle() to a store, as the key owner does — settings kept across screen
// switches, Esc read together with the next key, the view stack and `:` commands, and the
// --restore file.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Key } from 'ink';
import type { Dataset } from '../../source/data/model.js';
import { createStore, type Store } from '../../source/app/state/store.js';
import { initialAppState, type AppState } from '../../source/app/state/app-state.js';
import { buildLeaderboardModel, leaderboardFrame, pageOf, type Env } from '../../source/app/state/screen-models.js';
import type { Effect } from '../../source/app/state/effects.js';
import { dispatchKey, keysOf } from '../../source/app/keys/use-key-owner.js';
import { chosenSpecs } from '../../source/app/state/family-picker.js';
import { modeOf } from '../../source/app/state/handle.js';
import { whereLine } from '../../source/app/state/current-view.js';
import { loadState, parseState, saveState, serializeState, UI_STATE_FILE } from '../../source/app/services/ui-state-file.js';
import { fixtureEnv, PLAIN } from './state-harness.js';
import { FACTS } from '../print/fixture-facts.js';

const ESC = '\u001b';

let dataset: Dataset;
let env: Env;
beforeAll(async () => {
  env = await fixtureEnv({ datasets: ['open-llm-leaderboard/contents'] });
  dataset = env.dataset;
}, 60_000);

/** Types a run of keys as Ink hands them over (Esc + key in one read comes as meta+key). */
function type(store: Store<AppState>, ...runs: string[]): Effect[] {
  const effects: Effect[] = [];
  for (const run of runs) {
    const key = run.startsWith(ESC) && run.length === 2 ? { ...PLAIN, meta: true } : run === ESC ? { ...PLAIN, escape: true, meta: true } : PLAIN;
    const input = run.startsWith(ESC) ? run.slice(1) : run;
    for (const [i, k] of keysOf(input, key)) effects.push(...dispatchKey(store, { ...env, period: store.get().period }, () => 100, i, k));
  }
  return effects;
}

describe('settings kept across screen switches (issue 9 §2)', () => {
  it('8 f a pattern:openhermes:7⏎ o Esc 2 8 keeps the family', () => {
    const store = createStore(initialAppState());
    type(store, '8f', 'apattern:openhermes:7\r', 'o', ESC, '28');
    const s = store.get();
    expect(s.screen).toBe('improvement');
    expect(chosenSpecs(s.screens.improvement.picker)).toEqual(['pattern:openhermes:7']);
    expect(s.screens.improvement.pickerOpen).toBe(false);
  });

  it('a family the picker cannot read is refused in the picker, with why; nothing else changes', () => {
    const store = createStore(initialAppState());
    type(store, '8f', 'abogus:zz\r');
    let picker = store.get().screens.improvement.picker;
    expect(picker.adding).toBe('bogus:zz');
    expect(picker.error).toMatch(/^unknown family "bogus:zz": give a preset/);
    expect(chosenSpecs(picker)).toHaveLength(11);
    // the view is still drawn (no throw), and fixing the text adds the family
    expect(pageOf('improvement', store.get(), env).view.id).toBe('improvement');
    type(store, '\u0015', 'pattern:\r');
    expect(store.get().screens.improvement.picker.error).toMatch(/write pattern:P/);
    type(store, '\u0015', 'pattern:openhermes:7\r');
    picker = store.get().screens.improvement.picker;
    expect([picker.adding, picker.error, chosenSpecs(picker).at(-1)]).toEqual([null, null, 'pattern:openhermes:7']);
  });

  it('7 t 60⏎ 4 7 keeps 60; b, v and o stay on their screens', () => {
    const store = createStore(initialAppState());
    type(store, '7t60\r', '4', '7');
    expect(store.get().screens.sizes.threshold).toBe(60);
    type(store, '4vb', '5v', '3o', '2', '4');
    const s = store.get().screens;
    expect([s.types.bars, s.types.score, s.architectures.bars, s.authors.owners]).toEqual(['counts', 'IFEval', 'shares', true]);
  });

  it('the leaderboard keeps its search, sort column and cursor; lineage its find', () => {
    const store = createStore(initialAppState());
    type(store, '2/zeta\r', 'jj', 'h', '6/alpha', '\r', '3', '2', '6');
    const s = store.get().screens;
    expect([s.leaderboard.search, s.leaderboard.cursor, s.leaderboard.column]).toEqual(['zeta', 2, 3]);
    expect(s.lineage.find).toBe('alpha');
  });
});

describe('one key owner (issue 9 §1)', () => {
  it('Esc read together with the next key closes help and the picker, then runs that key', () => {
    const store = createStore(initialAppState('improvement'));
    type(store, '?');
    expect(modeOf(store.get())).toBe('help');
    type(store, `${ESC}2`);
    expect([modeOf(store.get()), store.get().screen]).toEqual(['normal', 'leaderboard']);
    type(store, '8f');
    expect(modeOf(store.get())).toBe('picker');
    type(store, `${ESC}3`);
    expect([modeOf(store.get()), store.get().screen]).toEqual(['normal', 'authors']);
  });

  it('help takes its keys: 2, c and q do nothing but scroll or close it', () => {
    const store = createStore(initialAppState('types'));
    expect(type(store, '?', '2', 'c', 'j', 'j')).toEqual([]);
    expect(store.get().overlay).toEqual({ kind: 'help', offset: 2 });
    expect(type(store, 'q')).toEqual([]);
    expect([modeOf(store.get()), store.get().screen]).toEqual(['normal', 'types']);
    expect(type(store, 'q')).toEqual([{ type: 'quit' }]);
  });
});

describe('the view stack and the : command line (issue 9 §5, §6)', () => {
  it(':goto REPO opens its detail; Esc returns to the screen it came from, as it was', () => {
    const store = createStore(initialAppState('authors'));
    type(store, 'jj', `:goto ${FACTS.leaderboardTop.repo}\r`);
    let s = store.get();
    expect(s.screen).toBe('leaderboard');
    expect(s.screens.leaderboard.detail?.key).toBe(FACTS.leaderboardTop.repo);
    expect(whereLine(s, env)).toBe(`Authors › Leaderboard › ${FACTS.leaderboardTop.repo}`);
    type(store, ESC);
    s = store.get();
    expect([s.screen, s.screens.authors.offset, s.screens.leaderboard.detail, s.stack]).toEqual(['authors', 2, null, []]);
  });

  it('Tab completes commands and model ids; :base opens a tree, q comes back; unknown commands say so', () => {
    const store = createStore(initialAppState('types'));
    type(store, ':go', '\t');
    expect(store.get().overlay).toMatchObject({ kind: 'command', text: 'goto ' });
    type(store, 'zeta/z1', '\t');
    expect(store.get().overlay).toMatchObject({ kind: 'command', text: 'goto zeta/z1' });
    expect(store.get().message).toMatch(/match: zeta\/z1/);
    type(store, ESC, `:base ${FACTS.bases.top}\r`);
    expect(store.get().screen).toBe('lineage');
    expect(store.get().screens.lineage.tree?.base).toBe(FACTS.bases.top);
    type(store, 'q');
    expect(store.get().screen).toBe('types');
    type(store, ':frobnicate\r');
    expect(store.get().message).toMatch(/^unknown command “:frobnicate”/);
    expect(type(store, ':export out.md\r')).toEqual([{ type: 'export', file: 'out.md' }]);
    expect(type(store, ':dataset open-llm-leaderboard/contents\r')).toEqual([{ type: 'dataset', id: 'open-llm-leaderboard/contents' }]);
    type(store, '4', ':score bbh\r');
    expect(store.get().screens.types.score).toBe('BBH');
  });

  it(':author NAME shows their models on the Leaderboard; Esc returns', () => {
    const store = createStore(initialAppState('overview'));
    type(store, ':author zeta\r');
    // the rows Enter on zeta in Authors opens: the 12 repositories credited to zeta (FACTS)
    expect(store.get().screens.leaderboard.where.map((w) => w.label)).toEqual(['author zeta']);
    expect(leaderboardFrame(buildLeaderboardModel(dataset), store.get().screens.leaderboard, env.height).count).toBe(FACTS.authors.topRepos);
    expect(whereLine(store.get(), env)).toBe('Overview › Leaderboard › author zeta');
    type(store, ESC);
    expect([store.get().screen, store.get().screens.leaderboard.where]).toEqual(['overview', []]);
    // someone no repository credits: said, nothing opened
    type(store, ':author zzzznobody\r');
    expect([store.get().screen, store.get().message]).toEqual(['overview', expect.stringMatching(/^no repository credits “zzzznobody”/)]);
  });
});

describe('--restore (issue 9 §2)', () => {
  it('saves every screen atomically beside the cache and reads it back, prompts closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hubscope-ui-state-'));
    const store = createStore(initialAppState());
    type(store, '7t55\r', `6${'\r'}`, 'l', '2/zeta\r', 'j', '/x');
    saveState(dir, store.get());
    const back = loadState(dir)!;
    expect(back.screen).toBe('leaderboard');
    expect(back.screens.sizes.threshold).toBe(55);
    expect(back.screens.lineage.tree?.expanded).toBeInstanceOf(Set);
    expect(back.screens.lineage.tree?.expanded).toEqual(store.get().screens.lineage.tree?.expanded);
    expect([back.screens.leaderboard.search, back.screens.leaderboard.cursor, back.screens.leaderboard.editing]).toEqual(['zetax', 0, null]);
    expect(parseState(serializeState(back))).toEqual(back);
    expect(JSON.parse(await readFile(join(dir, UI_STATE_FILE), 'utf8')).version).toBe(1);
  });

  it('ignores a corrupt file with one line on stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hubscope-ui-state-'));
    const lines: string[] = [];
    expect(loadState(dir, (l) => lines.push(l))).toBeNull();
    expect(lines).toEqual([]);
    await writeFile(join(dir, UI_STATE_FILE), '{"version": 1, "screens": [');
    expect(loadState(dir, (l) => lines.push(l))).toBeNull();
    await writeFile(join(dir, UI_STATE_FILE), '{"version": 1, "screens": {"sizes": 3}}');
    expect(loadState(dir, (l) => lines.push(l))).toBeNull();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ui-state\.json is not a saved explorer state .*: starting from the defaults$/);
  });
});
