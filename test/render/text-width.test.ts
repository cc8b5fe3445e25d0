import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import { cellText, displayWidth, NARROW_SYMBOLS, fit, padEnd, padStart, truncate, wrapWords } from '../../source/render/text-width.js';

describe('displayWidth', () => {
  it('counts wide characters as two columns and escape codes as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('通义千问')).toBe(8);
    expect(displayWidth('🤗')).toBe(2);
    expect(displayWidth('🟢 ok')).toBe(5);
    expect(displayWidth('\u001b[36mabc\u001b[39m')).toBe(3);
  });
  it('measures ASCII and the renderers\' narrow symbols by length, as string-width does', () => {
    for (const ch of NARROW_SYMBOLS) expect(displayWidth(ch), ch).toBe(stringWidth(ch));
    expect(displayWidth('› ├─ org/model  ▼ ≤2022-03-02 … ─────')).toBe(stringWidth('› ├─ org/model  ▼ ≤2022-03-02 … ─────'));
    expect(displayWidth('a\tb')).toBe(stringWidth('a\tb'));
    expect(displayWidth('Qwen/通义千问-7B ▼')).toBe(18);
  });
});

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
  });
  it('cuts with an ellipsis inside the width', () => {
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('abcdefgh', 1)).toBe('…');
    expect(truncate('abcdefgh', 0)).toBe('');
  });
  it('never splits a wide character', () => {
    // "Qwen/" is 5 columns, each CJK char 2: room for 8 − 1 (…) = 7 → "Qwen/通" (7).
    expect(truncate('Qwen/通义千问-7B', 8)).toBe('Qwen/通…');
    // Room 6: "Qwen/" + half a char does not fit → "Qwen/…" (6 columns, one short).
    expect(truncate('Qwen/通义千问-7B', 7)).toBe('Qwen/…');
    expect(displayWidth(truncate('Qwen/通义千问-7B', 7))).toBe(6);
  });
  it('never splits an emoji sequence', () => {
    expect(truncate('👨‍👩‍👧 family', 3)).toBe('👨‍👩‍👧…');
    expect(truncate('🤗🤗🤗', 4)).toBe('🤗…');
  });
  it('keeps escape sequences whole and closes colours opened before the cut', () => {
    const cut = truncate('\u001b[36mabcdefgh\u001b[39m', 4);
    expect(cut).toBe('\u001b[36mabc…\u001b[39m');
    expect(stripAnsi(cut)).toBe('abc…');
  });
});

describe('padding and fitting', () => {
  it('pads by display width', () => {
    expect(padEnd('通义', 6)).toBe('通义  ');
    expect(padStart('🤗', 4)).toBe('  🤗');
    expect(padEnd('abcdef', 3)).toBe('abcdef');
  });
  it('fit gives exactly the width', () => {
    expect(fit('通义千问', 5)).toBe('通义…'); // 2 + 2 + 1 columns
    expect(fit('通义千问', 6)).toBe('通义… '); // the third char would need 7: pad instead
    expect(displayWidth(fit('通义千问', 6))).toBe(6);
    expect(fit('12', 5, 'right')).toBe('   12');
  });
});

describe('cellText', () => {
  it('strips control sequences and keeps one line', () => {
    expect(cellText('a\u001b[31mred\u001b[0m\nb')).toBe('ared b');
    expect(cellText(null)).toBe('');
    expect(cellText(12)).toBe('12');
  });
});

describe('wrapWords', () => {
  it('wraps items into lines within the width', () => {
    expect(wrapWords(['● alpha', '■ beta', '▲ gamma'], 16)).toEqual(['● alpha  ■ beta', '▲ gamma']);
  });
});
