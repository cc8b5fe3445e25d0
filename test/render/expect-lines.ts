// Checks every render test makes: lines fit the width (display columns), no escape codes
// without colour, and the coloured rendering strips back to the plain one.
import { expect } from 'vitest';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';

export const WIDTHS = [40, 80, 120] as const;

// eslint-disable-next-line no-control-regex
export const ESCAPE = /\u001b/;

export function columnsOf(line: string): number {
  return stringWidth(stripAnsi(line));
}

/** Every line at most `width` columns; with `plain`, no escape character anywhere. */
export function expectFits(lines: readonly string[], width: number, plain = true): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(columnsOf(line), `too wide at ${width}: ${JSON.stringify(stripAnsi(line))}`).toBeLessThanOrEqual(width);
    if (plain) expect(ESCAPE.test(line), `escape code in ${JSON.stringify(line)}`).toBe(false);
  }
}

/** The coloured lines contain SGR codes and strip back to the plain lines. */
export function expectColourStripsToPlain(coloured: readonly string[], plain: readonly string[]): void {
  expect(coloured.some((line) => /\u001b\[[0-9;]*m/.test(line))).toBe(true);
  expect(coloured.map((line) => stripAnsi(line))).toEqual(plain);
}
