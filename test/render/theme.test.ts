import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { makeTheme, SERIES_GLYPHS, SERIES_GLYPHS_ASCII } from '../../source/render/theme.js';

describe('theme', () => {
  it('has distinct one-column series glyphs, unicode and ASCII', () => {
    for (const glyphs of [SERIES_GLYPHS, SERIES_GLYPHS_ASCII]) {
      expect(new Set(glyphs).size).toBe(glyphs.length);
      for (const g of glyphs) expect(stringWidth(g)).toBe(1);
    }
    for (const g of SERIES_GLYPHS_ASCII) expect(g.charCodeAt(0)).toBeLessThan(128);
  });

  it('gives the first six series different line characters', () => {
    const theme = makeTheme({ color: false });
    const horizontals = [0, 1, 2, 3, 4, 5].map((i) => theme.line(i).horizontal);
    expect(new Set(horizontals).size).toBe(6);
    expect(theme.line(0).glyph).toBe('●');
    expect(theme.line(1).glyph).toBe('■');
  });

  it('leaves text unchanged without colour and wraps it in SGR codes with colour', () => {
    const plain = makeTheme({ color: false });
    expect(plain.paint('accent', 'abc')).toBe('abc');
    expect(plain.series(3, 'abc')).toBe('abc');
    const coloured = makeTheme({ color: true });
    expect(coloured.paint('accent', 'abc')).toBe('\u001b[36mabc\u001b[39m');
    expect(coloured.paint('header', 'abc')).toBe('\u001b[1mabc\u001b[22m');
    expect(coloured.series(1, 'x')).toBe('\u001b[35mx\u001b[39m');
    expect(coloured.paint('accent', '')).toBe('');
  });

  it('uses ASCII characters in ASCII mode', () => {
    const theme = makeTheme({ color: false, unicode: false });
    expect(theme.glyph(0)).toBe('*');
    expect(theme.chars.eighths).toEqual(['#']);
    expect(theme.chars.ellipsis).toBe('~');
  });
});
