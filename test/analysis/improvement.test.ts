// analyses.md §4 records, units, normalisation, totals and time to exhaust, on hand-built
// families whose answers are worked out in the comments.
import { describe, expect, it } from 'vitest';
import { improvement, type FamilyImprovement } from '../../source/analysis/improvement.js';
import type { FamilySpec } from '../../source/analysis/improvement-families.js';
import { FLOOR_CREATED, makeDataset, type Row } from './make-dataset.js';

const fam7b: FamilySpec = { kind: 'pattern', id: 'fam', label: 'Fam 7B', pattern: 'fam7b', params: 7 };

const only = (rows: Row[], spec: FamilySpec, extra: Parameters<typeof improvement>[1] = {}): FamilyImprovement =>
  improvement(makeDataset(rows), { families: [spec], ...extra }).families[0]!;

const points = (family: FamilyImprovement) => family.records.map((r) => [r.day, r.improvement, r.repo]);

// Source order shuffled on purpose: the walk goes by creation time.
const famRows: Row[] = [
  { repo: 'd/fam-7b-d', score: 65.5, created: '2023-10-20' }, // day 30, +5.5: record
  { repo: 'org/Fam-7B', score: 60, created: '2023-09-20', type: 'pretrained' }, // day 0, reference
  { repo: 'b/fam-7b-b', score: 61, created: '2023-09-23' }, // equals the best: not a record
  { repo: 'a/fam-7b-a', score: 61, created: '2023-09-21' }, // day 1, +1: record
  { repo: 'c/fam-7b-c', score: 59, created: '2023-09-30' }, // below: not a record
  { repo: 'e/fam-7b-e', score: 65.5, created: '2023-10-30' }, // equal: not a record
  { repo: 'f/fam-7b-big', score: 70, params: 13, created: '2023-10-01' }, // outside p
  { repo: 'g/fam-7b-merge', score: 72, created: '2023-10-02' }, // merge by name
];

describe('records (§4)', () => {
  it('walk in time order; only a strictly better score is a record', () => {
    const family = only(famRows, fam7b);
    expect(family.size).toBe(6);
    expect(family.release).toBe('2023-09-20');
    expect(family.reference).toEqual({ repo: 'org/Fam-7B', score: 60, date: '2023-09-20', fromBase: false });
    expect(points(family)).toEqual([
      [0, 0, 'org/Fam-7B'],
      [1, 1, 'a/fam-7b-a'],
      [30, 5.5, 'd/fam-7b-d'],
    ]);
    expect(family.members.map((m) => [m.repo, m.day, m.record])).toEqual([
      ['org/Fam-7B', 0, true],
      ['a/fam-7b-a', 1, true],
      ['b/fam-7b-b', 3, false],
      ['c/fam-7b-c', 10, false],
      ['d/fam-7b-d', 30, true],
      ['e/fam-7b-e', 40, false],
    ]);
  });

  it('total, holder, normalised by ln(1 + n(d)), 90 % day', () => {
    const family = only(famRows, fam7b);
    expect(family.total).toBe(5.5);
    expect(family.holder?.repo).toBe('d/fam-7b-d');
    // n(d): models made up to the record's day — day 1: 2 (Fam, a); day 30: 5 (Fam, a, b, c, d)
    expect(family.records.map((r) => r.models)).toEqual([1, 2, 5]);
    expect(family.records[1]!.normalised).toBeCloseTo(1 / Math.log(3), 9);
    expect(family.totalNormalised).toBeCloseTo(5.5 / Math.log(6), 9);
    expect(family.peak).toEqual({ day: 30, normalised: expect.closeTo(5.5 / Math.log(6), 9), repo: 'd/fam-7b-d' });
    // 90 % of 5.5 = 4.95: first reached by the +5.5 record on day 30
    expect(family.daysToExhaust).toBe(30);
    expect(family.notes).toEqual([
      { count: 1, text: 'name matches outside the params range left out' },
      { count: 1, text: 'merges left out of the family' },
    ]);
  });

  it('normalised: a curve that falls off, its peak day beside the day of 90 % (§4 "Normalised")', () => {
    // reference 50 on day 0; +6 on day 1 (n = 2: 6 / ln 3 = 5.46); 18 more models on days 2–19
    // that beat nothing; +7 on day 30 (n = 21: 7 / ln 22 = 2.26). The curve peaks on day 1 and
    // falls; 90 % of the total (6.3) is first reached on day 30.
    const rows: Row[] = [
      { repo: 'r/fall-7b', score: 50, created: '2024-01-01' },
      { repo: 'r/fall-7b-1', score: 56, created: '2024-01-02' },
      ...Array.from({ length: 18 }, (_, i): Row => ({ repo: `w/fall-7b-w${i}`, score: 40, created: `2024-01-${String(3 + i).padStart(2, '0')}` })),
      { repo: 'r/fall-7b-2', score: 57, created: '2024-01-31' },
    ];
    const family = only(rows, { kind: 'pattern', pattern: 'fall7b', params: 7 });
    expect(family.records.map((r) => [r.day, r.improvement, r.models])).toEqual([
      [0, 0, 1],
      [1, 6, 2],
      [30, 7, 21],
    ]);
    expect(family.records.map((r) => r.normalised)).toEqual([0, expect.closeTo(6 / Math.log(3), 9), expect.closeTo(7 / Math.log(22), 9)]);
    expect(family.records[2]!.normalised).toBeLessThan(family.records[1]!.normalised);
    expect(family.peak).toMatchObject({ day: 1, repo: 'r/fall-7b-1' });
    expect(family.daysToExhaust).toBe(30);
    // the old constant divisor ln(1 + 21) could only rescale: its peak would be the last record
    expect(7 / Math.log(22)).toBeGreaterThan(6 / Math.log(22));
    const row = improvement(makeDataset(rows), { families: [{ kind: 'pattern', pattern: 'fall7b', params: 7 }] }).summary[0]!;
    expect([row.peakDay, row.daysToExhaust]).toEqual([1, 30]);
  });

  it('% of the reference as an option', () => {
    const family = only(famRows, fam7b, { unit: 'percent' });
    expect(family.unit).toBe('percent');
    // +1 on 60 = 1.666… %, +5.5 on 60 = 9.1666… %
    expect(family.records.map((r) => r.improvement)).toEqual([0, expect.closeTo(100 / 60, 9), expect.closeTo(550 / 60, 9)]);
    expect(family.daysToExhaust).toBe(30);
  });

  it('time to exhaust follows the fraction; a record exactly at the target counts', () => {
    // reference 50; records +8 (day 5), +9.5 (day 12), +10 (day 40): total 10
    const rows: Row[] = [
      { repo: 'r/ex-7b', score: 50, created: '2024-01-01' },
      { repo: 'r/ex-7b-1', score: 58, created: '2024-01-06' },
      { repo: 'r/ex-7b-2', score: 59.5, created: '2024-01-13' },
      { repo: 'r/ex-7b-3', score: 60, created: '2024-02-10' },
    ];
    const spec: FamilySpec = { kind: 'pattern', pattern: 'ex7b', params: 7 };
    expect(only(rows, spec).daysToExhaust).toBe(12); // 9 → the +9.5 record
    expect(only(rows, spec, { exhaustFraction: 0.8 }).daysToExhaust).toBe(5); // 8 ≥ 8
    expect(only(rows, spec, { exhaustFraction: 1 }).daysToExhaust).toBe(40);
    expect(() => improvement(makeDataset(rows), { exhaustFraction: 0 })).toThrow(RangeError);
  });

  it('a one-model family: size 1, total 0, normalised 0 (0 / ln 2), no exhaust or peak day', () => {
    const family = only([{ repo: 'solo/Solo-7B', score: 44, created: '2023-02-02' }], {
      kind: 'pattern',
      pattern: 'solo',
    });
    expect(family.size).toBe(1);
    expect(points(family)).toEqual([[0, 0, 'solo/Solo-7B']]);
    expect(family.total).toBe(0);
    expect(family.totalNormalised).toBe(0);
    expect(family.daysToExhaust).toBeNull();
    expect(family.peak).toBeNull();
  });
});

describe('dates (§0, §4)', () => {
  const rows: Row[] = [
    { repo: 'y/old-7b-ft', score: 62, created: '2022-03-12' },
    { repo: 'x/old-7b', score: 58, created: FLOOR_CREATED },
    { repo: 'z/old-7b-2', score: 61, created: '2022-04-01' },
  ];
  const spec: FamilySpec = { kind: 'pattern', pattern: 'old7b', params: 7 };

  it('floor-dated models are ordered at 2022-03-02 by default, flagged and noted', () => {
    const family = only(rows, spec);
    expect(family.release).toBe('2022-03-02');
    expect(family.releaseFloor).toBe(true);
    // 58 at day 0, then 62 on 2022-03-12 (day 10): +4; 61 is no record
    expect(points(family)).toEqual([
      [0, 0, 'x/old-7b'],
      [10, 4, 'y/old-7b-ft'],
    ]);
    expect(family.records[0]!.dateFloor).toBe(true);
    expect(family.notes).toContainEqual({
      count: 1,
      text: 'models dated on or before 2022-03-02 (the Hub floor): ordered at that date, their day counts are uncertain',
    });
  });

  it('or left out on request', () => {
    const family = only(rows, spec, { floorDated: 'exclude' });
    expect(family.release).toBe('2022-03-12');
    expect(points(family)).toEqual([[0, 0, 'y/old-7b-ft']]);
    expect(family.total).toBe(0);
    expect(family.notes).toContainEqual({ count: 1, text: 'models dated on or before 2022-03-02 (the Hub floor) left out' });
  });

  it('undated models are left out and noted; the v2 upload date stands in for the Hub', () => {
    const family = only(
      [
        { repo: 'p/und-7b', score: 50, created: '2024-01-01' },
        { repo: 'q/und-7b-nodate', score: 70 },
        { repo: 'r/und-7b-v2', score: 55, uploadDate: '2024-01-11' },
      ],
      { kind: 'pattern', pattern: 'und7b', params: 7 },
    );
    expect(points(family)).toEqual([
      [0, 0, 'p/und-7b'],
      [10, 5, 'r/und-7b-v2'],
    ]);
    expect(family.notes).toEqual([{ count: 1, text: 'models without a creation date left out' }]);
  });
});

describe('lineage mode (§4)', () => {
  it('the base is the reference and day 0; a derivative dated before it counts at day 0', () => {
    const family = only(
      [
        { repo: 'a/kid', score: 52, created: '2023-06-05', bases: ['org/Base-7B'] }, // before the base
        { repo: 'org/Base-7B', score: 50, created: '2023-06-10', type: 'pretrained' },
        { repo: 'b/grandkid', score: 56, created: '2023-06-20', bases: ['a/kid'] }, // day 10
        { repo: 'c/unrelated', score: 90, created: '2023-06-11' },
      ],
      { kind: 'lineage', base: 'org/base-7b' },
    );
    expect(family.reference).toEqual({ repo: 'org/Base-7B', score: 50, date: '2023-06-10', fromBase: true });
    expect(family.release).toBe('2023-06-10');
    expect(points(family)).toEqual([
      [0, 0, 'org/Base-7B'],
      [0, 2, 'a/kid'],
      [10, 6, 'b/grandkid'],
    ]);
    expect(family.daysToExhaust).toBe(10); // 90 % of 6 = 5.4
    expect(family.notes).toEqual([{ count: 1, text: 'models dated before the base counted at day 0' }]);
  });

  it('a base not on the leaderboard: the first derivative is the reference, and the screen says so', () => {
    const family = only(
      [
        { repo: 'u/two', score: 45, created: '2023-01-15', bases: ['u/one'] },
        { repo: 'u/one', score: 40, created: '2023-01-10', bases: ['gone/Base'] },
      ],
      { kind: 'lineage', base: 'gone/Base' },
    );
    expect(family.reference).toEqual({ repo: 'u/one', score: 40, date: '2023-01-10', fromBase: false });
    expect(points(family)).toEqual([
      [0, 0, 'u/one'],
      [5, 5, 'u/two'],
    ]);
    expect(family.notes).toEqual([
      { count: 1, text: "the base is not on the leaderboard: the reference is the first derivative's score" },
      { count: 1, text: "the base has no usable creation date: day 0 is the first derivative's" },
    ]);
  });

  it('presets in lineage mode use each preset’s base repository', () => {
    const rows: Row[] = [
      { repo: 'mistralai/Mistral-7B-v0.1', score: 60, created: '2023-09-20', type: 'pretrained' },
      { repo: 'k/hermes', score: 64, created: '2023-10-02', bases: ['mistralai/Mistral-7B-v0.1'] }, // no "mistral7b" in the name
    ];
    const lineage = improvement(makeDataset(rows), { mode: 'lineage' }).families.find((f) => f.id === 'mistral-7b')!;
    expect(lineage.kind).toBe('lineage');
    expect(points(lineage)).toEqual([
      [0, 0, 'mistralai/Mistral-7B-v0.1'],
      [12, 4, 'k/hermes'],
    ]);
    const pattern = improvement(makeDataset(rows)).families.find((f) => f.id === 'mistral-7b')!;
    expect(pattern.kind).toBe('pattern');
    expect(pattern.size).toBe(1);
  });
});

describe('several families, selection, empty input', () => {
  it('the summary is sorted by total improvement, empty families last', () => {
    const rows: Row[] = [...famRows, { repo: 's/solo-7b', score: 40, created: '2023-01-01' }];
    const result = improvement(makeDataset(rows), {
      families: [
        { kind: 'pattern', id: 'none', label: 'Nothing', pattern: 'nosuchname' },
        { kind: 'pattern', id: 'solo', label: 'Solo', pattern: 'solo7b' },
        fam7b,
      ],
    });
    expect(result.families.map((f) => f.id)).toEqual(['none', 'solo', 'fam']);
    expect(result.summary.map((r) => [r.id, r.total, r.size, r.records])).toEqual([
      ['fam', 5.5, 6, 3],
      ['solo', 0, 1, 1],
      ['none', null, 0, 0],
    ]);
    expect(result.summary[0]).toMatchObject({ referenceRepo: 'org/Fam-7B', holderRepo: 'd/fam-7b-d', holderScore: 65.5 });
  });

  it('flagged entries and duplicates are noted once, for the whole result', () => {
    const result = improvement(
      makeDataset([
        { repo: 'a/dup-7b', score: 50, created: '2023-01-01' },
        { repo: 'a/dup-7b', score: 53, created: '2023-01-01' },
        { repo: 'b/dup-7b-x', score: 99, created: '2023-01-02', flagged: true },
      ]),
      { families: [{ kind: 'pattern', pattern: 'dup7b', params: 7 }] },
    );
    expect(result.families[0]!.size).toBe(1);
    expect(result.families[0]!.reference?.score).toBe(53);
    expect(result.notes).toEqual([
      { count: 1, text: 'flagged repositories left out (their kept entry, the best-scoring, is flagged)' },
      { count: 1, text: 'duplicate entries merged (one per repository: best score, then later submission)' },
    ]);
  });

  it('empty input: every preset is an empty family, nothing to note', () => {
    const result = improvement(makeDataset([]));
    expect(result.families).toHaveLength(11);
    expect(result.families.every((f) => f.size === 0 && f.records.length === 0 && f.total === null)).toBe(true);
    expect(result.summary).toHaveLength(11);
    expect(result.notes).toEqual([]);
    expect(result.options.mode).toBe('pattern');
  });
});

describe('a window of creation dates (issue 9 item 8)', () => {
  it('keeps the reference made before the window and walks only the models made in it', () => {
    // window 2023-09-25 → 2023-10-25: a (09-21) and b (09-23) fall before it, e (10-30) after;
    // c (09-30, 59: below the reference 60) and d (10-20, +5.5) are walked over org/Fam-7B's 60
    const family = only(famRows, fam7b, { created: { from: '2023-09-25', to: '2023-10-25' } });
    expect(family.reference).toEqual({ repo: 'org/Fam-7B', score: 60, date: '2023-09-20', fromBase: false });
    expect(family.release).toBe('2023-09-20');
    expect(family.members.map((m) => [m.repo, m.day, m.record])).toEqual([
      ['org/Fam-7B', 0, true],
      ['c/fam-7b-c', 10, false],
      ['d/fam-7b-d', 30, true],
    ]);
    expect(family.total).toBe(5.5);
    expect(family.notes).toContainEqual({ count: 3, text: 'models created outside the window of dates left out (the reference kept)' });
  });
});
