// analyses.md §5 "A detail view for one model": every field, its base-model chain up, its
// derivatives down with counts per relation, and its commit activity (count, first and last
// commit, authors less system accounts and bots, §0). Lineage is drawn over the deduplicated
// rows (flagged per the toggle), built once per toggle and cached on the table. Pure.
import type { BaseRelation, CommitActivity, Dataset, Entry, ItemState, Model, ModelInfo, ModelType } from '../data/model.js';
import type { LeaderboardRow, LeaderboardTable } from './leaderboard.js';
import { ancestors, buildLineage, descendantKeys, mergeTainted, type LineageGraph } from './lineage.js';
import { DEFAULT_AUTHOR_OPTIONS, isSystemAuthor } from './authors.js';
import { RELATIONS, type RelationCounts } from './base-models.js';

export interface LinkedModel {
  key: string;
  repo: string;
  relation: BaseRelation;
  /** On the table (in view under the flagged toggle); else type, score and day are null. */
  inView: boolean;
  type: ModelType | null;
  score: number | null;
  day: string | null;
}

export interface ModelDetail {
  row: LeaderboardRow;
  model: Model;
  info: ModelInfo | null;
  /** Every entry of the repository, in source order (precisions, re-submissions, flagged). */
  entries: Entry[];
  /** Descends from a merge (§0), following the whole chain. */
  descendsFromMerge: boolean;
  /** Up: breadth first, depth 1 = declared bases; `cycle` marks a step back onto the chain. */
  ancestors: Array<LinkedModel & { depth: number; cycle: boolean }>;
  derivatives: {
    /** Models declaring this one directly, best score first (nulls last, then source order). */
    children: LinkedModel[];
    /** Direct children per relation. */
    byRelation: RelationCounts;
    /** Children, grandchildren, …, each counted once. */
    total: number;
  };
  activity: {
    /** 'ok' when the history is there; else why not ('not fetched' when never tried). */
    status: ItemState | 'not fetched';
    commits: number | null;
    firstCommit: string | null;
    lastCommit: string | null;
    /** Commit authors less system accounts and bots (§0). */
    authors: string[];
    /** The system accounts and bots removed. */
    removed: string[];
  };
}

interface LineageCache {
  graph: LineageGraph;
  tainted: Set<string>;
}

const caches = new WeakMap<LeaderboardTable, Map<boolean, LineageCache>>();

function lineageOf(table: LeaderboardTable, includeFlagged: boolean): LineageCache {
  let byToggle = caches.get(table);
  if (!byToggle) caches.set(table, (byToggle = new Map()));
  const cached = byToggle.get(includeFlagged);
  if (cached) return cached;
  const rows = table.rows.filter((r) => (includeFlagged ? r.keptShowingFlagged : r.keptHidingFlagged));
  const graph = buildLineage(rows.map((r) => r.model));
  const made = { graph, tainted: mergeTainted(graph) };
  byToggle.set(includeFlagged, made);
  return made;
}

function linked(graph: LineageGraph, key: string, relation: BaseRelation): LinkedModel {
  const model = graph.byKey.get(key) ?? null;
  return {
    key,
    repo: graph.spelling.get(key) ?? key,
    relation,
    inView: model !== null,
    type: model?.entry.type ?? null,
    score: model?.entry.score ?? null,
    day: model?.day ?? null,
  };
}

function activityOf(dataset: Dataset, key: string, activity: CommitActivity | null): ModelDetail['activity'] {
  const { systemAccounts, dropBots } = DEFAULT_AUTHOR_OPTIONS;
  const authors = activity?.authors ?? [];
  return {
    status: activity ? 'ok' : dataset.activityStatus.get(key)?.status ?? 'not fetched',
    commits: activity?.commits ?? null,
    firstCommit: activity?.firstCommit ?? null,
    lastCommit: activity?.lastCommit ?? null,
    authors: authors.filter((a) => !isSystemAuthor(a, systemAccounts, dropBots)),
    removed: authors.filter((a) => isSystemAuthor(a, systemAccounts, dropBots)),
  };
}

/** analyses.md §5: the detail of one repository (an id or key, case-insensitive); null when
 *  the table has no row for it. The row shown is the one the dedup rule keeps (flagged per
 *  the toggle), else its first entry. */
export function modelDetail(
  dataset: Dataset,
  table: LeaderboardTable,
  repo: string,
  options: { includeFlagged?: boolean } = {},
): ModelDetail | null {
  const includeFlagged = options.includeFlagged ?? false;
  const key = repo.trim().toLowerCase();
  const rows = table.rows.filter((r) => r.key === key);
  if (rows.length === 0) return null;
  const row = rows.find((r) => (includeFlagged ? r.keptShowingFlagged : r.keptHidingFlagged)) ?? rows[0]!;
  // a flagged row opened while flagged rows are hidden still shows its own lineage
  const { graph, tainted } = lineageOf(table, includeFlagged || row.flagged);
  const up = ancestors(graph, key).map((step) => ({
    ...linked(graph, step.key, step.relation),
    repo: step.repo,
    depth: step.depth,
    cycle: step.cycle,
  }));
  const links = graph.children.get(key) ?? [];
  const byRelation = Object.fromEntries(RELATIONS.map((r) => [r, 0])) as RelationCounts;
  for (const link of links) byRelation[link.relation] += 1;
  const children = links
    .map((link) => linked(graph, link.key, link.relation))
    .sort((a, b) => (a.score === b.score ? 0 : a.score === null ? 1 : b.score === null ? -1 : b.score - a.score));
  return {
    row,
    model: row.model,
    info: row.model.info,
    entries: rows.map((r) => r.model.entry),
    descendsFromMerge: tainted.has(key) || row.model.isMerge,
    ancestors: up,
    derivatives: { children, byRelation, total: descendantKeys(graph, key).size },
    activity: activityOf(dataset, key, row.model.activity),
  };
}
