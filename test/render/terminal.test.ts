import { describe, expect, it } from 'vitest';
import { colorEnabled, defaultWidth } from '../../source/render/terminal.js';

describe('defaultWidth', () => {
  it('uses the columns of a TTY', () => {
    expect(defaultWidth({ isTTY: true, columns: 132 })).toBe(132);
  });
  it('falls back to 100 when not a TTY or when columns are unknown', () => {
    expect(defaultWidth({ isTTY: false, columns: 132 })).toBe(100);
    expect(defaultWidth({ isTTY: true })).toBe(100);
    expect(defaultWidth({ isTTY: true, columns: 0 })).toBe(100);
    expect(defaultWidth(undefined)).toBe(100);
  });
});

describe('colorEnabled', () => {
  it('colours a TTY without NO_COLOR', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });
  it('never colours a pipe, NO_COLOR, or a dumb terminal', () => {
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled(undefined, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
  it('never colours a monochrome terminal (xterm-mono, vt100-mono, vt100), the same rule as the explorer', () => {
    for (const TERM of ['xterm-mono', 'vt100-mono', 'vt220-mono', 'vt100', 'vt52']) expect(colorEnabled({ isTTY: true }, { TERM }), TERM).toBe(false);
    for (const TERM of ['xterm-256color', 'screen-256color', 'tmux-256color', 'vt220', 'monoterm']) expect(colorEnabled({ isTTY: true }, { TERM }), TERM).toBe(true);
  });
});
