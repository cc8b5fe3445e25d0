// analyses.md §0 "Base models", "Merge" / "Descends from a merge", and §2 "Models per base
// model" / derivative tree: the graph of declared base models among the models in view.
// Guards against cycles everywhere (a repo may, by mistake, declare a descendant as base).
// Pure.
import type { BaseRelation, Model } from '../data/model.js';
import { nameOf } from '../data/repo-id.js';

export interface ChildLink {
  key: string;
  relation: BaseRelation;
}

export interface LineageGraph {
  /** Models in view by repo key. */
  byKey: Map<string, Model>;
  /** Base repo key → models in view that declare it (the base may be outside the view). */
  children: Map<string, ChildLink[]>;
  /** Spelling of every key seen (models and declared bases), for display. */
  spelling: Map<string, string>;
}

// A graph per model array: the analyses of one dataset share one selection array (select.ts),
// so each builds on the same graph.
const graphs = new WeakMap<readonly Model[], LineageGraph>();
const taints = new WeakMap<LineageGraph, Set<string>>();

export function buildLineage(models: readonly Model[]): LineageGraph {
  let graph = graphs.get(models);
  if (!graph) graphs.set(models, (graph = makeLineage(models)));
  return graph;
}

function makeLineage(models: readonly Model[]): LineageGraph {
  const byKey = new Map<string, Model>();
  const children = new Map<string, ChildLink[]>();
  const spelling = new Map<string, string>();
  for (const model of models) {
    byKey.set(model.entry.key, model);
    spelling.set(model.entry.key, model.entry.repo);
  }
  for (const model of models) {
    for (const base of model.bases) {
      if (!spelling.has(base.key)) spelling.set(base.key, base.id);
      let list = children.get(base.key);
      if (!list) children.set(base.key, (list = []));
      list.push({ key: model.entry.key, relation: base.relation });
    }
  }
  return { byKey, children, spelling };
}

/** A key is a merge by itself: its model's own rule, or, for a base outside the view, its
 *  repo name containing "merge" (the paper's name rule, the only one available there). */
function isMergeKey(graph: LineageGraph, key: string): boolean {
  const model = graph.byKey.get(key);
  if (model) return model.isMerge;
  return nameOf(key).includes('merge');
}

/** Keys in view that are merges or descend from one (analyses.md §0, §4 "merge exclusion
 *  with descendants"). Spreads down from every merge key along the child links, so a cycle in
 *  declared bases cannot hide a descendant (a memoised walk up the chain could: it cut the
 *  cycle short and remembered "clean" for a model whose other base was a merge). */
export function mergeTainted(graph: LineageGraph): Set<string> {
  let tainted = taints.get(graph);
  if (!tainted) taints.set(graph, (tainted = computeTainted(graph)));
  return tainted;
}

function computeTainted(graph: LineageGraph): Set<string> {
  const reached = new Set<string>();
  const stack: string[] = [];
  const seeds = new Set<string>([...graph.byKey.keys(), ...graph.children.keys()]);
  for (const key of seeds) {
    if (isMergeKey(graph, key)) {
      reached.add(key);
      stack.push(key);
    }
  }
  while (stack.length > 0) {
    const key = stack.pop()!;
    for (const child of graph.children.get(key) ?? []) {
      if (reached.has(child.key)) continue;
      reached.add(child.key);
      stack.push(child.key);
    }
  }
  const tainted = new Set<string>();
  for (const key of graph.byKey.keys()) if (reached.has(key)) tainted.add(key);
  return tainted;
}

export interface AncestorStep {
  key: string;
  repo: string;
  relation: BaseRelation;
  depth: number;
  /** The step names a model already on the chain (a declared cycle); not followed further. */
  cycle: boolean;
}

/** The base-model chain up from `key`, breadth first (depth 1 = declared bases). */
export function ancestors(graph: LineageGraph, key: string): AncestorStep[] {
  const steps: AncestorStep[] = [];
  const seen = new Set<string>([key]);
  let frontier = [key];
  for (let depth = 1; frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const current of frontier) {
      for (const base of graph.byKey.get(current)?.bases ?? []) {
        const cycle = seen.has(base.key);
        steps.push({ key: base.key, repo: graph.spelling.get(base.key) ?? base.id, relation: base.relation, depth, cycle });
        if (!cycle) {
          seen.add(base.key);
          next.push(base.key);
        }
      }
    }
    frontier = next;
  }
  return steps;
}

export interface TreeNode {
  key: string;
  repo: string;
  /** Relation to the parent node (the root has none). */
  relation: BaseRelation | null;
  /** The model when it is in view (the leaderboard has it). */
  model: Model | null;
  children: TreeNode[];
  /** Descendants below this node (children, grandchildren, …), each counted once. */
  size: number;
}

/** The derivative tree under `rootKey`; a model reached twice appears under its first parent
 *  only, so the tree is finite and every model is counted once. */
export function derivativeTree(graph: LineageGraph, rootKey: string): TreeNode {
  const seen = new Set<string>([rootKey]);
  const make = (key: string, relation: BaseRelation | null): TreeNode => ({
    key,
    repo: graph.spelling.get(key) ?? key,
    relation,
    model: graph.byKey.get(key) ?? null,
    children: [],
    size: 0,
  });
  const root = make(rootKey, null);
  // breadth first so each model hangs under its shallowest parent
  let frontier: TreeNode[] = [root];
  while (frontier.length > 0) {
    const next: TreeNode[] = [];
    for (const node of frontier) {
      for (const child of graph.children.get(node.key) ?? []) {
        if (seen.has(child.key)) continue;
        seen.add(child.key);
        const childNode = make(child.key, child.relation);
        node.children.push(childNode);
        next.push(childNode);
      }
    }
    frontier = next;
  }
  const count = (node: TreeNode): number => {
    node.size = node.children.reduce((sum, c) => sum + 1 + count(c), 0);
    return node.size;
  };
  count(root);
  return root;
}

/** Every key whose base chain reaches `rootKey` (the root excluded). */
export function descendantKeys(graph: LineageGraph, rootKey: string): Set<string> {
  const found = new Set<string>();
  const stack = [rootKey];
  while (stack.length > 0) {
    const key = stack.pop()!;
    for (const child of graph.children.get(key) ?? []) {
      if (child.key === rootKey || found.has(child.key)) continue;
      found.add(child.key);
      stack.push(child.key);
    }
  }
  return found;
}
