// analyses.md §6 "Lineage" over the whole snapshot, on integer nodes in typed arrays (pure, no IO):
// the root of every model (follow the first parent to a model with none; a cycle is broken at the
// first repeated node and counted) and every model's ancestors through any parent edge (its
// families: a merge, and whatever is built on it, counts once in each root family it reaches).
//
// Why here and not in SQL: the recursive CTEs that did this held every path and every (model,
// ancestor) pair in DuckDB's memory at once (peak RSS over 500 MB on 3.1 M rows, ~8 s of CPU);
// the walk below is linear in the edges and the pairs it emits, with per-node typed arrays
// (a few tens of MB at 3 M nodes, never a JS array of objects).

/** The parent edges as compressed rows: the parents of node `c` are
 *  `parents[offsets[c] .. offsets[c + 1])`, first parent first. */
export interface ParentGraph {
  nodes: number;
  offsets: Int32Array;
  parents: Int32Array;
}

/** Builds the graph from edges sorted by (child, ord). */
export function parentGraph(nodes: number, child: Int32Array, parent: Int32Array, count = child.length): ParentGraph {
  const offsets = new Int32Array(nodes + 1);
  for (let i = 0; i < count; i += 1) offsets[child[i]! + 1]! += 1;
  for (let n = 0; n < nodes; n += 1) offsets[n + 1]! += offsets[n]!;
  for (let i = 1; i < count; i += 1) {
    if (child[i]! < child[i - 1]!) throw new Error('parentGraph: edges must be sorted by child');
  }
  return { nodes, offsets, parents: parent.subarray(0, count) };
}

const firstParent = (g: ParentGraph, n: number): number => (g.offsets[n]! < g.offsets[n + 1]! ? g.parents[g.offsets[n]!]! : -1);

/** The first-parent walk of every node with a parent (root -1 for the others). */
export interface RootWalk {
  root: Int32Array;
  depth: Int32Array;
  /** 1 when the walk stopped at a repeated node (the root then still has a first parent). */
  cycle: Uint8Array;
}

/** Roots by the first-parent walk. From s the walk visits s, p1(s), p1(p1(s)) … and stops at a
 *  node with no parent, or before a node already on the path: the root is the last node visited
 *  and the depth the number of steps. A node off every cycle takes its first parent's answer
 *  plus one step; the nodes of a cycle are walked around it (a self-loop: root itself, depth 1). */
export function rootWalk(g: ParentGraph): RootWalk {
  const root = new Int32Array(g.nodes).fill(-1);
  const depth = new Int32Array(g.nodes);
  const cycle = new Uint8Array(g.nodes);
  // 0 new, 1 on the current path, 2 done
  const state = new Uint8Array(g.nodes);
  const stack: number[] = [];
  for (let s = 0; s < g.nodes; s += 1) {
    if (state[s] !== 0 || firstParent(g, s) < 0) continue;
    let x = s;
    while (firstParent(g, x) >= 0 && state[x] === 0) {
      state[x] = 1;
      stack.push(x);
      x = firstParent(g, x);
    }
    if (state[x] === 1) {
      const at = stack.lastIndexOf(x);
      const ring = stack.slice(at);
      const L = ring.length;
      for (let k = 0; k < L; k += 1) {
        const c = ring[k]!;
        root[c] = L === 1 ? c : ring[(k - 1 + L) % L]!;
        depth[c] = L === 1 ? 1 : L - 1;
        cycle[c] = 1;
        state[c] = 2;
      }
      stack.length = at;
    }
    while (stack.length > 0) {
      const n = stack.pop()!;
      const p = firstParent(g, n);
      if (firstParent(g, p) < 0) {
        root[n] = p;
        depth[n] = 1;
      } else {
        root[n] = root[p]!;
        depth[n] = depth[p]! + 1;
        cycle[n] = cycle[p]!;
      }
      state[n] = 2;
    }
  }
  return { root, depth, cycle };
}

/** Calls `emit(ancestor, node, toRoot)` for every node with a parent and every node it reaches
 *  through one or more parent edges (itself only when it is its own root: a self-loop).
 *  `toRoot`: the ancestor has no parent, or is the node's first-parent root (a cycle with no
 *  way out keeps that root) — the pairs of its root families. */
export function forEachAncestor(g: ParentGraph, walk: RootWalk, emit: (ancestor: number, node: number, toRoot: boolean) => void): void {
  const seen = new Int32Array(g.nodes).fill(-1);
  let queue: Int32Array<ArrayBuffer> = new Int32Array(1024);
  for (let s = 0; s < g.nodes; s += 1) {
    if (g.offsets[s] === g.offsets[s + 1]) continue;
    seen[s] = s;
    let selfReached = false;
    let head = 0;
    let tail = 0;
    let a = s;
    for (;;) {
      if (a !== s) emit(a, s, g.offsets[a] === g.offsets[a + 1] || walk.root[s] === a);
      for (let i = g.offsets[a]!; i < g.offsets[a + 1]!; i += 1) {
        const p = g.parents[i]!;
        if (p === s) selfReached = true;
        if (seen[p] === s) continue;
        seen[p] = s;
        if (tail === queue.length) queue = grow(queue);
        queue[tail++] = p;
      }
      if (head === tail) break;
      a = queue[head++]!;
    }
    if (selfReached && walk.root[s] === s) emit(s, s, true);
  }
}

function grow(queue: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(queue.length * 2);
  next.set(queue);
  return next;
}
