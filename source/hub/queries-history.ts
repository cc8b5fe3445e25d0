// The weekly history's rows for a view (history.ts): per week, the downloads (Δ downloadsAllTime
// between snapshots, clipped at 0) of the models in scope, how many models were counted, clipped
// or unknown, and the downloads by root organisation. Null when no history was fetched.
import type { HubStore } from './store.js';
import { memoKey, scopeSql, type HubQueryOptions } from './query-sql.js';
import type { HistoryManifest } from './history.js';

export interface HistoryRows {
  manifest: HistoryManifest;
  weeks: Array<{ week: string; downloads: number; models: number; clipped: number; unknown: number }>;
  orgs: Array<{ week: string; org: string; downloads: number }>;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export function historyRows(store: HubStore, options: HubQueryOptions): Promise<HistoryRows | null> {
  const manifest = store.history;
  if (!manifest) return Promise.resolve(null);
  return store.cached(memoKey('history', { scope: options.scope }), async () => {
    const where = scopeSql(options.scope);
    const weeks = await store.all(`SELECT strftime(week, '%Y-%m-%d') AS week, sum(downloads) AS downloads, sum(models) AS models, sum(clipped) AS clipped, sum(unknown) AS unknown
      FROM history.weekly_totals WHERE ${where} GROUP BY week ORDER BY week`);
    const orgs = await store.all(`SELECT strftime(week, '%Y-%m-%d') AS week, org, sum(downloads) AS downloads
      FROM history.weekly_orgs WHERE ${where} GROUP BY week, org ORDER BY week, org`);
    return {
      manifest,
      weeks: weeks.map((r) => ({ week: String(r.week), downloads: num(r.downloads), models: num(r.models), clipped: num(r.clipped), unknown: num(r.unknown) })),
      orgs: orgs.map((r) => ({ week: String(r.week), org: String(r.org), downloads: num(r.downloads) })),
    };
  });
}
