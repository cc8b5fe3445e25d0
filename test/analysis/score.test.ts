// analyses.md §0 "Score": the average, or any one benchmark in its place, in every score-based
// analysis (Fig. 7, 9, 10, 11, 12), each saying which score and scale it shows; Fig. 10's
// threshold defaults to 70 on v1 and 40 on v2. Expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_THRESHOLD, ScoreNameError, resolveScore, scoreNames, scoreReader } from '../../source/analysis/score.js';
import { typesOverTime } from '../../source/analysis/types.js';
import { sizes } from '../../source/analysis/sizes.js';
import { improvement } from '../../source/analysis/improvement.js';
import { makeDataset, type Row } from './make-dataset.js';
import { paperTable } from './paper-tables.js';

describe('resolveScore', () => {
  it('the average by default, a benchmark by its name in any case or spelling', () => {
    expect(resolveScore('v1')).toEqual({ id: 'average', label: 'average', scale: 'v1 scale: accuracy 0–100', generation: 'v1' });
    expect(resolveScore('v1', 'gsm8k').id).toBe('GSM8K');
    expect(resolveScore('v2', 'math-lvl-5').id).toBe('MATH Lvl 5');
    expect(resolveScore('v2', 'MMLU_PRO').id).toBe('MMLU-PRO');
    expect(resolveScore('v2', 'Average').id).toBe('average');
    expect(resolveScore('v2').scale).toMatch(/^v2 scale: normalised/);
  });
  it('refuses a benchmark of the other generation, naming the ones there are', () => {
    expect(() => resolveScore('v2', 'GSM8K')).toThrow(ScoreNameError);
    expect(() => resolveScore('v2', 'GSM8K')).toThrow('score "GSM8K" is not one of the v2 scores: average, IFEval, BBH, MATH Lvl 5, GPQA, MUSR, MMLU-PRO');
    expect(scoreNames('v1')).toEqual(['average', 'ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K']);
  });
  it('reads the benchmark, null when the entry has none', () => {
    const read = scoreReader(resolveScore('v1', 'GSM8K'));
    const [a, b] = makeDataset([{ repo: 'a/x', score: 60, benchmarks: { GSM8K: 41.5 } }, { repo: 'b/y', score: 61 }]).entries;
    expect([read(a!), read(b!)]).toEqual([41.5, null]);
    expect(scoreReader(resolveScore('v1'))(a!)).toBe(60);
  });
  it('Fig. 10 thresholds per generation', () => {
    expect(DEFAULT_SCORE_THRESHOLD).toEqual({ v1: 70, v2: 40 });
  });
});

// Average and GSM8K disagree on purpose: by average c is best, by GSM8K b.
const rows: Row[] = [
  { repo: 'org/Sc-7B', score: 60, params: 7, type: 'pretrained', created: '2024-01-01', benchmarks: { GSM8K: 20 } },
  { repo: 'a/sc-7b-a', score: 62, params: 7, created: '2024-01-05', benchmarks: { GSM8K: 35 } },
  { repo: 'b/sc-7b-b', score: 61, params: 7, created: '2024-01-20', benchmarks: { GSM8K: 72 } },
  { repo: 'c/sc-7b-c', score: 71, params: 3, created: '2024-02-03', benchmarks: { GSM8K: 30 } },
  { repo: 'd/sc-7b-d', score: 65, params: 7, created: '2024-02-10' }, // no GSM8K
];
const dataset = makeDataset(rows);

describe('a benchmark in place of the average', () => {
  it('Fig. 11/12: records by GSM8K (reference 20; +15 day 4, +52 day 19), the model without it left out', () => {
    const spec = { kind: 'pattern' as const, pattern: 'sc7b', params: 7 };
    const byAverage = improvement(dataset, { families: [spec] });
    expect(byAverage.score.id).toBe('average');
    expect(byAverage.families[0]!.records.map((r) => [r.day, r.improvement])).toEqual([[0, 0], [4, 2], [40, 5]]);
    const byGsm = improvement(dataset, { families: [spec], score: 'GSM8K' });
    expect(byGsm.score).toMatchObject({ id: 'GSM8K', label: 'GSM8K' });
    const family = byGsm.families[0]!;
    expect(family.records.map((r) => [r.day, r.improvement, r.repo])).toEqual([
      [0, 0, 'org/Sc-7B'],
      [4, 15, 'a/sc-7b-a'],
      [19, 52, 'b/sc-7b-b'],
    ]);
    expect(family.reference?.score).toBe(20);
    expect(family.notes).toContainEqual({ count: 1, text: 'models without a GSM8K score left out' });
  });

  it('Fig. 9/10: best per size bin and params needed, by GSM8K (threshold 70 on v1)', () => {
    const result = sizes(dataset, { score: 'GSM8K' });
    expect(result.score.id).toBe('GSM8K');
    expect(result.bins.find((b) => b.label === '7–8')!.best).toMatchObject({ repo: 'b/sc-7b-b', score: 72 });
    expect(result.bins.find((b) => b.label === '3–4')!.best).toMatchObject({ repo: 'c/sc-7b-c', score: 30 });
    // only b reaches 70 on GSM8K (in 2024-01); by average only c (71, 3 B, in 2024-02)
    expect(result.paramsForScore.threshold).toBe(70);
    expect(result.paramsForScore.months.map((m) => [m.month, m.params])).toEqual([['2024-01', 7], ['2024-02', 7]]);
    expect(sizes(dataset).paramsForScore.months.map((m) => [m.month, m.params])).toEqual([['2024-01', null], ['2024-02', 3]]);
  });

  it('Fig. 7: mean score per type and every dot by GSM8K', () => {
    const result = typesOverTime(dataset, { score: 'GSM8K' });
    const fineTuned = result.scores.series.find((s) => s.type === 'fine-tuned')!;
    // January: a 35, b 72 → 53.5; February: c 30 (d has none)
    expect(fineTuned.mean).toEqual([53.5, 30]);
    expect(result.dots.map((d) => [d.repo, d.score])).toEqual([
      ['org/Sc-7B', 20],
      ['a/sc-7b-a', 35],
      ['b/sc-7b-b', 72],
      ['c/sc-7b-c', 30],
    ]);
    expect(result.notes).toContainEqual({ count: 1, text: 'models without a GSM8K score left out of mean scores (still counted)' });
  });

  it('v2: Fig. 10 defaults to 40', () => {
    const v2 = paperTable('v2');
    expect(sizes(v2).paramsForScore.threshold).toBe(40);
    expect(sizes(v2, { scoreThreshold: 70 }).paramsForScore.threshold).toBe(70);
    // on the fixture only mia/Llama-3.3-70B-tune (42.0, 70.55 B) reaches 40 on average
    expect(sizes(v2).paramsForScore.months.find((m) => m.params !== null)?.holder).toMatchObject({ repo: 'mia/Llama-3.3-70B-tune', params: 70.554 });
  });
});
