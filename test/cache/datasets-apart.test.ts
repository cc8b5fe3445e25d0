// Issue 7 §1: v1 and v2 in one cache are kept apart. Each fetch writes its own table and
// leaves the other's byte for byte; the Hub facts are shared; without --dataset every command
// uses the most recently fetched dataset and says which; a --dataset the cache does not hold
// is one line naming the ones it does.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheStore, loadDataset } from '../../source/cache/store.js';
import { FakeHub, loadFixtures, type Fixtures } from '../fake-hub/server.js';
import { builtCli } from '../fetch/cli-build.js';
import { fetchInto, tempDir } from '../fetch/helpers.js';
import { hubEnv, runCli } from '../fetch/run-cli.js';

const V1 = 'open-llm-leaderboard-old/contents';
const V2 = 'open-llm-leaderboard/contents';
const fixtures = loadFixtures();
const V1_BENCHMARKS = ['ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K'];

/** A v1 table over the first 12 repos of the fixtures (v1's columns, higher scores). */
function v1Table(): Fixtures['leaderboard'] {
  const names = ['fullname', 'Type', 'Architecture', '#Params (B)', 'Average ⬆️', ...V1_BENCHMARKS, 'Flagged', 'Merged'];
  const rows = fixtures.leaderboard.rows.slice(0, 12).map((row, i) => ({
    fullname: row.fullname,
    Type: row.Type,
    Architecture: row.Architecture,
    '#Params (B)': row['#Params (B)'],
    'Average ⬆️': 50 + i,
    ...Object.fromEntries(V1_BENCHMARKS.map((b, j) => [b, 40 + i + j])),
    Flagged: false,
    Merged: false,
  }));
  return { features: names.map((name) => ({ name })), rows };
}

let v1Hub: FakeHub;
let v2Hub: FakeHub;
let cli: string;

beforeAll(async () => {
  [v1Hub, v2Hub, cli] = await Promise.all([
    FakeHub.start({ dataset: V1, fixtures: { ...fixtures, leaderboard: v1Table() }, revision: 'v1-rev' }),
    FakeHub.start(),
    builtCli(),
  ]);
}, 120_000);
afterAll(async () => {
  await v1Hub?.close();
  await v2Hub?.close();
});

const fetchV1 = (dir: string, extra = {}) => fetchInto(v1Hub, dir, { dataset: V1, ...extra });
const fetchV2 = (dir: string, extra = {}) => fetchInto(v2Hub, dir, { dataset: V2, ...extra });
const tableFile = (dir: string, id: string): string => join(dir, 'datasets', id.toLowerCase().replace('/', '--'), 'leaderboard.json');

describe('two leaderboards in one cache', () => {
  it('a fetch of v2 leaves the v1 table byte for byte, and each reads back as itself', async () => {
    const dir = await tempDir('hubscope-apart-');
    await fetchV1(dir);
    const v1Before = await readFile(tableFile(dir, V1));
    await fetchV2(dir);
    expect(await readFile(tableFile(dir, V1))).toEqual(v1Before);
    const v1 = await loadDataset(dir, { dataset: V1 });
    const v2 = await loadDataset(dir, { dataset: V2 });
    expect([v1.generation, v1.entries.length, v1.source.revision]).toEqual(['v1', 12, 'v1-rev']);
    expect([v2.generation, v2.entries.length, v2.source.revision]).toEqual(['v2', fixtures.leaderboard.rows.length - 1, 'rev-1']);
    // the Hub facts are shared: v1's repos are v2's too, so their model info is one record
    expect(v1.info.get('alpha/m1')).toEqual(v2.info.get('alpha/m1'));
    // each dataset's own completion times
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
    expect(Object.keys(meta.datasets).sort()).toEqual([V2, V1].sort());
    expect(meta.datasets[V1].generation).toBe('v1');
    expect(meta.datasets[V2].completed.commits).not.toBeNull();
  });

  it('without --dataset: the most recently fetched one; a fetch of the other stages does not change that', async () => {
    const dir = await tempDir('hubscope-apart-');
    await fetchV2(dir);
    await fetchV1(dir);
    expect((await loadDataset(dir)).source.dataset).toBe(V1);
    const { events } = await fetchInto(v1Hub, dir, { dataset: null, only: ['info'] });
    expect(events[0]).toMatchObject({ type: 'start', dataset: V1, chosen: 'recent' });
    await fetchV2(dir, { only: ['commits'], refresh: true }); // not the table: still v1
    expect((await loadDataset(dir)).source.dataset).toBe(V1);
    await fetchV2(dir, { refresh: true, only: ['leaderboard'] });
    expect((await loadDataset(dir)).source.dataset).toBe(V2);
  });

  it('an empty cache fetches the default v2 table', async () => {
    const dir = await tempDir('hubscope-apart-');
    const { events } = await fetchInto(v2Hub, dir, { dataset: null, only: ['leaderboard'] });
    expect(events[0]).toMatchObject({ type: 'start', dataset: V2, chosen: 'default' });
    expect(Object.keys((await CacheStore.open(dir)).datasets)).toEqual([V2]);
  });

  it('a fetch that fails on its first page leaves no record of the dataset it could not read', async () => {
    const dir = await tempDir('hubscope-apart-');
    await fetchV2(dir, { only: ['leaderboard'] });
    const meta = await readFile(join(dir, 'meta.json'), 'utf8');
    await expect(fetchInto(v2Hub, dir, { dataset: 'nobody/nothing', client: { backoff: { baseMs: 1, capMs: 2, maxAttempts: 1 } } })).rejects.toThrow(/nobody\/nothing/);
    expect(await readFile(join(dir, 'meta.json'), 'utf8')).toBe(meta);
  });
});

describe('the commands on a cache holding v1 and v2', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('hubscope-apart-cli-');
    await fetchV2(dir);
    await fetchV1(dir);
  }, 60_000);

  it('status lists both, then details the most recent one, and --dataset picks the other', async () => {
    const run = await runCli(cli, ['status', '--cache', dir]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toBe('datasets     2 held (* the one detailed below):');
    expect(lines.find((l) => l.includes(V1))).toMatch(/^ {2}\* open-llm-leaderboard-old\/contents +leaderboard v1, 12 entries, fetched .*; Hub info \d+ %, histories \d+ % of 11 repos$/);
    expect(lines.find((l) => l.includes(V2) && l.includes('leaderboard v2'))).toMatch(/^ {4}open-llm-leaderboard\/contents +leaderboard v2, /);
    expect(run.stdout).toContain(`dataset      ${V1} (most recently fetched; --dataset to choose)`);
    expect(run.stdout).toContain('leaderboard  v1 table, open-llm-leaderboard-old/contents from the dataset viewer @ v1-rev');
    const other = await runCli(cli, ['status', '--cache', dir, '--dataset', V2, '--format', 'json']);
    const report = JSON.parse(other.stdout);
    expect(report).toMatchObject({ dataset: V2, chosen: 'asked', leaderboard: { generation: 'v2', entries: fixtures.leaderboard.rows.length - 1 } });
    expect(report.datasets.map((d: { id: string }) => d.id).sort()).toEqual([V2, V1].sort());
  });

  it('print names the dataset it used on stderr and in its header; --dataset chooses', async () => {
    const recent = await runCli(cli, ['print', 'overview', '--cache', dir, '--width', '100']);
    expect(recent.code, recent.stderr).toBe(0);
    expect(recent.stderr).toBe(`using ${V1} (most recently fetched; --dataset to choose)\n`);
    expect(recent.stdout.split('\n')[1]).toMatch(/^data: open-llm-leaderboard-old\/contents \(v1\) · rev v1-rev · fetched /);
    const asked = await runCli(cli, ['print', 'overview', '--cache', dir, '--dataset', V2, '--format', 'markdown']);
    expect(asked.stderr).toBe('');
    expect(asked.stdout.split('\n')[0]).toMatch(/^\*\*hubscope · Overview\*\* — data: open-llm-leaderboard\/contents \(v2\) · rev rev-1 · /);
  });

  it('a dataset of a kind this hubscope does not know: status lists it as such, print says so in one line', async () => {
    const other = await tempDir('hubscope-apart-kind-');
    await fetchV2(other, { only: ['leaderboard'] });
    const path = join(other, 'meta.json');
    const meta = JSON.parse(await readFile(path, 'utf8'));
    // a kind written by a newer hubscope (hub-snapshot and arena are known now)
    meta.datasets['someone/future-data'] = { kind: 'future-kind', dir: 'someone--future-data', generation: null, origin: 'viewer', revision: null, fetchedAt: null, completed: {} };
    await writeFile(path, JSON.stringify(meta));
    const status = await runCli(cli, ['status', '--cache', other]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^ {4}someone\/future-data +a "future-kind" dataset, which this hubscope cannot read$/m);
    const print = await runCli(cli, ['print', 'overview', '--cache', other, '--dataset', 'someone/future-data']);
    expect(print.code).toBe(1);
    expect(print.stderr).toBe('hubscope: the cache holds someone/future-data as a "future-kind" dataset, which this hubscope does not know: upgrade hubscope\n');
  });

  it('a dataset the cache does not hold: one line naming the ones it does (print, status, the explorer offline)', async () => {
    const expected = `hubscope: the cache at ${dir} has no dataset "someone/else": it holds ${V2}, ${V1}\n`;
    for (const args of [['print', 'sizes'], ['status'], ['explore', '--offline']]) {
      const run = await runCli(cli, [...args, '--cache', dir, '--dataset', 'someone/else'], hubEnv(v2Hub.url));
      if (args[0] === 'explore' && /needs a terminal/.test(run.stderr)) continue; // no TTY here: checked before the cache
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(expected);
    }
  });
});
