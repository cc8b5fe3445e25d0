import { describe, expect, it } from 'vitest';
import { renderLinePlot, type PlotSeries } from '../../source/render/line-plot.js';
import { columnsOf, expectColourStripsToPlain, expectFits, WIDTHS } from './expect-lines.js';

// Two step series with known records (x = days since release, y = improvement in points).
const A: PlotSeries = { name: 'Mistral 7B', step: true, points: [{ x: 0, y: 0 }, { x: 10, y: 5 }, { x: 30, y: 15 }, { x: 60, y: 15 }] };
const B: PlotSeries = { name: 'Llama 3 8B', step: true, points: [{ x: 0, y: 0 }, { x: 5, y: 8 }, { x: 40, y: 12 }] };

describe('renderLinePlot: a two-series step plot at 80 columns (expected lines worked out by hand)', () => {
  // y 0..15 over 10 lines: label step 15/9 ≈ 1.7 → one decimal; labels "15.0", "11.7", …,
  // "0.0" → 4 columns, then " ┤": the plot gets 80 − 6 = 74 columns. x 0..60 over 74 columns:
  // day 30 is sample round(30 / 60 × 74) = 37, so A's step to 15 sits in column 36.
  const lines = renderLinePlot([A, B], { width: 80, color: false, height: 10 });

  it('is 10 plot lines, the axis, the x labels, a blank line and the legend', () => {
    expect(lines.length).toBe(14);
    expectFits(lines, 80);
  });

  it('labels the y axis with the max on top and the min at the bottom', () => {
    expect(lines[0]!.startsWith('15.0 ┤')).toBe(true);
    expect(lines[2]!.startsWith('11.7 ┤')).toBe(true);
    expect(lines[9]!.startsWith(' 0.0 ┼')).toBe(true); // y = 0 is on the axis: ┼
  });

  it('draws A reaching 15 at day 30 with its glyph, then flat', () => {
    expect(lines[0]).toBe('15.0 ┤' + ' '.repeat(36) + '●' + '─'.repeat(37));
  });

  it('draws B with its own glyph and double line: record 12 at day 40 (sample 49, column 48)', () => {
    // 12 → round(12 × 9/15) = 7 → line 9 − 7 = 2. A's rise from 5 to 15 passes line 2 at column 36.
    expect(lines[2]).toBe('11.7 ┤' + ' '.repeat(36) + '│' + ' '.repeat(11) + '■' + ' '.repeat(25));
  });

  it('starts both series at 0 with B (drawn last) on top; each step up leaves its own corner', () => {
    // B: glyph at column 0, ═ to column 4, ╝ at column 5 (day 5 → sample 6);
    // A: ─ from column 6, ╯ at column 11 (day 10 → sample 12).
    expect(lines[9]).toBe(' 0.0 ┼' + '■' + '═'.repeat(4) + '╝' + '─'.repeat(5) + '╯' + ' '.repeat(62));
  });

  it('draws the x axis with ticks and labels the first and last x', () => {
    expect(lines[10]!.startsWith('     └┬')).toBe(true);
    expect(lines[10]!.endsWith('┬')).toBe(true);
    expect(columnsOf(lines[10]!)).toBe(80);
    // "0" under column 0 (display column 6); "60" ends under the last column.
    expect(lines[11]!.startsWith('      0 ')).toBe(true);
    expect(lines[11]!.endsWith('60')).toBe(true);
    expect(columnsOf(lines[11]!)).toBe(80);
    // Ticks every 10 days in between: day 30 is at column 37 → display column 43.
    expect(lines[11]!.indexOf('30')).toBe(43);
  });

  it('lists both series in the legend with distinct glyphs and lines', () => {
    expect(lines[12]).toBe('');
    expect(lines[13]).toBe('●── Mistral 7B  ■══ Llama 3 8B');
  });
});

describe('renderLinePlot: other cases', () => {
  it('adds a title, a y label and an x label', () => {
    const lines = renderLinePlot([A], { width: 60, color: false, title: 'Improvement', yLabel: 'points', xLabel: 'days since release' });
    expect(lines[0]).toBe('Improvement');
    expect(lines[1]).toBe('points');
    expect(lines).toContain(' '.repeat(60 - 18) + 'days since release');
  });

  it('does not crash on NaN, null or undefined and says what it left out', () => {
    const lines = renderLinePlot(
      [
        { name: 'gappy', points: [{ x: 0, y: 1 }, { x: 1, y: Number.NaN }, { x: 2, y: null }, { x: 3, y: undefined }, { x: 4, y: 3 }] },
        { name: 'empty', points: [{ x: 0, y: Number.NaN }] },
      ],
      { width: 40, color: false },
    );
    expectFits(lines, 40);
    expect(lines).toContain('(4 points without a value left out)');
    expect(lines[lines.length - 1]).toContain('■══ empty (no data)');
  });

  it('never labels the zero line "-0.0" (float noise in the line values)', () => {
    // 15.46 over 10 rows: the bottom line's value is 15.46 − 10 × 1.546 ≈ −1.8e−15
    const lines = renderLinePlot([{ name: 'a', step: true, points: [{ x: 0, y: 0 }, { x: 180, y: 15.46 }] }], { width: 80, color: false, height: 11 });
    expect(lines.some((line) => line.includes('-0.0'))).toBe(false);
    expect(lines.some((line) => line.startsWith(' 0.0 ┼'))).toBe(true);
  });

  it('says so when nothing can be plotted', () => {
    expect(renderLinePlot([{ name: 'none', points: [] }], { width: 40, color: false, legend: false })).toEqual(['(no data to plot)']);
  });

  it('draws a single point and a flat series', () => {
    const lines = renderLinePlot([{ name: 'one', points: [{ x: 5, y: 7 }] }], { width: 40, color: false, height: 5 });
    expectFits(lines, 40);
    expect(lines.join('\n')).toContain('●');
  });

  it('fills a line series between points by interpolation', () => {
    const lines = renderLinePlot([{ name: 'ramp', points: [{ x: 0, y: 0 }, { x: 10, y: 10 }] }], { width: 40, color: false, height: 5 });
    // 5 lines, every one crossed by the ramp.
    for (const line of lines.slice(0, 5)) expect(line.slice(6).trim()).not.toBe('');
  });

  it('takes dates on x: first and last dates labelled, calendar ticks between', () => {
    const lines = renderLinePlot(
      [
        { name: 'chat', points: [{ x: '2023-03-01', y: 50 }, { x: '2023-09-01', y: 60 }, { x: '2024-05-01', y: 70 }] },
        { name: 'merge', points: [{ x: new Date(Date.UTC(2023, 5, 1)), y: 55 }, { x: '2024-02-01', y: 65 }] },
      ],
      { width: 80, color: false, height: 6 },
    );
    expectFits(lines, 80);
    const labels = lines.find((line) => line.includes('2023-03-01'))!;
    expect(labels.trimStart().startsWith('2023-03-01')).toBe(true);
    expect(labels.endsWith('2024-05-01')).toBe(true);
    expect(labels).toMatch(/2023-(0[4-9]|1[0-2])|2024-0[1-4]/);
  });

  it('draws vertical markers with keys under the axis and lists them', () => {
    const lines = renderLinePlot([{ name: 'chat', points: [{ x: '2023-01-01', y: 1 }, { x: '2023-12-31', y: 2 }] }], {
      width: 80,
      color: false,
      height: 4,
      markers: [
        { x: '2023-07-18', label: 'Llama 2' },
        { x: '2023-09-20', label: 'Mistral 7B' },
        { x: '2025-01-01', label: 'outside' },
      ],
    });
    expectFits(lines, 80);
    expect(lines.some((line) => line.includes('┊'))).toBe(true);
    const keys = lines[5]!; // under the axis line
    expect(keys.trim()).toMatch(/^a\s+b$/);
    expect(lines).toContain('a 2023-07-18 Llama 2  b 2023-09-20 Mistral 7B');
    expect(lines.join('\n')).not.toContain('outside');
    // The key sits in the column of its dotted line.
    expect(keys.indexOf('a')).toBe(lines[0]!.indexOf('┊'));
  });

  it('keeps series apart without colour: each has its own characters', () => {
    const plain = renderLinePlot([A, B], { width: 80, color: false }).join('\n');
    expect(plain).toContain('─');
    expect(plain).toContain('═');
    const ascii = renderLinePlot([A, B], { width: 80, color: false, unicode: false });
    expectFits(ascii, 80);
    expect(ascii.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
    expect(ascii[ascii.length - 1]).toBe('*-- Mistral 7B  #== Llama 3 8B');
  });

  for (const width of WIDTHS) {
    it(`fits ${width} columns with many series and markers; colour strips back to plain`, () => {
      const many: PlotSeries[] = Array.from({ length: 8 }, (_, s) => ({
        name: `family-${s}`,
        step: true,
        points: Array.from({ length: 12 }, (_, i) => ({ x: i * 7 + s, y: Math.sqrt(i) * (s + 1) })),
      }));
      const options = { width, title: 'Improvement over days since release', yLabel: 'points', xLabel: 'days', markers: [{ x: 14, label: 'Phi-2' }] };
      const plain = renderLinePlot(many, { ...options, color: false });
      expectFits(plain, width);
      const legend = plain.slice(plain.indexOf('') + 1).join(' ');
      for (const s of many) expect(legend).toContain(s.name);
      expectColourStripsToPlain(renderLinePlot(many, { ...options, color: true }), plain);
    });
  }
});
