// The dot scatter of Fig. 7 (analyses.md §2): one glyph per series for dots, the series' own
// line characters over them, readable without colour. Expected lines worked out by hand.
import { describe, expect, it } from 'vitest';
import { renderScatter, type ScatterSeries } from '../../source/render/scatter.js';
import { expectColourStripsToPlain, expectFits, WIDTHS } from './expect-lines.js';

// Width 40, height 6, y 10..30: labels "30.0" … "10.0" (step 4: one decimal) take 4 columns and
// " ┤": 34 plot columns. x 0..10: column = round(x / 10 × 33); row = round((30 − y) / 20 × 5).
const options = { width: 40, color: false, height: 6 } as const;

describe('renderScatter', () => {
  it('marks each dot with its series glyph; a shared cell shows the series with most dots there', () => {
    const series: ScatterSeries[] = [
      { name: 'a', points: [{ x: 0, y: 10 }, { x: 10, y: 30 }, { x: 5, y: 20 }] },
      { name: 'b', points: [{ x: 5, y: 20 }, { x: 5, y: 20 }, { x: 5, y: null }] },
    ];
    const lines = renderScatter(series, options);
    // (10, 30) → row 0, column 33; (5, 20) → row round(2.5) = 3, column round(16.5) = 17: b has 2 dots there, a 1
    expect(lines[0]).toBe('30.0 ┤' + ' '.repeat(33) + '●');
    expect(lines[3]).toBe('18.0 ┤' + ' '.repeat(17) + '■');
    expect(lines[5]).toBe('10.0 ┤●');
    expect(lines[6]).toMatch(/^ {5}└┬[─┬]+┬$/);
    expect(lines[7]!.trim().startsWith('0')).toBe(true);
    expect(lines[7]!.trim().endsWith('10')).toBe(true);
    expect(lines.slice(-2)).toEqual(['', '● ── a (3 dots)  ■ ══ b (2 dots)']);
  });

  it('draws a line over the dots, one row per column, filling jumps with the vertical character', () => {
    // a steep line (0, 10) → (1, 30), the x range widened to 10 by a dot of b at (10, 20):
    // column 1 is at y 16.7 (row 3, from row 5: │ at row 4), column 2 at 23.3 (row 2),
    // column 3 at 30 (row 0, from row 2: │ at row 1)
    const lines = renderScatter(
      [
        { name: 'a', points: [], line: [{ x: 0, y: 10 }, { x: 1, y: 30 }] },
        { name: 'b', points: [{ x: 10, y: 20 }] },
      ],
      options,
    );
    const column = (row: number, c: number) => Array.from(lines[row]!.slice(6))[c] ?? ' ';
    expect([5, 4, 3].map((row) => column(row, row === 5 ? 0 : 1))).toEqual(['─', '│', '─']);
    expect(column(2, 2)).toBe('─');
    expect([column(1, 3), column(0, 3)]).toEqual(['│', '─']);
  });

  it('breaks a line at a gap', () => {
    const lines = renderScatter([{ name: 'a', points: [{ x: 0, y: 10 }, { x: 10, y: 30 }], line: [{ x: 0, y: 20 }, { x: 2, y: 20 }, { x: 5, y: null }, { x: 8, y: 20 }, { x: 10, y: 20 }] }], options);
    // y 20 is row 3; columns 0–7 (x 0–2) and 26–33 (x 8–10), nothing between
    expect(lines[3]).toBe('18.0 ┤' + '─'.repeat(8) + ' '.repeat(18) + '─'.repeat(8));
  });

  it('fits every width, without escape codes unless coloured, and reads in ASCII', () => {
    const series: ScatterSeries[] = Array.from({ length: 6 }, (_, s) => ({
      name: `type ${s}`,
      points: Array.from({ length: 40 }, (_, i) => ({ x: `2024-0${1 + (i % 9)}-1${s}`, y: 30 + ((i * 7 + s * 11) % 50) })),
      line: Array.from({ length: 9 }, (_, m) => ({ x: `2024-0${m + 1}-15`, y: 40 + s * 3 + m })),
    }));
    for (const width of WIDTHS) {
      const plain = renderScatter(series, { width, color: false, yLabel: 'score', xLabel: 'created' });
      expectFits(plain, width);
      expectColourStripsToPlain(renderScatter(series, { width, color: true, yLabel: 'score', xLabel: 'created' }), plain);
    }
    const ascii = renderScatter(series, { width: 80, color: false, unicode: false });
    expect(ascii.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
    expect(renderScatter([], options)).toEqual(['(no data to plot)']);
  });
});
