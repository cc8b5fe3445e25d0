// Scrolling a list or a page of lines: a pure reducer over {cursor, offset} (style.md habit 3).

export interface ScrollState {
  /** Selected line (lists) or top line (pages). */
  cursor: number;
  /** First visible line. */
  offset: number;
}

export type ScrollCommand = 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom';

export const SCROLL_COMMANDS: ReadonlySet<string> = new Set(['up', 'down', 'page-up', 'page-down', 'top', 'bottom']);

/** Moves the cursor over `count` items in a window of `height`, keeping it visible. With
 *  `page: true` the cursor is the top line itself (a page of text, no selection). */
export function scroll(state: ScrollState, command: ScrollCommand, count: number, height: number, page = false): ScrollState {
  const h = Math.max(1, height);
  const last = page ? Math.max(0, count - h) : Math.max(0, count - 1);
  const step = { up: -1, down: 1, 'page-up': -h, 'page-down': h, top: -Infinity, bottom: Infinity }[command];
  const cursor = Math.min(last, Math.max(0, state.cursor + step));
  if (page) return { cursor, offset: cursor };
  return { cursor, offset: clampOffset(cursor, state.offset, count, h) };
}

/** The offset that keeps `cursor` inside a window of `height` (moving as little as possible). */
export function clampOffset(cursor: number, offset: number, count: number, height: number): number {
  let o = offset;
  if (cursor < o) o = cursor;
  if (cursor >= o + height) o = cursor - height + 1;
  return Math.max(0, Math.min(o, Math.max(0, count - height)));
}
