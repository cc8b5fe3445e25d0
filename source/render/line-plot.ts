// Line plots (asciichart, see plot-grid.ts for how series are drawn and told apart) with
// what asciichart lacks: a title, a y-axis label, x-axis ticks and labels (numbers or dates,
// labels skip rather than overlap), vertical markers (release dates) with a key row under
// the axis and their labels listed below, step lines, and a legend (glyph, line and colour).
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme } from './theme.js';
import { cellText, displayWidth, padStart, truncate, wrapWords } from './text-width.js';
import { dateTicks, dayNumber, dayString, labelLine, niceStep, numericTicks, placeLabels, type Tick } from './axis.js';
import { formatTick } from './format-number.js';
import { drawGrid, gridLine, type GridSeries } from './plot-grid.js';
import { renderLegend } from './legend.js';

/** An x value: a number (e.g. days since release) or a date (YYYY-MM-DD string or Date). */
export type XValue = number | string | Date;

export interface PlotSeries {
  name: string;
  /** Points in any order; points whose y is null, undefined or NaN are left out. */
  points: ReadonlyArray<{ x: XValue; y: number | null | undefined }>;
  /** Step line: y holds until the next point (records). Overrides the plot's `step`. */
  step?: boolean;
}

export interface PlotMarker {
  x: XValue;
  label: string;
}

export interface LinePlotOptions extends RenderOptions {
  /** Lines of the plot area (default 10, at least 3). asciichart always gets a height. */
  height?: number;
  title?: string;
  /** Shown above the y axis, e.g. "improvement (points)". */
  yLabel?: string;
  /** Shown under the x labels, right-aligned, e.g. "days since release". */
  xLabel?: string;
  /** Draw every series as a step line (default false). */
  step?: boolean;
  /** 'date' when the first x is a string or a Date, else 'number'. */
  xType?: 'number' | 'date';
  /** Widen the x range beyond the data. */
  xMin?: XValue;
  xMax?: XValue;
  /** Widen the y range beyond the data (e.g. yMin: 0). */
  yMin?: number;
  yMax?: number;
  formatY?: (y: number) => string;
  /** x label text; gets the number, or for dates the YYYY-MM-DD string. */
  formatX?: (x: number | string) => string;
  /** Vertical markers (e.g. base-model releases): a dotted line through the plot, a key
   *  letter under the axis, and "key date label" listed under the chart. */
  markers?: readonly PlotMarker[];
  /** Legend under the chart (default true). */
  legend?: boolean;
}

const MARKER_KEYS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The chart as lines of at most `width` columns. */
export function renderLinePlot(series: readonly PlotSeries[], options: LinePlotOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  const ell = theme.chars.ellipsis;
  const firstX = series.flatMap((s) => s.points)[0]?.x;
  const kind = options.xType ?? (typeof firstX === 'string' || firstX instanceof Date ? 'date' : 'number');
  const toX = (x: XValue): number => (kind === 'date' ? dayNumber(x) : typeof x === 'number' ? x : Number(x));
  const xText = (x: number, step: number): string => {
    const value = kind === 'date' ? dayString(x) : x;
    return cellText(options.formatX ? options.formatX(value) : kind === 'date' ? dayString(x) : formatTick(x, step));
  };

  const lines: string[] = [];
  if (options.title) lines.push(theme.paint('header', truncate(cellText(options.title), width, ell)));

  let dropped = 0;
  const grid: GridSeries[] = series.map((s) => {
    const points: Array<{ x: number; y: number }> = [];
    for (const p of s.points) {
      const x = toX(p.x);
      if (typeof p.y === 'number' && Number.isFinite(p.y) && Number.isFinite(x)) points.push({ x, y: p.y });
      else dropped++;
    }
    points.sort((a, b) => a.x - b.x);
    return { points, step: s.step ?? options.step ?? false };
  });
  const all = grid.flatMap((g) => g.points);
  const legend = () =>
    options.legend === false
      ? []
      : renderLegend(
          series.map((s, i) => {
            const style = theme.line(i);
            return { name: s.name, index: i, symbol: style.glyph + style.horizontal.repeat(2), detail: grid[i]!.points.length === 0 ? '(no data)' : undefined };
          }),
          { width, color, unicode },
        );
  if (all.length === 0) return [...lines, theme.paint('muted', '(no data to plot)'), ...legend()];

  // Ranges: the data, widened by the options; an empty range is opened up around its value.
  let xMin = Math.min(...all.map((p) => p.x), options.xMin !== undefined ? toX(options.xMin) : Infinity);
  let xMax = Math.max(...all.map((p) => p.x), options.xMax !== undefined ? toX(options.xMax) : -Infinity);
  if (xMax === xMin) xMax = xMin + 1;
  let yMin = Math.min(...all.map((p) => p.y), options.yMin ?? Infinity);
  let yMax = Math.max(...all.map((p) => p.y), options.yMax ?? -Infinity);
  if (yMax === yMin) {
    const pad = Math.abs(yMin) > 1 ? Math.abs(yMin) * 0.1 : 1;
    yMin -= pad;
    yMax += pad;
  }

  // y labels: computed before the plot width, since they take room on the left.
  const height = Math.max(3, Math.floor(options.height ?? 10));
  const yStep = (yMax - yMin) / Math.max(1, height - 1);
  // Line values carry float noise (the zero line can come out as −1.8e−15): never "-0.0".
  const formatY = options.formatY ?? ((y: number) => y.toFixed(yStep >= 5 ? 0 : yStep >= 0.5 ? 1 : 2).replace(/^-(0\.?0*)$/, '$1'));
  const probe = [yMin, yMax, (yMin + yMax) / 2].map((y) => displayWidth(cellText(formatY(y))));
  const labelWidth = Math.min(Math.max(...probe), Math.floor(width / 3));
  const columns = width - labelWidth - 2;

  const plot = drawGrid(grid, { xMin, xMax, yMin, yMax, columns, height }, theme);
  const every = Math.max(1, Math.round(plot.values.length / 6));

  // Markers inside the x range: their columns, and their key letters under the axis.
  const dx = (xMax - xMin) / columns;
  const columnOf = (x: number) => Math.min(columns - 1, Math.max(0, Math.round((x - xMin) / dx)));
  const markers = (options.markers ?? [])
    .map((m) => ({ x: toX(m.x), label: cellText(m.label) }))
    .filter((m) => Number.isFinite(m.x) && m.x >= xMin && m.x <= xMax)
    .sort((a, b) => a.x - b.x)
    .slice(0, MARKER_KEYS.length)
    .map((m, i) => ({ ...m, key: MARKER_KEYS[i]!, column: columnOf(m.x) }));
  const markerColumns = new Set(markers.map((m) => m.column));

  if (options.yLabel) lines.push(theme.paint('muted', truncate(cellText(options.yLabel), width, ell)));
  plot.cells.forEach((cells, i) => {
    const labelled = i % every === 0 || i === plot.values.length - 1;
    const label = labelled ? truncate(cellText(formatY(plot.values[i]!)), labelWidth, ell) : '';
    const axis = i === plot.zeroLine ? theme.chars.axisZero : theme.chars.axisV;
    const body = gridLine(cells, theme, (column) => (markerColumns.has(column) ? theme.chars.markerLine : ' '));
    lines.push(theme.paint('muted', `${padStart(label, labelWidth)} ${axis}`) + body);
  });

  // x axis: ticks at the placed labels; the first and last x are always labelled.
  const span = xMax - xMin;
  const step = kind === 'number' ? niceStep(span, Math.max(1, Math.floor(columns / 8))) : 1;
  const ticks: Tick[] = kind === 'date' ? dateTicks(xMin, xMax, columns) : numericTicks(xMin, xMax, Math.max(1, Math.floor(columns / 8)));
  const placed = placeLabels(
    [
      { column: 0, text: xText(xMin, step), keep: true },
      { column: columns - 1, text: xText(xMax, step), keep: true },
      ...ticks.filter((t) => t.value > xMin && t.value < xMax).map((t) => ({ column: columnOf(t.value), text: options.formatX ? xText(t.value, step) : t.label })),
    ],
    columns,
    2,
  );
  const tickColumns = new Set(placed.map((p) => p.column));
  let axis = '';
  for (let column = 0; column < columns; column++) axis += tickColumns.has(column) ? theme.chars.tick : theme.chars.axisH;
  const indent = ' '.repeat(labelWidth + 1);
  lines.push(theme.paint('muted', `${indent}${theme.chars.axisCorner}${axis}`));
  if (markers.length > 0) {
    const row = placeLabels(markers.map((m) => ({ column: m.column, text: m.key })), columns, 0);
    lines.push(indent + ' ' + theme.paint('warning', labelLine(row)));
  }
  lines.push(indent + ' ' + labelLine(placed));
  if (options.xLabel) lines.push(theme.paint('muted', padStart(truncate(cellText(options.xLabel), width, ell), width)));
  if (markers.length > 0) {
    const items = markers.map((m) => `${theme.paint('warning', m.key)} ${kind === 'date' ? dayString(m.x) : xText(m.x, step)} ${m.label}`);
    lines.push(...wrapWords(items, width, '  ', ell));
  }
  if (dropped > 0) lines.push(theme.paint('muted', truncate(`(${dropped} point${dropped === 1 ? '' : 's'} without a value left out)`, width, ell)));
  const key = legend();
  if (key.length > 0) lines.push('', ...key);
  return lines;
}
