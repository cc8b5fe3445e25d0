// What every Hub query shares: the options (analyses.md §6 scope, period, top N), the scope's
// WHERE clause and the period key of a model's creation day (day / ISO week from Monday / month,
// the same keys as analysis/periods.ts).
import type { Period } from '../analysis/periods.js';

export type HubScope = 'llm' | 'all';

export interface HubQueryOptions {
  /** §6 "Scope": language models (default) or all models. */
  scope: HubScope;
  period: Period;
  top: number;
}

export const DEFAULT_HUB_QUERY: HubQueryOptions = { scope: 'llm', period: 'month', top: 20 };

export function scopeSql(scope: HubScope, alias = ''): string {
  return scope === 'all' ? 'TRUE' : `${alias ? `${alias}.` : ''}llm`;
}

/** The period key of a DATE column as text ('2024-05', or the Monday / the day as YYYY-MM-DD). */
export function periodSql(period: Period, column = 'day'): string {
  if (period === 'month') return `strftime(${column}, '%Y-%m')`;
  if (period === 'week') return `strftime(date_trunc('week', ${column}), '%Y-%m-%d')`;
  return `strftime(${column}, '%Y-%m-%d')`;
}

/** A cache key for a query and its options. */
export function memoKey(name: string, options: object): string {
  return `${name}:${JSON.stringify(options)}`;
}

/** Statistics of concentration over a table `a(x)` (x ≥ 0): N, Σx, the top-10 / top-200 sums,
 *  √N rounded and the top-√N sum (Price's law), and the Gini coefficient with the values sorted
 *  ascending (G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n + 1)/n). Computed over the histogram of x (a value
 *  and how many have it: a few thousand rows for ~1 M namespaces, no sort of the million): a
 *  value held by c namespaces after `below` smaller ones takes the ascending ranks below + 1 …
 *  below + c (Σ i = c·below + c(c+1)/2, whatever the order among ties), and the descending ranks
 *  after `above` larger ones, so a top-k sum takes x·clamp(k − above, 0, c) of it. */
export function concentrationSql(table: string): string {
  return `WITH h AS (SELECT x::DOUBLE AS x, count(*)::DOUBLE AS c FROM ${table} GROUP BY x),
    t AS (SELECT coalesce(sum(c), 0) AS n, coalesce(sum(c * x), 0) AS total FROM h),
    r AS (SELECT x, c,
      coalesce(sum(c) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS below,
      coalesce(sum(c) OVER (ORDER BY x DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS above FROM h),
    k AS (SELECT greatest(1, round(sqrt(n))) AS price_k FROM t)
    SELECT t.n, t.total,
      coalesce(sum(x * greatest(0, least(c, 10 - above))), 0) AS top10,
      coalesce(sum(x * greatest(0, least(c, 200 - above))), 0) AS top200,
      k.price_k,
      coalesce(sum(x * greatest(0, least(c, k.price_k - above))), 0) AS price_sum,
      CASE WHEN t.total > 0 THEN greatest(0, 2 * sum(x * (c * below + c * (c + 1) / 2)) / (t.n * t.total) - (t.n + 1) / t.n) END AS gini
    FROM t, k LEFT JOIN r ON TRUE GROUP BY t.n, t.total, k.price_k`;
}
