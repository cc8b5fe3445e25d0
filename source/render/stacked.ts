// Stacked bars: one line per row (a period, a size bin), the bar split into one segment per
// series, each drawn with the series' glyph (and colour), and a legend. Share mode fills
// every bar (shares of the row); count mode scales bars to the largest row total.
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme, type Theme } from './theme.js';
import { cellText, displayWidth, fit, widthUpTo } from './text-width.js';
import { formatInteger, formatPercent } from './format-number.js';
import { renderLegend } from './legend.js';

export interface StackedData {
  /** One label per row, e.g. period labels in time order. */
  labels: readonly string[];
  /** Values per series, one per row (missing, negative or NaN count as 0). */
  series: ReadonlyArray<{ name: string; values: readonly number[] }>;
}

export interface StackedOptions extends RenderOptions {
  /** 'share': every bar is a row's 100 % (default); 'count': bars scale to the largest total. */
  mode?: 'share' | 'count';
  /** Legend under the bars (default true); in share mode it shows each series' overall share. */
  legend?: boolean;
  /** Row total text (default: integer with separators). */
  format?: (total: number) => string;
  /** Widest the label column gets (default 30 % of the width). */
  labelWidth?: number;
}

const GAP = '  ';

function value(values: readonly number[], row: number): number {
  const v = values[row];
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
}

/** The bar of one row: cell c is drawn by the series whose cumulative range holds the cell's
 *  midpoint, so segment lengths are rounded consistently and add up to the rounded total. */
export function stackedCells(values: readonly number[], unit: number, columns: number): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  const owners: number[] = [];
  if (!(unit > 0)) return owners;
  for (let c = 0; c < columns; c++) {
    const mid = (c + 0.5) * unit;
    if (mid > total) break;
    let sum = 0;
    let owner = values.length - 1;
    for (let s = 0; s < values.length; s++) {
      sum += values[s]!;
      if (mid <= sum) {
        owner = s;
        break;
      }
    }
    owners.push(owner);
  }
  return owners;
}

/** Cells of series indexes as painted glyph runs. */
export function paintCells(owners: readonly number[], theme: Theme): string {
  let out = '';
  let run = '';
  let current = -1;
  for (const owner of owners) {
    if (owner !== current && run !== '') {
      out += theme.series(current, run);
      run = '';
    }
    current = owner;
    run += theme.glyph(owner);
  }
  return run === '' ? out : out + theme.series(current, run);
}

/** The chart as lines of at most `width` columns (rows, then the legend). */
export function renderStacked(data: StackedData, options: StackedOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  const mode = options.mode ?? 'share';
  if (data.labels.length === 0 || data.series.length === 0) return [theme.paint('muted', '(no data)')];
  const rows = data.labels.map((_, r) => data.series.map((s) => value(s.values, r)));
  const totals = rows.map((values) => values.reduce((a, b) => a + b, 0));
  const format = options.format ?? formatInteger;
  const labels = data.labels.map(cellText);
  const totalTexts = totals.map(format);
  const totalWidth = Math.max(...totalTexts.map(displayWidth));
  const labelCap = Math.max(4, options.labelWidth ?? Math.floor(width * 0.3));
  const labelWidth = Math.min(labelCap, Math.max(...labels.map((l) => widthUpTo(l, labelCap))));
  const barWidth = Math.max(1, width - labelWidth - totalWidth - 2 * GAP.length);
  const largest = Math.max(...totals);

  const lines = rows.map((values, r) => {
    const unit = mode === 'share' ? totals[r]! / barWidth : largest / barWidth;
    const bar = paintCells(stackedCells(values, unit, barWidth), theme);
    return [fit(labels[r]!, labelWidth, 'left', theme.chars.ellipsis), theme.paint('muted', fit(totalTexts[r]!, totalWidth, 'right')), bar].join(GAP);
  });
  if (options.legend !== false) {
    const grand = totals.reduce((a, b) => a + b, 0);
    const entries = data.series.map((s, i) => {
      const sum = data.labels.reduce((acc, _, r) => acc + value(s.values, r), 0);
      return { name: s.name, index: i, detail: mode === 'share' ? formatPercent(grand > 0 ? sum / grand : null) : formatInteger(sum) };
    });
    lines.push('', ...renderLegend(entries, { width, color, unicode }));
  }
  return lines;
}
