// Histogram: counts per bin, each bar split by series (e.g. size bins split by architecture
// family). Vertical: one column of glyph cells per bin, count labels on the left, bin labels
// underneath (skipping rather than overlapping). Horizontal: one line per bin (stacked bars
// in count mode); also the fallback when the bins do not fit across the width.
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme } from './theme.js';
import { displayWidth, padStart } from './text-width.js';
import { formatInteger } from './format-number.js';
import { renderLegend } from './legend.js';
import { paintCells, renderStacked, stackedCells } from './stacked.js';
import { labelLine, placeLabels } from './axis.js';

export interface HistogramData {
  /** Bin labels, in axis order (e.g. "0–1 B", "1–2 B", …). */
  bins: readonly string[];
  /** Counts per series, one per bin. A single series needs no legend. */
  series: ReadonlyArray<{ name: string; counts: readonly number[] }>;
}

export interface HistogramOptions extends RenderOptions {
  /** 'vertical' (default) or 'horizontal'. */
  orientation?: 'vertical' | 'horizontal';
  /** Rows of the vertical chart (default 10). */
  height?: number;
  /** Legend under the chart (default: when there is more than one series). */
  legend?: boolean;
}

function count(values: readonly number[], i: number): number {
  const v = values[i];
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
}

/** The histogram as lines of at most `width` columns. */
export function renderHistogram(data: HistogramData, options: HistogramOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  const legend = options.legend ?? data.series.length > 1;
  const horizontal = () =>
    renderStacked(
      { labels: data.bins, series: data.series.map((s) => ({ name: s.name, values: s.counts })) },
      { width, color, unicode, mode: 'count', legend },
    );
  if (data.bins.length === 0 || data.series.length === 0) return [theme.paint('muted', '(no data)')];
  if (options.orientation === 'horizontal') return horizontal();

  const stacks = data.bins.map((_, b) => data.series.map((s) => count(s.counts, b)));
  const totals = stacks.map((values) => values.reduce((a, c) => a + c, 0));
  const max = Math.max(...totals);
  const height = Math.max(2, Math.floor(options.height ?? 10));
  const top = formatInteger(max);
  const mid = formatInteger(max / 2);
  const labelWidth = Math.max(displayWidth(top), displayWidth(mid), 1);
  const columns = width - labelWidth - 2;
  const slot = Math.floor(columns / data.bins.length);
  if (slot < 1) return horizontal();
  const barWidth = slot >= 3 ? slot - 1 : slot;
  const unit = max > 0 ? max / height : 0;
  const owners = stacks.map((values) => stackedCells(values, unit, height));

  const lines: string[] = [];
  const midRow = Math.floor((height - 1) / 2);
  for (let row = height - 1; row >= 0; row--) {
    const fromTop = height - 1 - row;
    const label = fromTop === 0 ? top : fromTop === height - 1 - midRow && max > 0 ? mid : '';
    const axis = label === '' ? (unicode ? '│' : '|') : theme.chars.axisV;
    let plot = '';
    for (let b = 0; b < data.bins.length; b++) {
      const owner = owners[b]![row];
      const cells = owner === undefined ? ' '.repeat(barWidth) : paintCells(new Array<number>(barWidth).fill(owner), theme);
      plot += cells + ' '.repeat(slot - barWidth);
    }
    lines.push(`${theme.paint('muted', padStart(label, labelWidth) + ' ' + axis)}${plot.trimEnd()}`);
  }
  const centre = (b: number) => b * slot + Math.floor((barWidth - 1) / 2);
  const placed = placeLabels(
    data.bins.map((text, b) => ({ column: centre(b), text, keep: b === 0 || b === data.bins.length - 1 })),
    columns,
    1,
  );
  // Ticks only under the bins whose label was placed, so each label points at its bar.
  const ticked = new Set(placed.map((p) => p.column));
  let axis = '';
  for (let c = 0; c < slot * data.bins.length; c++) axis += ticked.has(c) ? theme.chars.tick : theme.chars.axisH;
  lines.push(theme.paint('muted', `${padStart('0', labelWidth)} ${theme.chars.axisCorner}${axis}`));
  lines.push(' '.repeat(labelWidth + 2) + labelLine(placed));
  if (legend) lines.push('', ...renderLegend(data.series.map((s) => s.name), { width, color, unicode }));
  return lines;
}
