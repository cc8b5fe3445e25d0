// analyses.md §4 "A family": name normalisation, params ranges, merge exclusion with
// descendants (cycle-safe), lineage and pattern modes, the paper's presets.
import { describe, expect, it } from 'vitest';
import {
  PAPER_FAMILIES,
  lineageFamily,
  normaliseName,
  paramsInRange,
  patternFamily,
} from '../../source/analysis/improvement-families.js';
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

describe('the paper’s presets', () => {
  it('are the 11 families of analyses.md §4, pattern and p as the paper gives them', () => {
    expect(PAPER_FAMILIES.map((f) => [f.pattern, f.params])).toEqual([
      ['llama7b', 7],
      ['llama', 30],
      ['llama27b', 7],
      ['llama2', 70],
      ['llama3', 8],
      ['llama3', 70],
      ['mistral7b', 7],
      ['mixtral8x7b', 46],
      ['phi2', null],
      ['phi3mini', null],
      ['phi3medium', null],
    ]);
    expect(PAPER_FAMILIES.every((f) => f.range === 0)).toBe(true);
    expect(new Set(PAPER_FAMILIES.map((f) => f.id)).size).toBe(11);
    // each base's own name matches its pattern
    for (const f of PAPER_FAMILIES) expect(normaliseName(f.base)).toContain(f.pattern);
  });
});
