// The window of dates of the time-series screens (Types, Architectures, Sizes, Improvement;
// issue 9 item 8): a run of whole months that `[` and `]` move by half its length, `{` and `}`
// narrow and widen around its middle, and `0` resets to every date. It reaches the views as
// the same `from`/`to` days `print --from/--to` gives them (one date syntax: data/date-range.ts),
// and the views count only the models created in it (analysis/select.ts `created`). Pure.
import type { Dataset } from '../data/model.js';
import { selectModels } from '../analysis/select.js';
import { parseDateBound } from '../data/date-range.js';
import type { ViewOptions } from './view.js';

/** Months YYYY-MM, both inclusive. */
export interface DateWindow {
  from: string;
  to: string;
}

const index = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

const spans = new WeakMap<Dataset, DateWindow | null>();

/** The months the dataset's models were created in (first and last), or null when none is
 *  dated. */
export function dataMonths(dataset: Dataset): DateWindow | null {
  if (spans.has(dataset)) return spans.get(dataset)!;
  let first: string | null = null;
  let last: string | null = null;
  for (const m of selectModels(dataset, { includeFlagged: true }).models) {
    if (m.day === null) continue;
    if (first === null || m.day < first) first = m.day;
    if (last === null || m.day > last) last = m.day;
  }
  const span = first && last ? { from: first.slice(0, 7), to: last.slice(0, 7) } : null;
  spans.set(dataset, span);
  return span;
}

/** The window moved by half its length (at least a month), kept inside the data's months. */
export function moveWindow(window: DateWindow | null, span: DateWindow | null, by: -1 | 1): DateWindow | null {
  if (!span) return window;
  const w = window ?? span;
  const length = index(w.to) - index(w.from) + 1;
  const step = Math.max(1, Math.floor(length / 2)) * by;
  const lo = index(span.from);
  const hi = index(span.to);
  let from = index(w.from) + step;
  if (from < lo) from = lo;
  if (from + length - 1 > hi) from = Math.max(lo, hi - length + 1);
  return { from: monthOf(from), to: monthOf(Math.min(hi, from + length - 1)) };
}

/** The window half as long (`-1`, at least a month) or twice as long (`1`) around its
 *  middle; as long as the data or longer: null (every date). */
export function zoomWindow(window: DateWindow | null, span: DateWindow | null, by: -1 | 1): DateWindow | null {
  if (!span) return window;
  const w = window ?? span;
  const length = index(w.to) - index(w.from) + 1;
  const next = by < 0 ? Math.max(1, Math.ceil(length / 2)) : length * 2;
  const lo = index(span.from);
  const hi = index(span.to);
  if (next >= hi - lo + 1) return null;
  const middle = Math.floor((index(w.from) + index(w.to)) / 2);
  let from = middle - Math.floor((next - 1) / 2);
  from = Math.max(lo, Math.min(from, hi - next + 1));
  return { from: monthOf(from), to: monthOf(from + next - 1) };
}

/** The window as the views' `from`/`to` days (first and last day of its months). */
export function windowOptions(window: DateWindow | null): Pick<ViewOptions, 'from' | 'to'> {
  if (!window) return {};
  const from = parseDateBound(window.from, 'from');
  const to = parseDateBound(window.to, 'to');
  return { ...(from.ok ? { from: from.day } : {}), ...(to.ok ? { to: to.day } : {}) };
}

/** The header's words: "2023-06 → 2024-03" (or "every date"). */
export function windowText(window: DateWindow | null): string {
  return window ? `${window.from} → ${window.to}` : 'every date';
}

/** The views' option as the analyses take it: models created from `from` to `to`. */
export function createdOf(options: Pick<ViewOptions, 'from' | 'to'>): { created?: { from: string | null; to: string | null } } {
  return options.from === undefined && options.to === undefined ? {} : { created: { from: options.from ?? null, to: options.to ?? null } };
}

/** "created 2023-06-01 → 2024-03-31" for a view's summary, when a window is set. */
export function createdSummary(options: Pick<ViewOptions, 'from' | 'to'>): string[] {
  if (options.from === undefined && options.to === undefined) return [];
  return [`created ${options.from ?? '…'} → ${options.to ?? '…'}`];
}
