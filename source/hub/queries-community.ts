// The Hub queries of analyses.md §6 H1 (who builds: namespaces), H2 (relations per period), H3
// (architecture families per period) and H7 (intermediaries), over the store's `models`. Each
// returns plain rows; analysis/hub-*.ts shapes them (pure). Memoised per store and options.
import type { Row } from './duck.js';
import type { HubStore } from './store.js';
import { concentrationSql, memoKey, periodSql, scopeSql, type HubQueryOptions } from './query-sql.js';

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
    const r = (await store.all(`SELECT (SELECT count(*) FROM models) AS rows, count(*) AS in_scope,
      count(day) AS dated, count_if(at_floor) AS at_floor, count_if(day IS NULL AND NOT at_floor) AS undated,
      count_if(n_parents > 0) AS with_parents, count(params) AS with_params, count(DISTINCT author) AS authors,
      coalesce(sum(downloads), 0) AS downloads
      FROM models WHERE ${scopeSql(options.scope)}`))[0]!;
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
    const where = scopeSql(options.scope);
    const per = `(SELECT author, count(*) AS n, coalesce(sum(downloads), 0) AS d, min(day) AS first FROM models WHERE ${where} AND author IS NOT NULL GROUP BY author)`;
    const [byModels] = await store.all(concentrationSql(`(SELECT n AS x FROM ${per})`));
    const [byDownloads] = await store.all(concentrationSql(`(SELECT d AS x FROM ${per})`));
    const top = await store.all(`SELECT author, n, d, strftime(first, '%Y-%m-%d') AS first FROM ${per} ORDER BY n DESC, author LIMIT ${Math.max(1, options.top)}`);
    const edges = AUTHOR_BUCKETS.map((lower, i) => `WHEN n >= ${lower} THEN ${i}`).reverse().join(' ');
    const buckets = await store.all(`SELECT CASE ${edges} END AS b, count(*) AS c FROM ${per} GROUP BY 1 ORDER BY 1`);
    const fresh = await store.all(`SELECT ${periodSql(options.period, 'first')} AS key, count(*) AS n FROM ${per} WHERE first IS NOT NULL GROUP BY 1 ORDER BY 1`);
    const none = await store.all(`SELECT count(*) AS n FROM models WHERE ${where} AND author IS NULL`);
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

async function byPeriod(store: HubStore, options: HubQueryOptions, column: string): Promise<CategoryRows> {
  const where = scopeSql(options.scope);
  const rows = await store.all(`SELECT ${periodSql(options.period)} AS key, coalesce(${column}, 'unknown') AS name, count(*) AS n
    FROM models WHERE ${where} AND day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
  const totals = await store.all(`SELECT coalesce(${column}, 'unknown') AS name, count(*) AS n FROM models WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`);
  return {
    rows: rows.map((r) => ({ key: String(r.key), name: String(r.name), n: num(r.n) })),
    totals: totals.map((r) => ({ name: String(r.name), n: num(r.n) })),
  };
}

/** H2: new models per period by relation. */
export function relationRows(store: HubStore, options: HubQueryOptions): Promise<CategoryRows> {
  return store.cached(memoKey('relations', options), () => byPeriod(store, options, 'relation'));
}

/** H3: new models per period by architecture family (own class, else the root's). */
export function familyRows(store: HubStore, options: HubQueryOptions): Promise<CategoryRows> {
  return store.cached(memoKey('families', options), () => byPeriod(store, options, 'family'));
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
      const total = await store.all(`SELECT count(*) AS n FROM models WHERE ${where} AND relation = $1`, [relation]);
      const top = await store.all(`SELECT author, count(*) AS n, coalesce(sum(downloads), 0) AS d FROM models
        WHERE ${where} AND relation = $1 AND author IS NOT NULL GROUP BY author ORDER BY n DESC, author LIMIT ${Math.max(1, options.top)}`, [relation]);
      out.push({ relation, total: num(total[0]?.n), top: top.map((r) => ({ author: String(r.author), n: num(r.n), downloads: num(r.d) })) });
    }
    return out;
  });
}
