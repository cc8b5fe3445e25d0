// A frequency table of one leaderboard column over the rows of a query (issue 9 item 7,
// VisiData's Shift-F; analyses.md §5 "Leaderboard itself" gives the columns): each value with
// its count and its share of the rows. Text columns count each value; numbers with few
// distinct values too, else they are binned — on a 1-2-5 logarithmic scale when they span
// more than two decades (params, likes, downloads: zeros apart), else in equal steps of a
// round width (scores); creation days by month when there are many. A bin is [lower, upper),
// the last one closed. Each row says which rows it holds (a Match), so Enter can open them.
// Pure.
import type { LeaderboardColumn, LeaderboardRow } from './leaderboard.js';
import { namespaceOf } from '../data/repo-id.js';

/** Which rows a frequency row holds (plain data: it goes in the saved explorer state). */
export type Match =
  | { kind: 'value'; value: string | number | null }
  | { kind: 'range'; lower: number; upper: number; closed: boolean }
  | { kind: 'month'; month: string }
  /** Created in [from, to) (YYYY-MM-DD), not on the 2022-03-02 floor: a period of §2's time
   *  series, which keeps the floor's models out of per-period counts (§0 "Date of a model"). */
  | { kind: 'days'; from: string; to: string }
  /** The repositories one author is credited with (analyses.md §0 "Authors of a repository":
   *  a commit author, case aside; with `owners`, the namespace owner of a repository without a
   *  commit history stands in, as §1's `--authors namespace`). */
  | { kind: 'author'; name: string; owners: boolean };

export interface FrequencyRow {
  /** The value or bin as shown ("chat", "7–8", "2024-03", "(none)"). */
  label: string;
  count: number;
  /** Of the rows counted. */
  share: number;
  match: Match;
}

export interface Frequency {
  column: string;
  title: string;
  /** Rows counted (the query's rows). */
  total: number;
  /** How the values were grouped. */
  grouping: 'values' | 'log bins' | 'bins' | 'months';
  rows: FrequencyRow[];
}

/** Numeric columns with at most this many distinct values are counted value by value. */
export const DISTINCT_AT_MOST = 12;
/** Equal-width bins aimed at (the round width gives between about 6 and 25). */
const TARGET_BINS = 12;
const MONTHS_ABOVE = 24;
export const NONE_LABEL = '(none)';

const numberText = (n: number): string => {
  if (Math.abs(n) >= 1e9) return `${+(n / 1e9).toPrecision(3)}G`;
  if (Math.abs(n) >= 1e6) return `${+(n / 1e6).toPrecision(3)}M`;
  if (Math.abs(n) >= 1e4) return `${+(n / 1e3).toPrecision(3)}k`;
  return String(+n.toPrecision(6));
};

/** A round step (1, 2 or 5 × 10^k) near `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Edges of the 1-2-5 scale covering [min, max] (min > 0). */
function logEdges(min: number, max: number): number[] {
  const edges: number[] = [];
  let e = 10 ** Math.floor(Math.log10(min));
  const steps = [1, 2, 5];
  for (let k = 0; edges.length < 200; k += 1) {
    const decade = e * 10 ** Math.floor(k / 3);
    const edge = +(decade * steps[k % 3]!).toPrecision(12);
    if (edge <= min) edges.length = 0;
    edges.push(edge);
    if (edge > max) break;
  }
  if (edges[0]! > min) edges.unshift(+(edges[0]! / 2).toPrecision(12));
  return edges;
}

function inRange(v: number, m: { lower: number; upper: number; closed: boolean }): boolean {
  return v >= m.lower && (v < m.upper || (m.closed && v === m.upper));
}

/** Does the row hold the frequency row's value? */
export function matches(column: LeaderboardColumn, match: Match, row: LeaderboardRow): boolean {
  const v = column.value(row);
  switch (match.kind) {
    case 'value':
      return v === match.value;
    case 'range':
      return typeof v === 'number' && inRange(v, match);
    case 'month':
      return typeof v === 'string' && v.slice(0, 7) === match.month;
    case 'days':
      return typeof v === 'string' && !row.dateFloor && v >= match.from && v < match.to;
    case 'author': {
      const name = match.name.trim().toLowerCase();
      const activity = row.model.activity;
      if (activity === null) return match.owners && namespaceOf(row.repo).toLowerCase() === name;
      return activity.authors.some((a) => a.trim().toLowerCase() === name);
    }
  }
}

/** The words a match reads as after the column's title ("Type = chat", "Params 7–8"). */
export function matchText(title: string, match: Match, label: string): string {
  return match.kind === 'value' ? `${title} = ${label}` : `${title} ${label}`;
}

const byCount = (a: FrequencyRow, b: FrequencyRow): number => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** The frequency table of `column` over the rows at `indices` (a query's, in any order). */
export function frequency(rows: readonly LeaderboardRow[], indices: ArrayLike<number>, column: LeaderboardColumn): Frequency {
  const total = indices.length;
  const values: Array<string | number | null> = new Array(total);
  for (let i = 0; i < total; i += 1) values[i] = column.value(rows[indices[i]!]!);
  const none = values.filter((v) => v === null).length;
  const noneRow = (): FrequencyRow[] => (none > 0 ? [{ label: NONE_LABEL, count: none, share: none / total, match: { kind: 'value', value: null } }] : []);
  const counted = (map: Map<string | number, number>, label: (v: string | number) => string): FrequencyRow[] =>
    [...map].map(([value, count]) => ({ label: label(value), count, share: count / total, match: { kind: 'value', value } as Match }));
  const base = { column: column.id, title: column.title, total };
  if (!column.numeric) {
    const map = new Map<string | number, number>();
    for (const v of values) if (v !== null) map.set(v, (map.get(v) ?? 0) + 1);
    if (column.id === 'created' && map.size > MONTHS_ABOVE) {
      const months = new Map<string, number>();
      for (const [day, count] of map) months.set(String(day).slice(0, 7), (months.get(String(day).slice(0, 7)) ?? 0) + count);
      const monthRows = [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, count]): FrequencyRow => ({ label: month, count, share: count / total, match: { kind: 'month', month } }));
      return { ...base, grouping: 'months', rows: [...monthRows, ...noneRow()] };
    }
    return { ...base, grouping: 'values', rows: [...counted(map, String).sort(byCount), ...noneRow()] };
  }
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const distinct = new Map<number, number>();
  for (const n of numbers) {
    distinct.set(n, (distinct.get(n) ?? 0) + 1);
    if (distinct.size > DISTINCT_AT_MOST) break;
  }
  if (distinct.size <= DISTINCT_AT_MOST) {
    const rowsOf = counted(distinct, (v) => numberText(v as number)).sort((a, b) => (a.match as { value: number }).value - (b.match as { value: number }).value);
    return { ...base, grouping: 'values', rows: [...rowsOf, ...noneRow()] };
  }
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  for (const n of numbers) {
    if (n < min) min = n;
    if (n > max) max = n;
    if (n > 0 && n < minPositive) minPositive = n;
  }
  const log = min >= 0 && minPositive < Infinity && max / minPositive >= 100;
  let edges: number[];
  if (log) edges = logEdges(minPositive, max);
  else {
    const step = niceStep((max - min) / TARGET_BINS);
    const first = Math.floor(min / step) * step;
    edges = [];
    for (let e = first; edges.length < 1000; e = +(e + step).toPrecision(12)) {
      edges.push(e);
      if (e > max) break;
    }
  }
  const bins = new Array<number>(edges.length - 1).fill(0);
  let zeros = 0;
  for (const n of numbers) {
    if (log && n === 0) {
      zeros += 1;
      continue;
    }
    // binary search for the bin: edges[i] <= n < edges[i + 1] (the last bin is closed)
    let lo = 0;
    let hi = bins.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid]! <= n) lo = mid;
      else hi = mid - 1;
    }
    bins[lo]! += 1;
  }
  // drop empty bins at the ends (the edges overshoot the data), keep the empty ones between
  let from = 0;
  let to = bins.length - 1;
  while (from < to && bins[from] === 0) from += 1;
  while (to > from && bins[to] === 0) to -= 1;
  const binRows: FrequencyRow[] = [];
  if (zeros > 0) binRows.push({ label: '0', count: zeros, share: zeros / total, match: { kind: 'value', value: 0 } });
  for (let i = from; i <= to; i += 1) {
    const lower = edges[i]!;
    const upper = edges[i + 1]!;
    const closed = i === to;
    binRows.push({ label: `${numberText(lower)}–${numberText(upper)}`, count: bins[i]!, share: bins[i]! / total, match: { kind: 'range', lower, upper, closed } });
  }
  return { ...base, grouping: log ? 'log bins' : 'bins', rows: [...binRows, ...noneRow()] };
}
