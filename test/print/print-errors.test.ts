// `hubscope print` when it cannot print: a wrong command line (exit 2), an empty cache, a
// corrupt cache (exit 1): one line on stderr, nothing on stdout.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fetch/helpers.js';
import { runCli } from '../fetch/run-cli.js';
import { printRunner, type PrintRunner } from './fixture-cache.js';

let runner: PrintRunner;

beforeAll(async () => {
  runner = await printRunner();
}, 180_000);

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
};

describe('print: usage errors exit 2 with one line', () => {
  it.each([
    [["nope"], /^hubscope: unknown view "nope" \(views: overview, frontier, .*leaderboard, .*, all\)$/],
    [[], /^hubscope: print needs a view: overview, .* or all$/],
    [['overview', 'sizes'], /^hubscope: print takes one view, got 2/],
    [['sizes', '--format', 'xml'], /^hubscope: --format takes text, markdown, json, csv; got "xml"$/],
    [['types', '--period', 'year'], /^hubscope: --period takes day, week, month; got "year"$/],
    [['sizes', '--width', 'wide'], /^hubscope: --width must be an integer ≥ 20/],
    [['improvement', '--families', 'gpt-5'], /^hubscope: --families: unknown family "gpt-5": give a preset \(llama-7b, .*\), pattern:P\[:params\[:range\]\], or a base repository org\/name$/],
    [['improvement', '--families', 'pattern:phi2:x'], /^hubscope: --families: family "pattern:phi2:x": params must be a number ≥ 0, got "x"$/],
    [['improvement', '--normalised', '--percent'], /pick one$/],
    [['leaderboard', '--type', 'instruct'], /^hubscope: --type takes pretrained, continuously pretrained, fine-tuned, chat, merge, unknown; got "instruct"$/],
    [['leaderboard', '--size', 'huge'], /^hubscope: --size takes up-to-3, 3-to-7, 7-to-65, 65-plus, unknown; got "huge"$/],
    [['leaderboard', '--sort', 'colour'], /^hubscope: --sort takes one of repo, type, family, params, score, bench:IFEval, .*; got "colour"$/],
    [['leaderboard', '--from', '2024-13'], /^hubscope: --from: “2024-13” is not a date \(month 01 to 12\): use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www \(an ISO week\)$/],
    [['leaderboard', '--from', '2024-06', '--to', '2024-03'], /^hubscope: --from 2024-06 \(2024-06-01\) is after --to 2024-03 \(2024-03-31\): nothing is in that range$/],
    [['leaderboard', '--to', '2023-W53'], /^hubscope: --to: “2023-W53” is not a date \(2023 has ISO weeks 01 to 52\)/],
    [['sizes', '--bogus'], /^hubscope: Unknown option '--bogus'/],
    [['overview', '--format', 'csv'], /^hubscope: the overview view has no table: use --format text, markdown or json$/],
    // the fixtures are a v2 table: a v1 benchmark is not one of its scores
    [['sizes', '--score', 'GSM8K'], /^hubscope: --score: score "GSM8K" is not one of the v2 scores: average, IFEval, BBH, MATH Lvl 5, GPQA, MUSR, MMLU-PRO$/],
    [['leaderboard', '--search', 'a'.repeat(100_000)], /^hubscope: --search: the search is 100,000 characters long: at most 1,000$/],
  ])('print %j', async (args, message) => {
    const run = await runner.print(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    oneLine(run.stderr);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});

describe('print: a cache it cannot use exits 1 with one line', () => {
  it('an empty cache says how to fill it', async () => {
    const dir = await tempDir();
    const run = await runCli(runner.cli, ['print', 'overview', '--cache', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`hubscope: cache ${dir} is empty: run npx hubscope fetch or npx hubscope import FILE\n`);
  });

  it('a missing directory is an empty cache too', async () => {
    const dir = join(await tempDir(), 'nothing-here');
    const run = await runCli(runner.cli, ['print', 'all', '--format', 'json', '--cache', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is empty: run npx hubscope fetch or npx hubscope import FILE\n$/);
  });

  it('a corrupt leaderboard.json is named, and left alone', async () => {
    const dir = join(await tempDir(), 'cache');
    await mkdir(dir);
    await cp(runner.dir, dir, { recursive: true });
    await writeFile(join(dir, 'datasets', 'open-llm-leaderboard--contents', 'leaderboard.json'), '{"schema":1,"entries":[');
    const run = await runCli(runner.cli, ['print', 'sizes', '--cache', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^hubscope: cache file .*leaderboard\.json is corrupt .*left as it is/);
  });

  it('the cache from HUBSCOPE_CACHE when --cache is not given', async () => {
    const run = await runCli(runner.cli, ['print', 'base-models', '--format', 'csv'], { HUBSCOPE_CACHE: runner.dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[1]).toMatch(/^1,alpha\/m1,/);
  });
});

describe('print --help', () => {
  it('lists the views, the formats and the options', async () => {
    const run = await runCli(runner.cli, ['print', '--help']);
    expect(run.code).toBe(0);
    for (const word of ['overview', 'base-models', '--format', 'markdown', '--families', 'pattern:P[:params[:range]]', '--top', '--width', '--period', '--threshold', '--base', '--search', '--show-merges']) {
      expect(run.stdout).toContain(word);
    }
  });
});
