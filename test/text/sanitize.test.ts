import { describe, expect, it } from 'vitest';
import { sanitize, sanitizeOptional } from '../../source/text/sanitize.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

describe('sanitize', () => {
  it('leaves plain text, emoji and CJK alone', () => {
    expect(sanitize('acme/Model-7B 🤝 日本語')).toBe('acme/Model-7B 🤝 日本語');
  });
  it('strips CSI colour and cursor sequences', () => {
    expect(sanitize(`${ESC}[31mred${ESC}[0m text`)).toBe('red text');
    expect(sanitize(`a${ESC}[2J${ESC}[1;1Hb`)).toBe('ab');
    expect(sanitize(`x${ESC}[38;5;196my`)).toBe('xy');
  });
  it('strips OSC 52 (clipboard) with a BEL or an ST terminator', () => {
    expect(sanitize(`before${ESC}]52;c;ZXZpbA==${BEL}after`)).toBe('beforeafter');
    expect(sanitize(`before${ESC}]52;c;ZXZpbA==${ST}after`)).toBe('beforeafter');
  });
  it('strips OSC 8 hyperlinks and keeps their text', () => {
    expect(sanitize(`${ESC}]8;;https://e.vil/${BEL}click me${ESC}]8;;${BEL}`)).toBe('click me');
    expect(sanitize(`${ESC}]8;;https://e.vil/${ST}click me${ESC}]8;;${ST}`)).toBe('click me');
  });
  it('drops an OSC that never ends, to the end of the text', () => {
    expect(sanitize(`title${ESC}]0;pwned`)).toBe('title');
  });
  it('strips C1 controls, 8-bit CSI and OSC included', () => {
    expect(sanitize('a\u009b31mb')).toBe('ab');
    expect(sanitize('a\u009d8;;https://e.vil\u009cb')).toBe('ab');
    expect(sanitize('a\u0085b\u0080c')).toBe('abc');
  });
  it('strips bidi overrides and isolates', () => {
    expect(sanitize('abc\u202Edcba')).toBe('abcdcba');
    expect(sanitize('\u2066x\u2069\u202Ay\u202C')).toBe('xy');
  });
  it('turns newlines and tabs into spaces, so a value stays on one line', () => {
    expect(sanitize('one\ntwo')).toBe('one two');
    expect(sanitize('one\r\ntwo\tthree')).toBe('one  two three');
  });
  it('strips other C0 controls, DEL and a lone ESC', () => {
    expect(sanitize('a\u0000b\u0008c\u007fd')).toBe('abcd');
    expect(sanitize(`end${ESC}`)).toBe('end');
  });
  it('strips whole two- and three-byte escapes (save cursor, reset, charset)', () => {
    expect(sanitize(`a${ESC}7b${ESC}8c`)).toBe('abc');
    expect(sanitize(`a${ESC}cb`)).toBe('ab');
    expect(sanitize(`a${ESC}(Bb`)).toBe('ab');
  });
});

describe('sanitizeOptional', () => {
  it('gives null for missing and blank values, and a trimmed string otherwise', () => {
    expect(sanitizeOptional(null)).toBeNull();
    expect(sanitizeOptional(undefined)).toBeNull();
    expect(sanitizeOptional('   ')).toBeNull();
    expect(sanitizeOptional(`${ESC}[31m${ESC}[0m`)).toBeNull();
    expect(sanitizeOptional('  mit \n')).toBe('mit');
    expect(sanitizeOptional(42)).toBe('42');
  });
});
