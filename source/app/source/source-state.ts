// The generic explorer's screen logic as a pure reducer (no Ink, no React): which screen is
// on, the help overlay, each screen's scroll offset and its panel's own state. SourceApp feeds
// it commands (source-keys.ts) with the facts of the frame on screen (how many lines, how much
// room); effects it cannot do itself (quit, refresh) come back as `effect`.
import { scroll, SCROLL_COMMANDS, type ScrollCommand } from '../state/scroll.js';

/** A screen's extra behaviour on top of its view (the Frontier screen's date cursor): pure. */
export interface PanelReducer<S = unknown> {
  /** The new panel state, or null when the command is not the panel's (the app's then). */
  handle(state: S, command: string): S | null;
  /** True while the panel takes typed text (a prompt): every key then goes to `handle` as
   *  `key:NAME` (keymap.ts keyName's names), none to the app. */
  takesText?(state: S): boolean;
  /** Another screen this command opens, with the state its panel opens in (the Hub's Base
   *  models: Enter opens the selected root's Lineage), or null. */
  opens?(state: S, command: string): { screen: string; state: unknown } | null;
}

export interface SourceState {
  /** Index of the screen on. */
  screen: number;
  help: boolean;
  /** Top line of each scrolling text, by `screen index:scroll key` (a screen's view, or what
   *  its panel shows in place of it: a model's history). */
  offsets: Record<string, number>;
  /** Each screen's panel state, by screen index (undefined: the panel's initial state). */
  panels: unknown[];
}

export interface FrameFacts {
  /** Screens there are. */
  screens: number;
  /** Lines of the current screen's scrolling text, the lines of room it has, and which text
   *  it is ('view', or the panel's key for what it shows in place of the view). */
  lines: number;
  room: number;
  scrollKey: string;
  /** The current screen's panel, with its current state. */
  panel?: { reducer: PanelReducer; state: unknown } | null;
  /** The screens' ids, in tab order (for a panel that opens another screen). */
  screenIds?: readonly string[];
}

export type Effect = 'quit' | 'refresh' | null;

export const initialSourceState = (screens: number, start = 0): SourceState => ({
  screen: Math.max(0, Math.min(screens - 1, start)),
  help: false,
  offsets: {},
  panels: new Array<unknown>(screens).fill(undefined),
});

/** One command (with the key's name, for the screen number keys). */
export function handle(state: SourceState, command: string | undefined, key: string, frame: FrameFacts): { state: SourceState; effect: Effect } {
  const same = { state, effect: null };
  if (state.help) {
    // the help takes every key; these close it
    return command === 'help' || key === 'escape' || command === 'quit' ? { state: { ...state, help: false }, effect: null } : same;
  }
  if (frame.panel?.reducer.takesText?.(frame.panel.state)) {
    const next = frame.panel.reducer.handle(frame.panel.state, `key:${key}`);
    if (next === null) return same;
    const panels = [...state.panels];
    panels[state.screen] = next;
    return { state: { ...state, panels }, effect: null };
  }
  if (command === undefined) return same;
  if (frame.panel) {
    const open = command === undefined ? null : (frame.panel.reducer.opens?.(frame.panel.state, command) ?? null);
    const to = open ? (frame.screenIds ?? []).indexOf(open.screen) : -1;
    if (open && to >= 0) {
      const panels = [...state.panels];
      panels[to] = open.state;
      return { state: { ...state, screen: to, panels }, effect: null };
    }
    const next = frame.panel.reducer.handle(frame.panel.state, command);
    if (next !== null) {
      const panels = [...state.panels];
      panels[state.screen] = next;
      return { state: { ...state, panels }, effect: null };
    }
  }
  const go = (screen: number) => ({ state: { ...state, screen }, effect: null });
  switch (command) {
    case 'screen': {
      const n = Number(key) - 1;
      return Number.isInteger(n) && n >= 0 && n < frame.screens ? go(n) : same;
    }
    case 'next-screen':
      return go((state.screen + 1) % frame.screens);
    case 'prev-screen':
      return go((state.screen + frame.screens - 1) % frame.screens);
    case 'help':
      return { state: { ...state, help: true }, effect: null };
    case 'quit':
      return { state, effect: 'quit' };
    case 'refresh':
      return { state, effect: 'refresh' };
    default:
      if (SCROLL_COMMANDS.has(command)) {
        const id = scrollId(state.screen, frame.scrollKey);
        const at = offsetOf(state, state.screen, frame.scrollKey, frame.lines, frame.room);
        const offset = scroll({ cursor: at, offset: at }, command as ScrollCommand, frame.lines, frame.room, true).offset;
        return { state: { ...state, offsets: { ...state.offsets, [id]: offset } }, effect: null };
      }
      return same;
  }
}

const scrollId = (screen: number, key: string): string => `${screen}:${key}`;

/** The top line shown of a screen's scrolling text (kept inside the text as it changes). */
export function offsetOf(state: SourceState, screen: number, key: string, lines: number, room: number): number {
  return Math.max(0, Math.min(state.offsets[scrollId(screen, key)] ?? 0, lines - room));
}
