// The plot area of a line chart, drawn by asciichart one series at a time and overlaid.
//
// asciichart has no width option, crashes on NaN, and draws every series with the same box
// characters (only colour tells them apart). So, per series:
//  - its points (x ascending, non-finite y already dropped) are resampled to the plot's
//    columns: sample k sits at xMin + k·(xMax − xMin)/columns, and asciichart draws the
//    segment from sample k to k + 1 in column k;
//  - gaps are filled inside the series' own x range only: a step series carries its last
//    value forward (a record holds until the next one), a line series is interpolated. Outside
//    its first..last x the series is simply not drawn (no NaN ever reaches asciichart): we plot
//    just that slice of samples and place it at its starting column;
//  - asciichart is called with that series' own `symbols`: its horizontal and vertical
//    characters (─│, ═║, ┄┆, …) and its marker glyph (●, ■, ▲, …) at every corner where the
//    line arrives at a new value (a record, for step lines). That is how series stay apart
//    with NO_COLOR or on a monochrome terminal; colour is added on top, per cell.
// Later series overwrite earlier ones where they cross, as in asciichart itself.
import * as asciichart from 'asciichart';
import type { Theme } from './theme.js';

export interface GridSeries {
  /** Points sorted by x, all finite. */
  points: ReadonlyArray<{ x: number; y: number }>;
  step: boolean;
}

export interface Grid {
  /** One entry per line, top first; each holds `columns` cells. */
  cells: Array<Array<{ char: string; series: number } | null>>;
  /** The value at each line's height (asciichart's own label formula), top first. */
  values: number[];
  /** Line index of y = 0 when 0 is in range, else -1. */
  zeroLine: number;
}

/** Sample index nearest to x. */
function sampleOf(x: number, xMin: number, xMax: number, columns: number): number {
  return Math.round(((x - xMin) / (xMax - xMin)) * columns);
}

/** Values at samples kFirst..kLast (see the file comment). */
export function resample(series: GridSeries, xMin: number, xMax: number, columns: number): { first: number; values: number[] } {
  const points = series.points;
  const snapped = points.map((p) => sampleOf(p.x, xMin, xMax, columns));
  const first = snapped[0]!;
  const last = snapped[snapped.length - 1]!;
  const values: number[] = [];
  let p = 0;
  for (let k = first; k <= last; k++) {
    if (series.step) {
      // The last point snapped to this sample or before: every record shows up.
      while (p + 1 < points.length && snapped[p + 1]! <= k) p++;
      values.push(points[p]!.y);
      continue;
    }
    if (k === first) values.push(points[0]!.y);
    else if (k === last) values.push(points[points.length - 1]!.y);
    else {
      const x = xMin + (k / columns) * (xMax - xMin);
      while (p + 1 < points.length && points[p + 1]!.x <= x) p++;
      const a = points[p]!;
      const b = points[Math.min(p + 1, points.length - 1)]!;
      values.push(b.x > a.x ? a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y) : a.y);
    }
  }
  return { first, values };
}

/** The overlaid plot area: `columns` cells wide, about `height` lines tall. */
export function drawGrid(
  series: readonly GridSeries[],
  box: { xMin: number; xMax: number; yMin: number; yMax: number; columns: number; height: number },
  theme: Theme,
): Grid {
  const { xMin, xMax, yMin, yMax, columns } = box;
  // asciichart draws rows + 1 lines for `height`; we ask for height − 1 so we get ~height.
  const config = { height: Math.max(2, box.height - 1), min: yMin, max: yMax, offset: 1, format: () => ' ' };
  const range = yMax - yMin;
  const ratio = config.height / range;
  const min2 = Math.round(yMin * ratio);
  const max2 = Math.round(yMax * ratio);
  const rows = max2 - min2;
  const values = Array.from({ length: rows + 1 }, (_, i) => yMax - (i * range) / Math.max(1, rows));
  const cells: Grid['cells'] = values.map(() => new Array(columns).fill(null));
  const zeroLine = min2 <= 0 && 0 <= max2 ? max2 : -1;
  const c = theme.chars;

  series.forEach((s, index) => {
    if (s.points.length === 0) return;
    const { first, values: samples } = resample(s, xMin, xMax, columns);
    // A single sample draws nothing in asciichart: give it one flat segment.
    if (samples.length === 1) samples.push(samples[0]!);
    const start = Math.min(first, columns - samples.length + 1);
    const style = theme.line(index);
    const symbols: [string, string, string, string, string, string, string, string, string, string] = [
      c.axisZero, c.axisV, style.horizontal, style.horizontal, style.horizontal,
      style.glyph, style.glyph, style.leaveDown, style.leaveUp, style.vertical,
    ];
    const text = asciichart.plot(samples, { ...config, symbols });
    // Where the series starts, its glyph (asciichart would draw a line piece there).
    const firstRow = rows - (Math.round(samples[0]! * ratio) - min2);
    text.split('\n').forEach((line, row) => {
      const chars = Array.from(line);
      // chars[0] is asciichart's axis; chars[j + 1] is the segment from sample j to j + 1.
      for (let j = 0; j < samples.length - 1; j++) {
        const char = chars[j + 1];
        const column = start + j;
        if (char && char !== ' ' && column >= 0 && column < columns && row < cells.length) {
          cells[row]![column] = { char: row === firstRow && j === 0 ? style.glyph : char, series: index };
        }
      }
    });
  });
  return { cells, values, zeroLine };
}

/** One grid line as text, runs of one series painted in its colour. */
export function gridLine(line: Grid['cells'][number], theme: Theme, blank: (column: number) => string): string {
  let out = '';
  let run = '';
  let current: number | null = null;
  const flush = () => {
    if (run === '') return;
    out += current === null ? run : current < 0 ? theme.paint('warning', run) : theme.series(current, run);
    run = '';
  };
  line.forEach((cell, column) => {
    const text = cell ? cell.char : blank(column);
    const owner = cell ? cell.series : text === ' ' ? null : -1;
    if (owner !== current) flush();
    current = owner;
    run += text;
  });
  flush();
  return out;
}
