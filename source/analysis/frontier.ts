// analyses.md §7 "Is open source catching up? The open–proprietary frontier": per publication
// date of LMArena's leaderboard, the best proprietary, open and permissive model with their
// 95 % intervals, the gap in rating points (within the margin when the intervals overlap), the
// lag in days (frontier-lag.ts), the open share of the top 10 and top 20, and who holds the
// open frontier (frontier-holders.ts). Every comparison stays inside one date's table: ratings
// of different dates are on different scales. Pure: no IO, no clock.
import type { ArenaDataset } from '../data/arena-dataset.js';
import type { ArenaRow } from '../data/arena-row.js';
import { isOpen, type LicenceClass } from '../data/licence-class.js';
import { note, type Note } from './result.js';
import { firstSeenDates, lagOn, medianLag, type Lag, type LagMedian, type LagModel } from './frontier-lag.js';
import { holderSpans, holderTotals, licenceTally, type HolderSpan, type HolderTotal, type LicenceTally } from './frontier-holders.js';

export type { Lag, LagMedian, LagModel } from './frontier-lag.js';
export type { HolderSpan, HolderTotal, LicenceTally } from './frontier-holders.js';

export interface FrontierOptions {
  /** A date gives a frontier point only with at least this many open models (default 1). */
  minOpen: number;
  /** … and at least this many proprietary models (default 1). */
  minProprietary: number;
  /** The top-k shares (default 10 and 20, as §7 asks). */
  topK: readonly number[];
}

export const DEFAULT_FRONTIER_OPTIONS: FrontierOptions = { minOpen: 1, minProprietary: 1, topK: [10, 20] };

/** A frontier model of one date. */
export interface FrontierModel {
  model: string;
  organisation: string | null;
  licence: string | null;
  licenceClass: LicenceClass;
  rating: number;
  lower: number | null;
  upper: number | null;
  votes: number | null;
  rank: number | null;
  firstSeen: string;
  /** Other models of the same side at exactly this rating (the tie-break picked this one). */
  tiedWith: string[];
}

export interface Gap {
  /** Best proprietary − best open, in rating points (negative: open leads). */
  points: number;
  /** The two 95 % intervals overlap; null when either has no interval. */
  withinMargin: boolean | null;
}

export interface TopShare {
  k: number;
  open: number;
  permissive: number;
  /** Open models among the k best, over k; null when the table has fewer than k models. */
  share: number | null;
}

export interface FrontierDate {
  date: string;
  counts: { models: number; proprietary: number; open: number; permissive: number; unknown: number };
  bestProprietary: FrontierModel | null;
  bestOpen: FrontierModel | null;
  bestPermissive: FrontierModel | null;
  /** Why this date has no gap and lag ("no open model", "too few proprietary models (1, 2 needed)"); null when it has. */
  missing: string | null;
  gap: Gap | null;
  lag: Lag | null;
  top: TopShare[];
}

/**
 * "Not yet matched": on the last date with a frontier point, the best open model is still
 * rated below proprietary model M (the lag's M: of the proprietary models above it, the one
 * first seen earliest). The result says which model, when it was first seen, and for how many
 * days open has not caught up with it (`days` = asOf − firstSeen, "at least" when censored).
 * An open model that never catches up shows as a lag growing date by date with the same M,
 * and M here. Null when open leads on that date.
 */
export interface NotYetMatched extends LagModel {
  /** The last date with a frontier point. */
  asOf: string;
  /** asOf − firstSeen; `censored`: at least that (first seen on the series' first date). */
  days: number;
  censored: boolean;
}

export interface FrontierResult {
  options: FrontierOptions;
  category: string;
  firstDate: string | null;
  lastDate: string | null;
  counts: { rows: number; models: number; organisations: number; dates: number; datesWithPoint: number };
  dates: FrontierDate[];
  /** Median lag over the dates with a point. */
  medianLag: LagMedian;
  /** On the last date with a point, the proprietary model open has not yet matched (M), or
   *  null when open leads there (or no date has a point). */
  notYetMatched: NotYetMatched | null;
  holders: HolderSpan[];
  holderTotals: HolderTotal[];
  licences: LicenceTally[];
  /** Spellings no rule of the licence table knows (counted as open, restricted). */
  unknownLicences: string[];
  /** First-seen date per model, in the order models appear. */
  firstSeen: Array<{ model: string; organisation: string | null; licenceClass: LicenceClass; firstSeen: string }>;
  notes: Note[];
}

/** Higher rating first; ties: the earlier first seen, then more votes, then the name. */
function better(firstSeen: ReadonlyMap<string, string>) {
  return (a: ArenaRow, b: ArenaRow): number =>
    b.rating - a.rating ||
    (firstSeen.get(a.key) ?? a.date).localeCompare(firstSeen.get(b.key) ?? b.date) ||
    (b.votes ?? -1) - (a.votes ?? -1) ||
    a.key.localeCompare(b.key);
}

function frontierModel(sorted: readonly ArenaRow[], firstSeen: ReadonlyMap<string, string>): FrontierModel | null {
  const best = sorted[0];
  if (best === undefined) return null;
  const { model, organisation, licence, licenceClass, rating, lower, upper, votes, rank } = best;
  const tiedWith = sorted.slice(1).filter((r) => r.rating === rating).map((r) => r.model);
  return { model, organisation, licence, licenceClass, rating, lower, upper, votes, rank, firstSeen: firstSeen.get(best.key) ?? best.date, tiedWith };
}

/** Two intervals overlap: max(lowers) ≤ min(uppers). */
function overlap(a: FrontierModel, b: FrontierModel): boolean | null {
  if (a.lower === null || a.upper === null || b.lower === null || b.upper === null) return null;
  return Math.max(a.lower, b.lower) <= Math.min(a.upper, b.upper);
}

function missingReason(open: number, proprietary: number, options: FrontierOptions): string | null {
  const parts: string[] = [];
  const side = (n: number, min: number, what: string) => {
    if (n >= min) return;
    parts.push(n === 0 ? `no ${what} model` : `too few ${what} models (${n}, ${min} needed)`);
  };
  side(proprietary, options.minProprietary, 'proprietary');
  side(open, options.minOpen, 'open');
  return parts.length === 0 ? null : parts.join(', ');
}

function frontierOn(date: string, table: readonly ArenaRow[], firstSeen: ReadonlyMap<string, string>, seriesStart: string, options: FrontierOptions): FrontierDate {
  const sorted = [...table].sort(better(firstSeen));
  const proprietary = sorted.filter((r) => r.licenceClass === 'proprietary');
  const open = sorted.filter((r) => isOpen(r.licenceClass));
  const permissive = open.filter((r) => r.licenceClass === 'open, permissive');
  const bestProprietary = frontierModel(proprietary, firstSeen);
  const bestOpen = frontierModel(open, firstSeen);
  const missing = missingReason(open.length, proprietary.length, options);
  const point = missing === null && bestProprietary !== null && bestOpen !== null;
  const top = options.topK.map((k): TopShare => {
    const best = sorted.slice(0, k);
    const openCount = best.filter((r) => isOpen(r.licenceClass)).length;
    const permissiveCount = best.filter((r) => r.licenceClass === 'open, permissive').length;
    return { k, open: openCount, permissive: permissiveCount, share: sorted.length >= k ? openCount / k : null };
  });
  return {
    date,
    counts: {
      models: sorted.length,
      proprietary: proprietary.length,
      open: open.length,
      permissive: permissive.length,
      unknown: sorted.filter((r) => r.licenceClass === 'unknown').length,
    },
    bestProprietary,
    bestOpen,
    bestPermissive: frontierModel(permissive, firstSeen),
    missing,
    gap: point ? { points: bestProprietary.rating - bestOpen.rating, withinMargin: overlap(bestProprietary, bestOpen) } : null,
    lag: point ? lagOn(date, proprietary, bestOpen.rating, firstSeen, seriesStart) : null,
    top,
  };
}

/** §7 over one dataset: the rows of its category (rows of another category are left out and
 *  counted), one table per publication date. */
export function frontier(dataset: ArenaDataset, overrides: Partial<FrontierOptions> = {}): FrontierResult {
  const options = { ...DEFAULT_FRONTIER_OPTIONS, ...overrides };
  const category = dataset.source.category;
  const rows = dataset.rows.filter((r) => r.category === null || r.category.toLowerCase() === category.toLowerCase());
  const notes: Note[] = [];
  note(notes, dataset.rows.length - rows.length, `rows of other categories than "${category}" left out`);
  note(notes, dataset.source.rowProblems, 'rows that could not be read (no model, rating or date; duplicates)');

  const firstSeen = firstSeenDates(rows);
  const byDate = new Map<string, ArenaRow[]>();
  for (const row of rows) {
    const table = byDate.get(row.date);
    if (table) table.push(row);
    else byDate.set(row.date, [row]);
  }
  const days = [...byDate.keys()].sort();
  const seriesStart = days[0] ?? '';
  const dates = days.map((d) => frontierOn(d, byDate.get(d)!, firstSeen, seriesStart, options));
  const withPoint = dates.filter((d) => d.lag !== null);
  const lags = withPoint.map((d) => d.lag!);

  const last = withPoint.at(-1);
  const lastLag = last?.lag;
  const notYetMatched: NotYetMatched | null =
    last && lastLag && lastLag.state === 'behind' ? { ...lastLag.model, asOf: last.date, days: lastLag.days, censored: lastLag.censored } : null;

  const licences = licenceTally(rows);
  const unknownLicences = licences.filter((l) => !l.known).map((l) => l.licence ?? '');
  const unknownRows = licences.filter((l) => !l.known).reduce((n, l) => n + l.rows, 0);
  note(notes, unknownRows, `rows with a licence the table does not know, counted as open, restricted: ${unknownLicences.map((l) => JSON.stringify(l)).join(', ')}`);
  note(notes, rows.filter((r) => r.licenceClass === 'unknown').length, 'rows whose licence says nothing (Other, N/A, empty): neither open nor proprietary');
  note(notes, dates.length - withPoint.length, 'dates without a frontier point (no or too few open or proprietary models)');
  note(notes, lags.filter((l) => l.censored).length, 'dates whose lag is censored (its proprietary model was there on the first date): at least that many days');
  note(notes, rows.filter((r) => r.lower === null).length, 'rows without a 95 % interval (their margin is unknown)');

  const seen = new Map<string, FrontierResult['firstSeen'][number]>();
  for (const row of rows) {
    if (!seen.has(row.key)) seen.set(row.key, { model: row.model, organisation: row.organisation, licenceClass: row.licenceClass, firstSeen: firstSeen.get(row.key)! });
  }
  // the open frontier exists wherever a date has enough open models, proprietary ones or not
  const spans = holderSpans(dates.map((d) => ({ date: d.date, holder: d.counts.open >= options.minOpen ? d.bestOpen : null })));
  return {
    options,
    category,
    firstDate: days[0] ?? null,
    lastDate: days.at(-1) ?? null,
    counts: {
      rows: rows.length,
      models: firstSeen.size,
      organisations: new Set(rows.map((r) => (r.organisation ?? '').toLowerCase()).filter((o) => o !== '')).size,
      dates: dates.length,
      datesWithPoint: withPoint.length,
    },
    dates,
    medianLag: medianLag(lags),
    notYetMatched,
    holders: spans,
    holderTotals: holderTotals(spans),
    licences,
    unknownLicences,
    firstSeen: [...seen.values()].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen)),
    notes,
  };
}
