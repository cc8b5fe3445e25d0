// analyses.md §6 params from a size in the repository name ("8x7B → total"), in the store's own
// SQL on a real DuckDB: the mixture form in billions and in millions, plain sizes, and names
// that hold none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Duck, sqlString } from '../../source/hub/duck.js';
import { nameParamsSql, nameSizeColumnsSql, sizeCandidateSql } from '../../source/hub/model-sql.js';

let duck: Duck;
beforeAll(async () => {
  duck = await Duck.open(':memory:');
});
afterAll(() => duck.close());

const CASES: Array<[string, number | null]> = [
  ['Mixtral-8x7B-v0.1', 56],
  ['tiny-mixtral-8x101M', 0.808],
  ['moe-4x400M-instruct', 1.6],
  ['Qwen3-235B-A22B', 235],
  ['Llama-2-7b-hf', 7],
  ['SmolLM2-135M', 0.135],
  ['gpt2', null],
  ['model-v2', null],
];

describe('params from the name (§6)', () => {
  it.each(CASES)('%s → %s', async (name, expected) => {
    // as the ingest reads it: the candidate name, its size columns, then the billions
    const row = await duck.one(`SELECT ${nameParamsSql()} AS b FROM (SELECT ${nameSizeColumnsSql('c')} FROM (SELECT ${sizeCandidateSql(sqlString(name), 'true')} AS c))`);
    if (expected === null) expect(row?.b).toBeNull();
    else expect(Number(row?.b)).toBeCloseTo(expected, 9);
  });
});
