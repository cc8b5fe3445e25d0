// The Overview view on the hand-built sample (sample-dataset.ts): the data source with ages
// from the injected clock, what is missing, and each section's figures with the paper's figure
// beside it. Numbers worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_OPTIONS, type Block } from '../../source/views/view.js';
import { overviewView, ageText } from '../../source/views/overview-view.js';
import { PAPER_FIGURES } from '../../source/views/paper-figures.js';
import { writeText } from '../../source/views/write-text.js';
import { writeMarkdown } from '../../source/views/write-markdown.js';
import { selectModels } from '../../source/analysis/select.js';
import { buildDataset } from '../analysis/build-dataset.js';
import { sampleDataset } from './sample-dataset.js';

const sample = sampleDataset();
const dataset = { ...sample, source: { ...sample.source, rowProblems: 2 } };
const now = new Date('2024-06-01T13:00:00Z');
const view = overviewView(dataset, { ...DEFAULT_VIEW_OPTIONS, now });
const rows = view.blocks.flatMap((b: Block) => (b.kind === 'figures' ? b.rows : []));
const row = (label: string | RegExp) => rows.find((r) => (typeof label === 'string' ? r.label === label : label.test(r.label)));

describe('overview view', () => {
  it('names the source, its revision and how old each pass is (from options.now)', () => {
    expect(row('source')!.value).toBe('open-llm-leaderboard-old/contents (dataset viewer), v1');
    expect(row('revision')!.value).toBe('abc123def456');
    expect(row('leaderboard fetched')!.value).toBe('2024-06-01 10:00 UTC (3 h ago)');
    expect(row('Hub info, last complete pass')!.value).toBe('2024-06-01 10:05 UTC (3 h ago)');
    expect(row('commit histories, last complete pass')!.value).toBe('never');
    expect(row('leaderboard rows that could not be read')!.value).toBe('2');
    const noClock = overviewView(dataset, DEFAULT_VIEW_OPTIONS);
    expect(writeText(noClock, { width: 100, color: false }).join('\n')).not.toContain('ago');
  });

  it('a partial dataset (the explorer\'s first frame): the same data figures, no sections yet', () => {
    const partial = overviewView({ ...dataset, info: new Map(), activity: new Map(), partial: true }, { ...DEFAULT_VIEW_OPTIONS, now });
    const partialRows = partial.blocks.flatMap((b: Block) => (b.kind === 'figures' ? b.rows : []));
    const dataLabels = ['source', 'entries / distinct repositories', 'flagged repositories left out', 'duplicate entries merged', 'models in view (one per repository)'];
    for (const label of dataLabels) expect(partialRows.find((r) => r.label === label)).toEqual(row(label));
    expect(partial.summary).toContain('reading the cache…');
    expect(partialRows.find((r) => r.label === 'authors (N)')).toBeUndefined();
    expect(writeText(partial, { width: 100, color: false }).join('\n')).toContain('Reading Hub info and commit histories');
  });

  it('ages: minutes, hours, days', () => {
    expect(ageText('2024-06-01T12:59:30Z', now)).toBe('just now');
    expect(ageText('2024-06-01T12:15:00Z', now)).toBe('45 min ago');
    expect(ageText('2024-05-29T13:00:00Z', now)).toBe('3 days ago');
    expect(ageText(null, now)).toBeNull();
    expect(ageText('2024-06-01T12:00:00Z', undefined)).toBeNull();
  });

  it('§1: 13 authors over 16 author–repository pairs; the paper’s figures beside them', () => {
    // alice 3 repos, mistral-team 2, eleven others 1 each; bob's repo has two authors (bob,
    // alice); "system" and "alice-bot" are left out. Top 10: 3 + 2 + 8 = 13 of 16 = 81.3 %.
    // Price: √13 = 3.6 → top 4: 3 + 2 + 1 + 1 = 7 of 16 = 43.8 %.
    expect(row('authors (N)')).toEqual({ label: 'authors (N)', value: '13', paper: PAPER_FIGURES.authors.text });
    expect(row(/^top 10 authors/)).toMatchObject({ value: '81.3 %', paper: '≈ 8 %' });
    expect(row(/^top 200 authors/)).toMatchObject({ value: '100.0 %', paper: '≈ 50 %' });
    expect(row(/^Price’s law: top √N = 4/)).toMatchObject({ value: '43.8 %', paper: '≈ half (Price’s law)' });
    expect(row('single-author repositories')!.value).toBe('93.3 %');
  });

  it('§2: types, families, and the models naming Mistral 7B / Llama 3 as base', () => {
    expect(row('type pretrained')!.value).toBe('33.3 % (5)');
    expect(row('type merge')!.value).toBe('6.7 % (1)');
    expect(row('architecture LLaMA')!.value).toBe('40.0 % (6)');
    // the Mistral 7B family's bases: Mistral-7B-v0.1 (7.24 B: alice, carol), alice/mistral-7b-sft
    // (7.24 B: bob), carol/mistral-7b-best (7.24 B: heidi): 4 models, 2 of them the base itself
    expect(row(/^models declaring a Mistral 7B base/)).toMatchObject({ value: '4 (2 mistralai/Mistral-7B-v0.1 itself)', paper: '> 300 models' });
    expect(row(/^models declaring a Llama 3 base/)).toMatchObject({ value: '0', paper: '> 200 models' });
  });

  it('§3: small models and downloads at most 15 B', () => {
    // 12 of 15 under 20 B; downloads 32,650 of which Mixtral's 4,000 and the 120 B model's 50
    // are above 15 B: 28,600 / 32,650 = 87.6 %. 7–8 B: five Mistral 7.24 B and five LLaMA 7 B.
    expect(row(/^models under 20 B/)!.value).toBe('80.0 %');
    expect(row(/^downloads going to models of at most 15 B/)).toMatchObject({ value: '87.6 %', paper: '≈ 85 %' });
    expect(row('models in the 7–8 B bin')!.value).toBe('10 (66.7 %)');
  });

  it('§4: the four families in both modes, the paper’s figures beside them', () => {
    expect(row('Mistral 7B, lineage')).toEqual({ label: 'Mistral 7B, lineage', value: '+10.00 · 90 % day 30 · peak day 30 · 4 models', paper: '≈ 15 points' });
    expect(row('Mistral 7B, name pattern')!.value).toBe('+10.00 · 90 % day 30 · peak day 30 · 4 models');
    expect(row('LLaMA-1 7B, name pattern')).toMatchObject({ value: '+7.00 · 90 % day 36 · peak day 36 · 3 models', paper: '≈ 15 points' });
    expect(row('Llama 3 8B, lineage')).toMatchObject({ value: 'no models', paper: '> 10 points within days' });
    expect(row('Phi-2, lineage')).toEqual({ label: 'Phi-2, lineage', value: '+2.50 · 90 % day 28 · peak day 28 · 2 models' });
    // days to 90 %: 30, 36, 2, 9, 28 → median 28; the normalised peaks fall on the same days
    // here (each family's last record is its normalised peak: 10 / ln 5 > 2 / ln 3, 7 / ln 4 > 3 / ln 3)
    expect(row(/^median day of 90 % \(5\), lineage/)).toMatchObject({ value: 'day 28', paper: '≈ a month' });
    expect(row(/^median normalised peak \(5\), lineage/)).toMatchObject({ value: 'day 28', paper: '≈ a month' });
  });

  it('every figure the paper states is shown beside one of ours', () => {
    const shown = new Set(rows.map((r) => r.paper).filter(Boolean));
    for (const figure of Object.values(PAPER_FIGURES)) expect(shown, figure.text).toContain(figure.text);
  });

  it('JSON data carries the numbers, text the paper column, Markdown a table per section', () => {
    const data = view.data as any;
    expect(data.counts).toEqual({ entries: 15, repositories: 15, models: 15, flagged: 0, duplicates: 0 });
    expect(data.sections.map((s: any) => s.id)).toEqual(['authors', 'types', 'sizes', 'improvement']);
    expect(data.sections[0].data.concentration.price).toMatchObject({ k: 4, pairs: 7, share: 7 / 16 });
    const text = writeText(view, { width: 80, color: false });
    expect(text.find((l) => l.startsWith('authors (N)'))).toMatch(/^authors \(N\)\s+13\s+1,829 authors\s*$/);
    const md = writeMarkdown(view, dataset);
    expect(md).toContain('| top 10 authors’ share of author–repo pairs | 81.3 % | ≈ 8 % |');
    expect(md.match(/^\| Figure \| hubscope \| Paper \|$/gm)).toHaveLength(4);
  });

  it('an empty dataset: the source and counts, then what to do, no section figures', () => {
    const empty = overviewView(buildDataset({ entries: [] }), DEFAULT_VIEW_OPTIONS);
    expect(empty.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      'Data',
      'The cache is empty',
    ]);
    const paragraph = empty.blocks.find((b) => b.kind === 'paragraph') as { text: string };
    expect(paragraph.text).toContain('npx hubscope import FILE');
  });
});
