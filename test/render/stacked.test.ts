import { describe, expect, it } from 'vitest';
import { renderStacked, stackedCells } from '../../source/render/stacked.js';
import { expectColourStripsToPlain, expectFits, WIDTHS } from './expect-lines.js';

const data = {
  labels: ['2024-01', '2024-02'],
  series: [
    { name: 'LLaMA', values: [3, 1] },
    { name: 'Mistral', values: [1, 1] },
  ],
};

describe('stackedCells', () => {
  it('gives each cell to the series holding its midpoint', () => {
    // unit 1: cells mid 0.5, 1.5, 2.5, 3.5 → series 0 holds up to 2, series 1 up to 3.
    expect(stackedCells([2, 1], 1, 10)).toEqual([0, 0, 1]);
    expect(stackedCells([0, 0], 1, 10)).toEqual([]);
  });
});

describe('renderStacked', () => {
  it('share mode at 40 columns, by hand', () => {
    // label 7 + 2 + total 1 + 2 → bar 28. Row 1: 3/4 of 28 = 21 ●, 7 ■. Row 2: 14 and 14.
    const lines = renderStacked(data, { width: 40, color: false });
    expect(lines).toEqual([
      '2024-01  4  ' + '●'.repeat(21) + '■'.repeat(7),
      '2024-02  2  ' + '●'.repeat(14) + '■'.repeat(14),
      '',
      '● LLaMA 66.7 %  ■ Mistral 33.3 %',
    ]);
  });

  it('count mode scales to the largest total', () => {
    const lines = renderStacked(data, { width: 40, color: false, mode: 'count', legend: false });
    expect(lines).toEqual(['2024-01  4  ' + '●'.repeat(21) + '■'.repeat(7), '2024-02  2  ' + '●'.repeat(7) + '■'.repeat(7)]);
  });

  it('treats missing, negative and NaN values as zero', () => {
    const lines = renderStacked(
      { labels: ['a', 'b'], series: [{ name: 's', values: [Number.NaN, -3] }, { name: 't', values: [2] }] },
      { width: 40, color: false, legend: false },
    );
    expect(lines[0]).toBe('a  2  ' + '■'.repeat(34));
    expect(lines[1]).toBe('b  0  ');
  });

  for (const width of WIDTHS) {
    it(`fits ${width} columns with many series; colour strips back to plain`, () => {
      const names = ['LLaMA', 'Mistral', 'Qwen2', 'Gemma', 'Phi', 'Mixtral', 'Falcon', 'GPT-2', 'other'];
      const wide = {
        labels: ['2023-W05', '2023-W06', '2023-W07'],
        series: names.map((name, i) => ({ name, values: [i + 1, 10 - i, 5] })),
      };
      const plain = renderStacked(wide, { width, color: false });
      expectFits(plain, width);
      const legend = plain.slice(4).join(' ');
      for (const name of names) expect(legend).toContain(name);
      expectColourStripsToPlain(renderStacked(wide, { width, color: true }), plain);
    });
  }
});
