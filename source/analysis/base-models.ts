// analyses.md §2 "Models per base model" [Fig. 6]: for each declared base model, how many
// models in view declare it (by relation), its family; the top N. And the derivative tree of
// one base model (children, grandchildren, … with type, score and date), the lineage the
// Hub's "model tree" shows. Cycle-safe through lineage.ts. Pure: no IO, no clock.
import type { BaseRelation, Dataset, Entry, Generation, Model, ModelType } from '../data/model.js';
import { UNKNOWN_FAMILY } from '../data/architecture.js';
import { modelOf } from '../data/join.js';
import { aliasesOf } from '../data/aliases.js';
import { buildLineage, derivativeTree, descendantKeys, type LineageGraph, type TreeNode } from './lineage.js';
import { note, type Note } from './result.js';
import { dedupEntries, selectModels, selectionNotes, type SelectOptions } from './select.js';
import { withDefaults } from './options.js';

export const RELATIONS: readonly BaseRelation[] = ['finetune', 'adapter', 'merge', 'quantized', 'unknown'];

export type RelationCounts = Record<BaseRelation, number>;

function noRelations(): RelationCounts {
  return { finetune: 0, adapter: 0, merge: 0, quantized: 0, unknown: 0 };
}

export interface BaseModelOptions extends SelectOptions {
  /** Rows of the top list. Default 20 (the paper's figure shows the top 20). */
  top?: number;
}

export type ResolvedBaseModelOptions = Required<BaseModelOptions>;

export const DEFAULT_BASE_MODEL_OPTIONS: ResolvedBaseModelOptions = { includeFlagged: false, dedup: true, created: null, top: 20 };

/** Where a base model's family comes from. */
export type FamilySource = 'own entry' | 'children' | 'none';

export interface BaseModelRow {
  key: string;
  /** As the Hub spells it: its leaderboard entry, else its Hub info, else the spelling most
   *  children use. */
  repo: string;
  /** Models in view that declare it directly. */
  count: number;
  byRelation: RelationCounts;
  /** Models in view whose base chain reaches it (children, grandchildren, …). */
  descendants: number;
  family: string;
  familySource: FamilySource;
  /** The base model has an entry on this leaderboard (flagged ones included). */
  onLeaderboard: boolean;
  /** Its own score when on the leaderboard. */
  score: number | null;
  /** The Hub has model info for it (fetched as a row or as a declared base): when it is not on
   *  the leaderboard, the Hub says it is not a renamed row; without info nobody can say. */
  hubInfo: boolean;
  /** Other ids models declared it by, resolved through renames (analyses.md §0). */
  aliases: string[];
}

/** Declared bases that are not leaderboard rows (analyses.md §0 "Renamed repositories"). */
export interface OffBoardBases {
  /** Distinct declared bases with no entry on this leaderboard (after resolving renames). */
  bases: number;
  /** Of those, with Hub info: the Hub knows them, and they are not a renamed row. */
  withHubInfo: number;
  /** Without Hub info: unresolved (the Hub could not say); shown as "declared base not on
   *  the leaderboard". */
  unresolved: number;
  /** Models declaring at least one unresolved base. */
  declaringUnresolved: number;
}

export interface BaseModelsResult {
  generation: Generation;
  options: ResolvedBaseModelOptions;
  /** Distinct declared base models. */
  bases: number;
  /** Models in view that declare at least one base model. */
  declaring: number;
  /** Models in view. */
  models: number;
  /** Top `options.top` by count (then id). */
  top: BaseModelRow[];
  offBoard: OffBoardBases;
  /** Base links whose declared id resolved to another (a renamed repository). */
  resolvedRenames: number;
  notes: Note[];
}

const entryIndex = new WeakMap<Dataset, Map<string, Entry[]>>();

/** The dataset's entries by repo key, built once per dataset (datasets never change after
 *  loading): a base model outside the view is looked up without a pass over every entry. */
function entriesByKey(dataset: Dataset): Map<string, Entry[]> {
  let index = entryIndex.get(dataset);
  if (index) return index;
  index = new Map();
  for (const entry of dataset.entries) {
    const list = index.get(entry.key);
    if (list) list.push(entry);
    else index.set(entry.key, [entry]);
  }
  entryIndex.set(dataset, index);
  return index;
}

/** The best entry of a repository on the leaderboard (§0 dedup rule, flagged included), joined. */
function ownModel(dataset: Dataset, graph: LineageGraph, key: string): Model | null {
  const inView = graph.byKey.get(key);
  if (inView) return inView;
  const entries = entriesByKey(dataset).get(key);
  return entries ? modelOf(dataset, dedupEntries(entries)[0]!) : null;
}

/** §2: the family of a base model: its own entry's when on the leaderboard (and known), else
 *  the most common known family of the models that declare it (ties: by name). */
export function baseFamily(own: Model | null, children: readonly Model[]): { family: string; source: FamilySource } {
  if (own && own.entry.family !== UNKNOWN_FAMILY) return { family: own.entry.family, source: 'own entry' };
  const counts = new Map<string, number>();
  for (const child of children) {
    if (child.entry.family !== UNKNOWN_FAMILY) counts.set(child.entry.family, (counts.get(child.entry.family) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? { family: best[0], source: 'children' } : { family: UNKNOWN_FAMILY, source: 'none' };
}

function spellingOf(dataset: Dataset, own: Model | null, key: string, declared: readonly string[]): string {
  if (own) return own.entry.repo;
  const info = dataset.info.get(key);
  if (info) return info.id;
  const counts = new Map<string, number>();
  for (const id of declared) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
}

/** analyses.md §2 [Fig. 6] from the dataset; options default to the paper's. */
export function baseModels(dataset: Dataset, options: BaseModelOptions = {}): BaseModelsResult {
  const resolved: ResolvedBaseModelOptions = withDefaults(options, DEFAULT_BASE_MODEL_OPTIONS);
  const { models, excluded } = selectModels(dataset, resolved);
  const notes = selectionNotes(excluded);
  const graph = buildLineage(models);
  const declared = new Map<string, string[]>();
  const aliasIds = new Map<string, Set<string>>();
  let resolvedRenames = 0;
  for (const model of models) {
    for (const base of model.bases) {
      const list = declared.get(base.key) ?? [];
      list.push(base.id);
      declared.set(base.key, list);
      if (base.declared !== undefined) {
        resolvedRenames += 1;
        const ids = aliasIds.get(base.key) ?? new Set<string>();
        ids.add(base.declared);
        aliasIds.set(base.key, ids);
      }
    }
  }
  const offBoard = offBoardBases(dataset, graph);
  const ranked = [...graph.children]
    .map(([key, links]) => ({ key, links }))
    .sort((a, b) => b.links.length - a.links.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const top = ranked.slice(0, Math.max(0, resolved.top)).map(({ key, links }): BaseModelRow => {
    const own = ownModel(dataset, graph, key);
    const byRelation = noRelations();
    for (const link of links) byRelation[link.relation] += 1;
    const { family, source } = baseFamily(own, links.map((l) => graph.byKey.get(l.key)!));
    return {
      key,
      repo: spellingOf(dataset, own, key, declared.get(key) ?? []),
      count: links.length,
      byRelation,
      descendants: descendantKeys(graph, key).size,
      family,
      familySource: source,
      onLeaderboard: own !== null,
      score: own?.entry.score ?? null,
      hubInfo: dataset.info.has(key),
      aliases: [...(aliasIds.get(key) ?? [])].sort(),
    };
  });
  const declaring = models.filter((m) => m.bases.length > 0).length;
  note(notes, models.length - declaring, 'models declare no base model');
  note(notes, models.filter((m) => m.info === null).length, 'models without Hub metadata: base models from the leaderboard column only');
  note(notes, resolvedRenames, 'declared base links resolved through a renamed repository to its new id');
  note(notes, offBoard.withHubInfo, 'declared bases not on the leaderboard, known to the Hub (not a renamed row)');
  note(
    notes,
    offBoard.unresolved,
    `declared bases not on the leaderboard, without Hub info (unresolved: whether one was renamed to a row cannot be told), declared by ${offBoard.declaringUnresolved} models`,
  );
  return {
    generation: dataset.generation,
    options: resolved,
    bases: graph.children.size,
    declaring,
    models: models.length,
    top,
    offBoard,
    resolvedRenames,
    notes,
  };
}

/** §0: the declared bases with no leaderboard entry, with and without Hub info. */
function offBoardBases(dataset: Dataset, graph: LineageGraph): OffBoardBases {
  const rows = entriesByKey(dataset);
  const out: OffBoardBases = { bases: 0, withHubInfo: 0, unresolved: 0, declaringUnresolved: 0 };
  const declaring = new Set<string>();
  for (const [key, links] of graph.children) {
    if (rows.has(key)) continue;
    out.bases += 1;
    if (dataset.info.has(key)) out.withHubInfo += 1;
    else {
      out.unresolved += 1;
      for (const link of links) declaring.add(link.key);
    }
  }
  out.declaringUnresolved = declaring.size;
  return out;
}

export type ChildOrder = 'descendants' | 'score' | 'date' | 'source';

export interface DerivativeTreeOptions extends SelectOptions {
  /** Order of each node's children: most descendants first (default), best score first,
   *  earliest first, or as the data lists them. Ties keep source order. */
  childOrder?: ChildOrder;
}

export interface DerivativeNode {
  key: string;
  repo: string;
  /** Relation to the parent (null at the root). */
  relation: BaseRelation | null;
  /** The model is in view (on the leaderboard, selected); else the fields below are null. */
  inView: boolean;
  type: ModelType | null;
  score: number | null;
  /** Creation day YYYY-MM-DD; with dateFloor, "on or before". */
  day: string | null;
  dateFloor: boolean;
  params: number | null;
  family: string | null;
  depth: number;
  children: DerivativeNode[];
  /** Direct children, by relation. */
  byRelation: RelationCounts;
  /** Children, grandchildren, …, each counted once. */
  descendants: number;
}

export interface DerivativeTreeResult {
  generation: Generation;
  options: Required<DerivativeTreeOptions>;
  root: DerivativeNode;
  /** The id is known: a model in view or a declared base. */
  found: boolean;
  /** The root has an entry on this leaderboard (flagged ones included). */
  onLeaderboard: boolean;
  /** The Hub has model info for the root. */
  hubInfo: boolean;
  /** The root's family (baseFamily rule). */
  family: string;
  familySource: FamilySource;
  /** Every node below the root, by its relation to its parent. */
  byRelation: RelationCounts;
  byType: Partial<Record<ModelType, number>>;
  /** Deepest level (1 = children). */
  depth: number;
  notes: Note[];
}

function nodeOf(tree: TreeNode, depth: number, order: ChildOrder): DerivativeNode {
  const m = tree.model;
  const children = tree.children.map((c) => nodeOf(c, depth + 1, order));
  const byRelation = noRelations();
  for (const c of children) byRelation[c.relation ?? 'unknown'] += 1;
  if (order !== 'source') children.sort(compareChildren(order));
  return {
    key: tree.key,
    repo: tree.repo,
    relation: tree.relation,
    inView: m !== null,
    type: m?.entry.type ?? null,
    score: m?.entry.score ?? null,
    day: m?.day ?? null,
    dateFloor: m?.dateFloor ?? false,
    params: m?.entry.params ?? null,
    family: m?.entry.family ?? null,
    depth,
    children,
    byRelation,
    descendants: tree.size,
  };
}

/** Stable (Array.prototype.sort is stable): ties keep source order. Nulls last. */
function compareChildren(order: Exclude<ChildOrder, 'source'>): (a: DerivativeNode, b: DerivativeNode) => number {
  if (order === 'descendants') return (a, b) => b.descendants - a.descendants;
  if (order === 'score') return (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity);
  return (a, b) => (a.day === b.day ? 0 : a.day === null ? 1 : b.day === null ? -1 : a.day < b.day ? -1 : 1);
}

/** analyses.md §2: the derivative tree of one base model (an id, compared case-insensitively). */
export function derivativesOf(dataset: Dataset, base: string, options: DerivativeTreeOptions = {}): DerivativeTreeResult {
  const resolved: Required<DerivativeTreeOptions> = {
    includeFlagged: options.includeFlagged ?? false,
    dedup: options.dedup ?? true,
    created: options.created ?? null,
    childOrder: options.childOrder ?? 'descendants',
  };
  const { models, excluded } = selectModels(dataset, resolved);
  const notes = selectionNotes(excluded);
  const graph = buildLineage(models);
  const key = aliasesOf(dataset).resolve(base.trim().toLowerCase());
  const tree = derivativeTree(graph, key);
  const root = nodeOf(tree, 0, resolved.childOrder);
  if (!graph.byKey.has(key) && !graph.spelling.has(key)) root.repo = aliasesOf(dataset).spelling(key) ?? base.trim();
  const byRelation = noRelations();
  const byType: Partial<Record<ModelType, number>> = {};
  let depth = 0;
  let links = 0;
  const stack = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    byRelation[node.relation ?? 'unknown'] += 1;
    if (node.type !== null) byType[node.type] = (byType[node.type] ?? 0) + 1;
    depth = Math.max(depth, node.depth);
    stack.push(...node.children);
  }
  const drawn = [key, ...descendantKeys(graph, key)];
  for (const k of drawn) links += graph.children.get(k)?.length ?? 0;
  note(notes, links - root.descendants, 'declared base links not drawn: the model already appears in the tree (several bases in it, or a cycle)');
  const own = ownModel(dataset, graph, key);
  const { family, source } = baseFamily(own, (graph.children.get(key) ?? []).map((l) => graph.byKey.get(l.key)!));
  return {
    generation: dataset.generation,
    options: resolved,
    root,
    found: graph.byKey.has(key) || graph.children.has(key),
    onLeaderboard: own !== null,
    hubInfo: dataset.info.has(key),
    family,
    familySource: source,
    byRelation,
    byType,
    depth,
    notes,
  };
}

/** The tree as rows in display order (pre-order), for a scrolling list. `collapsed` keys
 *  hide their children. */
export function flattenTree(root: DerivativeNode, collapsed: ReadonlySet<string> = new Set()): DerivativeNode[] {
  const rows: DerivativeNode[] = [];
  const stack: DerivativeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    rows.push(node);
    if (!collapsed.has(node.key)) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return rows;
}
