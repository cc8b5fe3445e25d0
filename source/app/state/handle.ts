// The explorer's one `handle(state, command)` (style.md habit 8): the overlays (help, the
// command line) first, then the app's own commands (screens, period, copy, export, refresh,
// quit), then the screen's. Esc closes what the screen has open, else goes back down the view
// stack; q goes back when there is somewhere to go back to, else quits. Pure: what reaches
// beyond the state (clipboard, files, the fetch, quitting) comes back as effects.
import type { Command } from '../keys/commands.js';
import type { Mode } from '../keys/keymap.js';
import { PERIODS } from '../../views/screen-data.js';
import { SCREENS, screenIndex, type ScreenId } from '../screens/screen-list.js';
import type { AppState } from './app-state.js';
import type { Effect, Outcome } from './effects.js';
import { handleLeaderboard, leaderboardMode } from './leaderboard-handle.js';
import { handleLineage, lineageMode } from './lineage-handle.js';
import { handlePage, pageMode } from './page-handle.js';
import { complete, runLine } from './command-line.js';
import { pop } from './view-stack.js';
import { scroll } from './scroll.js';
import type { Env } from './screen-models.js';

/** Modes Esc closes before going back down the view stack. */
const CLOSE_FIRST: ReadonlySet<Mode> = new Set(['filters', 'frequency', 'columns', 'compare']);

/** What has the keys now. */
export function modeOf(state: AppState): Mode {
  if (state.overlay.kind === 'help') return 'help';
  if (state.overlay.kind === 'command') return 'command';
  const { screen, screens } = state;
  if (screen === 'leaderboard') return leaderboardMode(screens.leaderboard);
  if (screen === 'lineage') return lineageMode(screens.lineage);
  return pageMode(screen, screens);
}

/** The text of the prompt open now ('' when none): a key typed into it edits this. */
export function promptText(state: AppState): string {
  if (state.overlay.kind === 'command') return state.overlay.text;
  const { screens } = state;
  switch (modeOf(state)) {
    case 'search':
      return screens.leaderboard.search;
    case 'field':
      return screens.leaderboard.panel?.editing?.text ?? '';
    case 'find':
      return screens.lineage.find;
    case 'threshold':
      return screens.sizes.prompt ?? '';
    case 'picker-add':
      return screens.improvement.picker.adding ?? '';
    default:
      return '';
  }
}

function screenHandle(state: AppState, command: Command, env: Env): AppState {
  const screen = state.screen;
  if (screen === 'leaderboard') return handleLeaderboard(state, command, env);
  if (screen === 'lineage') return handleLineage(state, command, env);
  return handlePage(screen, state, command, env);
}

const to = (state: AppState, screen: ScreenId): AppState => (state.screen === screen ? state : { ...state, screen, stack: [] });
const done = (state: AppState, ...effects: Effect[]): Outcome<AppState> => ({ state, effects });

/** Lines of the help overlay now (for its scrolling). */
export type HelpLines = (state: AppState) => number;

export function handle(state: AppState, command: Command, env: Env, helpLines: HelpLines = () => 0): Outcome<AppState> {
  const overlay = state.overlay;
  if (overlay.kind === 'help') {
    if (command.type === 'back' || command.type === 'help') return done({ ...state, overlay: { kind: 'none' } });
    if (command.type === 'scroll') {
      const next = scroll({ cursor: overlay.offset, offset: overlay.offset }, command.by, helpLines(state), env.height, true);
      return done({ ...state, overlay: { kind: 'help', offset: next.offset } });
    }
    return done(state);
  }
  if (overlay.kind === 'command') {
    switch (command.type) {
      case 'edit':
        return done({ ...state, overlay: { ...overlay, text: command.text } });
      case 'cancel':
        return done({ ...state, overlay: { kind: 'none' } });
      case 'complete': {
        const completed = complete(overlay.text, state, env);
        return done({ ...state, overlay: { ...overlay, text: completed.text }, message: completed.message });
      }
      case 'apply':
        return runLine(overlay.text, { ...state, overlay: { kind: 'none' } }, env);
      default:
        return done(state);
    }
  }
  switch (command.type) {
    case 'screen':
      return done(to(state, command.screen));
    case 'next-screen':
      return done(to(state, SCREENS[(screenIndex(state.screen) + 1) % SCREENS.length]!.id));
    case 'prev-screen':
      return done(to(state, SCREENS[(screenIndex(state.screen) + SCREENS.length - 1) % SCREENS.length]!.id));
    case 'help':
      return done({ ...state, overlay: { kind: 'help', offset: 0 } });
    case 'command-line':
      return done({ ...state, overlay: { kind: 'command', text: '', before: null }, message: null });
    case 'period':
      return done({ ...state, period: PERIODS[(PERIODS.indexOf(state.period) + 1) % PERIODS.length]! });
    case 'copy':
      return done(state, { type: 'copy' });
    case 'export':
      return done(state, { type: 'export' });
    case 'refresh':
      return done(state, { type: 'refresh' });
    case 'quit': {
      // q goes back where Esc would (a drill-down, a detail, a tree, the details), else quits
      if (CLOSE_FIRST.has(modeOf(state))) return done(screenHandle(state, { type: 'back' }, env));
      if (state.stack.length > 0) return done(pop(state));
      const { screens } = state;
      const lb = screens.leaderboard;
      const open = (state.screen === 'leaderboard' && (lb.detail !== null || lb.freq !== null || lb.compare !== null || lb.picker !== null)) || (state.screen === 'lineage' && screens.lineage.tree !== null) || (state.screen === 'overview' && screens.overview.details !== null);
      return open ? done(screenHandle(state, { type: 'back' }, env)) : done(state, { type: 'quit' });
    }
    case 'back': {
      // the screen a drill-down opened goes back to where it came from at once (a detail
      // opened by `:goto` or from the tree returns there, not to the table under it); the
      // filter panel closes first
      const frame = state.stack.at(-1);
      const mode = modeOf(state);
      if (frame && frame.to === state.screen && !CLOSE_FIRST.has(mode) && !(frame.local && mode !== 'normal')) return done(pop(state));
      return done(screenHandle(state, command, env));
    }
    default:
      return done(screenHandle(state, command, env));
  }
}
