// analyses.md §7 "First seen" and "Lag in days": when each model first appears in the series,
// how far the best open model of a date trails in time, and the median of those lags. Pure.
import type { ArenaRow } from '../data/arena-row.js';

/** Days from `from` to `to` (YYYY-MM-DD, UTC days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** §7 "First seen": the first publication date on which each model (by key) appears. */
export function firstSeenDates(rows: readonly ArenaRow[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const row of rows) {
    const seen = first.get(row.key);
    if (seen === undefined || row.date < seen) first.set(row.key, row.date);
  }
  return first;
}

/** The proprietary model the lag is measured from (M in §7). */
export interface LagModel {
  model: string;
  organisation: string | null;
  rating: number;
  firstSeen: string;
}

/**
 * §7 "Lag in days" on one date:
 * - `open leads`: no proprietary model of the table is rated above the best open one (a tie is
 *   matched, not ahead); the lag is 0.
 * - `behind`: M is the proprietary model rated above the best open one that was first seen
 *   earliest; the lag is D − firstSeen(M), the age of the oldest proprietary model that open
 *   has not yet matched. 0 days here means M appeared on D itself. `censored`: M was first
 *   seen on the series' first date, so it may be older than the series knows: the lag is at
 *   least `days`.
 */
export type Lag =
  | { state: 'open leads'; days: 0; censored: false }
  | { state: 'behind'; days: number; censored: boolean; model: LagModel };

/** The lag on `date`, given that date's proprietary rows, the best open rating, the first-seen
 *  dates and the series' first date. Ties for first seen: the higher rating, then the name. */
export function lagOn(
  date: string,
  proprietary: readonly ArenaRow[],
  bestOpen: number,
  firstSeen: ReadonlyMap<string, string>,
  seriesStart: string,
): Lag {
  let oldest: LagModel | null = null;
  for (const row of proprietary) {
    if (!(row.rating > bestOpen)) continue;
    const seen = firstSeen.get(row.key) ?? row.date;
    const candidate = { model: row.model, organisation: row.organisation, rating: row.rating, firstSeen: seen };
    if (
      oldest === null ||
      seen < oldest.firstSeen ||
      (seen === oldest.firstSeen && (row.rating > oldest.rating || (row.rating === oldest.rating && row.key < oldest.model.toLowerCase())))
    ) {
      oldest = candidate;
    }
  }
  if (oldest === null) return { state: 'open leads', days: 0, censored: false };
  return { state: 'behind', days: daysBetween(oldest.firstSeen, date), censored: oldest.firstSeen === seriesStart, model: oldest };
}

export interface LagMedian {
  /** Median lag in days over the dates that have a lag; null when none has. */
  days: number | null;
  /** True when a censored lag could move the median: it is then "at least" `days`. */
  atLeast: boolean;
  /** Dates the median is over, and how many of their lags are censored. */
  dates: number;
  censored: number;
}

/**
 * The median of the lags. A censored lag is a lower bound, so raising it can only raise the
 * median: the median is exact when every censored lag sorts above the middle, and "at least"
 * otherwise (a censored lag at or below the middle value(s)). Even counts: the mean of the two
 * middle values.
 */
export function medianLag(lags: ReadonlyArray<{ days: number; censored: boolean }>): LagMedian {
  const sorted = [...lags].sort((a, b) => a.days - b.days || Number(a.censored) - Number(b.censored));
  const n = sorted.length;
  const censored = sorted.filter((l) => l.censored).length;
  if (n === 0) return { days: null, atLeast: false, dates: 0, censored: 0 };
  const hi = Math.floor(n / 2);
  const lo = n % 2 === 1 ? hi : hi - 1;
  const days = (sorted[lo]!.days + sorted[hi]!.days) / 2;
  const atLeast = sorted.slice(0, hi + 1).some((l) => l.censored);
  return { days, atLeast, dates: n, censored };
}
