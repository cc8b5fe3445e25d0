import { describe, expect, it } from 'vitest';
import { renderLegend } from '../../source/render/legend.js';
import { expectColourStripsToPlain, expectFits, WIDTHS } from './expect-lines.js';

describe('renderLegend', () => {
  it('gives each series its glyph, in order', () => {
    expect(renderLegend(['LLaMA', 'Mistral', 'Qwen2'], { width: 80, color: false })).toEqual(['● LLaMA  ■ Mistral  ▲ Qwen2']);
  });
  it('takes an index, a detail and a symbol', () => {
    expect(renderLegend([{ name: 'other', index: 5, detail: '3.1 %' }, { name: 'x', symbol: '■══' }], { width: 80, color: false })).toEqual([
      '○ other 3.1 %  ■══ x',
    ]);
  });
  for (const width of WIDTHS) {
    it(`wraps within ${width} columns; colour strips back to plain`, () => {
      const names = Array.from({ length: 14 }, (_, i) => `family-number-${i}`);
      const plain = renderLegend(names, { width, color: false });
      expectFits(plain, width);
      expect(plain.join(' ')).toContain('family-number-13');
      expectColourStripsToPlain(renderLegend(names, { width, color: true }), plain);
    });
  }
  it('truncates a name longer than the line', () => {
    const [line] = renderLegend(['x'.repeat(60)], { width: 30, color: false });
    expect(line).toBe('● ' + 'x'.repeat(27) + '…');
  });
});
