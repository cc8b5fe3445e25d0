// The explorer on the Hub snapshot (issue 10; analyses.md §6): the generic SourceApp with the
// hub-snapshot kind's nine screens on a real DuckDB store of a tiny snapshot this test writes
// (test/hub/snapshot-fixture.ts, imported through the kind itself), and the panels' pure logic:
// Base models (← → choose a top root, Enter opens its Lineage) and Lineage (b or / prompts for a
// repo id; while typing, every key is text: q does not quit).
import React from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceApp } from '../../source/app/source/SourceApp.js';
import { handle, initialSourceState, type FrameFacts } from '../../source/app/source/source-state.js';
import { commandOf } from '../../source/app/source/source-keys.js';
import { BASE_MODELS_KEYS, LINEAGE_INITIAL, LINEAGE_KEYS, baseModelsPanel, hubLineagePanel, lineageHandle } from '../../source/app/source/hub-panels.js';
import { CacheStore } from '../../source/cache/store.js';
import { hubSource, type HubData } from '../../source/sources/hub.js';
import type { RootRow } from '../../source/hub/queries-lineage.js';
import { parent, writeSnapshot, type FixtureRow } from '../hub/snapshot-fixture.js';
import { tempDir } from '../fetch/helpers.js';
import { IDLE, reduceFetchEvent } from '../../source/app/services/fetch-controller.js';
import { fetchSummary } from '../../source/app/components/StatusBar.js';
import { KEY, renderApp } from './render-app.js';

const DATASET = 'cfahlgren1/hub-stats';
const SCREEN_IDS = ['overview', 'authors', 'relations', 'architectures', 'base-models', 'sizes', 'adoption', 'intermediaries', 'lineage'];

/** Five bases, base-k with 2·(5 − k) finetunes: the roots by descendants are base-0 … base-4. */
function rows(): FixtureRow[] {
  const out: FixtureRow[] = [];
  for (let k = 0; k < 5; k += 1) out.push({ id: `org/base-${k}`, author: 'org', createdAt: `2024-0${k + 1}-01T00:00:00Z`, downloads: 100, pipeline_tag: 'text-generation' });
  for (let k = 0; k < 5; k += 1) {
    for (let i = 0; i < 2 * (5 - k); i += 1) {
      out.push({ id: `u${i}/ft-${k}-${i}`, author: `u${i}`, createdAt: '2025-01-01T00:00:00Z', downloads: i, pipeline_tag: 'text-generation', baseModels: { relation: 'finetune', models: [parent(`org/base-${k}`)] } });
    }
  }
  return out;
}

const root = (id: string): RootRow => ({ id, day: null, descendants: 1, byRelation: {}, virtual: false }) as unknown as RootRow;

describe('the Hub panels (pure)', () => {
  it('Lineage: b or / opens the prompt, id characters are typed, Backspace and Ctrl-U edit, Enter draws, Esc cancels', () => {
    expect(lineageHandle(LINEAGE_INITIAL, 'down')).toBeNull();
    let s = lineageHandle(LINEAGE_INITIAL, 'prompt')!;
    expect(s.typing).toBe('');
    for (const c of 'org/x y') s = lineageHandle(s, `key:${c === ' ' ? 'space' : c}`)!;
    expect(s.typing).toBe('org/xy');
    s = lineageHandle(s, 'key:backspace')!;
    expect(lineageHandle(lineageHandle(s, 'key:enter')!, 'prompt')!.typing).toBe('');
    expect(lineageHandle(s, 'key:enter')).toEqual({ base: 'org/x', typing: null });
    expect(lineageHandle(s, 'key:escape')).toEqual({ base: null, typing: null });
    expect(lineageHandle(s, 'key:ctrl+u')!.typing).toBe('');
    // an empty prompt keeps the model drawn
    expect(lineageHandle({ base: 'a/b', typing: '' }, 'key:enter')).toEqual({ base: 'a/b', typing: null });
    const bound = hubLineagePanel.bind({}, 30);
    expect(bound.render({ base: 'a/b', typing: null }, { width: 100, color: false }).viewOptions).toEqual({ base: 'a/b' });
    expect(bound.render(LINEAGE_INITIAL, { width: 100, color: false }).viewOptions).toEqual({});
  });

  it('while the prompt is open every key is text (q does not quit, 5 does not switch); Enter on a root opens Lineage with it', () => {
    const lineage = hubLineagePanel.bind({}, 30);
    const facts = (panel: FrameFacts['panel'], keys: readonly { keys: readonly string[]; command: string }[]) => ({ frame: { screens: 9, lines: 50, room: 20, scrollKey: 'view', panel, screenIds: SCREEN_IDS } as FrameFacts, keys });
    let state = initialSourceState(9, 8);
    const typing = { base: null, typing: 'or' };
    state = { ...state, panels: Object.assign([...state.panels], { 8: typing }) };
    const { frame } = facts({ reducer: lineage, state: typing }, LINEAGE_KEYS);
    const q = handle(state, undefined, 'q', frame);
    expect(q.effect).toBeNull();
    expect(q.state.panels[8]).toEqual({ base: null, typing: 'orq' });
    expect(handle(state, undefined, '5', frame).state.screen).toBe(8);

    const roots = [root('org/base-0'), root('org/base-1')];
    const panel = baseModelsPanel(() => roots);
    const at1 = panel.handle(panel.handle(panel.handle(panel.initial, 'root-next')!, 'root-next')!, 'root-prev')!; // clamped at the last, then back
    expect(at1.selected).toBe(0);
    const chosen = panel.handle(panel.initial, 'root-next')!;
    const onBase = { ...initialSourceState(9, 4) };
    const open = handle(onBase, commandOf('enter', BASE_MODELS_KEYS), 'enter', facts({ reducer: panel, state: chosen }, BASE_MODELS_KEYS).frame);
    expect(open.state.screen).toBe(8);
    expect(open.state.panels[8]).toEqual({ base: 'org/base-1', typing: null });
    // before the roots are read, Enter does nothing
    const none = baseModelsPanel(() => null);
    expect(none.opens!(none.initial, 'open')).toBeNull();
  });
});

describe("the status bar during the snapshot's download", () => {
  it('shows the phase, bytes, rows and speed of a file (not a count of items)', () => {
    let state = reduceFetchEvent(IDLE, { type: 'stage-start', stage: 'snapshot', total: 0, cached: 0, detail: 'models.parquet' });
    state = reduceFetchEvent(state, { type: 'progress', stage: 'snapshot', done: 43_400_000, total: 175_600_000, ok: 0, gone: 0, errors: 0, rate: 24_100_000, etaSeconds: 5, phase: 'download', bytes: 43_400_000, bytesTotal: 175_600_000, rows: 867_098, rowsTotal: 3_100_000 });
    expect(fetchSummary(state)).toBe('fetching snapshot download 43.4/175.6 MB rows 867,098/3,100,000 24.1 MB/s ETA 0:05');
    state = reduceFetchEvent(state, { type: 'progress', stage: 'snapshot', done: 175_600_000, total: 175_600_000, ok: 0, gone: 0, errors: 0, rate: null, etaSeconds: null, phase: 'ingest: writing the store', bytes: 175_600_000, bytesTotal: 175_600_000, rows: 3_100_000, rowsTotal: 3_100_000 });
    expect(fetchSummary(state)).toBe('fetching snapshot ingest: writing the store 175.6/175.6 MB rows 3,100,000/3,100,000');
    // a stage of items afterwards counts items again
    state = reduceFetchEvent(state, { type: 'stage-start', stage: 'info', total: 10, cached: 0 });
    expect(fetchSummary(state)).toMatch(/^fetching info 0\/10 /);
  });
});

describe('SourceApp on the Hub snapshot (ink-testing-library, a real DuckDB store)', () => {
  let data: HubData;
  beforeAll(async () => {
    const dir = await tempDir('hubscope-hub-app-');
    const file = await writeSnapshot(rows());
    const store = await CacheStore.open(dir, { dataset: DATASET, kind: hubSource.id });
    await hubSource.importFile!(store, file, {});
    await store.flush();
    data = await hubSource.read(dir, DATASET);
  }, 60_000);

  it('nine screens; Base models → choose a root → Enter draws its lineage; / types another model', async () => {
    expect(hubSource.screens!.map((s) => s.id)).toEqual(SCREEN_IDS);
    const app = await renderApp(
      <SourceApp kind={hubSource} initial={data} reload={async () => data} fetcher={null} autoFetch={false} color={false} size={{ columns: 120, rows: 40 }} now={() => new Date('2026-10-02T00:00:00Z')} />,
    );
    let f = await app.waitFor((x) => x.includes('models in the snapshot'));
    expect(f.split('\n')[0]).toMatch(/^\[1 Overview\] 2 Authors +3 Relations +4 Architectures +5 Base models +6 Sizes +7 Adoption +8 Intermediaries +9 Lineage/);
    expect(f).toMatch(/data: cfahlgren1\/hub-stats \(snapshot 2025-01-01\)/);
    expect(f).toMatch(/models in the snapshot +35/);

    await app.press('5');
    f = await app.waitFor((x) => x.includes('Root 1 of 5: org/base-0') && x.includes('Top 5 roots'));
    expect(f).toMatch(/^1 +org\/base-0 +2024-01-01 +10 +10 /m);
    await app.press(KEY.right, KEY.right, KEY.left);
    await app.waitFor((x) => x.includes('Root 2 of 5: org/base-1'));
    await app.press(KEY.enter);
    f = await app.waitFor((x) => x.includes('Tree down: 8 descendants'));
    expect(f.split('\n')[0]).toContain('[9 Lineage]');
    expect(f).toMatch(/^org\/base-1 — b or \/ draws another model/m);

    await app.press('/', ...'org/base-4', KEY.enter);
    f = await app.waitFor((x) => x.includes('Tree down: 2 descendants'));
    expect(f).toMatch(/org\/base-4 +original +2024-05-01/);
    app.unmount();
  }, 60_000);
});

// issue 10 "Performance": the first frame is drawn from the manifest before DuckDB is opened,
// and a screen switched back to shows its view in the key's own frame (the view is kept)
describe('SourceApp on the Hub snapshot: first frame and revisits', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('hubscope-hub-app-first-');
    const file = await writeSnapshot(rows());
    const store = await CacheStore.open(dir, { dataset: DATASET, kind: hubSource.id });
    await hubSource.importFile!(store, file, {});
    await store.flush();
  }, 60_000);

  it('a first-frame read holds the manifest, not the store; the views open it; a revisit draws at once', async () => {
    const data = await hubSource.read(dir, DATASET, { firstFrame: true });
    expect(data.store).toBeNull();
    expect(data.manifest?.rows).toBe(35);
    expect(hubSource.isEmpty(data)).toBe(false);
    expect(hubSource.label(data).generation).toBe('snapshot 2025-01-01');
    const app = await renderApp(
      <SourceApp kind={hubSource} initial={data} reload={async () => data} fetcher={null} autoFetch={false} color={false} size={{ columns: 120, rows: 40 }} now={() => new Date('2026-10-02T00:00:00Z')} />,
    );
    // the first frame: the tab bar and the status bar, the view still being built
    expect(app.frames[0]!.split('\n')[0]).toMatch(/^\[1 Overview\] 2 Authors/);
    expect(app.frames[0]).toContain('Building the view…');
    expect(app.frames[0]).toMatch(/data: cfahlgren1\/hub-stats \(snapshot 2025-01-01\)/);
    await app.waitFor((x) => x.includes('models in the snapshot'));
    expect(data.store).not.toBeNull();
    await app.press('2');
    await app.waitFor((x) => x.split('\n')[0]!.includes('[2 Authors]') && !x.includes('Building the view…'));
    const before = app.frames.length;
    await app.press('1');
    const after = app.frames.slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]).toContain('models in the snapshot');
    expect(after.some((f) => f.includes('Building the view…'))).toBe(false);
    app.unmount();
    // a later full read of the same manifest is the same data, its store open once
    expect(await hubSource.read(dir, DATASET)).toBe(data);
  }, 60_000);
});
