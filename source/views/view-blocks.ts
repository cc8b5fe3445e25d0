// Small block builders the views share: figures rows, notes with a prefix, time-series charts
// drawn at any width (line plots over period start days, or stacked bars when the periods fit
// one per line), and the one-line summaries of the options in force. Pure.
import type { Note, TimeSeries } from '../analysis/result.js';
import { periodLabel, periodStart, type Period } from '../analysis/periods.js';
import type { Block, RenderOptions, ViewOptions } from './view.js';
import { renderLinePlot, type PlotMarker } from '../render/line-plot.js';
import { renderStacked } from '../render/stacked.js';
import { formatPercent } from '../render/format-number.js';
import { makeTheme } from '../render/theme.js';
import { truncate } from '../render/text-width.js';

export type FigureRow = { label: string; value: string; paper?: string };

export const heading = (text: string): Block => ({ kind: 'heading', text });

export const figures = (rows: FigureRow[]): Block => ({ kind: 'figures', rows });

export const notesBlock = (notes: readonly Note[]): Block => ({ kind: 'notes', notes: [...notes] });

export const chart = (title: string | undefined, draw: (options: RenderOptions) => string[]): Block =>
  title === undefined ? { kind: 'chart', draw } : { kind: 'chart', title, draw };

/** Notes of a part of a view, each naming the part ("· 3 merges left out of the family — Phi-2"). */
export function partNotes(part: string, notes: readonly Note[]): Note[] {
  return notes.map((n) => ({ count: n.count, text: `${n.text} — ${part}` }));
}

/** Lines a plot gets for its data area: taller on wide screens, never less than 8. */
export function plotHeight(options: RenderOptions): number {
  return Math.max(8, Math.min(16, Math.floor(options.width / 7)));
}

/** Periods up to this many are drawn one line each (stacked bars); more become a line plot. */
export const MAX_BAR_PERIODS = 40;

/** A TimeSeries as a line plot over the first day of each period. */
export function drawSeriesPlot(
  ts: TimeSeries,
  options: RenderOptions,
  plot: { yLabel: string; share?: boolean; markers?: readonly PlotMarker[]; names?: string[] },
): string[] {
  const days = ts.keys.map((key) => periodStart(key, ts.period));
  return renderLinePlot(
    ts.series.map((s, i) => ({
      name: plot.names?.[i] ?? s.name,
      points: s.values.map((v, j) => ({ x: days[j]!, y: plot.share ? v * 100 : v })),
    })),
    {
      ...options,
      height: plotHeight(options),
      yLabel: plot.yLabel,
      xLabel: `${ts.period} (first day)`,
      xType: 'date',
      yMin: 0,
      ...(plot.share ? { yMax: 100, formatY: (y: number) => `${Math.round(y)} %` } : {}),
      ...(plot.markers ? { markers: plot.markers } : {}),
    },
  );
}

/** New models per period as stacked count bars when the periods fit one per line, else the
 *  same series as a line plot. */
export function drawCountBars(counts: TimeSeries, options: RenderOptions, yLabel: string): string[] {
  if (counts.keys.length === 0) return ['(no dated models)'];
  if (counts.keys.length > MAX_BAR_PERIODS) return drawSeriesPlot(counts, options, { yLabel });
  return renderStacked({ labels: counts.keys.map((k) => periodLabel(k, counts.period)), series: counts.series }, { ...options, mode: 'count' });
}

/** Each series' share of its period: one full-width bar per period (counts beside it, the
 *  legend with each series' overall share), with a line above each period that holds a
 *  release marker ("┊ 2023-07-18 Llama 2 released"). Too many periods: a line plot of the
 *  shares with the markers drawn in. */
export function drawShareBars(
  counts: TimeSeries,
  shares: TimeSeries,
  options: RenderOptions,
  yLabel: string,
  markers: ReadonlyArray<{ day: string; label: string; index: number }> = [],
): string[] {
  if (counts.keys.length === 0) return ['(no dated models)'];
  if (counts.keys.length > MAX_BAR_PERIODS) {
    return drawSeriesPlot(shares, options, { yLabel, share: true, markers: markers.map((m) => ({ x: m.day, label: m.label })) });
  }
  const theme = makeTheme(options);
  const lines = renderStacked({ labels: counts.keys.map((k) => periodLabel(k, counts.period)), series: counts.series }, { ...options, mode: 'share' });
  const out: string[] = [];
  lines.forEach((line, i) => {
    for (const m of markers.filter((x) => x.index === i)) {
      out.push(theme.paint('warning', truncate(`${theme.chars.markerLine} ${m.day} ${m.label} released`, Math.max(1, options.width), theme.chars.ellipsis)));
    }
    out.push(line);
  });
  return out;
}

/** A TimeSeries as table columns and rows (period, one column per series, and a total). */
export function seriesTable(ts: TimeSeries, totals?: readonly number[]): { columns: string[]; rows: Array<Array<string | number>> } {
  const columns = [ts.period, ...ts.series.map((s) => s.name), ...(totals ? ['total'] : [])];
  const rows = ts.keys.map((key, i) => [
    periodLabel(key, ts.period),
    ...ts.series.map((s) => s.values[i] ?? 0),
    ...(totals ? [totals[i] ?? 0] : []),
  ]);
  return { columns, rows };
}

/** The selection part of a summary: "month · top 20 · flagged left out". */
export function selectionSummary(options: ViewOptions, parts: { period?: boolean; top?: boolean } = {}): string[] {
  const out: string[] = [];
  if (parts.period) out.push(`per ${options.period}`);
  if (parts.top) out.push(`top ${options.top}`);
  out.push(options.includeFlagged ? 'flagged included' : 'flagged left out');
  return out;
}

/** A share as text, or "–". */
export const pct = (share: number | null | undefined, digits = 1): string => formatPercent(share, digits);

/** Period type of a view's options (for headings). */
export function perPeriod(period: Period): string {
  return period === 'day' ? 'per day' : period === 'week' ? 'per ISO week' : 'per month';
}
