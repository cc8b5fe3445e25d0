// analyses.md §2 [Fig. 6] "Models per base model" and the derivative tree of one base model.
import { describe, expect, it } from 'vitest';
import { baseModels, derivativesOf, flattenTree } from '../../source/analysis/base-models.js';
import { buildDataset } from './build-dataset.js';

// meta/llama ← u1 (finetune), u2 (adapter), u3 (card, spelled Meta/Llama); u1 ← u4 (quantized),
// u5 (merge, which also merges mistral); mistral (not on the leaderboard) ← u5, u6, u7.
// u8 is flagged and declares meta/llama.
const MISTRAL = 'mistralai/Mistral-7B-v0.1';
const dataset = buildDataset({
  entries: [
    { repo: 'meta/llama', type: 'pretrained', score: 50, params: 7 },
    { repo: 'u1/ft-a', score: 60 },
    { repo: 'u2/ft-b', score: 55 },
    { repo: 'u3/ft-c', score: null },
    { repo: 'u4/q', score: 59 },
    { repo: 'u5/m', type: 'merge', score: 62 },
    { repo: 'u6/x', architecture: 'MistralForCausalLM' },
    { repo: 'u7/y', architecture: 'MistralForCausalLM' },
    { repo: 'u8/f', flagged: true },
  ],
  info: {
    'u1/ft-a': { tags: ['base_model:finetune:meta/llama'], created: '2024-01-05' },
    'u2/ft-b': { tags: ['base_model:adapter:meta/llama'], created: '2023-12-01' },
    'u3/ft-c': { bases: ['Meta/Llama'] },
    'u4/q': { tags: ['base_model:quantized:u1/ft-a'] },
    'u5/m': { tags: ['base_model:merge:u1/ft-a', `base_model:merge:${MISTRAL}`] },
    'u6/x': { bases: [MISTRAL] },
    'u7/y': { bases: [MISTRAL] },
    'u8/f': { bases: ['meta/llama'] },
  },
});

describe('baseModels', () => {
  const result = baseModels(dataset);

  it('counts the models declaring each base, by relation, most first then by id', () => {
    expect(result.top.map((r) => [r.repo, r.count, r.descendants])).toEqual([
      ['meta/llama', 3, 5],
      [MISTRAL, 3, 3],
      ['u1/ft-a', 2, 2],
    ]);
    expect(result.top[0]!.byRelation).toEqual({ finetune: 1, adapter: 1, merge: 0, quantized: 0, unknown: 1 });
    expect(result.top[1]!.byRelation).toEqual({ finetune: 0, adapter: 0, merge: 1, quantized: 0, unknown: 2 });
    expect(result.top[2]!.byRelation).toEqual({ finetune: 0, adapter: 0, merge: 1, quantized: 1, unknown: 0 });
  });

  it('takes the family from the base’s own entry, else from the majority of its children', () => {
    expect(result.top[0]).toMatchObject({ family: 'LLaMA', familySource: 'own entry', onLeaderboard: true, score: 50 });
    // children of mistral: u5 (LLaMA class), u6, u7 (Mistral) → Mistral
    expect(result.top[1]).toMatchObject({ family: 'Mistral', familySource: 'children', onLeaderboard: false, score: null });
  });

  it('spells a base as the Hub does, else as most of its children do', () => {
    expect(result.top[0]!.key).toBe('meta/llama');
    expect(result.top[1]!.key).toBe('mistralai/mistral-7b-v0.1');
    expect(result.top[1]!.repo).toBe(MISTRAL);
  });

  it('gives the totals and notes', () => {
    expect(result).toMatchObject({ bases: 3, declaring: 7, models: 8 });
    expect(result.notes.map((n) => [n.count, n.text.split(' ')[0]])).toEqual([
      [1, 'flagged'],
      [1, 'models'], // meta/llama declares no base
      [1, 'models'], // meta/llama has no Hub info
      [1, 'declared'], // mistral: not on the leaderboard, no Hub info
    ]);
    expect(result.offBoard).toEqual({ bases: 1, withHubInfo: 0, unresolved: 1, declaringUnresolved: 3 });
    expect(result.notes.at(-1)!.text).toMatch(/^declared bases not on the leaderboard, without Hub info .* declared by 3 models$/);
    expect(result.top.find((r) => r.repo === MISTRAL)).toMatchObject({ onLeaderboard: false, hubInfo: false, aliases: [] });
  });

  it('resolves declared bases through renamed repositories (analyses.md §0)', () => {
    // v2: models declare meta-llama/Meta-Llama-3.1-8B, whose row is meta-llama/Llama-3.1-8B;
    // the fetch stored the old id's info under the old key with the new id.
    const renamed = buildDataset({
      generation: 'v2',
      entries: [
        { repo: 'meta-llama/Llama-3.1-8B', type: 'pretrained', score: 14.42 },
        { repo: 'meta-llama/Llama-3.1-8B-Instruct', type: 'chat', score: 23.76 },
        { repo: 'a/one', baseModel: 'meta-llama/Meta-Llama-3.1-8B', baseModelRelation: 'finetune' },
        { repo: 'b/two', baseModel: 'meta-llama/Meta-Llama-3.1-8B', baseModelRelation: 'finetune' },
        { repo: 'c/three', baseModel: 'meta-llama/Llama-3.1-8B-Instruct', baseModelRelation: 'finetune' },
        { repo: 'd/four', baseModel: 'gone/Base', baseModelRelation: 'finetune' },
        { repo: 'e/five', baseModel: 'known/Base', baseModelRelation: 'adapter' },
      ],
      info: { 'known/Base': { created: '2024-01-01' } },
      renamed: { 'meta-llama/Meta-Llama-3.1-8B': 'meta-llama/Llama-3.1-8B' },
    });
    const r = baseModels(renamed);
    expect(r.top[0]).toMatchObject({ repo: 'meta-llama/Llama-3.1-8B', count: 2, onLeaderboard: true, score: 14.42, aliases: ['meta-llama/Meta-Llama-3.1-8B'] });
    expect(r.resolvedRenames).toBe(2);
    expect(r.offBoard).toEqual({ bases: 2, withHubInfo: 1, unresolved: 1, declaringUnresolved: 1 });
    // the tree opens on the old id as well
    const tree = derivativesOf(renamed, 'meta-llama/Meta-Llama-3.1-8B');
    expect(tree.root.repo).toBe('meta-llama/Llama-3.1-8B');
    expect(tree.root.children.map((c) => c.repo)).toEqual(['a/one', 'b/two']);
    expect(derivativesOf(renamed, 'gone/base')).toMatchObject({ found: true, onLeaderboard: false, hubInfo: false });
  });

  it('keeps the top N', () => {
    expect(baseModels(dataset, { top: 1 }).top.map((r) => r.repo)).toEqual(['meta/llama']);
    expect(baseModels(dataset, { top: 0 }).top).toEqual([]);
  });

  it('counts the flagged child with the toggle', () => {
    expect(baseModels(dataset, { includeFlagged: true }).top[0]).toMatchObject({ repo: 'meta/llama', count: 4 });
  });

  it('falls back to children when the base’s own class is unknown, and spells it from its Hub info', () => {
    const d = buildDataset({
      entries: [{ repo: 'Org/Base', architecture: '?' }, { repo: 'u/a', architecture: 'GemmaForCausalLM' }],
      info: { 'u/a': { bases: ['org/base'] } },
    });
    expect(baseModels(d).top[0]).toMatchObject({ repo: 'Org/Base', family: 'Gemma', familySource: 'children' });
  });

  it('gives nothing on an empty dataset', () => {
    const empty = baseModels(buildDataset({ entries: [] }));
    expect(empty).toMatchObject({ bases: 0, declaring: 0, models: 0, top: [], notes: [] });
  });

  it('finds the own entry of bases outside the view (flagged) by key, without a pass per base', () => {
    // 30,000 flagged bases, each declared by one model in view: every base is looked up among
    // the entries (a filter over all 60,000 entries per base took over 20 s; an index, ~1 s)
    const n = 30_000;
    const entries = [
      ...Array.from({ length: n }, (_, i) => ({ repo: `base/b${i}`, flagged: true, score: i % 100 })),
      ...Array.from({ length: n }, (_, i) => ({ repo: `kid/k${i}`, baseModel: `base/b${i}` })),
    ];
    const big = buildDataset({ entries });
    const started = performance.now();
    const result = baseModels(big, { top: Number.POSITIVE_INFINITY });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.top).toHaveLength(n);
    expect(result.top.find((b) => b.repo === 'base/b7')).toMatchObject({ onLeaderboard: true, score: 7, familySource: 'own entry', count: 1 });
  });
});

describe('derivativesOf', () => {
  it('draws children and grandchildren with type, score, date and counts per relation', () => {
    const result = derivativesOf(dataset, 'META/llama');
    const root = result.root;
    expect(root).toMatchObject({ repo: 'meta/llama', inView: true, type: 'pretrained', score: 50, params: 7, depth: 0, descendants: 5 });
    // most descendants first, then source order
    expect(root.children.map((c) => [c.repo, c.relation, c.descendants])).toEqual([
      ['u1/ft-a', 'finetune', 2],
      ['u2/ft-b', 'adapter', 0],
      ['u3/ft-c', 'unknown', 0],
    ]);
    expect(root.byRelation).toEqual({ finetune: 1, adapter: 1, merge: 0, quantized: 0, unknown: 1 });
    const u1 = root.children[0]!;
    expect(u1).toMatchObject({ type: 'fine-tuned', score: 60, day: '2024-01-05', depth: 1 });
    expect(u1.children.map((c) => [c.repo, c.relation, c.type, c.depth])).toEqual([
      ['u4/q', 'quantized', 'fine-tuned', 2],
      ['u5/m', 'merge', 'merge', 2],
    ]);
    expect(result.byRelation).toEqual({ finetune: 1, adapter: 1, merge: 1, quantized: 1, unknown: 1 });
    expect(result.byType).toEqual({ 'fine-tuned': 4, merge: 1 });
    expect(result.depth).toBe(2);
    expect(result).toMatchObject({ found: true, family: 'LLaMA', familySource: 'own entry' });
    expect(result.notes).toEqual([{ count: 1, text: expect.stringMatching(/flagged/) }]);
  });

  it('orders children by score or date when asked (nulls last)', () => {
    const byScore = derivativesOf(dataset, 'meta/llama', { childOrder: 'score' });
    expect(byScore.root.children.map((c) => c.repo)).toEqual(['u1/ft-a', 'u2/ft-b', 'u3/ft-c']);
    const byDate = derivativesOf(dataset, 'meta/llama', { childOrder: 'date' });
    // u2 2023-12-01, u1 2024-01-05, u3 undated
    expect(byDate.root.children.map((c) => c.repo)).toEqual(['u2/ft-b', 'u1/ft-a', 'u3/ft-c']);
  });

  it('draws a base outside the leaderboard as a root without fields', () => {
    const result = derivativesOf(dataset, MISTRAL);
    expect(result.root).toMatchObject({ repo: MISTRAL, inView: false, type: null, score: null, descendants: 3 });
    expect(result.family).toBe('Mistral');
  });

  it('stays finite on a cycle and notes the links it did not draw', () => {
    // a ← b ← c, and a declares c: c → a is a link back to the root
    const cyclic = buildDataset({
      entries: [{ repo: 'z/a' }, { repo: 'z/b' }, { repo: 'z/c' }],
      info: { 'z/a': { bases: ['z/c'] }, 'z/b': { bases: ['z/a'] }, 'z/c': { bases: ['z/b'] } },
    });
    const result = derivativesOf(cyclic, 'z/a');
    expect(flattenTree(result.root).map((n) => `${n.depth}:${n.repo}`)).toEqual(['0:z/a', '1:z/b', '2:z/c']);
    expect(result.root.descendants).toBe(2);
    expect(result.notes).toEqual([{ count: 1, text: expect.stringMatching(/not drawn/) }]);
  });

  it('draws a model with two bases in the tree once, under the shallower', () => {
    const diamond = buildDataset({
      entries: [{ repo: 'b/root' }, { repo: 'b/mid' }, { repo: 'b/leaf' }],
      info: { 'b/mid': { bases: ['b/root'] }, 'b/leaf': { bases: ['b/mid', 'b/root'] } },
    });
    const result = derivativesOf(diamond, 'b/root', { childOrder: 'source' });
    expect(result.root.children.map((c) => c.repo)).toEqual(['b/mid', 'b/leaf']);
    expect(result.root.descendants).toBe(2);
    expect(result.notes.map((n) => n.count)).toEqual([1]);
  });

  it('says when the id is unknown', () => {
    const result = derivativesOf(dataset, 'Nobody/None');
    expect(result).toMatchObject({ found: false, family: 'unknown', familySource: 'none', depth: 0 });
    expect(result.root).toMatchObject({ repo: 'Nobody/None', children: [], descendants: 0 });
  });
});

describe('flattenTree', () => {
  it('lists nodes in display order and hides collapsed children', () => {
    const root = derivativesOf(dataset, 'meta/llama').root;
    expect(flattenTree(root).map((n) => n.repo)).toEqual(['meta/llama', 'u1/ft-a', 'u4/q', 'u5/m', 'u2/ft-b', 'u3/ft-c']);
    expect(flattenTree(root, new Set(['u1/ft-a'])).map((n) => n.repo)).toEqual(['meta/llama', 'u1/ft-a', 'u2/ft-b', 'u3/ft-c']);
  });
});
