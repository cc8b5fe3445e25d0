// The Lineage and Base models views on the hand-built sample: the derivative tree with its
// branches, the default base (the most declared), an unknown base, the models-per-base table.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_OPTIONS } from '../../source/views/view.js';
import { lineageView } from '../../source/views/lineage-view.js';
import { baseModelsView } from '../../source/views/base-models-view.js';
import { writeText } from '../../source/views/write-text.js';
import { sampleDataset } from './sample-dataset.js';

const dataset = sampleDataset();

describe('lineage view', () => {
  it('draws the tree with ├─ └─ and │ under open branches, each node with type, score, day', () => {
    const view = lineageView(dataset, { ...DEFAULT_VIEW_OPTIONS, base: 'MISTRALAI/mistral-7b-v0.1' });
    const lines = writeText(view, { width: 100, color: false });
    // the screen's tree: a two-column cursor gutter first
    const start = lines.findIndex((l) => l.startsWith('  mistralai/Mistral-7B-v0.1 '));
    // alice's and carol's branches have one descendant each: source order
    const modelColumn = lines[start - 2]!.indexOf('Type');
    expect(lines.slice(start, start + 5).map((l) => l.slice(2, modelColumn).trimEnd())).toEqual([
      'mistralai/Mistral-7B-v0.1',
      '├─ alice/mistral-7b-sft',
      '│  └─ bob/mistral-7b-dpo',
      '└─ carol/mistral-7b-best',
      '   └─ heidi/merged-mistral-7b',
    ]);
    expect(lines[start + 2]).toMatch(/bob\/mistral-7b-dpo\s+chat\s+61\.00\s+2023-10-01\s+7\.2 B\s+–$/); // a leaf: no children
    expect(view.summary).toMatch(/^base MISTRALAI\/mistral-7b-v0\.1/);
    expect(view.csv!.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [0, 'mistralai/Mistral-7B-v0.1', null],
      [1, 'alice/mistral-7b-sft', 'mistralai/Mistral-7B-v0.1'],
      [2, 'bob/mistral-7b-dpo', 'alice/mistral-7b-sft'],
      [1, 'carol/mistral-7b-best', 'mistralai/Mistral-7B-v0.1'],
      [2, 'heidi/merged-mistral-7b', 'carol/mistral-7b-best'],
    ]);
  });

  it('ASCII branches without unicode', () => {
    const lines = writeText(lineageView(dataset, { ...DEFAULT_VIEW_OPTIONS, base: 'microsoft/phi-2' }), { width: 80, color: false, unicode: false });
    expect(lines.some((l) => l.startsWith('  `- grace/phi-2-orange'))).toBe(true);
  });

  it('opens the most-declared base by default (ties: by id)', () => {
    // huggyllama/llama-7b and mistralai/Mistral-7B-v0.1 are declared twice each
    const view = lineageView(dataset, DEFAULT_VIEW_OPTIONS);
    expect((view.data as { base: string }).base).toBe('huggyllama/llama-7b');
    expect(view.blocks[0]).toEqual({ kind: 'heading', text: 'Lineage of huggyllama/llama-7b [§2]' });
  });

  it('an id nobody declares: a note, an empty tree', () => {
    const view = lineageView(dataset, { ...DEFAULT_VIEW_OPTIONS, base: 'nobody/nothing' });
    expect(writeText(view, { width: 120, color: false })).toContain(
      '· 1 “nobody/nothing” is neither on the leaderboard nor declared as a base model by a model in view',
    );
  });
});

describe('base models view', () => {
  it('the top N by models declaring them, with family and descendants', () => {
    const view = baseModelsView(dataset, { ...DEFAULT_VIEW_OPTIONS, top: 3 });
    expect(view.csv!.rows.map((r) => [r[1], r[2], r[4], r[5]])).toEqual([
      ['huggyllama/llama-7b', 'LLaMA', 2, 2],
      ['mistralai/Mistral-7B-v0.1', 'Mistral', 2, 4],
      ['alice/mistral-7b-sft', 'Mistral', 1, 1],
    ]);
    // declared: Mistral-7B-v0.1 (alice, carol), huggyllama (dave, alice), and once each
    // alice/mistral-7b-sft (bob), Llama-2 (erin), Mixtral (frank), phi-2 (grace), carol's (heidi)
    expect(view.summary).toMatch(/^7 declared bases · 9 declaring models · top 3/);
  });
});
