// analyses.md §0 "Periods": day, ISO week (starting Monday), month. Keys are strings that
// sort in time order: day and week keys are YYYY-MM-DD (the week's Monday), months YYYY-MM.
// Pure; all dates are UTC days.

export type Period = 'day' | 'week' | 'month';
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];

const DAY_MS = 86_400_000;

function toTime(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The period a day (YYYY-MM-DD, or an ISO timestamp) falls in. */
export function periodKey(day: string, period: Period): string {
  const d = day.slice(0, 10);
  if (period === 'day') return d;
  if (period === 'month') return d.slice(0, 7);
  const time = toTime(d);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday = 0
  return toDay(time - weekday * DAY_MS);
}

/** The first day of a period key. */
export function periodStart(key: string, period: Period): string {
  return period === 'month' ? `${key}-01` : key;
}

/** The first day after a period key's period (the period is [periodStart, periodEnd)). */
export function periodEnd(key: string, period: Period): string {
  if (period === 'day') return addDays(key, 1);
  if (period === 'week') return addDays(key, 7);
  const y = Number(key.slice(0, 4));
  const m = Number(key.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Every period key from `first` to `last` inclusive (both keys of the same period kind). */
export function periodRange(first: string, last: string, period: Period): string[] {
  const keys: string[] = [];
  if (period === 'month') {
    let y = Number(first.slice(0, 4));
    let m = Number(first.slice(5, 7));
    const endY = Number(last.slice(0, 4));
    const endM = Number(last.slice(5, 7));
    while (y < endY || (y === endY && m <= endM)) {
      keys.push(`${y}-${String(m).padStart(2, '0')}`);
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
    return keys;
  }
  const step = period === 'week' ? 7 * DAY_MS : DAY_MS;
  for (let t = toTime(first); t <= toTime(last); t += step) keys.push(toDay(t));
  return keys;
}

/** ISO 8601 week label of a week key (its Monday), e.g. 2024-W05. */
function isoWeekLabel(monday: string): string {
  const thursday = toTime(monday) + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A short human label for a period key. */
export function periodLabel(key: string, period: Period): string {
  return period === 'week' ? isoWeekLabel(key) : key;
}

/** Whole days from day `a` to day `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toTime(b.slice(0, 10)) - toTime(a.slice(0, 10))) / DAY_MS);
}

/** The day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return toDay(toTime(day.slice(0, 10)) + n * DAY_MS);
}
