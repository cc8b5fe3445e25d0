// print equals screen (issue 9 item 3, acceptance 2; style.md habits 6 and 10): for every
// screen of the explorer, at 80 and 120 columns, the body lines the screen draws are the lines
// `hubscope print VIEW --format text --width W` prints for the same rows — the real CLI on the
// fake Hub's fixture cache, the whole App (ink-testing-library on a terminal of that width)
// over the same cache. Left out of the comparison: the tab bar, the breadcrumb line, the key
// hints and the status bar (the App's chrome), each screen's own lines above its view (the
// options in force, the title, search and hint lines: print has its own header instead), the
// scroll window (the screen shows `room` lines of the view, print all of them) and the cursor
// mark (› on the cursor row, a blank gutter in print). The generic explorer's screens (LMArena's
// Overview and Frontier, the Hub snapshot's nine screens) likewise: the view's lines under the
// screen's panel.
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../source/app/App.js';
import { loadDataset } from '../../source/cache/store.js';
import type { Dataset } from '../../source/data/model.js';
import { APP_CHROME } from '../../source/app/App.js';
import { LEADERBOARD_CHROME, LINEAGE_CHROME } from '../../source/app/state/screen-models.js';
import { allBaseModels } from '../../source/views/screen-data.js';
import { printRunner, type PrintRunner } from '../print/fixture-cache.js';
import { renderApp, type Rendered } from './render-app.js';
import { SourceApp } from '../../source/app/source/SourceApp.js';
import { arenaKind, type ArenaData } from '../../source/sources/arena.js';
import { FakeHub } from '../fake-hub/server.js';
import { FakeCdn } from '../fake-hub/arena-routes.js';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { runCli } from '../fetch/run-cli.js';
import { ARENA_COLUMNS, ARENA_ID, arenaRows } from '../sources/arena-table.js';
import { CacheStore } from '../../source/cache/store.js';
import { hubSource, type HubData } from '../../source/sources/hub.js';
import { parent, writeSnapshot, type FixtureRow } from '../hub/snapshot-fixture.js';

const WIDTHS = [80, 120];
const ROWS = 30;
const BODY = ROWS - APP_CHROME;
const PAGES = ['overview', 'authors', 'types', 'architectures', 'sizes', 'improvement'] as const;

let runner: PrintRunner;
let dataset: Dataset;
const open: Rendered[] = [];

beforeAll(async () => {
  runner = await printRunner();
  dataset = await loadDataset(runner.dir);
}, 180_000);

afterAll(() => {
  for (const app of open) app.unmount();
});

async function screen(startScreen: string, columns: number): Promise<Rendered> {
  const app = await renderApp(
    <App
      initial={dataset}
      reload={() => loadDataset(runner.dir)}
      fetcher={null}
      autoFetch={false}
      color={false}
      exportDir={runner.dir}
      writeRaw={() => {}}
      size={{ columns, rows: ROWS }}
      startScreen={startScreen as never}
    />,
    { columns, rows: ROWS },
  );
  open.push(app);
  return app;
}

/** The lines of the screen between the App's chrome (tabs and breadcrumb above; key hints
 *  and status bar below), right-trimmed. */
const bodyOf = (frame: string): string[] => frame.split('\n').slice(2, 2 + BODY).map((l) => l.trimEnd());
/** The cursor row's mark made the blank gutter print draws. */
const unmark = (line: string): string => line.replace(/^› /, '  ');

async function print(args: string[]): Promise<string[]> {
  const run = await runner.print(['--format', 'text', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.split('\n').map((l) => l.trimEnd());
}

/** Without the blank lines at the end. */
const trimBlank = (lines: string[]): string[] => {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end -= 1;
  return lines.slice(0, end);
};

/** Print's lines after its own header (title and source, then a blank line). */
const printBody = (lines: string[]): string[] => lines.slice(lines.indexOf('') + 1);

/** The table starting at the header line `header`: it, its rule and at most `rows` rows (a
 *  table's lines all start with its two-column gutter). */
function tableAt(lines: string[], header: RegExp, rows: number): string[] {
  const at = lines.findIndex((l) => header.test(l));
  expect(at, `no table header ${header} in\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
  const slice = lines.slice(at, at + 2 + rows);
  const end = slice.findIndex((l) => !/^(› | {2})\S/.test(l) && !/^ {2}[─━]/.test(l));
  return end < 0 ? slice : slice.slice(0, end);
}

describe('print equals screen', () => {
  for (const width of WIDTHS) {
    it.each([...PAGES])(`%s at ${width} columns: the view's lines under the screen's options line`, async (id) => {
      const app = await screen(id, width);
      const body = bodyOf(await app.waitFor((f) => f.split('\n').length >= ROWS - 1));
      const printed = printBody(await print([id, '--width', String(width)]));
      // one options line above the view on every page screen, and on the time-series screens
      // the date window's line under it (chrome of the screen, like the options line)
      const chrome = body[1]?.startsWith('window: ') ? 2 : 1;
      const shown = body.slice(chrome);
      expect(shown.length).toBe(BODY - chrome);
      expect(shown.filter((l) => l !== '').length).toBeGreaterThan(5);
      expect(shown).toEqual(printed.slice(0, shown.length).map((l) => (l === '' ? '' : l)));
    }, 30_000);

    it(`leaderboard at ${width} columns: the table of the rows on screen`, async () => {
      const room = BODY - LEADERBOARD_CHROME;
      const app = await screen('leaderboard', width);
      const body = bodyOf(await app.waitFor((f) => /row 1\b/.test(f)));
      const table = tableAt(body, /^ {2}Model\b/, room).map(unmark);
      expect(table[0]).toContain('Average ▼');
      expect(table.filter((l) => /\d\.\d\d/.test(l)).length).toBeGreaterThan(3);
      const printed = tableAt(printBody(await print(['leaderboard', '--width', String(width), '--top', String(room)])), /^ {2}Model\b/, room);
      expect(table).toEqual(printed);
    }, 30_000);

    it(`lineage at ${width} columns: the base-model list, and a base's tree expanded`, async () => {
      const room = BODY - LINEAGE_CHROME - 2;
      const app = await screen('lineage', width);
      const body = bodyOf(await app.waitFor((f) => f.includes('Base model')));
      const list = tableAt(body, /^ {2}Base model\b/, room).map(unmark);
      expect(list.length).toBeGreaterThan(3);
      const printed = printBody(await print(['lineage', '--width', String(width), '--top', String(room)]));
      expect(list).toEqual(tableAt(printed, /^ {2}Base model\b/, list.length - 2));

      // the tree of the first base: open it, expand each node in order down the window
      const top = allBaseModels(dataset).top[0]!.repo;
      await app.press('\r');
      await app.waitFor((f) => f.includes(`Lineage of ${top}`));
      for (let i = 0; i < room - 1; i += 1) await app.press('l', 'j');
      await app.press('l');
      const tree = tableAt(bodyOf(app.lastFrame()), /^ {2}Model\b/, room).map(unmark);
      expect(tree.some((l) => /[├└]─/.test(l))).toBe(true);
      const printedTree = printBody(await print(['lineage', '--base', top, '--width', String(width)]));
      expect(tree).toEqual(tableAt(printedTree, /^ {2}Model\b/, tree.length - 2));
    }, 60_000);
  }
});

describe('print equals screen: the generic explorer (SourceApp) on an LMArena dataset', () => {
  let hub: FakeHub;
  let cdn: FakeCdn;
  let cli: string;
  let dir: string;
  let data: ArenaData;
  beforeAll(async () => {
    cdn = await FakeCdn.start();
    [hub, cli] = await Promise.all([FakeHub.start({ arena: { dataset: ARENA_ID, config: 'text', split: 'full', columns: ARENA_COLUMNS, rows: arenaRows() }, cdn }), builtCli()]);
    dir = await tempDir('hubscope-arena-print-');
    const fetched = await runCli(cli, ['fetch', '--dataset', ARENA_ID, '--cache', dir], { HF_ENDPOINT: hub.url, HUBSCOPE_DATASETS_SERVER: hub.url, HF_TOKEN: '' });
    expect(fetched.code, fetched.stderr).toBe(0);
    data = await arenaKind.read(dir, ARENA_ID);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await cdn?.close();
  });

  for (const width of WIDTHS) {
    it.each(['overview', 'frontier'])(`%s at ${width} columns: the view's lines under the screen's panel`, async (id) => {
      const app = await renderApp(
        <SourceApp kind={arenaKind} initial={data} reload={() => arenaKind.read(dir, ARENA_ID)} fetcher={null} autoFetch={false} color={false} size={{ columns: width, rows: ROWS }} startScreen={id} />,
        { columns: width, rows: ROWS },
      );
      open.push(app);
      // tabs and title line above, the status bar below
      const frame = await app.waitFor((f) => !f.includes('Building the view'));
      const body = frame.split('\n').slice(2, ROWS - 1).map((l) => l.trimEnd());
      const run = await runCli(cli, ['print', id, '--dataset', ARENA_ID, '--cache', dir, '--format', 'text', '--width', String(width)]);
      expect(run.code, run.stderr).toBe(0);
      const printed = printBody(run.stdout.split('\n').map((l) => l.trimEnd()));
      // the panel's lines (the Frontier's date cursor and top 20) come first; then the view
      const from = body.indexOf(printed[0]!);
      expect(from, `the view's first line "${printed[0]}" not on screen:\n${body.join('\n')}`).toBeGreaterThanOrEqual(0);
      const shown = body.slice(from);
      expect(shown.filter((l) => l !== '').length).toBeGreaterThan(3);
      expect(shown).toEqual(printed.slice(0, shown.length));
    }, 30_000);
  }
});

describe('print equals screen: the generic explorer on the Hub snapshot', () => {
  const HUB = 'cfahlgren1/hub-stats';
  let cli: string;
  let dir: string;
  let hubData: HubData;
  beforeAll(async () => {
    // five bases, base-k with 2·(5 − k) finetunes (as test/app/hub-source-app.test.tsx)
    const rows: FixtureRow[] = [];
    for (let k = 0; k < 5; k += 1) rows.push({ id: `org/base-${k}`, author: 'org', createdAt: `2024-0${k + 1}-01T00:00:00Z`, downloads: 100, pipeline_tag: 'text-generation' });
    for (let k = 0; k < 5; k += 1) {
      for (let i = 0; i < 2 * (5 - k); i += 1) {
        rows.push({ id: `u${i}/ft-${k}-${i}`, author: `u${i}`, createdAt: '2025-01-01T00:00:00Z', downloads: i, pipeline_tag: 'text-generation', baseModels: { relation: 'finetune', models: [parent(`org/base-${k}`)] } });
      }
    }
    dir = await tempDir('hubscope-hub-print-');
    const store = await CacheStore.open(dir, { dataset: HUB, kind: hubSource.id });
    await hubSource.importFile!(store, await writeSnapshot(rows), {});
    await store.flush();
    [hubData, cli] = await Promise.all([hubSource.read(dir, HUB), builtCli()]);
  }, 120_000);

  for (const width of WIDTHS) {
    it.each(hubSource.screens!.map((s) => s.id))(`%s at ${width} columns: the view's lines under the screen's panel`, async (id) => {
      const app = await renderApp(
        <SourceApp kind={hubSource} initial={hubData} reload={async () => hubData} fetcher={null} autoFetch={false} color={false} size={{ columns: width, rows: ROWS }} startScreen={id} />,
        { columns: width, rows: ROWS },
      );
      open.push(app);
      const frame = await app.waitFor((f) => !f.includes('Building the view'), 15_000);
      const body = frame.split('\n').slice(2, ROWS - 1).map((l) => l.trimEnd());
      const run = await runCli(cli, ['print', hubSource.screens!.find((s) => s.id === id)!.viewId, '--dataset', HUB, '--cache', dir, '--format', 'text', '--width', String(width)]);
      expect(run.code, run.stderr).toBe(0);
      const printed = printBody(run.stdout.split('\n').map((l) => l.trimEnd()));
      const from = body.indexOf(printed[0]!);
      expect(from, `the view's first line "${printed[0]}" not on screen:\n${body.join('\n')}`).toBeGreaterThanOrEqual(0);
      // a view shorter than the screen: blank lines below it
      const shown = trimBlank(body.slice(from));
      expect(shown.filter((l) => l !== '').length).toBeGreaterThan(2);
      expect(shown).toEqual(trimBlank(printed.slice(0, shown.length)));
    }, 30_000);
  }
});
