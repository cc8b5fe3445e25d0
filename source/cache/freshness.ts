// What is fresh, stale or missing in the cache (shared by `fetch`, which re-fetches what is not
// fresh, and `status`, which counts it). Error items are never fresh: they are always retried.
import type { Entry, ItemStatus } from '../data/model.js';

export const DAY_MS = 86_400_000;
export const DEFAULT_TTL_DAYS = 7;

export interface FreshnessRule {
  now: number;
  ttlMs: number;
  /** With --refresh: anything fetched before this time (epoch ms) is stale. */
  refreshSince: number | null;
}

export type ItemCondition = 'ok' | 'gone' | 'error' | 'missing' | 'stale';

export function conditionOf(record: ItemStatus | undefined, rule: FreshnessRule): ItemCondition {
  if (record === undefined) return 'missing';
  if (record.status === 'error') return 'error';
  const at = Date.parse(record.fetchedAt);
  if (Number.isNaN(at)) return 'stale';
  if (rule.refreshSince !== null && at < rule.refreshSince) return 'stale';
  if (rule.now - at > rule.ttlMs) return 'stale';
  return record.status;
}

export function needsFetch(record: ItemStatus | undefined, rule: FreshnessRule): boolean {
  const condition = conditionOf(record, rule);
  return condition !== 'ok' && condition !== 'gone';
}

/** Distinct repositories of the entries: lowercased key → the id as first spelled. */
export function distinctRepos(entries: readonly Entry[]): Map<string, string> {
  const repos = new Map<string, string>();
  for (const entry of entries) if (!repos.has(entry.key)) repos.set(entry.key, entry.repo);
  return repos;
}
