// Issue 8 on a v2 table (test/fixtures/paper/v2-leaderboard.tsv, v2's own columns): merges marked
// only by the Base Model cell's ` (Merge)` suffix are out of every family, and declared bases
// resolve through a renamed repository (the fetch stores its info under the old key with the
// new id). Expected values follow from the fixture rows (generate.py there).
import { describe, expect, it } from 'vitest';
import { improvement } from '../../source/analysis/improvement.js';
import { PAPER_FAMILIES } from '../../source/analysis/improvement-families.js';
import { selectModels } from '../../source/analysis/select.js';
import { baseModels } from '../../source/analysis/base-models.js';
import { paperTable } from './paper-tables.js';

const RENAMED = { 'meta-llama/Meta-Llama-3.1-8B': 'meta-llama/Llama-3.1-8B' };

describe('v2 merges by the Base Model suffix (analyses.md §0 "Merge")', () => {
  const v2 = paperTable('v2');
  const byRepo = new Map(selectModels(v2).models.map((m) => [m.entry.repo, m]));

  it('a cell naming the model itself with (Merge), or another with (Merge), makes a merge', () => {
    expect(byRepo.get('dave/Llama-3-8B-Stock')).toMatchObject({ isMerge: true, bases: [] });
    expect(byRepo.get('rita/Mistral-7B-Stock-v2')).toMatchObject({ isMerge: true, bases: [{ key: 'mistralai/mistral-7b-v0.1', relation: 'merge' }] });
    expect(byRepo.get('acme/llama3-8b-sft')!.isMerge).toBe(false);
  });

  for (const mode of ['pattern', 'lineage'] as const) {
    it(`no merge and no descendant of one is in any preset family (${mode})`, () => {
      const result = improvement(v2, { mode });
      const members = result.families.flatMap((f) => f.members.map((m) => m.repo));
      for (const merge of ['dave/Llama-3-8B-Stock', 'rita/Mistral-7B-Stock-v2', 'sam/mistral-7b-stock-sft', 'olga/mistral-7b-slerp']) {
        expect(members).not.toContain(merge);
      }
      // Llama 3 8B: the base (13.4) and acme/llama3-8b-sft (16.0): its record holder is not the merge (21.0)
      const llama3 = result.families.find((f) => f.id === 'llama3-8b')!;
      expect(llama3.holder).toMatchObject({ repo: 'acme/llama3-8b-sft', score: 16 });
      // Mistral 7B: base 14.5, eve 17.5, frank (a Mistral-7B-Instruct-v0.2 tune) 19.0 by pattern; the
      // Stock merge (24.5) and its child (25.0) never count
      const mistral = result.families.find((f) => f.id === 'mistral-7b')!;
      expect(mistral.holder?.repo).toBe(mode === 'pattern' ? 'frank/Mistral-7B-Instruct-v0.2-dpo' : 'eve/mistral-7b-orca');
      expect(mistral.notes.map((n) => n.text)).toContain('descendants of merges left out of the family');
    });
  }
});

describe('declared bases through a renamed repository (analyses.md §0 "Renamed repositories")', () => {
  const family = (renamed: Record<string, string>) =>
    improvement(paperTable('v2', { renamed }), { families: [{ kind: 'lineage', base: 'meta-llama/Llama-3.1-8B' }] }).families[0]!;

  it('the models declaring meta-llama/Meta-Llama-3.1-8B belong to the meta-llama/Llama-3.1-8B row (14.42)', () => {
    const f = family(RENAMED);
    expect(f.reference).toMatchObject({ repo: 'meta-llama/Llama-3.1-8B', score: 14.42, fromBase: true });
    expect(f.members.map((m) => m.repo)).toEqual([
      'meta-llama/Llama-3.1-8B',
      'meta-llama/Llama-3.1-8B-Instruct',
      'acme/Meta-Llama-3.1-8B-tuned',
      'bob/Llama-3.1-8B-dpo',
      'carol/llama3.1-8b-instruct-ft',
    ]);
    // the old id opens the same family
    expect(improvement(paperTable('v2', { renamed: RENAMED }), { families: [{ kind: 'lineage', base: 'meta-llama/Meta-Llama-3.1-8B' }] }).families[0]!.members).toHaveLength(5);
  });

  it('without the Hub’s word the base stays unresolved, and the base-model figures say so', () => {
    expect(family({}).members.map((m) => m.repo)).toEqual(['meta-llama/Llama-3.1-8B']);
    const bases = baseModels(paperTable('v2'));
    const unresolved = bases.notes.find((n) => n.text.startsWith('declared bases not on the leaderboard, without Hub info'));
    // Meta-Llama-3.1-8B, Mistral-7B-Instruct-v0.2, Llama-3.3-70B-Instruct, Qwen2-7B, gemma-2-9b-it
    expect(unresolved?.count).toBe(5);
    const resolved = baseModels(paperTable('v2', { renamed: RENAMED }));
    expect(resolved.offBoard.unresolved).toBe(4);
    expect(resolved.resolvedRenames).toBe(3);
  });

  it('every preset still holds its base on v2 with Hub info about the rename', () => {
    const result = improvement(paperTable('v2', { renamed: RENAMED }), { mode: 'pattern' });
    for (const preset of PAPER_FAMILIES) {
      const f = result.families.find((x) => x.id === preset.id)!;
      expect(f.members.map((m) => m.repo), preset.label).toContain(preset.base);
    }
  });
});
