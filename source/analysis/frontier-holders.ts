// analyses.md §7 "Who holds the open frontier" (the organisation of the best open model over
// time, as runs of consecutive dates) and the licence spellings of the series with the class
// each got (the unknown ones listed, never hidden). Pure.
import type { ArenaRow } from '../data/arena-row.js';
import type { LicenceClass } from '../data/licence-class.js';

/** One run of consecutive frontier dates held by one organisation. */
export interface HolderSpan {
  organisation: string;
  from: string;
  to: string;
  /** Dates in the run. */
  dates: number;
  /** The organisation's frontier models during the run, in order of first holding (names
   *  compared case-insensitively, shown as first seen). */
  models: string[];
}

/** Dates held in all, per organisation (most first; ties by name). */
export interface HolderTotal {
  organisation: string;
  dates: number;
  first: string;
  last: string;
}

/** Runs over the dates in order; a date without an open frontier (null) ends a run. An
 *  organisation is compared case-insensitively and shown as first seen; none reads "unknown". */
export function holderSpans(points: ReadonlyArray<{ date: string; holder: { model: string; organisation: string | null } | null }>): HolderSpan[] {
  const spans: HolderSpan[] = [];
  let current: HolderSpan | null = null;
  for (const { date, holder } of points) {
    if (holder === null) {
      current = null;
      continue;
    }
    const organisation = holder.organisation ?? 'unknown';
    if (current !== null && current.organisation.toLowerCase() === organisation.toLowerCase()) {
      current.to = date;
      current.dates += 1;
      // one model spelt in two cases over time (Nemotron-70b, -70B) is listed once
      if (!current.models.some((m) => m.toLowerCase() === holder.model.toLowerCase())) current.models.push(holder.model);
    } else {
      current = { organisation, from: date, to: date, dates: 1, models: [holder.model] };
      spans.push(current);
    }
  }
  return spans;
}

export function holderTotals(spans: readonly HolderSpan[]): HolderTotal[] {
  const byKey = new Map<string, HolderTotal>();
  for (const span of spans) {
    const key = span.organisation.toLowerCase();
    const total = byKey.get(key);
    if (total === undefined) byKey.set(key, { organisation: span.organisation, dates: span.dates, first: span.from, last: span.to });
    else {
      total.dates += span.dates;
      total.last = span.to;
    }
  }
  return [...byKey.values()].sort((a, b) => b.dates - a.dates || a.organisation.localeCompare(b.organisation));
}

/** One licence spelling of the series and what the table made of it. */
export interface LicenceTally {
  /** As written (sanitised); null for an empty cell. */
  licence: string | null;
  licenceClass: LicenceClass;
  /** False: no rule knows it, counted as open, restricted (and listed). */
  known: boolean;
  rows: number;
  models: number;
}

/** Every spelling, most rows first (ties by spelling). */
export function licenceTally(rows: readonly ArenaRow[]): LicenceTally[] {
  const bySpelling = new Map<string, LicenceTally & { keys: Set<string> }>();
  for (const row of rows) {
    const id = row.licence ?? '';
    let tally = bySpelling.get(id);
    if (tally === undefined) {
      tally = { licence: row.licence, licenceClass: row.licenceClass, known: row.licenceKnown, rows: 0, models: 0, keys: new Set() };
      bySpelling.set(id, tally);
    }
    tally.rows += 1;
    tally.keys.add(row.key);
  }
  return [...bySpelling.values()]
    .map(({ keys, ...tally }) => ({ ...tally, models: keys.size }))
    .sort((a, b) => b.rows - a.rows || (a.licence ?? '').localeCompare(b.licence ?? ''));
}
