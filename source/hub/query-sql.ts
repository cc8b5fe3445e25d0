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
 *  ascending (G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n + 1)/n). */
export function concentrationSql(table: string): string {
  return `WITH s AS (SELECT x, row_number() OVER (ORDER BY x DESC) AS r FROM ${table}),
    t AS (SELECT count(*)::DOUBLE AS n, sum(x)::DOUBLE AS total FROM s)
    SELECT t.n, t.total,
      coalesce(sum(x) FILTER (WHERE r <= 10), 0) AS top10,
      coalesce(sum(x) FILTER (WHERE r <= 200), 0) AS top200,
      greatest(1, round(sqrt(t.n))) AS price_k,
      coalesce(sum(x) FILTER (WHERE r <= greatest(1, round(sqrt(t.n)))), 0) AS price_sum,
      CASE WHEN t.total > 0 THEN greatest(0, 2 * sum((t.n + 1 - r) * x) / (t.n * t.total) - (t.n + 1) / t.n) END AS gini
    FROM s, t GROUP BY t.n, t.total`;
}
