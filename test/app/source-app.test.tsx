// The generic explorer (SourceApp) on an LMArena dataset (analyses.md §7), and its pure screen
// logic without Ink: the screen reducer (tabs, help, scrolling, quit/refresh effects) and the
// Frontier panel's (date cursor, the date's top 20, a model's rating history). The table is the
// hand-built one of test/sources/arena-table.ts, whose figures are worked by hand there.
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceApp } from '../../source/app/source/SourceApp.js';
import { handle, initialSourceState, type FrameFacts } from '../../source/app/source/source-state.js';
import { commandOf } from '../../source/app/source/source-keys.js';
import { frontierReducer, topLines } from '../../source/app/source/frontier-panel.js';
import { FetchController } from '../../source/app/services/fetch-controller.js';
import { arenaKind, type ArenaData } from '../../source/sources/arena.js';
import { normaliseArenaRows } from '../../source/data/arena-row.js';
import { arenaSource } from '../../source/data/arena-dataset.js';
import { FakeHub } from '../fake-hub/server.js';
import { FakeCdn } from '../fake-hub/arena-routes.js';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { ARENA_COLUMNS, ARENA_ID, arenaRows } from '../sources/arena-table.js';
import { KEY, renderApp } from './render-app.js';

function arenaData(): ArenaData {
  const { rows, problems } = normaliseArenaRows(arenaRows().filter((r) => r.category === 'overall'));
  return { source: arenaSource({ revision: 'rev-9', fetchedAt: '2025-02-01T10:00:00Z', path: 'parquet' }), rows, problems };
}

const frame = (over: Partial<FrameFacts> = {}): FrameFacts => ({ screens: 2, lines: 100, room: 10, scrollKey: 'view', ...over });
const press = (state: ReturnType<typeof initialSourceState>, key: string, facts = frame()) => handle(state, commandOf(key), key, facts);

describe('the screen reducer', () => {
  it('switches screens by number, Tab and Shift-Tab (wrapping), and ignores a number past the last', () => {
    let s = initialSourceState(2);
    s = press(s, '2').state;
    expect(s.screen).toBe(1);
    expect(press(s, 'tab').state.screen).toBe(0);
    expect(press(initialSourceState(2), 'shift+tab').state.screen).toBe(1);
    expect(press(initialSourceState(2), '3').state.screen).toBe(0);
  });

  it('scrolls each screen on its own, within its text', () => {
    let s = initialSourceState(2);
    s = press(s, 'pagedown').state;
    expect(s.offsets['0:view']).toBe(10);
    s = press(s, 'G').state;
    expect(s.offsets['0:view']).toBe(90);
    s = press(s, 'down').state;
    expect(s.offsets['0:view']).toBe(90);
    s = press(press(s, '2').state, 'j').state;
    expect(s.offsets['1:view']).toBe(1);
    expect(s.offsets['0:view']).toBe(90);
    expect(press(s, 'g').state.offsets['1:view']).toBe(0);
  });

  it('the help takes every key until ? or Esc; q and r are effects', () => {
    let s = press(initialSourceState(2), '?').state;
    expect(s.help).toBe(true);
    expect(press(s, '2').state).toBe(s);
    expect(press(s, 'q')).toEqual({ state: { ...s, help: false }, effect: null });
    s = press(s, 'escape').state;
    expect(s.help).toBe(false);
    expect(press(s, 'q').effect).toBe('quit');
    expect(press(s, 'r').effect).toBe('refresh');
  });
});

describe('the Frontier panel', () => {
  const data = arenaData();
  const r = frontierReducer(data, 37);

  it('opens on the last date, moves the date within the series and keeps the selection inside it', () => {
    let s = r.initial;
    expect(s.date).toBe(2);
    expect(r.handle(s, 'date-next')!.date).toBe(2);
    s = r.handle(r.handle(s, 'down')!, 'down')!; // third place on 2025-01-31 (5 models)
    s = r.handle(r.handle(s, 'down')!, 'down')!;
    s = r.handle(s, 'down')!;
    expect(s.selected).toBe(4);
    s = r.handle(s, 'date-first')!; // 2025-01-01 lists 3 models
    expect(s).toMatchObject({ date: 0, selected: 2 });
    expect(r.handle(s, 'page-down')).toBeNull(); // the view below scrolls
  });

  it('Enter opens the selected model, Esc goes back; in the history the app scrolls', () => {
    let s = r.handle(r.handle(r.initial, 'date-prev')!, 'down')!; // 2025-01-11, second place: Open-Y
    s = r.handle(s, 'open')!;
    expect(s.history).toBe('open-y');
    expect(r.handle(s, 'down')).toBeNull();
    expect(r.handle(s, 'date-next')).toBe(s);
    expect(r.handle(s, 'back')!.history).toBeNull();
  });

  it("draws the date's frontier line and its top list with licence classes", () => {
    const lines = topLines(data, r.initial, 120, 37, false);
    expect(lines[0]).toMatch(/^◀ 2025-01-31 ▶ {2}date 3 of 3 · top 5 of 5 models/);
    expect(lines[1]).toContain('best proprietary Prop-C 1345 · best open Open-Z 1342 · gap 3, within the margin · lag 20 days');
    expect(lines.find((l) => l.includes('Prop-D'))).toMatch(/Prop-D\s+Dent\s+proprietary\s+Propretary\s+1100/);
    expect(lines.find((l) => l.startsWith('›'))).toMatch(/^› +1 +Prop-C +Acme +proprietary/);
  });
});

describe('SourceApp on an LMArena dataset (ink-testing-library)', () => {
  it('tabs, the Frontier screen with its date cursor, a rating history and back, help, offline r', async () => {
    const data = arenaData();
    const app = await renderApp(
      <SourceApp kind={arenaKind} initial={data} reload={async () => data} fetcher={null} autoFetch={false} color={false} size={{ columns: 100, rows: 30 }} now={() => new Date('2025-02-01T12:00:00Z')} />,
    );
    let f = app.lastFrame();
    expect(f.split('\n')[0]).toMatch(/^\[1 Overview\] 2 Frontier/);
    expect(f).toContain('Overview');
    expect(f).toMatch(/data: lmarena-ai\/leaderboard-dataset \(text\/full, overall\) · rev rev-9/);
    expect(f.split('\n').at(-1)).toMatch(/^Overview │ lmarena-ai\/leaderboard-dataset \(text\/full, overall\) │/);

    await app.press('2');
    f = await app.waitFor((x) => x.includes('◀ 2025-01-31 ▶'));
    expect(f.split('\n')[0]).toMatch(/^ 1 Overview \[2 Frontier\]/);
    expect(f).toMatch(/Open-Z\s+Zeta\s+open, permissive\s+MIT\s+1342/);
    expect(f).toContain('Is open source catching up?'); // the frontier view under the panel

    await app.press('[');
    f = await app.waitFor((x) => x.includes('◀ 2025-01-11 ▶'));
    expect(f).toContain('gap 20, outside the margin · lag 0 days');
    await app.press(KEY.down, KEY.enter);
    f = await app.waitFor((x) => x.includes('Rating history of Open-Y (Llamas)'));
    expect(f).toMatch(/2025-01-11\s+1320\s+1315–1325\s+1,000\s+2 of 4\s+Prop-C\s+1340\s+-20/);
    expect(f).toMatch(/2025-01-31\s+1320\s+1315–1325\s+1,000\s+3 of 5\s+Prop-C\s+1345\s+-25/);
    await app.press(KEY.escape);
    f = await app.waitFor((x) => x.includes('◀ 2025-01-11 ▶'));
    expect(f).not.toContain('Rating history');

    await app.press('?');
    f = await app.waitFor((x) => x.includes('Keys on Frontier'));
    expect(f).toMatch(/← \[ h\s+the previous publication date/);
    expect(f).toMatch(/q\s+quit/);
    await app.press('?');
    await app.waitFor((x) => !x.includes('Keys on Frontier'));

    await app.press('r');
    await app.waitFor((x) => x.includes('offline: no fetch'));
    app.unmount();
  });
});

describe('SourceApp: r fetches the dataset on screen through the FetchController', () => {
  let hub: FakeHub;
  let cdn: FakeCdn;
  let cli: string;
  beforeAll(async () => {
    cdn = await FakeCdn.start();
    [hub, cli] = await Promise.all([FakeHub.start({ arena: { dataset: ARENA_ID, config: 'text', split: 'full', columns: ARENA_COLUMNS, rows: arenaRows() }, cdn }), builtCli()]);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await cdn?.close();
  });

  it('an empty cache says so; r runs hubscope fetch --dataset … and the screens fill in', async () => {
    const dir = await tempDir('hubscope-arena-app-');
    const initial = await arenaKind.read(dir, ARENA_ID);
    const env = { ...process.env, HF_ENDPOINT: hub.url, HUBSCOPE_DATASETS_SERVER: hub.url, HF_TOKEN: '' };
    const fetcher = new FetchController(dir, env, ['--dataset', ARENA_ID], cli);
    const app = await renderApp(
      <SourceApp kind={arenaKind} initial={initial} reload={() => arenaKind.read(dir, ARENA_ID)} fetcher={fetcher} autoFetch={false} color={false} size={{ columns: 100, rows: 30 }} startScreen="frontier" />,
    );
    expect(app.lastFrame()).toContain(`${ARENA_ID} holds nothing yet: r fetches it.`);
    await app.press('r');
    const f = await app.waitFor((x) => x.includes('◀ 2025-01-31 ▶'), 30_000);
    expect(f).toMatch(/Prop-C\s+Acme\s+proprietary/);
    await app.waitFor((x) => x.includes('fetch done'), 30_000);
    expect(fetcher.state.exitCode).toBe(0);
    expect(hub.requests.filter((r) => r.path.startsWith('/rows')).every((r) => r.path.includes('lmarena-ai'))).toBe(true);
    app.unmount();
  }, 60_000);
});
