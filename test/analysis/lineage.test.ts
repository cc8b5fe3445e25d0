// analyses.md §0 "Base models", "Merge" / "Descends from a merge", §2 derivative tree: the
// lineage graph and its walks, cycles included.
import { describe, expect, it } from 'vitest';
import { ancestors, buildLineage, derivativeTree, descendantKeys, mergeTainted } from '../../source/analysis/lineage.js';
import { selectModels } from '../../source/analysis/select.js';
import { buildDataset, type EntrySpec, type InfoSpec } from './build-dataset.js';

/** A graph from "repo → declared bases" (card base_model). */
function graphOf(declared: Record<string, string[]>, extra: EntrySpec[] = []) {
  const info: Record<string, InfoSpec> = {};
  for (const [repo, bases] of Object.entries(declared)) info[repo] = { bases };
  const entries = [...Object.keys(declared).map((repo) => ({ repo })), ...extra];
  return buildLineage(selectModels(buildDataset({ entries, info })).models);
}

describe('buildLineage', () => {
  it('links each declared base (even outside the view) to the models declaring it', () => {
    const graph = graphOf({ 'u/a': ['Meta/Llama'], 'u/b': ['meta/llama', 'u/a'] });
    expect(graph.children.get('meta/llama')).toEqual([
      { key: 'u/a', relation: 'unknown' },
      { key: 'u/b', relation: 'unknown' },
    ]);
    expect(graph.children.get('u/a')).toEqual([{ key: 'u/b', relation: 'unknown' }]);
    expect(graph.spelling.get('meta/llama')).toBe('Meta/Llama');
    expect(graph.byKey.has('meta/llama')).toBe(false);
  });
});

describe('ancestors', () => {
  it('walks up breadth first with depths', () => {
    const graph = graphOf({ 'u/c': ['u/b'], 'u/b': ['u/a'], 'u/a': ['base/x'] });
    expect(ancestors(graph, 'u/c').map((s) => [s.key, s.depth, s.cycle])).toEqual([
      ['u/b', 1, false],
      ['u/a', 2, false],
      ['base/x', 3, false],
    ]);
  });

  it('marks a step back onto the chain as a cycle and stops there', () => {
    const graph = graphOf({ 'u/a': ['u/b'], 'u/b': ['u/a'] });
    expect(ancestors(graph, 'u/a').map((s) => [s.key, s.depth, s.cycle])).toEqual([
      ['u/b', 1, false],
      ['u/a', 2, true],
    ]);
  });
});

describe('derivativeTree', () => {
  it('hangs each model under its shallowest parent once (a diamond) and counts descendants', () => {
    // r ← a ← b, and b also declares r: b hangs under r, not under a
    const graph = graphOf({ 'u/a': ['base/r'], 'u/b': ['u/a', 'base/r'], 'u/c': ['u/a'] });
    const tree = derivativeTree(graph, 'base/r');
    expect(tree.children.map((c) => c.key)).toEqual(['u/a', 'u/b']);
    expect(tree.children[0]!.children.map((c) => c.key)).toEqual(['u/c']);
    expect(tree.size).toBe(3);
    expect(tree.children[0]!.size).toBe(1);
    expect(tree.model).toBeNull();
  });

  it('stays finite on a declared cycle', () => {
    // r ← a ← b ← r: the root declares its own grandchild
    const graph = graphOf({ 'u/r': ['u/b'], 'u/a': ['u/r'], 'u/b': ['u/a'] });
    const tree = derivativeTree(graph, 'u/r');
    expect(tree.children.map((c) => c.key)).toEqual(['u/a']);
    expect(tree.children[0]!.children.map((c) => c.key)).toEqual(['u/b']);
    expect(tree.children[0]!.children[0]!.children).toEqual([]);
    expect(tree.size).toBe(2);
  });
});

describe('descendantKeys', () => {
  it('collects every model whose chain reaches the root, never the root itself', () => {
    const graph = graphOf({ 'u/r': ['u/b'], 'u/a': ['u/r'], 'u/b': ['u/a'], 'u/z': [] });
    expect([...descendantKeys(graph, 'u/r')].sort()).toEqual(['u/a', 'u/b']);
    expect(descendantKeys(graph, 'u/z').size).toBe(0);
  });
});

describe('mergeTainted (§0 "Descends from a merge")', () => {
  it('taints merges and everything below them', () => {
    const graph = graphOf(
      { 'u/child': ['u/m'], 'u/grand': ['u/child'], 'u/clean': ['base/x'] },
      [{ repo: 'u/m', type: 'merge' }],
    );
    expect([...mergeTainted(graph)].sort()).toEqual(['u/child', 'u/grand', 'u/m']);
  });

  it('follows a cycle to a merge whatever order the chain is walked in', () => {
    // a declares b and the merge m; b declares a. Both descend from m.
    const graph = graphOf({ 'u/a': ['u/b', 'u/m'], 'u/b': ['u/a'] }, [{ repo: 'u/m', merged: true }]);
    expect([...mergeTainted(graph)].sort()).toEqual(['u/a', 'u/b', 'u/m']);
  });

  it('reads a base outside the view as a merge by its name', () => {
    const graph = graphOf({ 'u/a': ['other/Some-MERGE-7b'], 'u/b': ['other/plain'] });
    expect([...mergeTainted(graph)]).toEqual(['u/a']);
  });
});
