// analyses.md §3 on hand-built datasets; every expected value is worked out in the comments.
import { describe, expect, it } from 'vitest';
import { sizes } from '../../source/analysis/sizes.js';
import { DEFAULT_SIZE_EDGES, binIndex, binRanges } from '../../source/analysis/size-bins.js';
import { FLOOR_CREATED, makeDataset, type Row } from './make-dataset.js';

const binOf = (result: ReturnType<typeof sizes>, label: string) => {
  const bin = result.bins.find((b) => b.label === label);
  if (!bin) throw new Error(`no bin ${label}`);
  return bin;
};

describe('size bins (§3 Fig. 8)', () => {
  it('default edges: 1 B bins to 20, then 20–30, 30–40, 40–65, 65–100, 100+', () => {
    const labels = binRanges(DEFAULT_SIZE_EDGES).map((b) => b.label);
    expect(labels.slice(0, 3)).toEqual(['0–1', '1–2', '2–3']);
    expect(labels.slice(19)).toEqual(['19–20', '20–30', '30–40', '40–65', '65–100', '100+']);
  });

  it('lower edge inclusive, upper exclusive: 7.0 B is in 7–8, 6.99 B in 6–7', () => {
    const labels = binRanges(DEFAULT_SIZE_EDGES).map((b) => b.label);
    const at = (p: number) => labels[binIndex(DEFAULT_SIZE_EDGES, p)];
    expect(at(7)).toBe('7–8');
    expect(at(6.99)).toBe('6–7');
    expect(at(20)).toBe('20–30');
    expect(at(0.1)).toBe('0–1');
    expect(at(100)).toBe('100+');
    expect(at(480)).toBe('100+');
  });

  it('custom edges; models below the first edge are left out and noted', () => {
    const data = makeDataset([
      { repo: 'a/x', params: 3 },
      { repo: 'a/y', params: 5 },
      { repo: 'a/z', params: 60 },
    ]);
    const result = sizes(data, { edges: [5, 10, 50] });
    expect(result.bins.map((b) => [b.label, b.count])).toEqual([
      ['5–10', 1],
      ['10–50', 0],
      ['50+', 1],
    ]);
    expect(result.notes).toContainEqual({ count: 1, text: 'models below the first bin edge (5 B) left out of the bins' });
  });

  it('refuses edges that do not increase', () => {
    expect(() => sizes(makeDataset([]), { edges: [0, 10, 10] })).toThrow(RangeError);
    expect(() => sizes(makeDataset([]), { edges: [] })).toThrow(RangeError);
  });

  it('splits each bar by family: ≥ threshold on its own, the rest other, unknown apart', () => {
    // 5 models with params: LLaMA ×3, Mistral ×1 (7 B), unknown ×1 (13 B). Mistral holds
    // 1/5 = 20 %: shown at threshold 0.2, folded into `other` at 0.25.
    const rows: Row[] = [
      { repo: 'a/l1', architecture: 'LlamaForCausalLM' },
      { repo: 'a/l2', architecture: 'LlamaForCausalLM' },
      { repo: 'a/l3', architecture: 'LlamaForCausalLM' },
      { repo: 'a/m1', architecture: 'MistralForCausalLM' },
      { repo: 'a/u1', architecture: '?', params: 13 },
    ];
    const shown = sizes(makeDataset(rows), { familyThreshold: 0.2 });
    expect(shown.families).toEqual(['LLaMA', 'Mistral', 'unknown']);
    expect(binOf(shown, '7–8').byFamily).toEqual([3, 1, 0]);
    expect(binOf(shown, '13–14').byFamily).toEqual([0, 0, 1]);
    const folded = sizes(makeDataset(rows), { familyThreshold: 0.25 });
    expect(folded.families).toEqual(['LLaMA', 'other', 'unknown']);
    expect(binOf(folded, '7–8').byFamily).toEqual([3, 1, 0]);
  });
});

describe('small-model share and downloads (§3)', () => {
  it('share under 20 B among known params; unknown params noted', () => {
    // known: 1, 7, 7, 19.9, 20, 70 → 6 models; under 20: 1, 7, 7, 19.9 → 4/6. 20 is not under.
    const data = makeDataset([
      { repo: 'a/1', params: 1 },
      { repo: 'a/2', params: 7 },
      { repo: 'a/3', params: 7 },
      { repo: 'a/4', params: 19.9 },
      { repo: 'a/5', params: 20 },
      { repo: 'a/6', params: 70 },
      { repo: 'a/7', params: null },
    ]);
    const result = sizes(data);
    expect(result.known).toBe(6);
    expect(result.small).toEqual({ count: 4, share: 4 / 6 });
    expect(result.notes).toContainEqual({ count: 1, text: 'models with unknown params left out of size figures' });
  });

  it('downloads at ≤ 15 B and per bin; models without downloads info noted', () => {
    // with downloads: 7 B 100, 15 B 300, 15.5 B 400, 70 B 200 → total 1000; ≤ 15 B: 100 + 300
    // = 400 → 40 %. Bins: 7–8 100, 15–16 700 (15 and 15.5), 65–100 200. The 3 B model has
    // none; the unknown-params model's downloads are not counted at all.
    const data = makeDataset([
      { repo: 'a/1', params: 7, downloads: 100 },
      { repo: 'a/2', params: 15, downloads: 300 },
      { repo: 'a/3', params: 15.5, downloads: 400 },
      { repo: 'a/4', params: 70, downloads: 200 },
      { repo: 'a/5', params: 3, downloads: null },
      { repo: 'a/6', params: null, downloads: 5000 },
    ]);
    const result = sizes(data);
    expect(result.downloads).toEqual({ total: 1000, atMost: 400, share: 0.4, models: 4 });
    expect(binOf(result, '7–8').downloads).toBe(100);
    expect(binOf(result, '15–16').downloads).toBe(700);
    expect(binOf(result, '15–16').downloadShare).toBe(0.7);
    expect(binOf(result, '65–100').downloads).toBe(200);
    expect(binOf(result, '3–4').downloads).toBe(0);
    expect(result.notes).toContainEqual({
      count: 1,
      text: 'models with known params but no downloads info left out of download figures',
    });
  });
});

describe('best score per size (§3 Fig. 9)', () => {
  it('the best score of each bin, with holder and date; ties go to the earlier model', () => {
    const data = makeDataset([
      { repo: 'a/late', params: 7, score: 60, created: '2023-05-01' },
      { repo: 'a/early', params: 7.5, score: 60, created: '2023-04-01' },
      { repo: 'a/low', params: 7, score: 55, created: '2023-01-01' },
      { repo: 'a/big', params: 70, score: 75, created: '2023-08-01' },
    ]);
    const result = sizes(data);
    expect(binOf(result, '7–8').best).toEqual({ repo: 'a/early', score: 60, params: 7.5, day: '2023-04-01', dateFloor: false });
    expect(binOf(result, '65–100').best?.repo).toBe('a/big');
    expect(binOf(result, '1–2').best).toBeNull();
  });
});

describe('params needed for a score (§3 Fig. 10)', () => {
  it('per month, the smallest params at or above the threshold so far', () => {
    // Months 2023-04 (first model, D) to 2023-11 (E). A (70 B, exactly 70) qualifies in 06;
    // B (34 B, 69.9) never; C (34 B, 72) in 09; E (13 B, 75) in 11.
    const data = makeDataset([
      { repo: 'a/A', params: 70, score: 70, created: '2023-06-15' },
      { repo: 'a/B', params: 34, score: 69.9, created: '2023-07-01' },
      { repo: 'a/C', params: 34, score: 72, created: '2023-09-02' },
      { repo: 'a/D', params: 7, score: 50, created: '2023-04-10' },
      { repo: 'a/E', params: 13, score: 75, created: '2023-11-20' },
    ]);
    const { paramsForScore } = sizes(data);
    expect(paramsForScore.threshold).toBe(70);
    expect(paramsForScore.months.map((m) => [m.month, m.params])).toEqual([
      ['2023-04', null],
      ['2023-05', null],
      ['2023-06', 70],
      ['2023-07', 70],
      ['2023-08', 70],
      ['2023-09', 34],
      ['2023-10', 34],
      ['2023-11', 13],
    ]);
    expect(paramsForScore.months[5]!.holder?.repo).toBe('a/C');
    // threshold 74: only E qualifies
    const strict = sizes(data, { scoreThreshold: 74 }).paramsForScore.months;
    expect(strict.filter((m) => m.params !== null).map((m) => m.month)).toEqual(['2023-11']);
  });

  it('floor-dated models count from 2022-03 and are noted; undated models are left out', () => {
    const data = makeDataset([
      { repo: 'old/gpt', params: 1, score: 71, created: FLOOR_CREATED },
      { repo: 'a/new', params: 7, score: 80, created: '2022-05-03' },
      { repo: 'a/nodate', params: 0.5, score: 90 },
    ]);
    const result = sizes(data);
    expect(result.paramsForScore.months.map((m) => [m.month, m.params])).toEqual([
      ['2022-03', 1],
      ['2022-04', 1],
      ['2022-05', 1],
    ]);
    expect(result.notes).toContainEqual({ count: 1, text: 'models without a creation date left out of params-for-score' });
    expect(result.notes).toContainEqual({
      count: 1,
      text: 'models dated on or before 2022-03-02 (the Hub floor) counted from 2022-03 in params-for-score',
    });
  });
});

describe('selection and empty input', () => {
  it('flagged left out and duplicates merged, both noted', () => {
    const data = makeDataset([
      { repo: 'a/x', params: 7, score: 50 },
      { repo: 'A/X', params: 7, score: 52 },
      { repo: 'a/bad', params: 7, flagged: true },
    ]);
    const result = sizes(data);
    expect(result.known).toBe(1);
    expect(binOf(result, '7–8').best?.score).toBe(52);
    expect(result.notes).toContainEqual({ count: 1, text: 'flagged repositories left out (their kept entry, the best-scoring, is flagged)' });
    expect(result.notes).toContainEqual({ count: 1, text: 'duplicate entries merged (one per repository: best score, then later submission)' });
  });

  it('an empty dataset gives empty figures and no notes', () => {
    const result = sizes(makeDataset([]));
    expect(result.known).toBe(0);
    expect(result.families).toEqual([]);
    expect(result.bins.every((b) => b.count === 0 && b.best === null)).toBe(true);
    expect(result.small.share).toBeNull();
    expect(result.downloads.share).toBeNull();
    expect(result.paramsForScore.months).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});
