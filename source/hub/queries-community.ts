// The Hub queries of analyses.md §6 H1 (who builds: namespaces), H2 (relations per period), H3
// (architecture families per period) and H7 (intermediaries), over the summary tables the ingest
// wrote (summary-sql.ts: a few thousand rows each, never the 3 M). Each returns plain rows;
// analysis/hub-*.ts shapes them (pure). Memoised per store and options.
import type { Row } from './duck.js';
import type { HubStore } from './store.js';
import { memoKey, periodSql, scopeSql, type HubQueryOptions } from './query-sql.js';
import { TOP_KEPT } from './summary-sql.js';

export interface ScopeCounts {
  rows: number;
  inScope: number;
  dated: number;
  atFloor: number;
  undated: number;
  withParents: number;
  withParams: number;
  authors: number;
  downloads: number;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export function scopeCounts(store: HubStore, options: HubQueryOptions): Promise<ScopeCounts> {
  return store.cached(memoKey('scope', { scope: options.scope }), async () => {
    const r = (await store.all('SELECT * FROM scope_counts WHERE scope = $1', [options.scope]))[0] ?? {};
    return {
      rows: num(r.rows), inScope: num(r.in_scope), dated: num(r.dated), atFloor: num(r.at_floor), undated: num(r.undated),
      withParents: num(r.with_parents), withParams: num(r.with_params), authors: num(r.authors), downloads: num(r.downloads),
    };
  });
}

export interface ConcentrationRow {
  n: number;
  total: number;
  top10: number;
  top200: number;
  priceK: number;
  priceSum: number;
  gini: number | null;
}

function concentrationRow(row: Row | undefined): ConcentrationRow {
  if (!row) return { n: 0, total: 0, top10: 0, top200: 0, priceK: 0, priceSum: 0, gini: null };
  return { n: num(row.n), total: num(row.total), top10: num(row.top10), top200: num(row.top200), priceK: num(row.price_k), priceSum: num(row.price_sum), gini: row.gini === null ? null : Number(row.gini) };
}

export interface AuthorRows {
  byModels: ConcentrationRow;
  byDownloads: ConcentrationRow;
  top: Array<{ author: string; models: number; downloads: number; first: string | null }>;
  /** Namespaces by number of models: [lower edge, namespaces]. */
  buckets: Array<{ lower: number; authors: number }>;
  /** New namespaces per period (first dated model). */
  fresh: Array<{ key: string; n: number }>;
  /** Models without a namespace (legacy ids: author column empty and no "/"). */
  noAuthor: number;
}

export const AUTHOR_BUCKETS = [1, 2, 3, 5, 10, 20, 50, 100, 1000, 10000];

export function authorRows(store: HubStore, options: HubQueryOptions): Promise<AuthorRows> {
  return store.cached(memoKey('authors', options), async () => {
    // author_stats holds every namespace's counts over all models and over the language models
    const s = options.scope === 'all' ? 'all' : 'llm';
    const per = `(SELECT author, n_${s} AS n, d_${s} AS d, first_${s} AS first FROM author_stats WHERE n_${s} > 0)`;
    const concentration = await store.all('SELECT * FROM concentration WHERE scope = $1', [s]);
    const byModels = concentration.find((r) => r.weight === 'models');
    const byDownloads = concentration.find((r) => r.weight === 'downloads');
    // rankings, buckets and first days from the ingest's small tables (summary-sql.ts)
    const top = options.top <= TOP_KEPT
      ? await store.all(`SELECT author, n, d, strftime(first, '%Y-%m-%d') AS first FROM author_top WHERE scope = $1 AND rank <= ${Math.max(1, options.top)} ORDER BY rank`, [s])
      : await store.all(`SELECT author, n, d, strftime(first, '%Y-%m-%d') AS first FROM ${per} ORDER BY n DESC, author LIMIT ${options.top}`);
    const edges = AUTHOR_BUCKETS.map((lower, i) => `WHEN n >= ${lower} THEN ${i}`).reverse().join(' ');
    const buckets = await store.all(`SELECT CASE ${edges} END AS b, sum(authors) AS c FROM author_counts WHERE scope = $1 GROUP BY 1 ORDER BY 1`, [s]);
    const fresh = await store.all(`SELECT ${periodSql(options.period, 'first')} AS key, sum(authors) AS n FROM author_counts WHERE scope = $1 AND first IS NOT NULL GROUP BY 1 ORDER BY 1`, [s]);
    const none = await store.all('SELECT no_author AS n FROM scope_counts WHERE scope = $1', [s]);
    return {
      byModels: concentrationRow(byModels),
      byDownloads: concentrationRow(byDownloads),
      top: top.map((r) => ({ author: String(r.author), models: num(r.n), downloads: num(r.d), first: r.first === null ? null : String(r.first) })),
      buckets: AUTHOR_BUCKETS.map((lower, i) => ({ lower, authors: num(buckets.find((b) => num(b.b) === i)?.c) })),
      fresh: fresh.map((r) => ({ key: String(r.key), n: num(r.n) })),
      noAuthor: num(none[0]?.n),
    };
  });
}

/** Dated models per period and category (relation, family, …): rows of (key, name, n). */
export interface CategoryRows {
  rows: Array<{ key: string; name: string; n: number }>;
  /** All models in scope per category, dated or not. */
  totals: Array<{ name: string; n: number }>;
}

/** Per period and category from a day table (`day_relation`, `day_family`, `day_root_org`:
 *  counts per day, scope flag and name; day NULL for the undated). */
export async function byPeriod(store: HubStore, options: HubQueryOptions, table: string): Promise<CategoryRows> {
  const where = scopeSql(options.scope);
  const rows = await store.all(`SELECT ${periodSql(options.period)} AS key, name, sum(n) AS n
    FROM ${table} WHERE ${where} AND day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
  const totals = await store.all(`SELECT name, sum(n) AS n FROM ${table} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`);
  return {
    rows: rows.map((r) => ({ key: String(r.key), name: String(r.name), n: num(r.n) })),
    totals: totals.map((r) => ({ name: String(r.name), n: num(r.n) })),
  };
}

/** H2: new models per period by relation. */
export function relationRows(store: HubStore, options: HubQueryOptions): Promise<CategoryRows> {
  return store.cached(memoKey('relations', options), () => byPeriod(store, options, 'day_relation'));
}

/** H3: new models per period by architecture family (own class, else the root's). */
export function familyRows(store: HubStore, options: HubQueryOptions): Promise<CategoryRows> {
  return store.cached(memoKey('families', options), () => byPeriod(store, options, 'day_family'));
}

export interface IntermediaryRows {
  relation: 'quantized' | 'adapter';
  total: number;
  top: Array<{ author: string; n: number; downloads: number }>;
}

/** H7: the accounts publishing most quantized and adapter models. */
export function intermediaryRows(store: HubStore, options: HubQueryOptions): Promise<IntermediaryRows[]> {
  return store.cached(memoKey('intermediaries', options), async () => {
    const where = scopeSql(options.scope);
    const out: IntermediaryRows[] = [];
    for (const relation of ['quantized', 'adapter'] as const) {
      const total = await store.all(`SELECT coalesce(sum(n), 0) AS n FROM day_relation WHERE ${where} AND name = $1`, [relation]);
      const top = options.top <= TOP_KEPT
        ? await store.all(`SELECT author, n, d FROM intermediary_top WHERE scope = $1 AND relation = $2 AND rank <= ${Math.max(1, options.top)} ORDER BY rank`, [options.scope === 'all' ? 'all' : 'llm', relation])
        : await store.all(`SELECT author, sum(n) AS n, sum(d) AS d FROM intermediaries
          WHERE ${where} AND relation = $1 GROUP BY author ORDER BY n DESC, author LIMIT ${options.top}`, [relation]);
      out.push({ relation, total: num(total[0]?.n), top: top.map((r) => ({ author: String(r.author), n: num(r.n), downloads: num(r.d) })) });
    }
    return out;
  });
}
