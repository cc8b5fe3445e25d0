// The Improvement view (analyses.md §4) on a hand-built dataset whose records are worked out in
// sample-dataset.ts: the plot at 80 columns (≥ 4 families in the legend, labelled axes, step
// lines), the total-improvement table, units, the plot limit, named families, notes.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { DEFAULT_VIEW_OPTIONS, type ViewOptions } from '../../source/views/view.js';
import { improvementView, plottedFamilies } from '../../source/views/improvement-view.js';
import { writeText } from '../../source/views/write-text.js';
import { writeMarkdown } from '../../source/views/write-markdown.js';
import type { ImprovementViewData } from '../../source/views/improvement-view.js';
import { sampleDataset } from './sample-dataset.js';

const dataset = sampleDataset();
const build = (options: Partial<ViewOptions> = {}) => improvementView(dataset, { ...DEFAULT_VIEW_OPTIONS, mode: 'pattern', ...options });
const lines = (options: Partial<ViewOptions> = {}, width = 80) => writeText(build(options), { width, color: false });

describe('improvement view', () => {
  it('draws every improving family at 80 columns: legend with glyph and total, labelled axes', () => {
    const out = lines();
    for (const line of out) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const legend = out.filter((l) => /^\S[─═┄━╌┅]{2} /.test(l) || /  \S[─═┄━╌┅]{2} /.test(l)).join("  ");
    for (const entry of ['Mistral 7B (pattern) +10.00', 'LLaMA-1 7B (pattern) +7.00', 'Llama 2 7B (pattern) +5.00', 'Mixtral 8x7B (pattern) +3.00', 'Phi-2 (pattern) +2.50']) {
      expect(legend).toContain(entry);
    }
    expect(legend.match(/[●■▲◆✚○]/g)!.length).toBeGreaterThanOrEqual(4);
    expect(out).toContain('improvement over the reference (score points)');
    expect(out.some((l) => l.trim() === 'days since release (day 0: the family’s first model)')).toBe(true);
    // the x axis runs from day 0 to the last record (LLaMA-1 7B, day 36)
    const ticks = out[out.findIndex((l) => /^\s+└/.test(l)) + 1]!;
    expect(ticks.trim().startsWith('0')).toBe(true);
    expect(ticks.trim().endsWith('36')).toBe(true);
  });

  it('the total-improvement table: every family, largest total first, reference and record holder', () => {
    const view = build();
    const data = view.data as ImprovementViewData;
    expect(data.result.summary.slice(0, 5).map((r) => [r.label, r.total, r.daysToExhaust, r.size, r.records])).toEqual([
      ['Mistral 7B', 10, 30, 4, 3],
      ['LLaMA-1 7B', 7, 36, 3, 3],
      ['Llama 2 7B', 5, 2, 2, 2],
      ['Mixtral 8x7B', 3, 9, 2, 2],
      ['Phi-2', 2.5, 28, 2, 2],
    ]);
    expect(data.result.summary).toHaveLength(11);
    const wide = writeText(view, { width: 160, color: false });
    // n(d) on the record days 0, 5, 30: 1, 2, 4 models → normalised 0, 2 / ln 3, 10 / ln 5 = 6.21 (the peak, day 30)
    expect(wide.find((l) => /^Mistral 7B\s+pattern\s+4\s/.test(l))).toMatch(
      /^Mistral 7B\s+pattern\s+4\s+\+10\.00\s+30 d\s+6\.21\s+30 d\s+3\s+mistralai\/Mistral-7B-v0\.1\s+60\.00\s+carol\/mistral-7b-best\s+70\.00/,
    );
    const norm = (x: number) => Math.round(x * 1e9) / 1e9;
    expect(view.csv!.rows[0]).toEqual([
      'mistral-7b', 'Mistral 7B', 'pattern', 'average', 4, '2023-09-20', 'mistralai/Mistral-7B-v0.1', 60, 'carol/mistral-7b-best', 70, 10, 'points',
      norm(10 / Math.log(5)), 30, norm(10 / Math.log(5)), 30, 3,
    ]);
    // LLaMA-1 7B: records on days 14 (+3, n 2) and 36 (+7, n 3): 3 / ln 3 = 2.73 < 7 / ln 4 = 5.05
    expect(data.result.summary.find((r) => r.id === 'llama-7b')!.peakDay).toBe(36);
    // the columns are explained under the table (issue 8 §11)
    const note = view.blocks.find((b) => b.kind === 'paragraph');
    expect(note?.kind === 'paragraph' && note.text).toMatch(/Rec\.: records.*Ref\.: its score/s);
    expect(note?.kind === 'paragraph' && note.text).toMatch(/Norm\.: the highest normalised improvement.*ln\(1 \+ n\(d\)\)/s);
  });

  it('the paper’s figures beside the families it quotes', () => {
    const figures = build().blocks.find((b) => b.kind === 'figures');
    expect(figures).toEqual({
      kind: 'figures',
      rows: [
        { label: 'LLaMA-1 7B (pattern)', value: '+7.00 · 90 % day 36 · peak day 36 · 3 models', paper: '≈ 15 points' },
        { label: 'Llama 3 8B (pattern)', value: 'no models', paper: '> 10 points within days' },
        { label: 'Mistral 7B (pattern)', value: '+10.00 · 90 % day 30 · peak day 30 · 4 models', paper: '≈ 15 points' },
      ],
    });
  });

  it('--plot N draws the N largest totals and says how many more there are', () => {
    const view = build({ plot: 2 });
    expect((view.data as ImprovementViewData).plotted).toEqual(['mistral-7b', 'llama-7b']);
    const out = writeText(view, { width: 100, color: false });
    expect(out.some((l) => l.includes('Mixtral 8x7B (pattern) +3.00'))).toBe(false);
    expect(out).toContain('· 3 more improving families not drawn (--plot 2: the largest totals)');
  });

  it('--normalised plots improvement ÷ ln(1 + n(d)); --percent plots % of the reference', () => {
    const normalised = lines({ normalised: true }, 120);
    expect(normalised).toContain('improvement ÷ ln(1 + n(d)), n(d): the family’s models made up to the record’s day');
    expect(normalised.join('\n')).toContain(`Mistral 7B (pattern) peak +${(10 / Math.log(5)).toFixed(2)} day 30`);
    const percent = build({ percent: true });
    const mistral = (percent.data as ImprovementViewData).result.families.find((f) => f.id === 'mistral-7b')!;
    expect(mistral.total).toBeCloseTo((10 / 60) * 100, 9);
    expect(writeText(percent, { width: 100, color: false }).join('\n')).toContain('Mistral 7B (pattern) +16.7 %');
  });

  it('named families only: a preset, a pattern and a base repository (lineage)', () => {
    const view = build({ families: ['phi-2', 'pattern:mistral7b:7:0.5', 'huggyllama/llama-7b'] });
    const data = view.data as ImprovementViewData;
    expect(data.result.families.map((f) => [f.label, f.kind, f.size, f.total])).toEqual([
      ['Phi-2', 'pattern', 2, 2.5],
      ['mistral7b 7–7.5B', 'pattern', 4, 10],
      ['huggyllama/llama-7b', 'lineage', 3, 7],
    ]);
    expect(view.summary).toMatch(/^3 families · /);
  });

  it('lineage by default when the dataset has Hub metadata; the lineage reference is the base', () => {
    const view = improvementView(dataset, DEFAULT_VIEW_OPTIONS);
    const data = view.data as ImprovementViewData;
    expect(data.mode).toBe('lineage');
    const mistral = data.result.families.find((f) => f.id === 'mistral-7b')!;
    expect(mistral.reference).toMatchObject({ repo: 'mistralai/Mistral-7B-v0.1', fromBase: true });
    // the merge heidi/merged-mistral-7b descends from carol's model, but is left out
    expect(mistral.size).toBe(4);
    expect(mistral.notes).toContainEqual({ count: 1, text: 'merges left out of the family' });
  });

  it('plots nothing, and says so, when no family improved', () => {
    const view = build({ families: ['pattern:phi3mini'] });
    expect(plottedFamilies((view.data as ImprovementViewData).result, 6)).toEqual([]);
    expect(writeText(view, { width: 80, color: false })).toContain('(no family improved on its first model: nothing to plot)');
  });

  it('Markdown: the plot fenced, the table as a Markdown table', () => {
    const md = writeMarkdown(build(), dataset);
    expect(md).toMatch(/```text\n[\s\S]*Mistral 7B \(pattern\) \+10\.00[\s\S]*```/);
    expect(md).toContain('| Family | Formed | Models | Total | 90 % at | Norm. | Peak at | Rec. | Reference | Ref. | Record holder | Best |');
    expect(md).toContain('| Mistral 7B | pattern | 4 | +10.00 | 30 d | 6.21 | 30 d | 3 | mistralai/Mistral-7B-v0.1 | 60.00 | carol/mistral-7b-best | 70.00 |');
  });
});
