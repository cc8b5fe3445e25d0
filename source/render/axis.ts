// Axis ticks and their labels: nice numeric steps (1, 2, 5 × 10^k), calendar steps for dates
// (days, weeks from Monday, months, quarters, years), and placement on a line where labels
// skip rather than overlap.
import { displayWidth, truncate } from './text-width.js';
import { formatTick } from './format-number.js';

export const DAY_MS = 86_400_000;

export interface Tick {
  /** Position on the axis (a number, or for dates whole days since 1970-01-01 UTC). */
  value: number;
  label: string;
}

/** The nice step (1, 2, 2.5, 5 × 10^k) that splits `span` into at most `maxTicks` parts. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0) || maxTicks < 1) return 1;
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Multiples of a nice step between min and max (inclusive), at most about `maxTicks`. */
export function numericTicks(min: number, max: number, maxTicks: number): Tick[] {
  if (!(max > min)) return [{ value: min, label: formatTick(min, 1) }];
  const step = niceStep(max - min, Math.max(1, maxTicks));
  const ticks: Tick[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    const value = Math.round(v / step) * step;
    ticks.push({ value, label: formatTick(value, step) });
  }
  return ticks;
}

/** Day number (days since 1970-01-01 UTC) of a date string, Date or millisecond value. */
export function dayNumber(value: string | Date | number): number {
  if (typeof value === 'number') return value;
  const time = value instanceof Date ? value.getTime() : Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Math.floor(time / DAY_MS);
}

/** The date (YYYY-MM-DD) of a day number. */
export function dayString(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

type DateStep = { unit: 'day'; days: number } | { unit: 'month'; months: number };

const DATE_STEPS: DateStep[] = [
  { unit: 'day', days: 1 },
  { unit: 'day', days: 2 },
  { unit: 'day', days: 7 },
  { unit: 'day', days: 14 },
  { unit: 'month', months: 1 },
  { unit: 'month', months: 2 },
  { unit: 'month', months: 3 },
  { unit: 'month', months: 6 },
  { unit: 'month', months: 12 },
  { unit: 'month', months: 24 },
  { unit: 'month', months: 60 },
];

function dateTicksFor(min: number, max: number, step: DateStep): Tick[] {
  const ticks: Tick[] = [];
  if (step.unit === 'day') {
    // Weeks and fortnights start on a Monday (1970-01-01 was a Thursday: day 4 is a Monday).
    const first = step.days >= 7 ? min + ((((4 - min) % 7) + 7) % 7) : Math.ceil(min / step.days) * step.days;
    for (let d = first; d <= max; d += step.days) ticks.push({ value: d, label: dayString(d).slice(5) });
    return ticks;
  }
  const start = new Date(min * DAY_MS);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  if (Date.UTC(year, month, 1) / DAY_MS < min) month += 1;
  let index = year * 12 + month;
  index = Math.ceil(index / step.months) * step.months;
  for (;;) {
    year = Math.floor(index / 12);
    month = index % 12;
    const day = Date.UTC(year, month, 1) / DAY_MS;
    if (day > max) break;
    const iso = dayString(day);
    ticks.push({ value: day, label: step.months >= 12 ? iso.slice(0, 4) : iso.slice(0, 7) });
    index += step.months;
  }
  return ticks;
}

/** Calendar ticks between two day numbers, the finest step whose labels fit `columns`. */
export function dateTicks(min: number, max: number, columns: number): Tick[] {
  for (const step of DATE_STEPS) {
    const ticks = dateTicksFor(min, max, step);
    const widest = Math.max(0, ...ticks.map((t) => t.label.length));
    if (ticks.length * (widest + 3) <= columns) return ticks;
  }
  return dateTicksFor(min, max, DATE_STEPS[DATE_STEPS.length - 1]!);
}

export interface Placed {
  /** Column the label belongs to (its tick). */
  column: number;
  /** First column the label text takes. */
  start: number;
  text: string;
}

/** Labels on a line of `width` columns, each centred under its column and kept inside the
 *  line. Labels marked `keep` are placed first; any other that would come closer than `gap`
 *  spaces to a placed one is skipped. Returns the placed labels, left to right. */
export function placeLabels(
  labels: ReadonlyArray<{ column: number; text: string; keep?: boolean }>,
  width: number,
  gap = 1,
): Placed[] {
  const placed: Placed[] = [];
  const order = [...labels.filter((l) => l.keep), ...labels.filter((l) => !l.keep)];
  for (const label of order) {
    const text = truncate(label.text, width);
    const w = displayWidth(text);
    if (w === 0) continue;
    const start = Math.max(0, Math.min(width - w, label.column - Math.floor((w - 1) / 2)));
    const clash = placed.some((p) => start < p.start + displayWidth(p.text) + gap && p.start < start + w + gap);
    if (!clash) placed.push({ column: label.column, start, text });
  }
  return placed.sort((a, b) => a.start - b.start);
}

/** The placed labels as one line of text (no trailing spaces). */
export function labelLine(placed: readonly Placed[]): string {
  let line = '';
  let at = 0;
  for (const p of placed) {
    line += ' '.repeat(Math.max(0, p.start - at)) + p.text;
    at = p.start + displayWidth(p.text);
  }
  return line;
}
