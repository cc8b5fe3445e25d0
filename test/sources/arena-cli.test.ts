// The arena source kind as a user runs it (the built CLI against the fake Hub serving a small
// hand-built LMArena table, test/sources/arena-table.ts, worked by hand there): fetch by the
// parquet path or the /rows path (said on stderr), kept apart from a leaderboard in the same
// cache (schema 2: meta.json, datasets/<dir>/), status, print overview|frontier|all in every
// format and width, unknown views and foreign options refused in one line, the leaderboard
// overview's pointer to the frontier (hub-api.md §13, analyses.md §7).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { FakeHub } from '../fake-hub/server.js';
import { FakeCdn, type ArenaFixture } from '../fake-hub/arena-routes.js';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { hubEnv, runCli } from '../fetch/run-cli.js';
import { ARENA_COLUMNS, ARENA_ID, OVERALL_ROWS, arenaRows } from './arena-table.js';

const ROWS = arenaRows();
const FOLDER = 'lmarena-ai--leaderboard-dataset';
const HEADLINE =
  'On 2025-01-31 the best open model (Open-Z, Zeta, 1342) trails the best proprietary (Prop-C, Acme, 1345) by 3 points ' +
  '(within the margin: their 95 % intervals overlap), the proprietary frontier of 20 days earlier';

function parquetOf(rows: Array<Record<string, unknown>>): Uint8Array {
  const types: Record<string, 'STRING' | 'DOUBLE' | 'INT64'> = { rating: 'DOUBLE', rating_lower: 'DOUBLE', rating_upper: 'DOUBLE', variance: 'DOUBLE', vote_count: 'INT64', rank: 'INT64' };
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: ARENA_COLUMNS.map((name) => ({
        name,
        type: types[name] ?? 'STRING',
        data: rows.map((r) => (types[name] === 'INT64' ? BigInt(r[name] as number) : (r[name] ?? null))) as never,
      })),
    }),
  );
}

let cli: string;
let hub: FakeHub | null = null;
let cdn: FakeCdn | null = null;

beforeAll(async () => {
  cli = await builtCli();
}, 120_000);
afterEach(async () => {
  await hub?.close();
  await cdn?.close();
  [hub, cdn] = [null, null];
});

async function serve(arena: Partial<ArenaFixture> = {}): Promise<Record<string, string>> {
  cdn = await FakeCdn.start();
  hub = await FakeHub.start({ arena: { dataset: ARENA_ID, config: 'text', split: 'full', columns: ARENA_COLUMNS, rows: ROWS, revision: 'arena-rev-7', ...arena }, cdn });
  return hubEnv(hub.url);
}

const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

describe('hubscope fetch --dataset lmarena-ai/leaderboard-dataset', () => {
  it('reads the parquet copy, keeps category overall, stores it apart from a leaderboard, and status lists both', async () => {
    const env = await serve({ parquet: parquetOf(ROWS) });
    const dir = await tempDir();
    const v2 = await runCli(cli, ['fetch', '--cache', dir, '--only', 'leaderboard'], env);
    expect(v2.code).toBe(0);
    const v2File = join(dir, 'datasets', 'open-llm-leaderboard--contents', 'leaderboard.json');
    const before = readFileSync(v2File);

    const run = await runCli(cli, ['fetch', '--cache', dir, '--dataset', ARENA_ID], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^table: parquet: 1 file listed by the dataset viewer \([\d,]+ bytes\), 10 of 11 columns read$/m);
    expect(run.stderr).toMatch(new RegExp(`^table: ${OVERALL_ROWS} rows of ${ROWS.length} read: 3 dates 2025-01-01 → 2025-01-31, 7 models$`, 'm'));
    expect(run.stderr).toMatch(new RegExp(`^table: done, ${OVERALL_ROWS} rows in `, 'm'));
    expect(hub!.requests.some((r) => r.path.startsWith('/rows') && r.path.includes('lmarena'))).toBe(false);

    // schema 2: both in the index, each in its own folder; the leaderboard's table untouched
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { datasets: Record<string, { kind: string; dir: string; generation: string; revision: string; completed: Record<string, string> }> };
    expect(meta.datasets[ARENA_ID]).toMatchObject({ kind: 'arena', dir: FOLDER, generation: 'text/full, overall', revision: 'arena-rev-7' });
    expect(Object.keys(meta.datasets[ARENA_ID]!.completed)).toEqual(['table']);
    expect(meta.datasets['open-llm-leaderboard/contents']).toMatchObject({ kind: 'leaderboard' });
    expect(existsSync(join(dir, 'datasets', FOLDER, 'arena.json'))).toBe(true);
    expect(existsSync(join(dir, 'datasets', FOLDER, 'leaderboard.json'))).toBe(false);
    expect(readFileSync(v2File).equals(before)).toBe(true);

    const status = await runCli(cli, ['status', '--cache', dir, '--dataset', ARENA_ID]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^ {2}\\* ${ARENA_ID}\\s+arena text/full, overall, ${OVERALL_ROWS} rows, 3 dates 2025-01-01 → 2025-01-31, 7 models; fetched .* \\(parquet\\)$`, 'm'));
    expect(status.stdout).toMatch(/^ {4}open-llm-leaderboard\/contents\s+leaderboard v2, /m);
    expect(status.stdout).toMatch(/^table {8}lmarena-ai\/leaderboard-dataset text\/full, category overall @ arena-rev-7$/m);
    expect(status.stdout).toMatch(/^ {13}5 licence spellings, 0 unknown to the licence table$/m);
    const json = JSON.parse((await runCli(cli, ['status', '--cache', dir, '--dataset', ARENA_ID, '--format', 'json'])).stdout) as { table: { rows: number; dates: number; path: string }; datasets: Array<{ id: string; rows: number }> };
    expect(json.table).toMatchObject({ rows: OVERALL_ROWS, dates: 3, path: 'parquet' });
    expect(json.datasets.find((d) => d.id === ARENA_ID)!.rows).toBe(OVERALL_ROWS);

    // fresh: a second fetch does nothing and says why
    const again = await runCli(cli, ['fetch', '--cache', dir, '--dataset', ARENA_ID], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^table: skipped, text\/full, overall fetched .* fresh \(--refresh fetches it again\)$/m);
  }, 60_000);

  it('without a parquet copy reads /rows, and says why', async () => {
    const env = await serve();
    const dir = await tempDir();
    const run = await runCli(cli, ['fetch', '--cache', dir, '--dataset', ARENA_ID], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^table: rows: the parquet copy could not be read \(.+\); 1 pages of \/rows$/m);
    const status = await runCli(cli, ['status', '--cache', dir]);
    expect(status.stdout).toMatch(new RegExp(`arena text/full, overall, ${OVERALL_ROWS} rows, .*\\(rows\\)$`, 'm'));
  }, 60_000);

  it('refuses a category with no rows (nothing written), a foreign option, and a bad name, in one line each', async () => {
    const env = await serve({ parquet: parquetOf(ROWS) });
    const dir = await tempDir();
    expect((await runCli(cli, ['fetch', '--cache', dir, '--dataset', ARENA_ID], env)).code).toBe(0);
    const stored = readFileSync(join(dir, 'datasets', FOLDER, 'arena.json'));
    const meta = readFileSync(join(dir, 'meta.json'));

    const none = await runCli(cli, ['fetch', '--cache', dir, '--dataset', ARENA_ID, '--category', 'poetry', '--refresh'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^hubscope: "lmarena-ai\/leaderboard-dataset" text\/full has no row of category "poetry" \(\d+ rows read, 0 unreadable\): check --category; nothing was written$/m);
    expect(readFileSync(join(dir, 'datasets', FOLDER, 'arena.json')).equals(stored)).toBe(true);
    expect(readFileSync(join(dir, 'meta.json')).equals(meta)).toBe(true);

    const foreign = await runCli(cli, ['fetch', '--cache', dir, '--dataset', 'open-llm-leaderboard/contents', '--category', 'coding'], env);
    expect(foreign.code).toBe(2);
    expect(lines(foreign.stderr).at(-1)).toBe('hubscope: --category: not an option of open-llm-leaderboard/contents (Open LLM Leaderboard table)');

    const bad = await runCli(cli, ['fetch', '--cache', dir, '--dataset', ARENA_ID, '--config', 'a b'], env);
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toEqual(['hubscope: --config takes a name of letters, digits, "_", "-" or ".", got "a b"']);
  }, 60_000);
});

describe('hubscope print … --dataset lmarena-ai/leaderboard-dataset', () => {
  let dir: string;
  beforeAll(async () => {
    const env = await serve({ parquet: parquetOf(ROWS) });
    dir = await tempDir();
    expect((await runCli(cli, ['fetch', '--cache', dir, '--only', 'leaderboard'], env)).code).toBe(0);
    expect((await runCli(cli, ['fetch', '--cache', dir, '--dataset', ARENA_ID], env)).code).toBe(0);
  }, 60_000);
  const print = (...args: string[]) => runCli(cli, ['print', ...args, '--cache', dir]);

  it('frontier as text: the headline, the figures, the tables; every line within --width', async () => {
    for (const width of [60, 100, 140]) {
      const run = await print('frontier', '--dataset', ARENA_ID, '--width', String(width));
      expect(run.code, run.stderr).toBe(0);
      const text = stripAnsi(run.stdout);
      for (const line of lines(text)) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
      expect(text.replace(/\s+/g, ' ')).toContain(HEADLINE);
    }
    const wide = stripAnsi((await print('frontier', '--dataset', ARENA_ID, '--width', '140')).stdout);
    expect(wide).toMatch(/gap on the first date, 2025-01-01\s+50 points, outside the margin/);
    expect(wide).toMatch(/lag on 2025-01-01\s+at least 0 days/);
    expect(wide).toMatch(/gap on the last date, 2025-01-31\s+3 points, within the margin/);
    expect(wide).toMatch(/lag on 2025-01-31\s+20 days/);
    expect(wide).toMatch(/^2025-01-11\s+Prop-C\s+1340\s+Open-Y\s+1320\s+20\s+outside\s+0$/m);
  }, 60_000);

  it('frontier as markdown, json and csv', async () => {
    const md = await print('frontier', '--dataset', ARENA_ID, '--format', 'markdown');
    expect(md.code).toBe(0);
    expect(lines(md.stdout)[0]).toMatch(/^\*\*hubscope · Frontier\*\* — data: lmarena-ai\/leaderboard-dataset \(text\/full, overall\) · rev arena-rev-7 · fetched /);
    expect(md.stdout).toContain('| 2025-01-31 | Prop-C | 1345 | Open-Z | 1342 | 3 | within | 20 |');

    const json = JSON.parse((await print('frontier', '--dataset', ARENA_ID, '--format', 'json')).stdout) as {
      view: string; source: { dataset: string; kind: string };
      data: { dates: Array<{ date: string; gap: { points: number; withinMargin: boolean }; lag: { days: number; censored: boolean } }>; medianLag: { days: number } };
    };
    expect(json.view).toBe('frontier');
    expect(json.source).toMatchObject({ dataset: ARENA_ID, kind: 'arena' });
    expect(json.data.dates.map((d) => [d.date, d.gap.points, d.gap.withinMargin, d.lag.days, d.lag.censored])).toEqual([
      ['2025-01-01', 50, false, 0, true],
      ['2025-01-11', 20, false, 0, false],
      ['2025-01-31', 3, true, 20, false],
    ]);

    const csv = lines((await print('frontier', '--dataset', ARENA_ID, '--format', 'csv')).stdout);
    expect(csv).toHaveLength(4);
    const header = csv[0]!.split(',');
    const last = csv[3]!.split(',');
    expect(last[header.indexOf('date')]).toBe('2025-01-31');
    expect(last[header.indexOf('best_open')]).toBe('Open-Z');
    expect(last[header.indexOf('gap')]).toBe('3');
    expect(last[header.indexOf('lag_days')]).toBe('20');
  }, 60_000);

  it('overview and all: the licence spellings (the misspelling mapped), both views in order', async () => {
    const overview = stripAnsi((await print('overview', '--dataset', ARENA_ID, '--width', '120')).stdout);
    expect(overview).toMatch(/^Propretary\s+proprietary\s+1\s+1$/m);
    expect(overview).toMatch(/^Llama 3\.1 Community\s+open, restricted\s+2\s+1$/m);
    const all = JSON.parse((await print('all', '--dataset', ARENA_ID, '--format', 'json')).stdout) as Record<string, { view: string }>;
    expect(Object.keys(all)).toEqual(['overview', 'frontier']);
    const text = stripAnsi((await print('all', '--dataset', ARENA_ID, '--format', 'markdown')).stdout);
    expect(text.indexOf('**hubscope · Overview**')).toBeLessThan(text.indexOf('**hubscope · Frontier**'));
    const csv = (await print('all', '--dataset', ARENA_ID, '--format', 'csv')).stdout;
    expect(csv.split('\n').filter((l) => l.startsWith('# '))).toEqual(['# overview', '# frontier']);
  }, 60_000);

  it('refuses a leaderboard view, an unknown view and a leaderboard option in one line naming the valid ones', async () => {
    const lb = await print('leaderboard', '--dataset', ARENA_ID);
    expect(lb.code).toBe(2);
    expect(lines(lb.stderr)).toEqual([`hubscope: ${ARENA_ID} is a table of LMArena's leaderboard history, whose views are overview, frontier; got "leaderboard"`]);
    const nope = await print('nope', '--dataset', ARENA_ID);
    expect(nope.code).toBe(2);
    expect(lines(nope.stderr)).toHaveLength(1);
    expect(nope.stderr.trim()).toMatch(/^hubscope: unknown view "nope" \(views: overview, frontier, .*leaderboard, .*, all\)$/);
    const score = await print('frontier', '--dataset', ARENA_ID, '--score', 'GSM8K');
    expect(score.code).toBe(2);
    expect(lines(score.stderr)).toEqual(["hubscope: --score: an option of the leaderboard views; an LMArena table's views (overview, frontier) take none"]);
  }, 60_000);

  it("the leaderboard's overview points to the frontier, with its headline", async () => {
    const run = await print('overview', '--dataset', 'open-llm-leaderboard/contents', '--width', '200');
    expect(run.code, run.stderr).toBe(0);
    const text = stripAnsi(run.stdout).replace(/\s+/g, ' ');
    expect(text).toContain('Is open source catching up?');
    expect(text).toContain(HEADLINE);
    expect(text).toContain(`was first seen on 2025-01-11). From ${ARENA_ID}: npx hubscope print frontier --dataset ${ARENA_ID} shows it over time.`);
    const json = JSON.parse((await print('overview', '--dataset', 'open-llm-leaderboard/contents', '--format', 'json')).stdout) as { data: { frontier: { dataset: string; headline: string } } };
    expect(json.data.frontier.dataset).toBe(ARENA_ID);
    expect(json.data.frontier.headline).toContain(HEADLINE);
  }, 60_000);
});

describe("a leaderboard overview without LMArena in the cache", () => {
  it('says how to fetch and print the frontier', async () => {
    const env = await serve();
    const dir = await tempDir();
    expect((await runCli(cli, ['fetch', '--cache', dir, '--only', 'leaderboard'], env)).code).toBe(0);
    const text = stripAnsi((await runCli(cli, ['print', 'overview', '--cache', dir, '--width', '200'])).stdout).replace(/\s+/g, ' ');
    expect(text).toContain(`npx hubscope fetch --dataset ${ARENA_ID}, then npx hubscope print frontier --dataset ${ARENA_ID}.`);
  }, 60_000);
});
