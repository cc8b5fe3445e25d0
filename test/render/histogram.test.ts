import { describe, expect, it } from 'vitest';
import { renderHistogram } from '../../source/render/histogram.js';
import { expectColourStripsToPlain, expectFits, WIDTHS } from './expect-lines.js';

const data = {
  bins: ['a', 'b', 'c'],
  series: [
    { name: 'LLaMA', counts: [2, 4, 0] },
    { name: 'Mistral', counts: [0, 4, 1] },
  ],
};

describe('renderHistogram', () => {
  it('vertical, split by series, at 40 columns (by hand)', () => {
    // max 8 over 4 rows: 2 per cell. Labels "8" and "4" → label width 1; 37 columns / 3 bins
    // → slot 12, bar 11. Bin b: 4 LLaMA (2 cells ●) then 4 Mistral (2 cells ■).
    const lines = renderHistogram(data, { width: 40, color: false, height: 4 });
    const bar = (glyph: string) => glyph.repeat(11);
    expect(lines).toEqual([
      '8 ┤' + ' '.repeat(12) + bar('■'),
      '  │' + ' '.repeat(12) + bar('■'),
      '4 ┤' + ' '.repeat(12) + bar('●'),
      '  │' + bar('●') + ' ' + bar('●') + ' ' + bar('■'),
      '0 └' + '─'.repeat(5) + '┬' + '─'.repeat(11) + '┬' + '─'.repeat(11) + '┬' + '─'.repeat(6),
      ' '.repeat(8) + 'a' + ' '.repeat(11) + 'b' + ' '.repeat(11) + 'c',
      '',
      '● LLaMA  ■ Mistral',
    ]);
  });

  it('horizontal: one line per bin in count mode', () => {
    const lines = renderHistogram(data, { width: 40, color: false, orientation: 'horizontal' });
    expect(lines[0]!.startsWith('a  2  ')).toBe(true);
    expect(lines[1]!.startsWith('b  8  ')).toBe(true);
    expect(lines[4]).toBe('● LLaMA 6  ■ Mistral 5');
  });

  it('falls back to horizontal when the bins do not fit across', () => {
    const bins = Array.from({ length: 50 }, (_, i) => `${i}-${i + 1} B`);
    const lines = renderHistogram({ bins, series: [{ name: 'all', counts: bins.map((_, i) => i) }] }, { width: 40, color: false });
    expect(lines.length).toBe(50);
    expect(lines[49]!.startsWith('49-50 B')).toBe(true);
  });

  for (const width of WIDTHS) {
    it(`fits ${width} columns with 25 bins; labels skip rather than overlap; colour strips back`, () => {
      const bins = [...Array.from({ length: 20 }, (_, i) => `${i}–${i + 1}`), '20–30', '30–40', '40–60', '60–100', '100+'];
      const wide = {
        bins,
        series: ['LLaMA', 'Mistral', 'other'].map((name, s) => ({ name, counts: bins.map((_, i) => ((i * 7 + s * 13) % 17) * 10) })),
      };
      const plain = renderHistogram(wide, { width, color: false });
      expectFits(plain, width);
      const labels = plain.find((line) => line.includes('0–1'))!;
      expect(labels).toContain('100+');
      expectColourStripsToPlain(renderHistogram(wide, { width, color: true }), plain);
    });
  }
});
