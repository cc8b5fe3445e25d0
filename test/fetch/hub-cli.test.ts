// The Hub snapshot through the CLI as a user runs it (issue 10; hub-api.md §12): `hubscope fetch
// --dataset cfahlgren1/hub-stats` against the fake Hub (test/fake-hub: dataset info, tree,
// resolve → 302 → a CDN on another origin with Range) serving small parquet files this test
// writes (test/hub/snapshot-fixture.ts), then `status` beside a leaderboard, `print` of every Hub
// view in every format, `import FILE --dataset cfahlgren1/hub-stats`, a file missing an optional
// column (said, and the fetch goes on) and one missing `id` (one line, nothing cached lost), and
// the lineage view with the cached leaderboard's scores (analyses.md §6 "Lineage view").
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHub, loadFixtures } from '../fake-hub/server.js';
import { FakeCdn } from '../fake-hub/arena-routes.js';
import type { HubFilesFixture } from '../fake-hub/hub-files.js';
import { FULL_SCHEMA, parent, writeSnapshot, type FixtureRow } from '../hub/snapshot-fixture.js';
import { formatInteger, formatScore } from '../../source/render/format-number.js';
import { builtCli } from './cli-build.js';
import { tempDir } from './helpers.js';
import { hubEnv, runCli } from './run-cli.js';

const DATASET = 'cfahlgren1/hub-stats';
const SHA1 = '1'.repeat(40);
const SHA2 = '2'.repeat(40);
const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;

/** 40 language-model bases, 200 derivatives of them (half without a pipeline tag: in scope
 *  through their root), two leaderboard repos among the derivatives, 30 image models (out of
 *  scope), and wide columns (siblings, cardData) a fetch must not download. */
function snapshotRows(): FixtureRow[] {
  const rows: FixtureRow[] = [];
  const wide = (i: number) => ({
    siblings: Array.from({ length: 40 }, (_, k) => ({ rfilename: `shard-${k}-${(i * 7919 + k * 104729).toString(36)}-${Math.sin(i + k).toString(36)}.bin` })),
    cardData: JSON.stringify({ text: Array.from({ length: 80 }, (_, k) => Math.cos(i * 31 + k).toString(36)).join(' ') }),
  });
  for (let k = 0; k < 40; k += 1) {
    rows.push({ id: `org${k % 7}/base-${k}`, author: `org${k % 7}`, createdAt: `2024-01-${String(1 + (k % 28)).padStart(2, '0')}T00:00:00Z`, downloads: 1000 + k, pipeline_tag: 'text-generation', tags: ['license:apache-2.0'], safetensors: { parameters: { BF16: 7e9 }, total: 7e9 }, ...wide(k) });
  }
  for (let i = 0; i < 200; i += 1) {
    rows.push({
      id: `user${i % 23}/d-${i}`, author: `user${i % 23}`, createdAt: `2025-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`, downloads: i, pipeline_tag: i % 2 === 0 ? 'text-generation' : null,
      tags: [], baseModels: { relation: RELATIONS[i % 4]!, models: [parent(`org${(i % 40) % 7}/base-${i % 40}`)] }, ...wide(100 + i),
    });
  }
  rows.push({ id: 'alpha/m1', author: 'alpha', createdAt: '2025-02-01T00:00:00Z', downloads: 5000, pipeline_tag: 'text-generation', baseModels: { relation: 'finetune', models: [parent('org0/base-0')] }, ...wide(400) });
  rows.push({ id: 'alpha/m2', author: 'alpha', createdAt: '2025-03-01T00:00:00Z', downloads: 4000, pipeline_tag: 'text-generation', baseModels: { relation: 'adapter', models: [parent('alpha/m1')] }, ...wide(401) });
  for (let j = 0; j < 30; j += 1) rows.push({ id: `art${j % 5}/img-${j}`, author: `art${j % 5}`, createdAt: '2025-05-05T00:00:00Z', downloads: 1, pipeline_tag: 'text-to-image', ...wide(500 + j) });
  return rows;
}

let cli: string;
let hub: FakeHub;
let cdn: FakeCdn;
let files: HubFilesFixture;
let rows: FixtureRow[];
let good: Uint8Array;
let noBaseModels: Uint8Array;
let noId: Uint8Array;
let noIdPath: string;
let goodPath: string;

beforeAll(async () => {
  cli = await builtCli();
  rows = snapshotRows();
  goodPath = await writeSnapshot(rows, { rowGroupSize: 64 });
  good = await readFile(goodPath);
  const { baseModels: _b, safetensors: _s, ...withoutParents } = FULL_SCHEMA;
  noBaseModels = await readFile(await writeSnapshot(rows, { schema: withoutParents }));
  const { id: _i, ...withoutId } = FULL_SCHEMA;
  noIdPath = await writeSnapshot(rows, { schema: withoutId });
  noId = await readFile(noIdPath);
  cdn = await FakeCdn.start();
  files = { dataset: DATASET, sha: SHA1, files: { 'models.parquet': good } };
  hub = await FakeHub.start({ hubFiles: [files], cdn });
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await cdn?.close();
});

const serve = (sha: string, bytes: Uint8Array): void => {
  files.sha = sha;
  files.files['models.parquet'] = bytes;
};

const inScope = () => rows.filter((r) => !r.id.startsWith('art'));
const relationCount = (name: string) => inScope().filter((r) => (r.baseModels?.relation ?? 'original') === name).length;
const snapshotDay = () => rows.map((r) => r.createdAt!.slice(0, 10)).sort().at(-1)!;

describe('hubscope fetch --dataset cfahlgren1/hub-stats (CLI)', () => {
  it('fetches only the needed columns with a progress of bytes and rows, lists it in status beside a leaderboard, and prints the overview', async () => {
    serve(SHA1, good);
    const dir = await tempDir();
    const before = cdn.blobBytes;
    const run = await runCli(cli, ['fetch', '--cache', dir, '--dataset', DATASET], hubEnv(hub.url));
    expect(run.code, run.stderr).toBe(0);
    // plain lines off a terminal: the phases, with bytes and rows
    expect(run.stderr).not.toContain('\x1b[');
    expect(run.stderr).toMatch(/^snapshot download .*\/[\d.]+ MB {2}rows [\d,]+\/272( {2}.*)?$/m);
    expect(run.stderr).toMatch(/^snapshot ingest: lineage/m);
    expect(run.stderr).toMatch(new RegExp(`^snapshot: done, 272 models at sha ${SHA1.slice(0, 12)} \\(day ${snapshotDay()}\\); [\\d.]+ MB of [\\d.]+ MB downloaded`, 'm'));
    // column projection: the CDN sent well under the file (siblings and cardData stay there)
    const sent = cdn.blobBytes - before;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(good.length * 0.6);

    const board = await runCli(cli, ['fetch', '--cache', dir, '--dataset', 'open-llm-leaderboard/contents', '--only', 'leaderboard'], hubEnv(hub.url));
    expect(board.code, board.stderr).toBe(0);
    const status = await runCli(cli, ['status', '--cache', dir, '--dataset', DATASET]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^ {2}\\* ${DATASET} +Hub snapshot ${snapshotDay()}, 272 models, sha ${SHA1.slice(0, 12)}, fetched`, 'm'));
    expect(status.stdout).toMatch(/^ {4}open-llm-leaderboard\/contents +leaderboard v2, /m);
    expect(status.stdout).toMatch(/^columns {6}read: id, author, createdAt/m);
    expect(status.stdout).toMatch(/^ {13}missing: none$/m);
    expect(status.stdout).toMatch(/skipped: siblings, cardData/);
    const json = JSON.parse((await runCli(cli, ['status', '--cache', dir, '--dataset', DATASET, '--format', 'json'])).stdout);
    expect(json.manifest).toMatchObject({ sha: SHA1, rows: 272, size: good.length, columnsMissing: [] });
    expect(json.manifest.bytesDownloaded).toBe(sent);
    expect(json.manifest.coverage.parents).toBeCloseTo(202 / 272, 6);

    const md = await runCli(cli, ['print', 'overview', '--cache', dir, '--dataset', DATASET, '--format', 'markdown']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.split('\n')[0]).toContain(`data: ${DATASET} (snapshot ${snapshotDay()}) · rev ${SHA1.slice(0, 12)}`);
    expect(md.stdout).toContain(`| models in the snapshot | ${formatInteger(rows.length)} |`);
    expect(md.stdout).toContain(`| in scope | ${formatInteger(inScope().length)} (`);
    for (const name of ['original', ...RELATIONS]) expect(md.stdout).toContain(`| ${name} | ${formatInteger(relationCount(name))} (`);
    // the top root: base-0 (5 derivatives of its own, alpha/m1 and alpha/m2 below it)
    expect(md.stdout).toMatch(/\| 1 \| org0\/base-0 \| 2024-01-01 \| 7 \|/);

    // the lineage view joins the leaderboard's scores by repo id (the best unflagged average)
    const lb = loadFixtures().leaderboard.rows.filter((r) => r.fullname === 'alpha/m1' && r.Flagged !== true).map((r) => Number(r['Average ⬆️']));
    const lineage = await runCli(cli, ['print', 'lineage', '--base', 'org0/base-0', '--cache', dir, '--dataset', DATASET, '--width', '140']);
    expect(lineage.code, lineage.stderr).toBe(0);
    expect(lineage.stdout).toMatch(/Model +Relation +Created +Downloads +Params +Children +Score/);
    expect(lineage.stdout).toMatch(new RegExp(`^alpha/m1 +finetune +2025-02-01 +5,000 .* ${formatScore(Math.max(...lb)).replace('.', '\\.')} \\(v2\\)$`, 'm'));
    const lineageJson = JSON.parse((await runCli(cli, ['print', 'lineage', '--base', 'org0/base-0', '--cache', dir, '--dataset', DATASET, '--format', 'json'])).stdout);
    expect(lineageJson.data.scores['alpha/m1']).toEqual({ score: Math.max(...lb), generation: 'v2' });

    // fetched again at the same sha: up to date, nothing downloaded
    const again = await runCli(cli, ['fetch', '--cache', dir, '--dataset', DATASET], hubEnv(hub.url));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^snapshot: done, up to date: 272 models/m);
  }, 120_000);

  it('prints every Hub view in every format, each naming its scope, snapshot day, sha and coverage', async () => {
    serve(SHA1, good);
    const dir = await tempDir();
    expect((await runCli(cli, ['fetch', '--cache', dir, '--dataset', DATASET, '--events', 'json'], hubEnv(hub.url))).code).toBe(0);
    // print all: every view in one process per format (views/hub-registry.ts order)
    const views = ['overview', 'authors', 'relations', 'architectures', 'base-models', 'adoption', 'sizes', 'intermediaries', 'lineage'];
    const [text, markdown, json, csv] = await Promise.all(['text', 'markdown', 'json', 'csv'].map(async (format) => {
      const r = await runCli(cli, ['print', 'all', '--cache', dir, '--dataset', DATASET, '--format', format, '--width', '100']);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      return r.stdout;
    }));
    const sections = markdown!.split('\n---\n\n');
    expect(sections).toHaveLength(views.length);
    for (const section of sections) {
      const header = section.split('\n')[0]!;
      expect(header).toContain(`data: ${DATASET} (snapshot ${snapshotDay()}) · rev ${SHA1.slice(0, 12)}`);
      expect(header).toMatch(/ · language models: 242 of 272( · |$)/);
      expect(header).not.toMatch(/ · cfahlgren1\/hub-stats snapshot /); // said once, in the source line
    }
    // the coverage each view depends on, in its header
    expect(sections[2]!.split('\n')[0]).toMatch(/a parent known for [\d.]+ % of models/);
    expect(sections[6]!.split('\n')[0]).toMatch(/params known for [\d.]+ % of models/);
    expect(text!.match(/^hubscope · .* — language models: 242 of 272/gm)).toHaveLength(views.length);
    const data = JSON.parse(json!);
    expect(Object.keys(data)).toEqual(views);
    for (const view of views) {
      expect(data[view].source, view).toMatchObject({ dataset: DATASET, kind: 'hub-snapshot', revision: SHA1, generation: `snapshot ${snapshotDay()}` });
      expect(data[view].data.sha ?? data[view].data.manifest?.sha, view).toBe(SHA1);
    }
    expect(csv!.match(/^# [a-z-]+$/gm)).toEqual(views.map((v) => `# ${v}`));
    const sizes = await runCli(cli, ['print', 'sizes', '--cache', dir, '--dataset', DATASET, '--format', 'markdown']);
    expect(sizes.stdout).toMatch(/params known for [\d.]+ % of models/);
    // all models: the image models join the scope
    const all = await runCli(cli, ['print', 'overview', '--cache', dir, '--dataset', DATASET, '--scope', 'all', '--format', 'markdown']);
    expect(all.stdout).toContain(`all models: ${rows.length} of ${rows.length}`);
    // a leaderboard option is refused with one line, not ignored
    const refused = await runCli(cli, ['print', 'sizes', '--cache', dir, '--dataset', DATASET, '--score', 'GSM8K']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/--score applies to leaderboard datasets/);
  }, 180_000);

  it('--events json carries the download\'s bytes and rows; --revision pins the sha; a wrong one is one line', async () => {
    serve(SHA1, good);
    const dir = await tempDir();
    const run = await runCli(cli, ['fetch', '--cache', dir, '--dataset', DATASET, '--revision', SHA1, '--events', 'json'], hubEnv(hub.url));
    expect(run.code, run.stderr).toBe(0);
    const events = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ type: 'start', dataset: DATASET, kind: 'hub-snapshot', stages: ['snapshot', 'history'] });
    const download = events.filter((e) => e.type === 'progress' && e.phase === 'download').at(-1);
    expect(download).toMatchObject({ stage: 'snapshot', rows: 272, rowsTotal: 272 });
    expect(download.bytes).toBe(download.bytesTotal);
    expect(events.find((e) => e.type === 'stage-skip')).toMatchObject({ stage: 'history' });
    const wrong = await runCli(cli, ['fetch', '--cache', dir, '--dataset', DATASET, '--revision', 'f'.repeat(40)], hubEnv(hub.url));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n').at(-1)).toMatch(/^hubscope: cfahlgren1\/hub-stats: revision f{40} not found on the Hub \(HTTP 404\)$/);
    // a leaderboard takes neither --revision nor --history
    const board = await runCli(cli, ['fetch', '--cache', dir, '--dataset', 'open-llm-leaderboard/contents', '--history', '4'], hubEnv(hub.url));
    expect(board.code).toBe(2);
    expect(board.stderr).toMatch(/^hubscope: --history: not an option of open-llm-leaderboard\/contents /m);
  }, 60_000);

  it('a snapshot missing optional columns says which and goes on; one missing id is one line and the snapshot held is kept', async () => {
    const dir = await tempDir();
    serve(SHA1, noBaseModels);
    const run = await runCli(cli, ['fetch', '--cache', dir, '--dataset', DATASET], hubEnv(hub.url));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/the snapshot has no baseModels, safetensors\.total columns \(what needs them is unknown\)/);
    const status = await runCli(cli, ['status', '--cache', dir, '--dataset', DATASET]);
    expect(status.stdout).toMatch(/missing: baseModels, safetensors\.total/);
    const sizes = await runCli(cli, ['print', 'sizes', '--cache', dir, '--dataset', DATASET]);
    expect(sizes.code).toBe(0);
    expect(sizes.stdout.replace(/\s+/g, ' ')).toContain('The snapshot has no baseModels, safetensors.total columns: what needs them is unknown.');

    const store = join(dir, 'datasets', 'cfahlgren1--hub-stats', 'hub.duckdb');
    const kept = await stat(store);
    serve(SHA2, noId);
    const bad = await runCli(cli, ['fetch', '--cache', dir, '--dataset', DATASET], hubEnv(hub.url));
    expect(bad.code).toBe(1);
    const errors = bad.stderr.split('\n').filter((l) => l.startsWith('hubscope:'));
    expect(errors).toEqual([expect.stringMatching(/^hubscope: cfahlgren1\/hub-stats\/models\.parquet: the snapshot has no id column: it is not a hub-stats models file; nothing was changed$/)]);
    expect((await stat(store)).mtimeMs).toBe(kept.mtimeMs);
    const after = await runCli(cli, ['status', '--cache', dir, '--dataset', DATASET]);
    expect(after.stdout).toContain(`272 models, sha ${SHA1.slice(0, 12)}`);

    // the same through import: one line, the store untouched
    const imported = await runCli(cli, ['import', noIdPath, '--cache', dir, '--dataset', DATASET]);
    expect(imported.code).toBe(1);
    expect(imported.stderr.split('\n').filter((l) => l.startsWith('hubscope:'))).toEqual([expect.stringMatching(/no id column: it is not a hub-stats models file; nothing was changed$/)]);
    expect((await stat(store)).mtimeMs).toBe(kept.mtimeMs);
  }, 90_000);

  it('imports a local models.parquet as the Hub dataset, and refuses a leaderboard option for it', async () => {
    const dir = await tempDir();
    const run = await runCli(cli, ['import', goodPath, '--cache', dir, '--dataset', DATASET]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^imported 272 Hub models \\(day ${snapshotDay()}\\) from models\\.parquet in [\\d.]+ s into `));
    expect(run.stderr).toMatch(/^ingest: lineage/m);
    const status = await runCli(cli, ['status', '--cache', dir]);
    expect(status.stdout).toMatch(new RegExp(`Hub snapshot ${snapshotDay()}, 272 models, imported from .*models\\.parquet, imported `));
    const md = await runCli(cli, ['print', 'relations', '--cache', dir, '--dataset', DATASET, '--format', 'markdown']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.split('\n')[0]).toContain(`data: ${DATASET} (snapshot ${snapshotDay()}) · from models.parquet · imported `);
    const refused = await runCli(cli, ['import', goodPath, '--cache', dir, '--dataset', DATASET, '--skip-bad-rows']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--skip-bad-rows applies to leaderboard tables/);
  }, 60_000);
});
