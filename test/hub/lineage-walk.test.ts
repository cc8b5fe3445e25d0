// The lineage walk (analyses.md §6 "Lineage") on a graph whose answers are worked out here: a
// chain, a merge of two roots, a two-node cycle and a node entering it, a self-loop, a virtual
// parent. The same rules the SQL walk followed: the root is the last node before a repeat.
import { describe, expect, test } from 'vitest';
import { forEachAncestor, parentGraph, rootWalk } from '../../source/hub/lineage-walk.js';

// child → parents (first parent first); 0 and 4 are roots, 10 a virtual node (no row, no parent)
const EDGES: Array<[number, number]> = [
  [1, 0], [2, 1], [3, 1], [3, 4], [5, 6], [6, 5], [7, 5], [8, 8], [9, 10],
];
const graph = () => parentGraph(11, Int32Array.from(EDGES.map((e) => e[0])), Int32Array.from(EDGES.map((e) => e[1])));

describe('rootWalk', () => {
  const walk = rootWalk(graph());
  const at = (n: number) => ({ root: walk.root[n], depth: walk.depth[n], cycle: walk.cycle[n] });

  test('chains and a merge follow the first parent', () => {
    expect(at(1)).toEqual({ root: 0, depth: 1, cycle: 0 });
    expect(at(2)).toEqual({ root: 0, depth: 2, cycle: 0 });
    // 3 merges 1 and 4: its first parent 1 leads to 0
    expect(at(3)).toEqual({ root: 0, depth: 2, cycle: 0 });
    expect(at(9)).toEqual({ root: 10, depth: 1, cycle: 0 });
  });

  test('a cycle is broken at the first repeated node', () => {
    // 5 → 6 → (5): the walk from 5 stops at 6; from 6 at 5
    expect(at(5)).toEqual({ root: 6, depth: 1, cycle: 1 });
    expect(at(6)).toEqual({ root: 5, depth: 1, cycle: 1 });
    // 7 → 5 → 6 → (5)
    expect(at(7)).toEqual({ root: 6, depth: 2, cycle: 1 });
    // a self-loop: the walk's first step repeats the node itself
    expect(at(8)).toEqual({ root: 8, depth: 1, cycle: 1 });
  });

  test('nodes without a parent have no walk', () => {
    for (const n of [0, 4, 10]) expect(at(n)).toEqual({ root: -1, depth: 0, cycle: 0 });
  });

  test('edges out of order are refused', () => {
    expect(() => parentGraph(3, Int32Array.from([2, 1]), Int32Array.from([0, 0]))).toThrow(/sorted by child/);
  });
});

describe('forEachAncestor', () => {
  test('every ancestor through any edge once, and which pairs are root families', () => {
    const g = graph();
    const pairs: string[] = [];
    forEachAncestor(g, rootWalk(g), (a, s, toRoot) => pairs.push(`${a}>${s}${toRoot ? ' root' : ''}`));
    expect(pairs.sort()).toEqual([
      '0>1 root',
      '0>2 root', '1>2',
      // the merge reaches both roots, each once
      '0>3 root', '1>3', '4>3 root',
      // 5's only ancestor is 6 (its first-parent root); 5 reaches itself but is not its own root
      '6>5 root',
      '5>6 root',
      // 7 reaches 5 and 6; 6 is its root
      '5>7', '6>7 root',
      // the self-loop: its own root
      '8>8 root',
      '10>9 root',
    ].sort());
  });
});
