// A dot scatter with a line per series over it (analyses.md §2 Fig. 7: every model a dot,
// each type's smoothed line on top). One character cell per dot position: a cell shows the
// marker glyph of the series with most dots in it (●, ■, ▲, … per series), and each series'
// line is drawn over the dots with that series' own line characters (─, ═, ┄, …), so the plot
// reads without colour; colour is added per cell on top. Axes, ticks and the legend follow
// line-plot.ts (the same axis helpers).
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme, type Theme } from './theme.js';
import { cellText, displayWidth, padStart, truncate } from './text-width.js';
import { dateTicks, dayNumber, dayString, labelLine, numericTicks, placeLabels, type Tick } from './axis.js';
import { formatTick } from './format-number.js';
import { renderLegend } from './legend.js';
import type { XValue } from './line-plot.js';

export interface ScatterSeries {
  name: string;
  /** The dots; points without a finite y are left out. */
  points: ReadonlyArray<{ x: XValue; y: number | null | undefined }>;
  /** A line drawn over the dots (e.g. a smoothed mean), in x order; gaps (null y) break it. */
  line?: ReadonlyArray<{ x: XValue; y: number | null | undefined }>;
}

export interface ScatterOptions extends RenderOptions {
  /** Lines of the plot area (default 12, at least 4). */
  height?: number;
  yLabel?: string;
  xLabel?: string;
  /** 'date' when the first x is a string or Date, else 'number'. */
  xType?: 'number' | 'date';
  yMin?: number;
  yMax?: number;
  formatY?: (y: number) => string;
  /** Legend under the chart (default true); each entry gives its dot count. */
  legend?: boolean;
}

interface Cell {
  char: string;
  series: number;
}

/** The chart as lines of at most `width` columns. */
export function renderScatter(series: readonly ScatterSeries[], options: ScatterOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  const ell = theme.chars.ellipsis;
  const first = series.flatMap((s) => [...s.points, ...(s.line ?? [])])[0]?.x;
  const kind = options.xType ?? (typeof first === 'string' || first instanceof Date ? 'date' : 'number');
  const toX = (x: XValue): number => (kind === 'date' ? dayNumber(x) : typeof x === 'number' ? x : Number(x));
  const finite = (points: ScatterSeries['points']) =>
    points.flatMap((p) => {
      const x = toX(p.x);
      return typeof p.y === 'number' && Number.isFinite(p.y) && Number.isFinite(x) ? [{ x, y: p.y }] : [];
    });
  const dots = series.map((s) => finite(s.points));
  const lines = series.map((s) => (s.line ? s.line.map((p) => ({ x: toX(p.x), y: typeof p.y === 'number' && Number.isFinite(p.y) ? p.y : null })) : []));
  const legend = (): string[] =>
    options.legend === false
      ? []
      : renderLegend(
          series.map((s, i) => {
            const style = theme.line(i);
            return { name: s.name, index: i, symbol: `${style.glyph} ${style.horizontal.repeat(2)}`, detail: `(${dots[i]!.length} dot${dots[i]!.length === 1 ? '' : 's'})` };
          }),
          { width, color, unicode },
        );
  const all = [...dots.flat(), ...lines.flat().filter((p): p is { x: number; y: number } => p.y !== null && Number.isFinite(p.x))];
  if (all.length === 0) return [theme.paint('muted', '(no data to plot)'), ...legend()];

  let xMin = Math.min(...all.map((p) => p.x));
  let xMax = Math.max(...all.map((p) => p.x));
  if (xMax === xMin) xMax = xMin + 1;
  let yMin = Math.min(...all.map((p) => p.y), options.yMin ?? Infinity);
  let yMax = Math.max(...all.map((p) => p.y), options.yMax ?? -Infinity);
  if (yMax === yMin) {
    yMin -= 1;
    yMax += 1;
  }
  const height = Math.max(4, Math.floor(options.height ?? 12));
  const yStep = (yMax - yMin) / (height - 1);
  const formatY = options.formatY ?? ((y: number) => y.toFixed(yStep >= 5 ? 0 : yStep >= 0.5 ? 1 : 2).replace(/^-(0\.?0*)$/, '$1'));
  const labelWidth = Math.min(Math.max(...[yMin, yMax, (yMin + yMax) / 2].map((y) => displayWidth(cellText(formatY(y))))), Math.floor(width / 3));
  const columns = Math.max(2, width - labelWidth - 2);
  const columnOf = (x: number) => Math.min(columns - 1, Math.max(0, Math.round(((x - xMin) / (xMax - xMin)) * (columns - 1))));
  const rowOf = (y: number) => Math.min(height - 1, Math.max(0, Math.round(((yMax - y) / (yMax - yMin)) * (height - 1))));

  // dots: per cell, how many of each series; the most numerous series (ties: the first) marks it
  const counts: Array<Array<Map<number, number> | null>> = Array.from({ length: height }, () => new Array(columns).fill(null));
  dots.forEach((points, s) => {
    for (const p of points) {
      const row = rowOf(p.y);
      const column = columnOf(p.x);
      const cell = (counts[row]![column] ??= new Map());
      cell.set(s, (cell.get(s) ?? 0) + 1);
    }
  });
  const grid: Array<Array<Cell | null>> = counts.map((row) =>
    row.map((cell) => {
      if (cell === null) return null;
      let best = -1;
      let most = 0;
      for (const [s, n] of cell) if (n > most || (n === most && s < best)) [best, most] = [s, n];
      return { char: theme.glyph(best), series: best };
    }),
  );
  lines.forEach((points, s) => drawLine(grid, points, s, theme, columnOf, rowOf));

  const out: string[] = [];
  if (options.yLabel) out.push(theme.paint('muted', truncate(cellText(options.yLabel), width, ell)));
  const every = Math.max(1, Math.round(height / 6));
  grid.forEach((cells, row) => {
    const labelled = row % every === 0 || row === height - 1;
    const value = yMax - (row * (yMax - yMin)) / (height - 1);
    const label = labelled ? truncate(cellText(formatY(value)), labelWidth, ell) : '';
    out.push(theme.paint('muted', `${padStart(label, labelWidth)} ${theme.chars.axisV}`) + paintRow(cells, theme));
  });

  const ticks: Tick[] = kind === 'date' ? dateTicks(xMin, xMax, columns) : numericTicks(xMin, xMax, Math.max(1, Math.floor(columns / 8)));
  const text = (x: number) => (kind === 'date' ? dayString(x) : formatTick(x, 1));
  const placed = placeLabels(
    [
      { column: 0, text: text(xMin), keep: true },
      { column: columns - 1, text: text(xMax), keep: true },
      ...ticks.filter((t) => t.value > xMin && t.value < xMax).map((t) => ({ column: columnOf(t.value), text: t.label })),
    ],
    columns,
    2,
  );
  const tickColumns = new Set(placed.map((p) => p.column));
  let axis = '';
  for (let column = 0; column < columns; column++) axis += tickColumns.has(column) ? theme.chars.tick : theme.chars.axisH;
  const indent = ' '.repeat(labelWidth + 1);
  out.push(theme.paint('muted', `${indent}${theme.chars.axisCorner}${axis}`));
  out.push(indent + ' ' + labelLine(placed));
  if (options.xLabel) out.push(theme.paint('muted', padStart(truncate(cellText(options.xLabel), width, ell), width)));
  const key = legend();
  if (key.length > 0) out.push('', ...key);
  return out;
}

/** A line over the grid: its horizontal character at each column's interpolated row, its
 *  vertical character filling a jump of more than one row; a null y breaks the line. */
function drawLine(
  grid: Array<Array<Cell | null>>,
  points: ReadonlyArray<{ x: number; y: number | null }>,
  series: number,
  theme: Theme,
  columnOf: (x: number) => number,
  rowOf: (y: number) => number,
): void {
  const style = theme.line(series);
  const runs: Array<Array<{ x: number; y: number }>> = [[]];
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    if (p.y === null || !Number.isFinite(p.x)) runs.push([]);
    else runs[runs.length - 1]!.push({ x: p.x, y: p.y });
  }
  for (const run of runs) {
    if (run.length === 0) continue;
    const from = columnOf(run[0]!.x);
    const to = columnOf(run[run.length - 1]!.x);
    let previous: number | null = null;
    let k = 0;
    for (let column = from; column <= to; column++) {
      // the y at this column: linear between the run's points around it
      while (k + 1 < run.length && columnOf(run[k + 1]!.x) <= column) k++;
      const a = run[k]!;
      const b = run[Math.min(k + 1, run.length - 1)]!;
      const ca = columnOf(a.x);
      const cb = columnOf(b.x);
      const y = cb > ca ? a.y + ((column - ca) / (cb - ca)) * (b.y - a.y) : a.y;
      const row = rowOf(y);
      if (previous !== null && Math.abs(row - previous) > 1) {
        const step = row > previous ? 1 : -1;
        for (let r: number = previous + step; r !== row; r += step) grid[r]![column] = { char: style.vertical, series };
      }
      grid[row]![column] = { char: style.horizontal, series };
      previous = row;
    }
  }
}

/** One grid row as text, runs of one series painted in its colour. */
function paintRow(cells: ReadonlyArray<Cell | null>, theme: Theme): string {
  let out = '';
  let run = '';
  let current: number | null = null;
  const flush = () => {
    if (run !== '') out += current === null ? run : theme.series(current, run);
    run = '';
  };
  for (const cell of cells) {
    const owner = cell ? cell.series : null;
    if (owner !== current) flush();
    current = owner;
    run += cell ? cell.char : ' ';
  }
  flush();
  return out.replace(/\s+$/, '');
}
