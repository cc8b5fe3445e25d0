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
  // 26 models in view: LLaMA 15 (March 2023); in May 2023 Mistral 5, Falcon 2, OPT 1 and GPT-2 1,
  // one unknown class; GPT-NeoX 1 on the 2022-03-02 floor (in view, not placed in time); plus
  // a flagged one (left out).
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

  it('shows the nine largest named families by default (six here), unknown apart; shares over all 26 in view', () => {
    expect(result.rule).toEqual({ top: 9 });
    expect(result.families).toEqual(['LLaMA', 'Mistral', 'Falcon', 'GPT-2', 'GPT-NeoX', 'OPT', 'unknown']);
    expect(result.inView).toBe(26);
    expect(result.placed).toBe(25);
    expect(result.totals.map((t) => [t.family, t.count, t.share, t.placed])).toEqual([
      ['LLaMA', 15, 15 / 26, 15],
      ['Mistral', 5, 5 / 26, 5],
      ['Falcon', 2, 2 / 26, 2],
      ['GPT-2', 1, 1 / 26, 1],
      ['GPT-NeoX', 1, 1 / 26, 0],
      ['OPT', 1, 1 / 26, 1],
      ['unknown', 1, 1 / 26, 1],
    ]);
  });

  it('counts per month, zero-filled, with shares of each month', () => {
    expect(result.counts.keys).toEqual(['2023-03', '2023-04', '2023-05']);
    expect(series(result.counts)).toEqual({
      LLaMA: [15, 0, 0],
      Mistral: [0, 0, 5],
      Falcon: [0, 0, 2],
      'GPT-2': [0, 0, 1],
      'GPT-NeoX': [0, 0, 0],
      OPT: [0, 0, 1],
      unknown: [0, 0, 1],
    });
    expect(result.periodTotals).toEqual([15, 0, 10]);
    expect(series(result.shares)).toMatchObject({ LLaMA: [1, 0, 0], Mistral: [0, 0, 0.5], Falcon: [0, 0, 0.2], unknown: [0, 0, 0.1] });
  });

  it('places only the release markers inside the months shown', () => {
    // March–May 2023: LLaMA (Feb 24) is before, Llama 2 (Jul 18) after; Falcon-7B is in April
    expect(result.markers).toEqual([{ day: '2023-04-24', label: 'Falcon-7B', key: '2023-04', index: 1 }]);
  });

  it('notes the flagged model, the floor, and how many of the models in view the series could place', () => {
    const byText = result.notes.map((n) => `${n.count} ${n.text}`).join('\n');
    expect(byText).toMatch(/^1 flagged/m);
    expect(byText).toMatch(/^1 .*2022-03-02/m);
    expect(byText).toMatch(/^1 of the 26 models in view are not placed in time/m);
    expect(byText).not.toMatch(/grouped/);
  });

  it('a threshold option: families holding at least that share of the models in view', () => {
    const five = architecturesOverTime(dataset, { threshold: 0.05 });
    expect(five.rule).toEqual({ threshold: 0.05 });
    // 5 % of 26 is 1.3 models: LLaMA, Mistral, Falcon
    expect(five.families).toEqual(['LLaMA', 'Mistral', 'Falcon', 'other', 'unknown']);
    expect(five.totals.find((t) => t.family === 'other')).toEqual({ family: 'other', count: 3, share: 3 / 26, placed: 2, members: ['GPT-2', 'GPT-NeoX', 'OPT'] });
    expect(five.notes.map((n) => `${n.count} ${n.text}`)).toContain('3 architecture families under 5 % of the models grouped as “other”');
    expect(architecturesOverTime(dataset, { threshold: 2 / 26 }).families).toContain('Falcon');
    expect(architecturesOverTime(dataset, { threshold: 0.08 }).families).toEqual(['LLaMA', 'Mistral', 'other', 'unknown']);
    expect(architecturesOverTime(dataset, { threshold: 0 }).families).toEqual(['LLaMA', 'Mistral', 'Falcon', 'GPT-2', 'GPT-NeoX', 'OPT', 'unknown']);
  });

  it('brings the flagged model back with the toggle', () => {
    const withFlagged = architecturesOverTime(dataset, { includeFlagged: true });
    expect(withFlagged.families).toContain('BLOOM');
    expect(withFlagged.periodTotals).toEqual([15, 0, 11]);
  });
});

describe('architecturesOverTime: the nine-family default (analyses.md §0 "Families shown")', () => {
  // Eleven named families of 12, 11, …, 2 models, one vendor's versions under one label
  // (Gemma + Gemma2, Phi + Phi3, Qwen2 + Qwen2MoE), Mixtral apart from Mistral; 3 unknown.
  const classes: Array<[string, number]> = [
    ['LlamaForCausalLM', 12],
    ['MistralForCausalLM', 11],
    ['MixtralForCausalLM', 10],
    ['GemmaForCausalLM', 5],
    ['Gemma2ForCausalLM', 4], // Gemma 9
    ['PhiForCausalLM', 4],
    ['Phi3ForCausalLM', 4], // Phi 8
    ['Qwen2ForCausalLM', 6],
    ['Qwen2MoeForCausalLM', 1], // Qwen2 7
    ['GPT2LMHeadModel', 6],
    ['GPTNeoXForCausalLM', 5],
    ['OPTForCausalLM', 4],
    ['FalconForCausalLM', 3],
    ['BloomForCausalLM', 2],
    ['?', 3],
  ];
  const dataset = datedDataset(classes.flatMap(([cls, n], c) => many(`c${c}`, n, cls, '2024-01-10')));
  const result = architecturesOverTime(dataset);

  it('shows the nine largest on their own and groups the two smallest as other', () => {
    expect(result.families).toEqual(['LLaMA', 'Mistral', 'Mixtral', 'Gemma', 'Phi', 'Qwen2', 'GPT-2', 'GPT-NeoX', 'OPT', 'other', 'unknown']);
    const total = 80;
    expect(result.totals.find((t) => t.family === 'other')).toEqual({ family: 'other', count: 5, share: 5 / total, placed: 5, members: ['Falcon', 'BLOOM'] });
    expect(result.totals.find((t) => t.family === 'Gemma')).toMatchObject({ count: 9, share: 9 / total });
    expect(result.notes.map((n) => `${n.count} ${n.text}`)).toContain('2 smaller architecture families grouped as “other” (the 9 largest are shown on their own)');
  });

  it('breaks a tie for the ninth place by name, and shows fewer when asked', () => {
    const tied = datedDataset([
      ...classes.slice(0, 12).flatMap(([cls, n], c) => many(`c${c}`, n, cls, '2024-01-10')),
      ...many('falcon', 4, 'FalconForCausalLM', '2024-01-10'), // 4 like OPT: Falcon < OPT
    ]);
    const names = architecturesOverTime(tied).families;
    expect(names.slice(7, 9)).toEqual(['GPT-NeoX', 'Falcon']);
    expect(names).toContain('other');
    expect(architecturesOverTime(dataset, { shown: 3 }).families).toEqual(['LLaMA', 'Mistral', 'Mixtral', 'other', 'unknown']);
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
    expect(result.totals).toEqual([{ family: 'Qwen2', count: 1, share: 1, placed: 1, members: ['Qwen2'] }]);
    expect(series(result.shares)).toEqual({ Qwen2: [1] });
  });
});
