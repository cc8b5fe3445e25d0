// The commands of the screens that show one view's text (Overview, Authors, Types,
// Architectures, Sizes, Improvement): scrolling by lines, each screen's options, the Sizes
// threshold prompt and the Improvement family picker. Pure.
import type { Command } from '../keys/commands.js';
import type { Mode } from '../keys/keymap.js';
import { withScreen, type AppState, type Bars, type PageState, type ScreenStates } from './app-state.js';
import { pageAnchors, pageLines, pageOf, selectedAnchor, WINDOWED, type Env, type PageScreen } from './screen-models.js';
import type { Anchor } from '../../views/write-text.js';
import type { Drill } from '../../views/view.js';
import { drill as drill_ } from './view-stack.js';
import { DEFAULT_FILTERS, restored } from './leaderboard-state.js';
import { dataMonths, moveWindow, windowOptions, zoomWindow, type DateWindow } from '../../views/date-window.js';
import { scroll } from './scroll.js';
import { nextScore } from './score-cycle.js';
import { pick } from './family-picker.js';
import { defaultMode } from '../../views/view-options.js';

export function pageMode(screen: PageScreen, screens: ScreenStates): Mode {
  if (screen === 'sizes' && screens.sizes.prompt !== null) return 'threshold';
  if (screen === 'improvement' && screens.improvement.pickerOpen) return screens.improvement.picker.adding !== null ? 'picker-add' : 'picker';
  return 'normal';
}

/** Types: both → counts → shares → both; Architectures: both → shares → counts → both. */
function nextBars(bars: Bars, first: 'counts' | 'shares'): Bars {
  const other = first === 'counts' ? 'shares' : 'counts';
  return bars === null ? first : bars === first ? other : null;
}

const orNull = (s: string | undefined): string | null => s ?? null;

function scrolled<S extends { offset: number }>(s: S, by: Parameters<typeof scroll>[1], count: number, room: number): S {
  const next = scroll({ cursor: s.offset, offset: s.offset }, by, count, room, true);
  return next.offset === s.offset ? s : { ...s, offset: next.offset };
}

/** The screens whose tables have drill-downs, and what their rows are. */
const DRILLS: ReadonlyMap<PageScreen, string> = new Map([
  ['authors', 'the top authors'],
  ['types', 'the table of new models per period'],
  ['sizes', 'the table of size bins'],
]);

/** ↑/↓ on a page with drillable rows (issue 9 item 5): the selection walks the rows on screen
 *  (or the one just past its edge, scrolling one line to show it); past the first or last row,
 *  or with no row on screen, the page scrolls a line as elsewhere. The selection is kept while
 *  off screen (shown, and opened by Enter, only when on screen). */
function walked<S extends PageState>(s: S, by: 'up' | 'down', anchors: readonly Anchor[], count: number, room: number): S {
  const offset = Math.max(0, Math.min(s.offset, count - room));
  const visible = (line: number): boolean => line >= offset && line < offset + room;
  const current = selectedAnchor(anchors, s.row, offset, room) ? s.row! : null;
  let next: number;
  if (by === 'down') next = current !== null ? current + 1 : anchors.findIndex((a) => a.line >= offset);
  else if (current !== null) next = current - 1;
  else {
    next = -1;
    for (let i = anchors.length - 1; i >= 0; i -= 1) if (anchors[i]!.line < offset + room) { next = i; break; }
  }
  const anchor = next >= 0 ? anchors[next] : undefined;
  if (anchor && (visible(anchor.line) || anchor.line === offset + room || anchor.line === offset - 1)) {
    const shifted = anchor.line >= offset + room ? anchor.line - room + 1 : anchor.line < offset ? anchor.line : offset;
    return { ...s, row: next, offset: shifted };
  }
  return scrolled({ ...s, offset }, by, count, room);
}

/** Opens the leaderboard's rows a drill-down names: every model in view (merges shown, flagged
 *  left out, as the analyses count them), within the window of dates when one is set. */
export function drillTo(state: AppState, drill: Drill, window: DateWindow | null): AppState {
  const lb = restored(state.screens.leaderboard);
  const dates = windowOptions(window);
  const filters = { ...DEFAULT_FILTERS, showMerges: true, created: { from: dates.from ?? null, to: dates.to ?? null } };
  const next = { ...lb, cursor: 0, offset: 0, detail: null, panel: null, search: '', editing: null, filters, where: [drill.where] };
  return drill_(state, 'leaderboard', next, drill.where.label, true);
}

export function handlePage(screen: PageScreen, state: AppState, command: Command, env: Env): AppState {
  const { screens } = state;
  const generation = env.dataset.generation;
  if (command.type === 'scroll' && pageMode(screen, screens) === 'normal') {
    const page = pageOf(screen, state, env);
    const count = pageLines(page, env).length;
    if (screen === 'overview' && screens.overview.details) {
      const details = scrolled(screens.overview.details, command.by, count, page.room);
      return withScreen(state, 'overview', { ...screens.overview, details });
    }
    const anchors = pageAnchors(page, env);
    if (anchors.length > 0 && (command.by === 'up' || command.by === 'down')) {
      return withScreen(state, screen, walked(screens[screen], command.by, anchors, count, page.room));
    }
    return withScreen(state, screen, scrolled(screens[screen], command.by, count, page.room));
  }
  if (command.type === 'open' && DRILLS.has(screen) && pageMode(screen, screens) === 'normal') {
    const page = pageOf(screen, state, env);
    const s = screens[screen];
    const lines = pageLines(page, env).length;
    const offset = Math.max(0, Math.min(s.offset, lines - page.room));
    const anchor = selectedAnchor(pageAnchors(page, env), s.row, offset, page.room);
    if (!anchor) return { ...state, message: `no row selected: ↑/↓ select a row of ${DRILLS.get(screen)}, Enter opens its models` };
    return drillTo(state, anchor.drill, WINDOWED.has(screen) ? state.window : null);
  }
  if (WINDOWED.has(screen) && pageMode(screen, screens) === 'normal') {
    const span = dataMonths(env.dataset);
    const set = (window: AppState['window']): AppState => (JSON.stringify(window) === JSON.stringify(state.window) ? state : { ...state, window });
    if (command.type === 'window-move') return set(moveWindow(state.window, span, command.by));
    if (command.type === 'window-zoom') return set(zoomWindow(state.window, span, command.by));
    if (command.type === 'window-reset') return set(null);
  }
  switch (screen) {
    case 'overview': {
      const s = screens.overview;
      if (command.type === 'open') return withScreen(state, 'overview', { ...s, details: s.details ? null : { offset: 0 } });
      if (command.type === 'back' && s.details) return withScreen(state, 'overview', { ...s, details: null });
      return state;
    }
    case 'authors':
      return command.type === 'owners' ? withScreen(state, 'authors', { ...screens.authors, owners: !screens.authors.owners, offset: 0 }) : state;
    case 'types': {
      const s = screens.types;
      if (command.type === 'share') return withScreen(state, 'types', { ...s, bars: nextBars(s.bars, 'counts') });
      if (command.type === 'score') return withScreen(state, 'types', { ...s, score: orNull(nextScore(generation, s.score ?? undefined)) });
      return state;
    }
    case 'architectures': {
      const s = screens.architectures;
      return command.type === 'share' ? withScreen(state, 'architectures', { ...s, bars: nextBars(s.bars, 'shares') }) : state;
    }
    case 'sizes': {
      const s = screens.sizes;
      if (s.prompt !== null) {
        if (command.type === 'edit') return withScreen(state, 'sizes', { ...s, prompt: command.text });
        if (command.type === 'cancel') return withScreen(state, 'sizes', { ...s, prompt: null });
        if (command.type === 'apply') {
          const value = Number(s.prompt);
          if (s.prompt.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
            return withScreen(state, 'sizes', { ...s, prompt: null, error: `"${s.prompt}" is not a score between 0 and 100` });
          }
          return withScreen(state, 'sizes', { ...s, prompt: null, error: null, threshold: value });
        }
        return state;
      }
      // the prompt opens empty (the value in force is shown beside it): "t 60 Enter" sets 60
      if (command.type === 'threshold') return withScreen(state, 'sizes', { ...s, prompt: '' });
      if (command.type === 'score') return withScreen(state, 'sizes', { ...s, score: orNull(nextScore(generation, s.score ?? undefined)) });
      return state;
    }
    case 'improvement': {
      const s = screens.improvement;
      const set = (next: Partial<typeof s>): AppState => withScreen(state, 'improvement', { ...s, ...next });
      if (s.pickerOpen) {
        const picker = s.picker;
        if (picker.adding !== null) {
          if (command.type === 'edit') return set({ picker: pick(picker, { type: 'edit', text: command.text }) });
          if (command.type === 'cancel') return set({ picker: pick(picker, { type: 'cancel-add' }) });
          if (command.type === 'apply') return set({ picker: pick(picker, { type: 'add' }) });
          return state;
        }
        switch (command.type) {
          case 'scroll':
            return command.by === 'up' || command.by === 'down' ? set({ picker: pick(picker, { type: 'move', by: command.by === 'up' ? -1 : 1 }) }) : state;
          case 'picker-toggle':
            return set({ picker: pick(picker, { type: 'toggle' }) });
          case 'picker-only':
            return set({ picker: pick(picker, { type: 'only' }) });
          case 'picker-add':
            return set({ picker: pick(picker, { type: 'start-add' }) });
          case 'back':
            return set({ pickerOpen: false });
          default:
            return state;
        }
      }
      switch (command.type) {
        case 'normalise':
          return set({ normalised: !s.normalised, percent: false });
        case 'unit':
          return set({ percent: !s.percent, normalised: false });
        case 'mode': {
          const mode = s.mode ?? defaultMode(env.dataset);
          return set({ mode: mode === 'lineage' ? 'pattern' : 'lineage' });
        }
        case 'score':
          return set({ score: orNull(nextScore(generation, s.score ?? undefined)) });
        case 'families':
          return set({ pickerOpen: true });
        default:
          return state;
      }
    }
  }
}
