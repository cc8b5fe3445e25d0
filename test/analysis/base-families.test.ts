// analyses.md §2 "Models per base family" [Fig. 6]: models declaring any base of a family, the
// family matched on the base's id with the §4 preset patterns and ranges. Worked out by hand.
import { describe, expect, it } from 'vitest';
import { baseFamilies, modelsDeclaringAny, presetPatternSpecs, sizeInName } from '../../source/analysis/base-families.js';
import { buildDataset } from './build-dataset.js';
import { paperTable } from './paper-tables.js';

describe('sizeInName', () => {
  it('reads the size a repo name gives, in billions', () => {
    expect(sizeInName('mistralai/Mistral-7B-v0.1')).toBe(7);
    expect(sizeInName('DevaMalla/llama7b')).toBe(7);
    expect(sizeInName('Qwen/Qwen1.5-1.8B-Chat')).toBe(1.8);
    expect(sizeInName('meta-llama/Llama-2-70b-hf')).toBe(70);
    expect(sizeInName('BEE-spoke-data/smol_llama-220M-GQA')).toBe(0.22);
    expect(sizeInName('mistralai/Mixtral-8x7B-v0.1')).toBeNull();
    expect(sizeInName('unsloth/tinyllama-bnb-4bit')).toBeNull();
    expect(sizeInName('microsoft/phi-2')).toBeNull();
  });
});

describe('baseFamilies', () => {
  // mistralai/Mistral-7B-v0.1 (a row, 7 B) ← a, b; OpenHermes-2.5-Mistral-7B (not a row: 7 from
  // its name) ← b, c; some/mistral-7b-merge-base (name gives 7) ← d; mistralai/Mixtral-8x7B-v0.1
  // (a row) ← e; mistralai/Mistral-Large (no size; pattern "mistral7b" does not match) ← f;
  // x/llama-3-8b-ft (8 from its name) ← g; meta-llama/Meta-Llama-3.1-8B ← h (a later release);
  // y/llama3-unsized (size unknown, "llama3" names none) ← i.
  const dataset = buildDataset({
    entries: [
      { repo: 'mistralai/Mistral-7B-v0.1', params: 7.24, type: 'pretrained' },
      { repo: 'mistralai/Mixtral-8x7B-v0.1', params: 46.7, type: 'pretrained' },
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((n) => ({ repo: `${n}/model` })),
    ],
    info: {
      'a/model': { bases: ['mistralai/Mistral-7B-v0.1'] },
      'b/model': { bases: ['mistralai/Mistral-7B-v0.1', 'teknium/OpenHermes-2.5-Mistral-7B'] },
      'c/model': { bases: ['teknium/OpenHermes-2.5-Mistral-7B'] },
      'd/model': { bases: ['some/mistral-7b-merge-base'] },
      'e/model': { bases: ['mistralai/Mixtral-8x7B-v0.1'] },
      'f/model': { bases: ['mistralai/Mistral-Large'] },
      'g/model': { bases: ['x/llama-3-8b-ft'] },
      'h/model': { bases: ['meta-llama/Meta-Llama-3.1-8B'] },
      'i/model': { bases: ['y/llama3-unsized'] },
    },
  });
  const result = baseFamilies(dataset);
  const family = (id: string) => result.families.find((f) => f.id === id)!;

  it('counts models declaring any base of the family, and the preset base itself', () => {
    expect(family('mistral-7b')).toEqual({
      id: 'mistral-7b',
      label: 'Mistral 7B',
      pattern: 'mistral7b',
      params: [7, 7.5],
      models: 4, // a, b, c, d (b once)
      bases: 3,
      nameOnly: 0,
      unsized: 0,
      base: { repo: 'mistralai/Mistral-7B-v0.1', models: 2 },
      top: [
        { repo: 'mistralai/Mistral-7B-v0.1', models: 2 },
        { repo: 'teknium/OpenHermes-2.5-Mistral-7B', models: 2 },
        { repo: 'some/mistral-7b-merge-base', models: 1 },
      ],
    });
    expect(family('mixtral-8x7b')).toMatchObject({ models: 1, bases: 1, base: { models: 1 } });
  });

  it('Llama 3: a later release is not a Llama 3 base; an unsized match is left out and counted', () => {
    expect(family('llama3-8b')).toMatchObject({ models: 1, bases: 1, unsized: 1, base: { repo: 'meta-llama/Meta-Llama-3-8B', models: 0 } });
    expect(result.notes.map((n) => `${n.count} ${n.text}`)).toContain('1 declared bases whose name matches a family but whose size is unknown, left out of it');
    expect(modelsDeclaringAny(dataset, presetPatternSpecs().filter((s) => s.pattern === 'llama3'))).toBe(1);
  });

  it('takes a pattern of one’s own', () => {
    const own = baseFamilies(dataset, { families: [{ kind: 'pattern', pattern: 'mistral' }] });
    // every base with "mistral" in its normalised name, any size: a, b, c, d, f
    expect(own.families[0]).toMatchObject({ id: 'mistral', models: 5, bases: 4, base: null });
  });

  it('on v2, the renamed Llama 3.1 base stays out of Llama 3 8B; its models belong to the Llama-3.1-8B row', () => {
    const v2 = paperTable('v2', { renamed: { 'meta-llama/Meta-Llama-3.1-8B': 'meta-llama/Llama-3.1-8B' } });
    const r = baseFamilies(v2);
    const eight = r.families.find((f) => f.id === 'llama3-8b')!;
    // acme/llama3-8b-sft declares Meta-Llama-3-8B; dave/Llama-3-8B-Stock names itself (a merge, no base)
    expect(eight).toMatchObject({ models: 1, bases: 1, base: { repo: 'meta-llama/Meta-Llama-3-8B', models: 1 } });
    const own = baseFamilies(v2, { families: [{ kind: 'pattern', pattern: 'llama3.1-8b' }] }).families[0]!;
    expect(own.top[0]).toEqual({ repo: 'meta-llama/Llama-3.1-8B', models: 3 });
  });
});
