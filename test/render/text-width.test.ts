import { describe, expect, it } from 'vitest';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import { cellText, displayWidth, NARROW_SYMBOLS, fit, padEnd, padStart, truncate, truncateStart, widthUpTo, wrapWords } from '../../source/render/text-width.js';

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

// Issue 7 item 10: a 100,000-character cell froze the explorer for 54 s. Cutting and measuring
// cost the width asked for, not the text's length. The bounds are generous regression guards
// (before the fix each of these took from seconds to minutes), not benchmarks.
describe('long text costs its width, not its length', () => {
  const LONG = 100_000;
  const timed = <T>(work: () => T): { value: T; ms: number } => {
    const start = performance.now();
    const value = work();
    return { value, ms: performance.now() - start };
  };

  it('cuts a 100,000-character cell of ASCII, CJK, accents or emoji in well under a second', () => {
    const cases: Array<[string, string, string]> = [
      ['ascii', 'x'.repeat(LONG), 'xxxxxxxxx…'],
      ['cjk', '模型'.repeat(LONG / 2), '模型模型…'],
      ['accents', 'e\u0301'.repeat(LONG / 2), `${'e\u0301'.repeat(9)}…`],
      ['emoji', '🤗'.repeat(LONG / 2), '🤗🤗🤗🤗…'],
      ['quoted', `“${'a'.repeat(LONG)}”`, `“${'a'.repeat(8)}…`],
    ];
    for (const [name, text, expected] of cases) {
      const { value, ms } = timed(() => truncate(text, 10));
      expect(value, name).toBe(expected);
      expect(displayWidth(value), name).toBeLessThanOrEqual(10);
      expect(ms, name).toBeLessThan(1000);
    }
  });

  it('cuts a run of zero-width marks after a bounded read, and says it cut', () => {
    // one grapheme of 100,001 code units: a letter under 100,000 combining accents
    const zalgo = `a${'\u0301'.repeat(LONG)}`;
    const { value, ms } = timed(() => truncate(zalgo, 10));
    expect(value.endsWith('…')).toBe(true);
    expect(value.length).toBeLessThan(400);
    expect(ms).toBeLessThan(1000);
    const spaces = timed(() => truncate(`ok${'\u200b'.repeat(LONG)}`, 10));
    expect(spaces.value.startsWith('ok')).toBe(true);
    expect(spaces.value.endsWith('…')).toBe(true);
    expect(spaces.ms).toBeLessThan(1000);
  });

  it('keeps the colours opened before the cut closed, however long the text after it', () => {
    const painted = `\u001b[36m${'模'.repeat(LONG)}\u001b[39m`;
    const { value, ms } = timed(() => truncate(painted, 5));
    expect(value).toBe('\u001b[36m模模…\u001b[39m');
    expect(ms).toBeLessThan(1000);
  });

  it('measures no further than the limit: widthUpTo', () => {
    expect(widthUpTo('通义千问', 100)).toBe(8);
    expect(widthUpTo('abc', 2)).toBe(3); // short texts: exact
    const { value, ms } = timed(() => widthUpTo('模'.repeat(LONG), 40));
    expect(value).toBeGreaterThan(40);
    expect(value).toBeLessThan(100);
    expect(ms).toBeLessThan(1000);
    expect(widthUpTo(`x${'\u0301'.repeat(LONG)}`, 40)).toBeGreaterThan(40); // cut: drawn as too wide
  });

  it('measures a long text exactly, in time linear in its length', () => {
    // string-width walks Intl.Segmenter, quadratic in V8: 40,000 characters took 2 s
    const { value, ms } = timed(() => displayWidth(`“${'模a'.repeat(LONG / 2)}”`));
    expect(value).toBe(2 + (LONG / 2) * 3);
    expect(ms).toBeLessThan(2000);
    expect(displayWidth(`${'é'.repeat(3000)}🤗${'a'.repeat(3000)}`)).toBe(6002);
  });
});

describe('truncateStart', () => {
  it('keeps the end of the text, starting with the ellipsis when cut', () => {
    expect(truncateStart('abcdef', 6)).toBe('abcdef');
    expect(truncateStart('abcdefgh', 5)).toBe('…efgh');
    expect(truncateStart('Qwen/通义千问', 6)).toBe('…千问'); // 1 + 4 columns: "义" would need 7
    expect(truncateStart('abc', 0)).toBe('');
  });
  it('costs the width on a 100,000-character text', () => {
    const start = performance.now();
    expect(truncateStart(`${'模'.repeat(100_000)}end`, 8)).toBe('…模模end');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
