import { describe, expect, it } from 'vitest';
import { barText, renderBars } from '../../source/render/bars.js';
import { expectColourStripsToPlain, expectFits, WIDTHS } from './expect-lines.js';

const items = [
  { label: 'TheBloke', value: 800 },
  { label: 'mlabonne', value: 200 },
];

describe('barText', () => {
  it('draws eighths with partial blocks and whole columns in ASCII', () => {
    const eighths = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    expect(barText(3, eighths)).toBe('███');
    expect(barText(2.5, eighths)).toBe('██▌');
    expect(barText(0.01, eighths)).toBe('▏');
    expect(barText(0, eighths)).toBe('');
    expect(barText(2.5, ['#'])).toBe('###');
    expect(barText(1.99, eighths)).toBe('██');
  });
});

describe('renderBars', () => {
  it('lays out label, value, share and a scaled bar (40 columns, by hand)', () => {
    // label 8 + 2 + value 3 + 2 + share 6 + 2 = 23 → bar room 17; 200/800 × 17 = 4.25 → 4 + ▎.
    expect(renderBars(items, { width: 40, color: false })).toEqual([
      'TheBloke  800  80.0 %  ' + '█'.repeat(17),
      'mlabonne  200  20.0 %  ████▎',
    ]);
  });

  it('uses # in ASCII mode', () => {
    // 80 columns: bar room 57; 200/800 × 57 = 14.25 → 14 #.
    expect(renderBars(items, { width: 80, color: false, unicode: false })[1]).toBe('mlabonne  200  20.0 %  ' + '#'.repeat(14));
  });

  it('drops the share column before the bar gets too short, and truncates long labels', () => {
    const lines = renderBars([{ label: 'a-very-long-author-name-indeed', value: 1_234_567 }], { width: 20, color: false });
    expectFits(lines, 20);
    expect(lines[0]).not.toContain('%');
    expect(lines[0]).toContain('…');
    expect(lines[0]).toContain('1,234,567');
  });

  for (const width of WIDTHS) {
    it(`fits ${width} columns; colour strips back to plain`, () => {
      const many = [...items, { label: 'Qwen/通义千问 team', value: 12, text: '12 repos' }, { label: '🤗 bot', value: 0 }];
      const plain = renderBars(many, { width, color: false });
      expectFits(plain, width);
      expect(plain[2]).toContain('12 repos');
      expect(plain[3]).toContain('0.0 %');
      expectColourStripsToPlain(renderBars(many, { width, color: true }), plain);
    });
  }

  it('says so when there is nothing to draw', () => {
    expect(renderBars([], { width: 40, color: false })).toEqual(['(no data)']);
  });
});
