// The built CLI, spawned: one summary line on success; on bad input one line on stderr, a
// non-zero exit, and the cache's files byte-identical to what they were.
import { asciiJson, decodeLeaderboard, encodeCommits, encodeModels } from '../../source/cache/codec.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT, ensureBuilt, filesOf, fixture, removeTempDirs, runCli, tempDir, writeV2Parquet } from './helpers.js';

beforeAll(ensureBuilt, 120_000);
afterAll(removeTempDirs);

interface Doc {
  schema: number;
  dataset: string | null;
  revision: string;
  origin: string;
  generation: string;
  columns: string[];
  total: number;
  complete: boolean;
  nextOffset: number;
  fetchedAt: string;
  entries: Array<{ repo: string; flagged: boolean; merged: boolean; moe: boolean }>;
  problems: Array<{ index: number; reason: string }>;
}

interface Meta {
  schema: number;
  datasets: Record<string, { dir: string; kind: string; origin: string; fetchedAt: string; completed: Record<string, string | null> }>;
}
const metaOf = (cache: string): Meta => JSON.parse(readFileSync(join(cache, 'meta.json'), 'utf8')) as Meta;
/** The dataset imported last (the latest fetchedAt). */
const latest = (cache: string): string => {
  const datasets = metaOf(cache).datasets;
  return Object.keys(datasets).sort((a, b) => Date.parse(datasets[b]!.fetchedAt) - Date.parse(datasets[a]!.fetchedAt))[0]!;
};
// the file is in the cache's compact layout: decode it as the store does
const leaderboardOf = (cache: string, id = latest(cache)): Doc =>
  decodeLeaderboard(JSON.parse(readFileSync(join(cache, 'datasets', metaOf(cache).datasets[id]!.dir, 'leaderboard.json'), 'utf8'))) as unknown as Doc;
const sha12 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);

/** A cache holding an import of v2.tsv plus model info and commits written by "fetch". */
function seededCache(): string {
  const cache = join(tempDir(), 'cache');
  const done = runCli(['import', fixture('v2.tsv'), '--cache', cache]);
  expect(done.code).toBe(0);
  const info = {
    id: 'delta/Chat-8B', author: 'delta', createdAt: '2024-04-30T10:00:00.000Z', lastModified: null, downloads: null, likes: null,
    tags: [], library: null, license: null, pipelineTag: null, gated: null, cardBaseModels: [], datasets: [], languages: [],
    safetensorsTotal: null, sha: null,
  };
  // in the cache's own layout, as a fetch writes them
  writeFileSync(
    join(cache, 'models.json'),
    asciiJson(encodeModels({ schema: 2, items: { 'delta/chat-8b': { status: 'ok', fetchedAt: '2024-07-01T00:00:00.000Z', value: info } } })),
  );
  writeFileSync(
    join(cache, 'commits.json'),
    asciiJson(encodeCommits({
      schema: 2,
      items: { 'delta/chat-8b': { status: 'ok', fetchedAt: '2024-07-01T00:00:00.000Z', value: { commits: 3, firstCommit: null, lastCommit: null, authors: ['delta'] } } },
    })),
  );
  return cache;
}

describe('hubscope import, good files', () => {
  it('imports each format and prints one summary line', () => {
    const parquet = join(tempDir(), 'v2.parquet');
    writeV2Parquet(parquet);
    const cases: Array<[string, string]> = [
      [fixture('v1-negated.csv'), 'imported 4 entries (3 repos, v1) from v1-negated.csv into '],
      [fixture('v2.tsv'), 'imported 3 entries (3 repos, v2) from v2.tsv into '],
      [fixture('v2-viewer.json'), 'imported 3 entries (3 repos, v2) from v2-viewer.json into '],
      [fixture('v2-array.json'), 'imported 3 entries (3 repos, v2) from v2-array.json into '],
      [fixture('v1-split.json'), 'imported 2 entries (2 repos, v1) from v1-split.json into '],
      [fixture('v2.jsonl'), 'imported 3 entries (3 repos, v2) from v2.jsonl into '],
      [parquet, 'imported 2 entries (2 repos, v2) from v2.parquet into '],
    ];
    for (const [file, summary] of cases) {
      const cache = join(tempDir(), 'cache');
      const result = runCli(['import', file, '--cache', cache]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(`${summary}${cache}/\n`);
      const id = `local/${basename(file).replace(/\.[^.]+$/, '')}`;
      expect(result.stderr).toContain(`hubscope: imported as dataset ${id} (--dataset ID names it)\n`);
      const doc = leaderboardOf(cache, id);
      expect(doc.origin).toBe(`file:${resolve(file)}`);
      expect(doc.revision).toBe(`sha256:${sha12(file)}`);
      expect(doc.dataset).toBe(id);
      expect(doc.complete).toBe(true);
      expect(doc.nextOffset).toBe(doc.total);
      expect(doc.entries.length).toBe(doc.total);
      expect(Date.parse(doc.fetchedAt)).not.toBeNaN();
      const meta = metaOf(cache);
      expect(meta.schema).toBe(2);
      expect(meta.datasets[id]).toMatchObject({ kind: 'leaderboard', origin: `file:${resolve(file)}`, fetchedAt: doc.fetchedAt });
      expect(meta.datasets[id]!.completed.leaderboard).toBe(doc.fetchedAt);
    }
  });
  it('says on stderr that it reads the v1 flags inverted, and --invert-flags none keeps them', () => {
    const cache = join(tempDir(), 'cache');
    const file = fixture('v1-negated.csv');
    const detected = runCli(['import', file, '--cache', cache]);
    expect(detected.stderr).toBe(
      `hubscope: ${file}: Flagged, Merged, MoE look stored negated (3 of 4 rows read Flagged=True): ` +
        'reading them inverted; --invert-flags none keeps them as they are\n' +
        'hubscope: imported as dataset local/v1-negated (--dataset ID names it)\n',
    );
    expect(leaderboardOf(cache).entries.filter((e) => e.flagged).map((e) => e.repo)).toEqual(['beta/Tune-13b']);
    const kept = runCli(['import', file, '--cache', cache, '--invert-flags', 'none', '--dataset', 'open-llm-leaderboard-old/contents']);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toBe('');
    const doc = leaderboardOf(cache);
    expect(doc.entries.filter((e) => e.flagged)).toHaveLength(3);
    expect(doc.dataset).toBe('open-llm-leaderboard-old/contents');
  });
  it('shows a cache under the working directory relative to it', () => {
    const dir = tempDir();
    const result = runCli(['import', fixture('v2.jsonl'), '--cache', 'cache'], dir);
    expect(result.stdout).toBe('imported 3 entries (3 repos, v2) from v2.jsonl into cache/\n');
    expect(existsSync(join(dir, 'cache', 'datasets', 'local--v2', 'leaderboard.json'))).toBe(true);
  });
  it('keeps model info and commits already cached', () => {
    const cache = seededCache();
    const before = filesOf(cache);
    const result = runCli(['import', fixture('v1-negated.csv'), '--cache', cache]);
    expect(result.code).toBe(0);
    const after = filesOf(cache);
    expect(after['models.json']!.equals(before['models.json']!)).toBe(true);
    expect(after['commits.json']!.equals(before['commits.json']!)).toBe(true);
    expect(leaderboardOf(cache).generation).toBe('v1');
  });
  it('with --skip-bad-rows imports the good rows and records the others', () => {
    const cache = join(tempDir(), 'cache');
    const result = runCli(['import', fixture('bad-ids.csv'), '--cache', cache, '--skip-bad-rows']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`imported 2 entries (2 repos, v1) from bad-ids.csv into ${cache}/\n`);
    expect(result.stderr).toContain('skipped 2 rows without a usable repo id (first: line 3:');
    const doc = leaderboardOf(cache);
    expect(doc.total).toBe(4);
    expect(doc.problems.map((p) => p.index)).toEqual([1, 3]);
  });
});

describe('hubscope import, bad input', () => {
  const expectRefused = (args: string[], cache: string, message: string | RegExp, code = 1): void => {
    const before = filesOf(cache);
    const result = runCli(['import', ...args, '--cache', cache]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (typeof message === 'string') expect(result.stderr).toBe(`hubscope: ${message}\n`);
    else expect(result.stderr).toMatch(message);
    const after = filesOf(cache);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) expect(after[name]!.equals(before[name]!), name).toBe(true);
  };

  it('a malformed file of each format leaves the cache byte-identical', () => {
    const cache = seededCache();
    const dir = tempDir();
    const cutJson = join(dir, 'cut.json');
    writeFileSync(cutJson, readFileSync(fixture('v2-viewer.json'), 'utf8').slice(0, 300));
    const cutParquet = join(dir, 'cut.parquet');
    writeV2Parquet(cutParquet);
    writeFileSync(cutParquet, readFileSync(cutParquet).subarray(0, 200));
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const bad = fixture('bad-fields.csv');
    expectRefused([bad], cache, `${bad}: line 3 has 4 fields, the header has 10 (delimiter ",")`);
    expectRefused([cutJson], cache, new RegExp(`^hubscope: ${cutJson}: not valid JSON \\(.+ at position \\d+, line \\d+\\)\\n$`));
    expectRefused([fixture('bad-line.jsonl')], cache, /: line 2 is not valid JSON \(/);
    expectRefused([fixture('not-parquet.parquet')], cache, `${fixture('not-parquet.parquet')}: not a parquet file (bad magic)`);
    expectRefused([cutParquet], cache, `${cutParquet}: truncated parquet file (no PAR1 footer)`);
    expectRefused([empty], cache, `${empty}: the file is empty`);
    expectRefused([join(dir, 'missing.csv')], cache, `${join(dir, 'missing.csv')}: no such file`);
    expectRefused([fixture('no-columns.csv')], cache, /: no leaderboard columns \(need fullname or Model, and the v1 or v2 benchmark columns; found 3 columns: name, score, notes\)\n$/);
    expectRefused([fixture('no-table.json')], cache, /: JSON holds no table/);
  });
  it('rows with odd repo ids: nothing written', () => {
    const cache = seededCache();
    expectRefused(
      [fixture('bad-ids.csv')],
      cache,
      `${fixture('bad-ids.csv')}: line 3: "not a repo/with spaces" is not a Hub repository id ` +
        '(and 1 more row without a usable repo id); nothing imported; --skip-bad-rows imports the other 2',
    );
  });
  it('a corrupt cache: its error, and nothing written', () => {
    const cache = seededCache();
    writeFileSync(join(cache, 'datasets', 'local--v2', 'leaderboard.json'), '{"schema": 1, "entries": [');
    // another dataset's corrupt table is not read (nor touched); this one's stops the import
    expectRefused([fixture('v2.jsonl'), '--dataset', 'local/v2'], cache, /^hubscope: cache file .*leaderboard\.json is corrupt \(.*\); it was left as it is/);
  });
  it('a cache path that is a file: one line, nothing written', () => {
    const dir = tempDir();
    const blocker = join(dir, 'cache');
    writeFileSync(blocker, 'not a directory');
    const result = runCli(['import', fixture('v2.jsonl'), '--cache', join(blocker, 'sub')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `hubscope: cannot read the cache at ${join(blocker, 'sub')} (a part of the path is a file, not a directory); nothing was imported\n`,
    );
    expect(readFileSync(blocker, 'utf8')).toBe('not a directory');
  });
  it('says entry and repo for one', () => {
    const dir = tempDir();
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'fullname,IFEval,BBH,GPQA\r\nacme/One,1,2,3\r\n');
    const result = runCli(['import', file, '--cache', join(dir, 'cache')]);
    expect(result.stdout).toBe(`imported 1 entry (1 repo, v2) from one.csv into ${join(dir, 'cache')}/\n`);
  });
  it('a cache written by a newer hubscope is refused', () => {
    const cache = join(tempDir(), 'cache');
    mkdirSync(cache);
    writeFileSync(join(cache, 'models.json'), JSON.stringify({ schema: 99, items: {} }));
    expectRefused([fixture('v2.jsonl')], cache, /was written by a newer hubscope \(schema 99/);
  });
  it('a wrong command line exits 2', () => {
    const cache = seededCache();
    expectRefused([], cache, 'import needs a FILE (hubscope import FILE)', 2);
    expectRefused([fixture('v2.tsv'), '--format', 'xlsx'], cache, /--format takes csv, tsv, json, jsonl, parquet; got "xlsx"/, 2);
    expectRefused([fixture('v2.tsv'), '--invert-flags', 'Hidden'], cache, /--invert-flags takes "none" or a list of Flagged, Merged, MoE; got "Hidden"/, 2);
    expectRefused([fixture('v2.tsv'), '--delimiter', ';;'], cache, /--delimiter takes one character/, 2);
    expectRefused([fixture('v2.jsonl'), '--delimiter', ','], cache, /--delimiter applies to csv and tsv/, 2);
  });
});

describe.skipIf(!existsSync(SNAPSHOT))('hubscope import of the shared v1 snapshot', () => {
  it('imports 6,610 entries with the flags read inverted', () => {
    const cache = join(tempDir(), 'cache');
    const result = runCli(['import', SNAPSHOT, '--cache', cache]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`imported 6,610 entries (6,268 repos, v1) from leaderboard.csv into ${cache}/\n`);
    expect(result.stderr).toBe(
      `hubscope: ${SNAPSHOT}: Flagged, Merged, MoE look stored negated (6,504 of 6,610 rows read Flagged=True): ` +
        'reading them inverted; --invert-flags none keeps them as they are\n' +
        'hubscope: imported as dataset local/leaderboard (--dataset ID names it)\n',
    );
    const doc = leaderboardOf(cache);
    expect(doc.columns).toHaveLength(22);
    expect(doc.problems).toEqual([]);
    // the README: 6,504 of 6,610 rows read Flagged=True, so 106 are flagged
    expect(doc.entries.filter((e) => e.flagged)).toHaveLength(106);
  });
});
