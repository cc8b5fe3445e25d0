// analyses.md §2 [Fig. 4, 7]: new models per period by type, shares, mean score by type with a
// centred moving average, cumulative counts. Expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import { centredAverage, typesOverTime } from '../../source/analysis/types.js';
import { buildDataset, datedDataset, FLOOR } from './build-dataset.js';

const series = (ts: { series: Array<{ name: string; values: number[] }> }) =>
  Object.fromEntries(ts.series.map((s) => [s.name, s.values]));

describe('typesOverTime', () => {
  // a: fine-tuned 2024-01, b: chat 2024-01, c and d: chat 2024-03 (d has no score),
  // e: pretrained on the Hub floor, f: no date, g: flagged, and a duplicate of b.
  const dataset = datedDataset([
    { repo: 'u/a', type: 'fine-tuned', score: 60, created: '2024-01-10' },
    { repo: 'u/b', type: 'chat', score: 70, created: '2024-01-20' },
    { repo: 'u/c', type: 'chat', score: 80, created: '2024-03-05' },
    { repo: 'u/d', type: 'chat', score: null, created: '2024-03-06' },
    { repo: 'u/e', type: 'pretrained', score: 40, created: FLOOR },
    { repo: 'u/f', type: 'fine-tuned', score: 45 },
    { repo: 'u/g', type: 'fine-tuned', score: 99, created: '2024-02-01', flagged: true },
    { repo: 'U/B', type: 'chat', score: 65, created: '2024-01-20' },
  ]);
  const result = typesOverTime(dataset);

  it('counts new models per month by type, zero-filling the empty month', () => {
    expect(result.counts.keys).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(result.types).toEqual(['fine-tuned', 'chat']);
    expect(series(result.counts)).toEqual({ 'fine-tuned': [1, 0, 0], chat: [1, 0, 2] });
    expect(result.totals).toEqual([2, 0, 2]);
  });

  it('gives each type’s share of its period (0 in an empty period)', () => {
    expect(series(result.shares)).toEqual({ 'fine-tuned': [0.5, 0, 0], chat: [0.5, 0, 1] });
  });

  it('averages scores per type and period, smoothed over 3 periods skipping gaps', () => {
    const chat = result.scores.series.find((s) => s.type === 'chat')!;
    expect(chat.mean).toEqual([70, null, 80]);
    // (70) / (70 + 80) / 2 / (80)
    expect(chat.smoothed).toEqual([70, 75, 80]);
    expect(chat.scored).toEqual([1, 0, 1]);
    const ft = result.scores.series.find((s) => s.type === 'fine-tuned')!;
    expect(ft.mean).toEqual([60, null, null]);
    expect(ft.smoothed).toEqual([60, 60, null]);
  });

  it('keeps running totals per type', () => {
    expect(series(result.cumulative)).toEqual({ 'fine-tuned': [1, 1, 1], chat: [1, 1, 3] });
  });

  it('counts every selected model by type, dated or not', () => {
    expect(result.overall).toEqual([
      { type: 'pretrained', count: 1, share: 1 / 6 },
      { type: 'fine-tuned', count: 2, share: 2 / 6 },
      { type: 'chat', count: 3, share: 3 / 6 },
    ]);
  });

  it('says what it left out, and never counts the 2022-03-02 floor in a period', () => {
    const counts = result.notes.map((n) => n.count);
    const texts = result.notes.map((n) => n.text).join('\n');
    expect(result.notes).toHaveLength(6);
    expect(counts).toEqual([1, 1, 1, 1, 1, 1]);
    expect(texts).toMatch(/flagged/);
    expect(texts).toMatch(/duplicate/);
    expect(texts).toMatch(/without a creation date/);
    expect(texts).toMatch(/2022-03-02/);
    expect(texts).toMatch(/without a score/);
    expect(result.counts.keys.some((k) => k.startsWith('2022'))).toBe(false);
  });

  it('carries the generation and the options it used', () => {
    expect(result.generation).toBe('v1');
    expect(result.options).toEqual({ includeFlagged: false, dedup: true, created: null, period: 'month', window: 3, floorInCumulative: true, score: 'average' });
    expect(result.score).toMatchObject({ id: 'average', scale: 'v1 scale: accuracy 0–100' });
  });

  it('brings flagged models back with the toggle', () => {
    const withFlagged = typesOverTime(dataset, { includeFlagged: true });
    expect(series(withFlagged.counts)).toEqual({ 'fine-tuned': [1, 1, 0], chat: [1, 0, 2] });
  });
});

describe('typesOverTime: the floor in cumulative totals', () => {
  const dataset = datedDataset([
    { repo: 'u/old', type: 'pretrained', created: FLOOR },
    { repo: 'u/new', type: 'pretrained', created: '2023-05-02' },
    { repo: 'u/later', type: 'pretrained', created: '2023-06-30' },
  ]);

  it('starts the running total from models on the floor, without a period count for them', () => {
    const result = typesOverTime(dataset);
    expect(series(result.counts)).toEqual({ pretrained: [1, 1] });
    expect(series(result.cumulative)).toEqual({ pretrained: [2, 3] });
  });

  it('reads 23:29:05 on 2022-03-02 as the floor too: no spike in the week of 2022-02-28', () => {
    const stamped = datedDataset([
      { repo: 'u/dialogpt', type: 'pretrained', created: '2022-03-02T23:29:05.000Z' },
      { repo: 'u/xglm', type: 'pretrained', created: '2022-03-02T23:29:04.000Z' },
      { repo: 'u/noon', type: 'pretrained', created: '2022-03-02T12:00:00.000Z' },
      { repo: 'u/new', type: 'pretrained', created: '2022-03-09' },
    ]);
    const result = typesOverTime(stamped, { period: 'week' });
    // the noon model is a real date (before the floor's 23:29): it stays in its week
    expect(result.counts.keys).toEqual(['2022-02-28', '2022-03-07']);
    expect(series(result.counts)).toEqual({ pretrained: [1, 1] });
    expect(result.notes.find((n) => /2022-03-02/.test(n.text) && /per-period/.test(n.text))?.count).toBe(2);
  });

  it('leaves them out of the running total too when asked', () => {
    expect(series(typesOverTime(dataset, { floorInCumulative: false }).cumulative)).toEqual({ pretrained: [1, 2] });
  });
});

describe('typesOverTime: periods and dates', () => {
  it('uses ISO weeks across a year boundary', () => {
    const dataset = datedDataset([
      { repo: 'u/a', type: 'chat', created: '2020-12-31' },
      { repo: 'u/b', type: 'chat', created: '2021-01-03' },
      { repo: 'u/c', type: 'chat', created: '2021-01-12' },
    ]);
    const result = typesOverTime(dataset, { period: 'week' });
    expect(result.counts.keys).toEqual(['2020-12-28', '2021-01-04', '2021-01-11']);
    expect(series(result.counts)).toEqual({ chat: [2, 0, 1] });
  });

  it('falls back to the leaderboard’s upload date (v2) when the Hub has none', () => {
    const dataset = buildDataset({
      generation: 'v2',
      entries: [{ repo: 'u/a', type: 'merge', uploadDate: '2024-07-09' }],
    });
    const result = typesOverTime(dataset, { period: 'day' });
    expect(result.generation).toBe('v2');
    expect(result.counts.keys).toEqual(['2024-07-09']);
    expect(series(result.counts)).toEqual({ merge: [1] });
  });

  it('handles a single model', () => {
    const result = typesOverTime(datedDataset([{ repo: 'u/a', type: 'unknown', score: 33, created: '2023-09-09' }]));
    expect(result.counts.keys).toEqual(['2023-09']);
    expect(result.scores.series).toEqual([{ type: 'unknown', mean: [33], smoothed: [33], scored: [1] }]);
    expect(result.notes).toEqual([]);
  });

  it('gives empty series and no notes on an empty dataset', () => {
    const result = typesOverTime(buildDataset({ entries: [] }));
    expect(result.counts).toEqual({ period: 'month', keys: [], series: [] });
    expect(result.totals).toEqual([]);
    expect(result.overall).toEqual([]);
    expect(result.notes).toEqual([]);
  });
});

describe('centredAverage', () => {
  it('averages the window around each value, skipping gaps', () => {
    expect(centredAverage([1, 2, 3, 4], 3)).toEqual([1.5, 2, 3, 3.5]);
    expect(centredAverage([1, null, null, null, 5], 3)).toEqual([1, 1, null, 5, 5]);
  });

  it('widens an even window to stay centred, and a window of 1 leaves values as they are', () => {
    expect(centredAverage([1, 2, 3, 4], 2)).toEqual([1.5, 2, 3, 3.5]);
    expect(centredAverage([1, null, 3], 1)).toEqual([1, null, 3]);
    expect(centredAverage([], 5)).toEqual([]);
  });
});
