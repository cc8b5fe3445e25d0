// What one leaderboard dataset of the cache holds, for `hubscope status` (and the UI): the
// table's source and freshness, per-stage item counts over ITS distinct repos (the shared Hub
// facts counted for this dataset's repos only), and the first failures.
import type { RowProblem } from '../data/normalise-row.js';
import type { ItemStatus } from '../data/model.js';
import { DAY_MS, conditionOf, distinctRepos, type FreshnessRule, type ItemCondition } from './freshness.js';
import type { CacheStore } from './store.js';
import type { LeaderboardDoc } from './schema.js';

export interface ItemsReport {
  ok: number;
  gone: number;
  error: number;
  /** Not fetched yet. */
  missing: number;
  /** ok or gone, but older than the TTL. */
  stale: number;
  /** Last complete pass (ISO), and its age in seconds. */
  completedAt: string | null;
  ageSeconds: number | null;
}

export interface CacheReport {
  dir: string;
  /** The dataset reported on. */
  dataset: string;
  empty: boolean;
  writtenBy: string;
  ttlDays: number;
  leaderboard: {
    generation: string | null;
    dataset: string | null;
    revision: string | null;
    origin: string | null;
    fetchedAt: string | null;
    ageSeconds: number | null;
    complete: boolean;
    /** Rows the source has; rows read so far. */
    total: number;
    read: number;
    entries: number;
    distinctRepos: number;
    flagged: number;
    problems: number;
    firstProblems: RowProblem[];
  };
  info: ItemsReport;
  commits: ItemsReport;
  errors: Array<{ stage: 'info' | 'commits'; key: string; message: string }>;
}

const ageOf = (iso: string | null, now: number): number | null => {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((now - at) / 1000));
};

function countItems(keys: Iterable<string>, items: Record<string, ItemStatus>, rule: FreshnessRule, completedAt: string | null): ItemsReport {
  const counts: Record<ItemCondition, number> = { ok: 0, gone: 0, error: 0, missing: 0, stale: 0 };
  for (const key of keys) counts[conditionOf(items[key], rule)] += 1;
  return { ...counts, completedAt, ageSeconds: ageOf(completedAt, rule.now) };
}

export function buildReport(store: CacheStore, ttlDays: number, now = Date.now(), maxErrors = 10): CacheReport {
  const lb = store.leaderboard;
  const repos = distinctRepos(lb.entries);
  const rule: FreshnessRule = { now, ttlMs: ttlDays * DAY_MS, refreshSince: null };
  const errors: CacheReport['errors'] = [];
  for (const [stage, items] of [['info', store.models.items], ['commits', store.commits.items]] as const) {
    for (const key of repos.keys()) {
      const record = items[key];
      if (errors.length < maxErrors && record?.status === 'error') errors.push({ stage, key: repos.get(key)!, message: record.message ?? 'error' });
    }
  }
  const empty = lb.entries.length === 0 && lb.total === 0;
  const completed = store.record.completed;
  return {
    dir: store.dir,
    dataset: store.datasetId,
    empty,
    writtenBy: store.metaDoc.writtenBy,
    ttlDays,
    leaderboard: {
      generation: lb.generation,
      dataset: lb.dataset,
      revision: lb.revision,
      origin: lb.origin,
      fetchedAt: lb.fetchedAt,
      ageSeconds: ageOf(lb.fetchedAt, now),
      complete: lb.complete,
      total: lb.total,
      read: lb.complete ? lb.total : lb.nextOffset,
      entries: lb.entries.length,
      distinctRepos: repos.size,
      flagged: lb.entries.filter((e) => e.flagged).length,
      problems: lb.problems.length,
      firstProblems: lb.problems.slice(0, 3),
    },
    info: countItems(repos.keys(), store.models.items, rule, completed.info ?? null),
    commits: countItems(repos.keys(), store.commits.items, rule, completed.commits ?? null),
    errors,
  };
}

/** One line's worth of a held table: rows, repos, and how many of its repos have Hub info
 *  and a commit history in the shared documents. */
export interface TableSummary {
  entries: number;
  total: number;
  complete: boolean;
  repos: number;
  withInfo: number;
  withHistory: number;
}

export function summariseTable(lb: LeaderboardDoc, store: CacheStore): TableSummary {
  const repos = distinctRepos(lb.entries);
  let withInfo = 0;
  let withHistory = 0;
  for (const key of repos.keys()) {
    if (store.models.items[key]?.status === 'ok') withInfo += 1;
    if (store.commits.items[key]?.status === 'ok') withHistory += 1;
  }
  return { entries: lb.entries.length, total: lb.total, complete: lb.complete, repos: repos.size, withInfo, withHistory };
}
