// The exit doors (issue 7 item 11): every string that leaves the program is stripped of
// control sequences and secrets; our own colour codes survive in text output.
import { afterEach, describe, expect, it } from 'vitest';
import { safeJson, safeLines, safeText, safeValue } from '../../source/text/safe-output.js';
import { clearSecrets, registerSecret } from '../../source/text/redact.js';

const ESC = '\u001b';
const BEL = '\u0007';
const HOSTILE = `rev\u009b2J\u009d0;c1 title\u009c${ESC}]0;pwned${BEL}${ESC}[2J${ESC}[31mred`;
const TOKEN = 'hf_abcdefghijklmnopqrstuvwxyz123456';

/** No C0 (but newline), DEL or C1 control anywhere: nothing a terminal would act on. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

afterEach(() => clearSecrets());

describe('safeText', () => {
  it('strips 7-bit and 8-bit CSI and OSC, and a clear-screen, keeping the text', () => {
    expect(safeText(HOSTILE)).toBe('revred');
  });
  it('redacts a registered token, Hub-token-shaped strings and bearer values', () => {
    registerSecret('s3cr3t-canary');
    expect(safeText('got s3cr3t-canary back')).toBe('got [redacted] back');
    expect(safeText(`header Authorization: Bearer ${TOKEN}`)).toBe('header Authorization: Bearer [redacted]');
    expect(safeText(`token ${TOKEN}`)).toBe('token [redacted]');
  });
  it('redacts a token that an escape sequence split', () => {
    expect(safeText(`hf_abcdefghij${ESC}[0mklmnopqrstuvwxyz`)).toBe('[redacted]');
  });
});

describe('safeLines', () => {
  it('keeps our SGR colour codes and line breaks, and nothing else', () => {
    const ours = `${ESC}[1mtitle${ESC}[22m\n${ESC}[36mcell ${HOSTILE}${ESC}[39m`;
    const out = safeLines(ours);
    expect(out).toBe(`${ESC}[1mtitle${ESC}[22m\n${ESC}[36mcell rev${ESC}[31mred${ESC}[39m`);
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(CONTROL);
  });
  it('strips a sequence hidden between two colour codes', () => {
    expect(safeLines(`${ESC}]0;ti${ESC}[31mtle${BEL}`)).toBe(`${ESC}[31mtle`);
  });
});

describe('safeJson', () => {
  it('makes every string value and key safe, at any depth', () => {
    const value = {
      revision: HOSTILE,
      nested: { list: [`a${ESC}[2Jb`, 1, null, true], [`key${ESC}]0;x${BEL}`]: 'v' },
      message: `Bearer ${TOKEN}`,
      at: new Date('2024-05-01T00:00:00Z'),
    };
    const json = safeJson(value, 2);
    expect(json).not.toMatch(CONTROL);
    expect(json).not.toContain('\\u001b');
    expect(json).not.toContain(TOKEN);
    expect(JSON.parse(json)).toEqual({
      revision: 'revred',
      nested: { list: ['ab', 1, null, true], key: 'v' },
      message: 'Bearer [redacted]',
      at: '2024-05-01T00:00:00.000Z',
    });
  });
  it('is JSON.stringify for clean values', () => {
    const value = { a: [1, 'two', { three: 3 }], b: null };
    expect(safeJson(value)).toBe(JSON.stringify(value));
    expect(safeJson(value, 2)).toBe(JSON.stringify(value, null, 2));
  });
  it('safeValue gives the same value back, made safe', () => {
    expect(safeValue({ origin: `file:/tmp/x${ESC}]0;t${BEL}${ESC}[2J.csv`, n: 2 })).toEqual({ origin: 'file:/tmp/x.csv', n: 2 });
  });
});
