import { describe, expect, it } from 'vitest';
import { clampOffset, scroll } from '../../source/app/state/scroll.js';

describe('scroll reducer', () => {
  it('moves a list cursor and keeps it in a window of 5', () => {
    let s = { cursor: 0, offset: 0 };
    for (let i = 0; i < 6; i++) s = scroll(s, 'down', 20, 5);
    expect(s).toEqual({ cursor: 6, offset: 2 });
    s = scroll(s, 'page-down', 20, 5);
    expect(s).toEqual({ cursor: 11, offset: 7 });
    s = scroll(s, 'bottom', 20, 5);
    expect(s).toEqual({ cursor: 19, offset: 15 });
    s = scroll(s, 'up', 20, 5);
    expect(s).toEqual({ cursor: 18, offset: 15 });
    s = scroll(s, 'top', 20, 5);
    expect(s).toEqual({ cursor: 0, offset: 0 });
  });

  it('pages text: the cursor is the top line and stops at the last full page', () => {
    let s = { cursor: 0, offset: 0 };
    s = scroll(s, 'page-down', 12, 5, true);
    expect(s).toEqual({ cursor: 5, offset: 5 });
    s = scroll(s, 'page-down', 12, 5, true);
    expect(s).toEqual({ cursor: 7, offset: 7 });
    s = scroll(s, 'down', 3, 5, true);
    expect(s).toEqual({ cursor: 0, offset: 0 });
  });

  it('clamps offsets for short lists', () => {
    expect(clampOffset(2, 10, 4, 10)).toBe(0);
    expect(clampOffset(0, 0, 0, 5)).toBe(0);
  });
});
