// analyses.md §4 "A family": name normalisation, params ranges, merge exclusion with
// descendants (cycle-safe), lineage and pattern modes, the paper's presets.
import { describe, expect, it } from 'vitest';
import {
  LLAMA3_POINT_RELEASE,
  PAPER_FAMILIES,
  lineageFamily,
  nameMatches,
  normaliseName,
  paramsInRange,
  patternFamily,
  presetSpec,
  type PatternFamilySpec,
} from '../../source/analysis/improvement-families.js';
import { paperTable } from './paper-tables.js';
import { buildLineage, mergeTainted } from '../../source/analysis/lineage.js';
import { selectModels } from '../../source/analysis/select.js';
import { makeDataset, type Row } from './make-dataset.js';

const repos = (models: Array<{ entry: { repo: string } }>) => models.map((m) => m.entry.repo);

describe('name normalisation', () => {
  it('drops the namespace, lowercases, removes - _ and .', () => {
    expect(normaliseName('mistralai/Mistral-7B_v0.1')).toBe('mistral7bv01');
    expect(normaliseName('gpt2')).toBe('gpt2');
    expect(normaliseName('meta-llama/Meta-Llama-3-8B')).toBe('metallama38b');
  });
});

describe('params range', () => {
  const floor = { rounding: 'floor' as const, tolerance: 0 };
  const none = { rounding: 'none' as const, tolerance: 0 };
  it('range 0 means exactly p, after rounding', () => {
    expect(paramsInRange(7, 7, 0, floor)).toBe(true);
    expect(paramsInRange(7.24, 7, 0, floor)).toBe(true); // floor 7
    expect(paramsInRange(7.24, 7, 0, none)).toBe(false);
    expect(paramsInRange(6.74, 7, 0, floor)).toBe(false); // floor 6
    expect(paramsInRange(6.74, 7, 0, { rounding: 'round', tolerance: 0 })).toBe(true); // round 7
    expect(paramsInRange(46.7, 46, 0, floor)).toBe(true);
  });
  it('[p, p + range] inclusive at both ends; tolerance widens both sides', () => {
    expect(paramsInRange(9, 7, 2, none)).toBe(true);
    expect(paramsInRange(9.5, 7, 2, floor)).toBe(true); // floor 9
    expect(paramsInRange(9.5, 7, 2, none)).toBe(false);
    expect(paramsInRange(6.9, 7, 2, none)).toBe(false);
    expect(paramsInRange(6.5, 7, 0, { rounding: 'none', tolerance: 0.5 })).toBe(true);
    expect(paramsInRange(6.4, 7, 0, { rounding: 'none', tolerance: 0.5 })).toBe(false);
  });
  it('no p: any size, unknown included; with p, unknown params never match', () => {
    expect(paramsInRange(null, null, 0, floor)).toBe(true);
    expect(paramsInRange(123, null, 0, floor)).toBe(true);
    expect(paramsInRange(null, 7, 0, floor)).toBe(false);
  });
});

describe('merge exclusion with descendants, through a cycle', () => {
  // org/Base ← org/C (clean). x/A declares [x/B, x/M, org/Base]; x/B declares [x/A] (a cycle
  // A → B → A); x/M is a merge; x/D declares [x/A]. A descends from the merge M, so do B (via
  // A) and D (via A). A is listed first and names B before M: a walk up that cut the cycle at
  // A would have remembered B as clean.
  const rows: Row[] = [
    { repo: 'x/A', bases: ['x/B', 'x/M', 'org/Base'] },
    { repo: 'x/B', bases: ['x/A'] },
    { repo: 'x/M', type: 'merge' },
    { repo: 'x/D', bases: ['x/A'] },
    { repo: 'org/Base', type: 'pretrained', created: '2023-01-01' },
    { repo: 'org/C', bases: ['org/Base'] },
  ];
  const { models } = selectModels(makeDataset(rows));
  const graph = buildLineage(models);

  it('taints the merge and everything below it, cycle members included', () => {
    expect([...mergeTainted(graph)].sort()).toEqual(['x/a', 'x/b', 'x/d', 'x/m']);
  });

  it('the same whatever order the models come in', () => {
    const reversed = buildLineage([...models].reverse());
    expect([...mergeTainted(reversed)].sort()).toEqual(['x/a', 'x/b', 'x/d', 'x/m']);
  });

  it('a base outside the view named "merge" taints its children', () => {
    const { models: ms } = selectModels(makeDataset([{ repo: 'y/kid', bases: ['someone/Big-Merge-7B'] }]));
    expect([...mergeTainted(buildLineage(ms))]).toEqual(['y/kid']);
  });

  it('lineage family: the base and its clean descendants; the rest noted', () => {
    const family = lineageFamily(graph, mergeTainted(graph), { kind: 'lineage', base: 'ORG/base' });
    expect(repos(family.members)).toEqual(['org/Base', 'org/C']);
    expect(family.base?.entry.repo).toBe('org/Base');
    // A, B and D reach Base (B and D through A); none is a merge itself.
    expect(family.notes).toEqual([{ count: 3, text: 'descendants of merges left out of the family' }]);
  });

  it('lineage family of a base that is not on the leaderboard holds its descendants only', () => {
    const { models: ms } = selectModels(
      makeDataset([
        { repo: 'u/one', bases: ['gone/Base'] },
        { repo: 'u/two', bases: ['u/one'] },
      ]),
    );
    const g = buildLineage(ms);
    const family = lineageFamily(g, mergeTainted(g), { kind: 'lineage', base: 'gone/Base' });
    expect(repos(family.members)).toEqual(['u/one', 'u/two']);
    expect(family.base).toBeNull();
  });
});

describe('pattern family', () => {
  it('keeps name matches in the params range, leaves out merges (each §0 rule) and notes all', () => {
    const rows: Row[] = [
      { repo: 'mistralai/Mistral-7B-v0.1', params: 7 },
      { repo: 'a/my-mistral_7b.dpo', params: 7 },
      { repo: 'b/Mistral-7B-big', params: 13 }, // outside the range
      { repo: 'c/mistral-7b-x', params: null }, // unknown params
      { repo: 'd/mistral7b-merge-slerp', params: 7 }, // merge by name
      { repo: 'e/mistral-7b-typed', params: 7, type: 'merge' }, // merge by type
      { repo: 'f/mistral-7b-flagged-merge', params: 7, merged: true }, // Merged flag
      { repo: 'g/mistral-7b-child', params: 7, bases: ['d/mistral7b-merge-slerp'] }, // descendant
      { repo: 'h/Llama-7b', params: 7 }, // other name
    ];
    const { models } = selectModels(makeDataset(rows));
    const g = buildLineage(models);
    const family = patternFamily(models, mergeTainted(g), { kind: 'pattern', pattern: 'Mistral-7B', params: 7 }, {
      rounding: 'floor',
      tolerance: 0,
    });
    expect(repos(family.members)).toEqual(['mistralai/Mistral-7B-v0.1', 'a/my-mistral_7b.dpo']);
    expect(family.notes).toEqual([
      { count: 1, text: 'name matches with unknown params left out' },
      { count: 1, text: 'name matches outside the params range left out' },
      { count: 3, text: 'merges left out of the family' },
      { count: 1, text: 'descendants of merges left out of the family' },
    ]);
  });
});

describe('the paper’s presets (analyses.md §4 table)', () => {
  it('are the 11 families of §4, each with the table’s pattern and params range', () => {
    expect(PAPER_FAMILIES.map((f) => [f.label, f.pattern, f.params, f.params === null ? null : f.params + f.range])).toEqual([
      ['LLaMA-1 7B', 'llama7b', 6, 7.5],
      ['LLaMA-1 30B', 'llama', 30, 33],
      ['Llama 2 7B', 'llama27b', 6, 7.5],
      ['Llama 2 70B', 'llama2', 65, 72],
      ['Llama 3 8B', 'llama3', 7.5, 8.5],
      ['Llama 3 70B', 'llama3', 65, 72],
      ['Mistral 7B', 'mistral7b', 7, 7.5],
      ['Mixtral 8x7B', 'mixtral8x7b', 46, 47],
      ['Phi-2', 'phi2', 2, 3],
      ['Phi-3-mini', 'phi3mini', 3, 4],
      ['Phi-3-medium', 'phi3medium', 13, 14.5],
    ]);
    expect(new Set(PAPER_FAMILIES.map((f) => f.id)).size).toBe(11);
    expect(PAPER_FAMILIES.filter((f) => f.exclude !== undefined).map((f) => f.id)).toEqual(['llama3-8b', 'llama3-70b']);
  });

  for (const generation of ['v1', 'v2'] as const) {
    it(`each contains its base model on the ${generation} table (stored params: ${generation === 'v1' ? 'whole billions, rounded down' : 'exact'})`, () => {
      const { models } = selectModels(paperTable(generation));
      const tainted = mergeTainted(buildLineage(models));
      for (const preset of PAPER_FAMILIES) {
        const base = models.find((m) => m.entry.key === preset.base.toLowerCase());
        expect(base, `${preset.base} is a row of the ${generation} fixture`).toBeDefined();
        const family = patternFamily(models, tainted, presetSpec(preset, 'pattern') as PatternFamilySpec, { rounding: 'none', tolerance: 0 });
        expect(repos(family.members), `${preset.label} on ${generation}`).toContain(base!.entry.repo);
      }
    });
  }

  it('the Llama 3 presets leave out the 3.1 / 3.2 / 3.3 releases the normalised name cannot tell apart', () => {
    const re = new RegExp(LLAMA3_POINT_RELEASE, 'i');
    for (const id of ['Meta-Llama-3.1-8B', 'llama3.2-3b-it', 'Llama-3.3-70B-Instruct', 'llama3_1_8b', 'Llama-3-1-8B', 'Llama3.1']) expect(re.test(id), id).toBe(true);
    for (const id of ['Meta-Llama-3-8B', 'llama3-8b-chinese', 'Llama-3-70B-Instruct', 'llama-3-8b-v0.1', 'llama3-1.5b', 'Llama-3-8x8B', 'open_llama_3b']) expect(re.test(id), id).toBe(false);
    const llama3 = presetSpec(PAPER_FAMILIES.find((f) => f.id === 'llama3-8b')!, 'pattern') as PatternFamilySpec;
    expect(nameMatches('meta-llama/Meta-Llama-3.1-8B', llama3)).toBe(false);
    expect(nameMatches('meta-llama/Meta-Llama-3-8B', llama3)).toBe(true);
  });

  it('on v2: Llama 3 8B and 70B hold no 3.1 or 3.3 model, and no merge marked only by the Base Model suffix', () => {
    const { models } = selectModels(paperTable('v2'));
    const tainted = mergeTainted(buildLineage(models));
    const family = (id: string) => patternFamily(models, tainted, presetSpec(PAPER_FAMILIES.find((f) => f.id === id)!, 'pattern') as PatternFamilySpec, { rounding: 'none', tolerance: 0 });
    const eight = family('llama3-8b');
    // Llama-3.1-8B, its Instruct, three 3.1 fine-tunes and a 3.3 one are left out by name, the two
    // Llama 3 70B models and huggyllama/llama-30b ("llama30b") by size; dave/Llama-3-8B-Stock
    // reads "dave/Llama-3-8B-Stock (Merge)" in its own Base Model cell: a merge
    expect(repos(eight.members)).toEqual(['meta-llama/Meta-Llama-3-8B', 'acme/llama3-8b-sft']);
    expect(eight.notes).toEqual([
      { count: 6, text: 'name matches of a later release left out (e.g. Llama 3.1, 3.2, 3.3)' },
      { count: 3, text: 'name matches outside the params range left out' },
      { count: 1, text: 'merges left out of the family' },
    ]);
    expect(repos(family('llama3-70b').members)).toEqual(['meta-llama/Meta-Llama-3-70B', 'nick/llama-3-70b-instruct-ft']);
  });

  it('on v1: a 3.1 fine-tune is left out of Llama 3 8B, llama3-8b-chinese kept', () => {
    const { models } = selectModels(paperTable('v1'));
    const spec = presetSpec(PAPER_FAMILIES.find((f) => f.id === 'llama3-8b')!, 'pattern') as PatternFamilySpec;
    const family = patternFamily(models, new Set(), spec, { rounding: 'none', tolerance: 0 });
    expect(repos(family.members)).toEqual(['meta-llama/Meta-Llama-3-8B', 'acme/llama3-8b-chinese']);
  });
});
