// Pure shaping of the Hub queries' per-period rows (analyses.md §6 H1–H4): zero-filled time
// series over every period between the first and the last, the largest categories on their own
// and the rest as `other` (`unknown` always apart, §0), and shares per period.
import { periodRange, type Period } from './periods.js';
import type { TimeSeries } from './result.js';

export interface CategoryRow {
  key: string;
  name: string;
  n: number;
}

export const OTHER = 'other';
export const UNKNOWN = 'unknown';

/** The `k` largest names by total (ties: by name), never `unknown` or `other`. */
export function largest(totals: ReadonlyArray<{ name: string; n: number }>, k: number): string[] {
  return [...totals]
    .filter((t) => t.name !== UNKNOWN && t.name !== OTHER)
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, Math.max(0, k))
    .map((t) => t.name);
}

function fill(rows: readonly CategoryRow[], keys: readonly string[], names: readonly string[]): TimeSeries['series'] {
  const index = new Map(keys.map((k, i) => [k, i]));
  const order = [...names, OTHER, UNKNOWN];
  const values = new Map(order.map((name) => [name, new Array<number>(keys.length).fill(0)]));
  for (const r of rows) {
    const slot = names.includes(r.name) ? r.name : r.name === UNKNOWN ? UNKNOWN : OTHER;
    const i = index.get(r.key);
    if (i !== undefined) values.get(slot)![i]! += r.n;
  }
  return order.filter((name) => values.get(name)!.some((v) => v > 0)).map((name) => ({ name, values: values.get(name)! }));
}

/** Counts per period for `names` (in that order), then `other` for the rest and `unknown` (each
 *  only when non-zero). Keys run over every period from the first to the last row. */
export function categorySeries(rows: readonly CategoryRow[], period: Period, names: readonly string[]): TimeSeries {
  if (rows.length === 0) return { period, keys: [], series: [] };
  const sorted = [...new Set(rows.map((r) => r.key))].sort();
  const keys = periodRange(sorted[0]!, sorted[sorted.length - 1]!, period);
  return { period, keys, series: fill(rows, keys, names) };
}

/** The same over yearly keys ("2024"), every year from the first to the last. */
export function yearSeries(rows: readonly CategoryRow[], names: readonly string[]): { keys: string[]; series: TimeSeries['series'] } {
  const years = [...new Set(rows.map((r) => r.key))].sort();
  if (years.length === 0) return { keys: [], series: [] };
  const keys: string[] = [];
  for (let y = Number(years[0]); y <= Number(years[years.length - 1]); y += 1) keys.push(String(y));
  return { keys, series: fill(rows, keys, names) };
}

/** Each series' share of its period's total (0 where a period is empty). */
export function sharesOf(ts: Pick<TimeSeries, 'keys' | 'series'>): Array<{ name: string; values: number[] }> {
  const totals = ts.keys.map((_, i) => ts.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  return ts.series.map((s) => ({ name: s.name, values: s.values.map((v, i) => (totals[i]! > 0 ? v / totals[i]! : 0)) }));
}

/** Totals per period across series. */
export function periodTotals(ts: Pick<TimeSeries, 'keys' | 'series'>): number[] {
  return ts.keys.map((_, i) => ts.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
}
