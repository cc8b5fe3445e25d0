import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDelimited } from '../../source/import/delimited.js';
import { readJson } from '../../source/import/json-table.js';
import { checkColumns, toLeaderboard } from '../../source/import/leaderboard.js';
import { DataError } from '../../source/data/errors.js';
import { fixture } from './helpers.js';

const v1 = () => readDelimited(readFileSync(fixture('v1-negated.csv'), 'utf8'));
const v2 = () => readJson(readFileSync(fixture('v2-viewer.json'), 'utf8'));

describe('checkColumns', () => {
  it('accepts fullname or Model with a generation\'s benchmarks', () => {
    expect(() => checkColumns(['fullname', 'IFEval', 'BBH', 'GPQA'], 'x')).not.toThrow();
    expect(() => checkColumns(['Model', 'ARC', 'MMLU', 'GSM8K'], 'x')).not.toThrow();
  });
  it('refuses a table without a repo column or without benchmarks, listing what it found', () => {
    expect(() => checkColumns(['name', 'score', 'notes'], 'data/x.csv')).toThrow(
      'data/x.csv: no leaderboard columns (need fullname or Model, and the v1 or v2 benchmark columns; found 3 columns: name, score, notes)',
    );
    expect(() => checkColumns(['fullname', 'ARC'], 'x')).toThrow(DataError);
    expect(() => checkColumns(['IFEval', 'BBH', 'GPQA', 'MUSR'], 'x')).toThrow(/no leaderboard columns/);
  });
});

describe('toLeaderboard on the v1 scrape (flags stored negated)', () => {
  it('detects the inversion and says so', () => {
    const result = toLeaderboard(v1(), 'v1.csv');
    expect(result.invert).toEqual(['Flagged', 'Merged', 'MoE']);
    expect(result.notes).toEqual([
      'Flagged, Merged, MoE look stored negated (3 of 4 rows read Flagged=True): reading them inverted; --invert-flags none keeps them as they are',
    ]);
    expect(result.generation).toBe('v1');
    expect(result.total).toBe(4);
    expect(result.problems).toEqual([]);
    // raw Flagged: True, False, True, True → read inverted
    expect(result.entries.map((e) => e.flagged)).toEqual([false, true, false, false]);
    // raw Merged: False, True, True, True
    expect(result.entries.map((e) => e.merged)).toEqual([true, false, false, false]);
    // raw MoE: True, True, False, True
    expect(result.entries.map((e) => e.moe)).toEqual([false, false, true, false]);
  });
  it('normalises the rows by hand-read values', () => {
    const [a, b, c, d] = toLeaderboard(v1(), 'v1.csv').entries;
    expect(a).toMatchObject({
      index: 0,
      repo: 'acme/Merge-7B',
      key: 'acme/merge-7b',
      type: 'merge',
      family: 'Mistral',
      score: 70.5,
      params: 7,
      likes: 12,
      license: 'apache-2.0',
      available: true,
      precision: 'bfloat16',
      sha: '1111111111111111111111111111111111111111',
    });
    expect(a!.benchmarks).toEqual({ ARC: 68, HellaSwag: 85.25, MMLU: 64, TruthfulQA: 60, Winogrande: 80, GSM8K: 65.75 });
    expect(b).toMatchObject({ repo: 'beta/Tune-13b', type: 'fine-tuned', license: null, likes: 0, available: false, weightType: 'Adapter' });
    expect(c).toMatchObject({ type: 'chat', architecture: 'LlamaForCausalLM', family: 'LLaMA', params: null, likes: null });
    expect(d).toMatchObject({ repo: 'gamma/Base', type: 'unknown', typeRaw: null, family: 'unknown', score: null, sha: null, params: 1.5 });
  });
  it('keeps the flags as they are with an explicit empty list, and says nothing', () => {
    const result = toLeaderboard(v1(), 'v1.csv', { invert: [] });
    expect(result.notes).toEqual([]);
    expect(result.entries.map((e) => e.flagged)).toEqual([true, false, true, true]);
  });
  it('inverts only the listed columns', () => {
    const result = toLeaderboard(v1(), 'v1.csv', { invert: ['Flagged'] });
    expect(result.entries.map((e) => e.flagged)).toEqual([false, true, false, false]);
    expect(result.entries.map((e) => e.merged)).toEqual([false, true, true, true]);
  });
});

describe('toLeaderboard on v2', () => {
  it('detects no inversion when few rows are flagged, and reads the v2 columns', () => {
    const result = toLeaderboard(v2(), 'v2.json');
    expect(result.invert).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.generation).toBe('v2');
    const [a, b, c] = result.entries;
    expect(a).toMatchObject({ baseModel: 'meta-llama/Meta-Llama-3-8B', baseModelRelation: null, generationDepth: 1, uploadDate: '2024-05-01' });
    expect(b).toMatchObject({ merged: true, moe: true, type: 'merge', family: 'Mixtral', baseModel: 'eps/Parent-7B', baseModelRelation: 'merge' });
    expect(c).toMatchObject({ flagged: true, params: null, baseModel: null, generationDepth: 0, family: 'Qwen2', submissionDate: '2024-06-26' });
    expect(a!.benchmarks).toEqual({ IFEval: 60.5, BBH: 28, 'MATH Lvl 5': 8.25, GPQA: 5.5, MUSR: 10, 'MMLU-PRO': 29.25 });
  });
  it('notes a missing column named by an explicit list', () => {
    const table = readDelimited('fullname,IFEval,BBH,GPQA,Flagged\nacme/One,1,2,3,False\n');
    expect(toLeaderboard(table, 'x.csv', { invert: ['Flagged', 'MoE'] }).notes).toEqual(['--invert-flags: the file has no MoE column']);
  });
});

describe('rows without a usable repo id', () => {
  const bad = () => readDelimited(readFileSync(fixture('bad-ids.csv'), 'utf8'));
  it('refuse the whole file, naming the first and counting the others', () => {
    expect(() => toLeaderboard(bad(), 'bad-ids.csv')).toThrow(
      'bad-ids.csv: line 3: "not a repo/with spaces" is not a Hub repository id (and 1 more row without a usable repo id); ' +
        'nothing imported; --skip-bad-rows imports the other 2',
    );
  });
  it('are skipped and reported with skipBadRows', () => {
    const result = toLeaderboard(bad(), 'bad-ids.csv', { skipBadRows: true });
    expect(result.entries.map((e) => e.repo)).toEqual(['acme/One', 'acme/Two']);
    expect(result.entries.map((e) => e.index)).toEqual([0, 2]);
    expect(result.problems).toEqual([
      { index: 1, reason: '"not a repo/with spaces" is not a Hub repository id' },
      { index: 3, reason: 'no repository id (fullname or Model)' },
    ]);
    expect(result.total).toBe(4);
    expect(result.notes).toEqual([
      'skipped 2 rows without a usable repo id (first: line 3: "not a repo/with spaces" is not a Hub repository id)',
    ]);
  });
  it('still refuse a file where no row is usable', () => {
    const table = readDelimited('fullname,IFEval,BBH,GPQA\nnot ok,1,2,3\n');
    expect(() => toLeaderboard(table, 'x.csv', { skipBadRows: true })).toThrow(
      'x.csv: line 2: "not ok" is not a Hub repository id; no row has a usable repo id',
    );
  });
  it('name JSON rows by position', () => {
    const table = readJson('[{"fullname": "a/b", "IFEval": 1, "BBH": 2, "GPQA": 3}, {"fullname": "a b", "IFEval": 1, "BBH": 2, "GPQA": 3}]');
    expect(() => toLeaderboard(table, 'x.json')).toThrow('x.json: row 2: "a b" is not a Hub repository id; nothing imported');
  });
  it('print ids with control sequences stripped', () => {
    const table = readJson('[{"fullname": "a/b", "IFEval": 1, "BBH": 2, "GPQA": 3}, {"fullname": "evil\\u001b[2J/x y", "IFEval": 1, "BBH": 2, "GPQA": 3}]');
    expect(() => toLeaderboard(table, 'x.json')).toThrow('x.json: row 2: "evil/x y" is not a Hub repository id');
  });
});
