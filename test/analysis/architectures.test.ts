// analyses.md §2 [Fig. 5] and §0 "Architecture family": families per period, the 5 % rule,
// `other` and `unknown`, release markers clipped to the range shown.
import { describe, expect, it } from 'vitest';
import {
  architecturesOverTime,
  placeMarkers,
  RELEASE_MARKERS,
} from '../../source/analysis/architectures.js';
import { buildDataset, datedDataset, FLOOR, type EntrySpec } from './build-dataset.js';

const series = (ts: { series: Array<{ name: string; values: number[] }> }) =>
  Object.fromEntries(ts.series.map((s) => [s.name, s.values]));

/** `count` models of one class created on `day`. */
function many(prefix: string, count: number, architecture: string, day: string): Array<EntrySpec & { created: string }> {
  return Array.from({ length: count }, (_, i) => ({ repo: `${prefix}/m${i}`, architecture, created: day }));
}

describe('architecturesOverTime', () => {
  // 25 charted models: LLaMA 15 (March 2023); in May 2023 Mistral 5, Falcon 2 (8 %), OPT 1 and
  // GPT-2 1 (4 % each: other), one unknown class; plus a flagged one and one on the floor.
  const dataset = datedDataset([
    ...many('llama', 15, 'LlamaForCausalLM', '2023-03-15'),
    ...many('mistral', 5, 'MistralForCausalLM', '2023-05-02'),
    ...many('falcon', 2, 'FalconForCausalLM', '2023-05-03'),
    { repo: 'opt/m', architecture: 'OPTForCausalLM', created: '2023-05-04' },
    { repo: 'gpt/m', architecture: 'GPT2LMHeadModel', created: '2023-05-05' },
    { repo: 'what/m', architecture: '?', created: '2023-05-06' },
    { repo: 'flag/m', architecture: 'BloomForCausalLM', created: '2023-05-07', flagged: true },
    { repo: 'old/m', architecture: 'GPTNeoXForCausalLM', created: FLOOR },
  ]);
  const result = architecturesOverTime(dataset);

  it('shows families at ≥ 5 % on their own, groups the rest as other, keeps unknown apart', () => {
    expect(result.families).toEqual(['LLaMA', 'Mistral', 'Falcon', 'other', 'unknown']);
    expect(result.totals).toEqual([
      { family: 'LLaMA', count: 15, share: 0.6, members: ['LLaMA'] },
      { family: 'Mistral', count: 5, share: 0.2, members: ['Mistral'] },
      { family: 'Falcon', count: 2, share: 0.08, members: ['Falcon'] },
      { family: 'other', count: 2, share: 0.08, members: ['GPT-2', 'OPT'] },
      { family: 'unknown', count: 1, share: 0.04, members: ['unknown'] },
    ]);
  });

  it('counts per month, zero-filled, with shares of each month', () => {
    expect(result.counts.keys).toEqual(['2023-03', '2023-04', '2023-05']);
    expect(series(result.counts)).toEqual({
      LLaMA: [15, 0, 0],
      Mistral: [0, 0, 5],
      Falcon: [0, 0, 2],
      other: [0, 0, 2],
      unknown: [0, 0, 1],
    });
    expect(result.periodTotals).toEqual([15, 0, 10]);
    expect(series(result.shares)).toEqual({
      LLaMA: [1, 0, 0],
      Mistral: [0, 0, 0.5],
      Falcon: [0, 0, 0.2],
      other: [0, 0, 0.2],
      unknown: [0, 0, 0.1],
    });
  });

  it('places only the release markers inside the months shown', () => {
    // March–May 2023: LLaMA (Feb 24) is before, Llama 2 (Jul 18) after; Falcon-7B is in April
    expect(result.markers).toEqual([{ day: '2023-04-24', label: 'Falcon-7B', key: '2023-04', index: 1 }]);
  });

  it('notes the flagged model, the floor and the grouped families', () => {
    const byText = result.notes.map((n) => `${n.count} ${n.text}`).join('\n');
    expect(byText).toMatch(/^1 flagged/m);
    expect(byText).toMatch(/^1 .*2022-03-02/m);
    expect(byText).toMatch(/^2 architecture families under 5 %/m);
  });

  it('treats the threshold as "at least"', () => {
    expect(architecturesOverTime(dataset, { threshold: 0.08 }).families).toEqual(['LLaMA', 'Mistral', 'Falcon', 'other', 'unknown']);
    const higher = architecturesOverTime(dataset, { threshold: 0.09 });
    expect(higher.families).toEqual(['LLaMA', 'Mistral', 'other', 'unknown']);
    expect(higher.totals.find((t) => t.family === 'other')).toEqual({
      family: 'other',
      count: 4,
      share: 0.16,
      members: ['Falcon', 'GPT-2', 'OPT'],
    });
  });

  it('shows every family with a threshold of 0', () => {
    expect(architecturesOverTime(dataset, { threshold: 0 }).families).toEqual([
      'LLaMA',
      'Mistral',
      'Falcon',
      'GPT-2',
      'OPT',
      'unknown',
    ]);
  });

  it('brings the flagged model back with the toggle', () => {
    const withFlagged = architecturesOverTime(dataset, { includeFlagged: true, threshold: 0 });
    expect(withFlagged.families).toContain('BLOOM');
    expect(withFlagged.periodTotals).toEqual([15, 0, 11]);
  });
});

describe('release markers', () => {
  it('holds the table of analyses.md §2, in its order', () => {
    expect(RELEASE_MARKERS.map((m) => `${m.day} ${m.label}`)).toEqual([
      '2023-02-24 LLaMA',
      '2023-04-24 Falcon-7B',
      '2023-07-18 Llama 2',
      '2023-09-20 Mistral 7B v0.1',
      '2023-10-17 Phi-1.5',
      '2023-12-11 Mixtral 8x7B and Mistral v0.2',
      '2024-01-11 Phi-2',
      '2023-12-06 Gemini 1.0',
      '2024-02-15 Gemini 1.5',
      '2024-04-10 Mixtral 8x22B',
      '2024-04-18 Llama 3',
      '2024-04-22 Phi-3-mini',
      '2024-05-22 Mistral v0.3',
    ]);
  });

  it('clips to whole weeks and sorts by day', () => {
    // weeks of Monday 2023-12-04 and 2023-12-11: Dec 4 … Dec 17 inclusive
    const markers = [
      { day: '2023-12-18', label: 'after' },
      { day: '2023-12-17', label: 'last day' },
      { day: '2023-12-06', label: 'Gemini 1.0' },
      { day: '2023-12-03', label: 'before' },
    ];
    expect(placeMarkers(markers, ['2023-12-04', '2023-12-11'], 'week')).toEqual([
      { day: '2023-12-06', label: 'Gemini 1.0', key: '2023-12-04', index: 0 },
      { day: '2023-12-17', label: 'last day', key: '2023-12-11', index: 1 },
    ]);
  });

  it('clips to whole months through December', () => {
    const markers = [{ day: '2023-12-31', label: 'eve' }, { day: '2024-01-01', label: 'new year' }];
    expect(placeMarkers(markers, ['2023-11', '2023-12'], 'month').map((m) => m.label)).toEqual(['eve']);
  });

  it('takes an edited table through the option', () => {
    const dataset = datedDataset([{ repo: 'u/a', created: '2024-06-03' }]);
    const result = architecturesOverTime(dataset, { period: 'day', markers: [{ day: '2024-06-03', label: 'X' }] });
    expect(result.markers).toEqual([{ day: '2024-06-03', label: 'X', key: '2024-06-03', index: 0 }]);
  });
});

describe('architecturesOverTime on small inputs', () => {
  it('gives nothing, without throwing, on an empty dataset', () => {
    const result = architecturesOverTime(buildDataset({ entries: [] }));
    expect(result.families).toEqual([]);
    expect(result.counts.keys).toEqual([]);
    expect(result.markers).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('gives one family at 100 % for a single model', () => {
    const result = architecturesOverTime(datedDataset([{ repo: 'u/a', architecture: 'Qwen2ForCausalLM', created: '2024-06-03' }]));
    expect(result.totals).toEqual([{ family: 'Qwen2', count: 1, share: 1, members: ['Qwen2'] }]);
    expect(series(result.shares)).toEqual({ Qwen2: [1] });
  });
});
