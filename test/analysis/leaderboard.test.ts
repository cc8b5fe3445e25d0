// analyses.md §5: the leaderboard table model: rows, columns, sort orders.
import { describe, expect, it } from 'vitest';
import { buildLeaderboard, leaderboardColumns, sortedOrder } from '../../source/analysis/leaderboard.js';
import { buildDataset } from './build-dataset.js';

describe('leaderboardColumns', () => {
  it('lists repo, type, family, params, score, the six benchmarks of the generation, likes, downloads, created, base', () => {
    expect(leaderboardColumns('v1').map((c) => c.id)).toEqual([
      'repo', 'type', 'family', 'params', 'score',
      'bench:ARC', 'bench:HellaSwag', 'bench:MMLU', 'bench:TruthfulQA', 'bench:Winogrande', 'bench:GSM8K',
      'likes', 'downloads', 'created', 'base',
    ]);
    const v2 = leaderboardColumns('v2');
    expect(v2.filter((c) => c.id.startsWith('bench:')).map((c) => c.title)).toEqual(['IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO']);
    expect(v2.filter((c) => c.numeric).map((c) => c.id)).toEqual([
      'params', 'score', 'bench:IFEval', 'bench:BBH', 'bench:MATH Lvl 5', 'bench:GPQA', 'bench:MUSR', 'bench:MMLU-PRO', 'likes', 'downloads',
    ]);
  });
});

describe('buildLeaderboard', () => {
  const dataset = buildDataset({
    entries: [
      { repo: 'u/a', score: 50, benchmarks: { ARC: 40 }, likes: 3, license: 'mit' },
      { repo: 'u/a', score: 52, flagged: true },
      { repo: 'u/b', score: 70, type: 'merge', available: null },
    ],
    info: { 'u/a': { created: '2024-02-03', downloads: 1000, likes: 9, bases: ['Meta/Llama'] } },
  });
  const table = buildLeaderboard(dataset);

  it('makes one row per entry with every column’s value', () => {
    expect(table.rows).toHaveLength(3);
    const a = table.rows[0]!;
    expect(a).toMatchObject({
      index: 0,
      repo: 'u/a',
      key: 'u/a',
      type: 'fine-tuned',
      family: 'LLaMA',
      score: 50,
      likes: 9, // the Hub's count over the leaderboard's
      downloads: 1000,
      created: '2024-02-03',
      base: 'Meta/Llama',
      license: 'mit',
      merge: false,
      available: true,
    });
    const value = (id: string, row = a) => table.columns.find((c) => c.id === id)!.value(row);
    expect(value('bench:ARC')).toBe(40);
    expect(value('bench:MMLU')).toBeNull();
    expect(table.rows[2]).toMatchObject({ merge: true, available: true, base: null, created: null });
  });

  it('marks the dedup winner with flagged hidden and with flagged shown (§0: dedup first, then flagged)', () => {
    // u/a's best entry (52) is flagged: with flagged hidden the repository is out, its 50 does not stand in
    expect(table.rows.map((r) => [r.keptHidingFlagged, r.keptShowingFlagged])).toEqual([
      [false, false],
      [false, true],
      [true, true],
    ]);
  });

  it('builds an empty table from an empty dataset', () => {
    const empty = buildLeaderboard(buildDataset({ entries: [] }));
    expect(empty.rows).toEqual([]);
    expect([...sortedOrder(empty, 'score', true)]).toEqual([]);
  });
});

describe('sortedOrder', () => {
  const table = buildLeaderboard(
    buildDataset({
      entries: [
        { repo: 'b/one', score: 60, params: null },
        { repo: 'A/two', score: null, params: 7 },
        { repo: 'c/three', score: 60, params: 13 },
        { repo: 'a/four', score: 70, params: null },
        { repo: 'd/five', score: null, params: 1 },
      ],
    }),
  );
  const repos = (column: string, descending: boolean) => [...sortedOrder(table, column, descending)].map((i) => table.rows[i]!.repo);

  it('puts nulls last in both directions and breaks ties in source order', () => {
    expect(repos('score', true)).toEqual(['a/four', 'b/one', 'c/three', 'A/two', 'd/five']);
    expect(repos('score', false)).toEqual(['b/one', 'c/three', 'a/four', 'A/two', 'd/five']);
    expect(repos('params', false)).toEqual(['d/five', 'A/two', 'c/three', 'b/one', 'a/four']);
  });

  it('sorts text case-insensitively', () => {
    expect(repos('repo', false)).toEqual(['a/four', 'A/two', 'b/one', 'c/three', 'd/five']);
    expect(repos('repo', true)).toEqual(['d/five', 'c/three', 'b/one', 'A/two', 'a/four']);
  });

  it('caches each order and refuses an unknown column', () => {
    expect(sortedOrder(table, 'score', true)).toBe(sortedOrder(table, 'score', true));
    expect(() => sortedOrder(table, 'nope', true)).toThrow(RangeError);
  });
});
