// One date syntax for every date a user types: the Leaderboard's filter panel ("created from",
// "created to") and `print --from/--to` (issue 9 item 8). A date names a period — a year
// (YYYY), a month (YYYY-MM), a day (YYYY-MM-DD) or an ISO week (YYYY-Www, Monday to Sunday,
// the weeks the time series use: analyses.md §0 "Periods") — and a bound takes its end that
// faces the range: `from` the period's first day, `to` its last (inclusive). The result is a
// UTC day YYYY-MM-DD, what the table's created days are compared with. Pure.
import { sanitize } from '../text/sanitize.js';

export type DateBound = 'from' | 'to';

/** The forms, for hints and errors. */
export const DATE_SYNTAX = 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www';

export type DateParse = { ok: true; day: string } | { ok: false; error: string };

const DAY_MS = 86_400_000;
const FORM = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|[wW](\d{2})))?$/;

const pad = (n: number): string => String(n).padStart(2, '0');
const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The Monday of ISO week 1 of `year` (the week holding 4 January). */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/** ISO weeks in `year`: 53 when 28 December falls in week 53, else 52. */
export function isoWeeksIn(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
}

/** The text, trimmed and made safe to echo in a one-line error. */
const shown = (text: string): string => sanitize(text.trim()).slice(0, 40);

/** A typed date as the day that bounds a range from (`from`) or to (`to`), or why not. */
export function parseDateBound(text: string, bound: DateBound): DateParse {
  const t = text.trim();
  const bad = (why: string): DateParse => ({ ok: false, error: `“${shown(t)}” is not a date${why}: use ${DATE_SYNTAX} (an ISO week)` });
  const m = FORM.exec(t);
  if (!m) return bad('');
  const year = Number(m[1]);
  if (year < 1970 || year > 2999) return bad(' (year out of range)'); // created days are Hub-era
  const from = bound === 'from';
  if (m[4] !== undefined) {
    const week = Number(m[4]);
    if (week < 1 || week > isoWeeksIn(year)) return bad(` (${year} has ISO weeks 01 to ${isoWeeksIn(year)})`);
    const monday = week1Monday(year) + (week - 1) * 7 * DAY_MS;
    return { ok: true, day: dayOf(from ? monday : monday + 6 * DAY_MS) };
  }
  if (m[2] === undefined) return { ok: true, day: from ? `${year}-01-01` : `${year}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return bad(' (month 01 to 12)');
  const last = daysInMonth(year, month);
  if (m[3] === undefined) return { ok: true, day: `${year}-${pad(month)}-${pad(from ? 1 : last)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return bad(` (${year}-${pad(month)} has days 01 to ${last})`);
  return { ok: true, day: `${year}-${pad(month)}-${pad(day)}` };
}

export type RangeParse = { ok: true; from: string | null; to: string | null } | { ok: false; error: string };

/** Both bounds (either may be absent or empty): the days, or the first problem — a bound that
 *  is not a date, or a `from` after the `to` (an empty range is a mistake, not a result). */
export function parseDateRange(from: string | null | undefined, to: string | null | undefined, names: { from: string; to: string } = { from: 'from', to: 'to' }): RangeParse {
  const one = (text: string | null | undefined, bound: DateBound): DateParse | null => (text === null || text === undefined || text.trim() === '' ? null : parseDateBound(text, bound));
  const a = one(from, 'from');
  if (a && !a.ok) return { ok: false, error: `${names.from}: ${a.error}` };
  const b = one(to, 'to');
  if (b && !b.ok) return { ok: false, error: `${names.to}: ${b.error}` };
  const fromDay = a?.ok ? a.day : null;
  const toDay = b?.ok ? b.day : null;
  if (fromDay !== null && toDay !== null && fromDay > toDay) {
    return { ok: false, error: `${names.from} ${shown(from!)} (${fromDay}) is after ${names.to} ${shown(to!)} (${toDay}): nothing is in that range` };
  }
  return { ok: true, from: fromDay, to: toDay };
}
