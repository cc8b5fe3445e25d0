// analyses.md §7, one model or one date at a time, for the explorer's Frontier screen: a
// date's table (its top k, best first, each with its licence class and first-seen date) and
// one model's rating across the dates it appears on (each date on its own scale: the rank
// and the gap to that date's best proprietary and best open model say where it stood). Pure.
import type { ArenaDataset } from '../data/arena-dataset.js';
import type { ArenaRow } from '../data/arena-row.js';
import { isOpen, type LicenceClass } from '../data/licence-class.js';
import { firstSeenDates } from './frontier-lag.js';

export interface DateIndex {
  /** Publication dates, ascending. */
  dates: string[];
  /** Rows of each date, best first (rating, then votes, then name). */
  byDate: Map<string, ArenaRow[]>;
  /** Rows of each model (by key), by date ascending. */
  byModel: Map<string, ArenaRow[]>;
  firstSeen: Map<string, string>;
}

const best = (a: ArenaRow, b: ArenaRow): number => b.rating - a.rating || (b.votes ?? -1) - (a.votes ?? -1) || a.key.localeCompare(b.key);

/** The rows grouped by date and by model (built once per dataset). */
export function indexDates(dataset: ArenaDataset): DateIndex {
  const byDate = new Map<string, ArenaRow[]>();
  const byModel = new Map<string, ArenaRow[]>();
  for (const row of dataset.rows) {
    (byDate.get(row.date) ?? byDate.set(row.date, []).get(row.date)!).push(row);
    (byModel.get(row.key) ?? byModel.set(row.key, []).get(row.key)!).push(row);
  }
  for (const rows of byDate.values()) rows.sort(best);
  for (const rows of byModel.values()) rows.sort((a, b) => a.date.localeCompare(b.date));
  return { dates: [...byDate.keys()].sort(), byDate, byModel, firstSeen: firstSeenDates(dataset.rows) };
}

export interface TopRow {
  /** Place in that date's table by rating (1 = best), not the leaderboard's own rank. */
  place: number;
  row: ArenaRow;
  licenceClass: LicenceClass;
  firstSeen: string;
}

/** The `k` best models of `date`. */
export function topOf(index: DateIndex, date: string, k = 20): TopRow[] {
  return (index.byDate.get(date) ?? []).slice(0, k).map((row, i) => ({ place: i + 1, row, licenceClass: row.licenceClass, firstSeen: index.firstSeen.get(row.key) ?? row.date }));
}

export interface HistoryPoint {
  date: string;
  rating: number;
  lower: number | null;
  upper: number | null;
  votes: number | null;
  /** Place by rating in that date's table, of how many models. */
  place: number;
  of: number;
  /** That date's best model on the other side of the licence line (the best proprietary one
   *  for an open model, else the best open one), and this model's rating minus its rating. */
  rival: { model: string; rating: number; difference: number } | null;
}

export interface ModelHistory {
  model: string;
  organisation: string | null;
  licence: string | null;
  licenceClass: LicenceClass;
  firstSeen: string;
  points: HistoryPoint[];
}

/** One model's rating on every date it appears (null when no row has that key). */
export function historyOf(index: DateIndex, key: string): ModelHistory | null {
  const rows = index.byModel.get(key);
  if (!rows || rows.length === 0) return null;
  const last = rows.at(-1)!;
  const open = isOpen(last.licenceClass);
  const points = rows.map((row): HistoryPoint => {
    const table = index.byDate.get(row.date) ?? [];
    const rival = table.find((r) => (open ? r.licenceClass === 'proprietary' : isOpen(r.licenceClass)));
    return {
      date: row.date,
      rating: row.rating,
      lower: row.lower,
      upper: row.upper,
      votes: row.votes,
      place: table.indexOf(row) + 1,
      of: table.length,
      rival: rival ? { model: rival.model, rating: rival.rating, difference: row.rating - rival.rating } : null,
    };
  });
  return { model: last.model, organisation: last.organisation, licence: last.licence, licenceClass: last.licenceClass, firstSeen: index.firstSeen.get(key) ?? rows[0]!.date, points };
}
