// The explorer's whole state, one entry per screen (style.md habit 9): what each screen shows
// and where it is (cursor, scroll, search, filters, families, thresholds) outlives a screen
// switch, and `--restore` brings it back after a restart (ui-state-file.ts). The overlays and
// prompts are part of it (the mode the key map reads), and so is the view stack: where Esc
// and q go back to.
import type { Period } from '../../views/screen-data.js';
import type { ScreenId } from '../screens/screen-list.js';
import type { DateWindow } from '../../views/date-window.js';
import { INITIAL_STATE, type LeaderboardState } from './leaderboard-state.js';
import { INITIAL_LINEAGE, type LineageState } from './lineage-state.js';
import { initialPicker, type PickerState } from './family-picker.js';

/** A text view scrolled by lines (its top line). */
export interface PageState {
  offset: number;
  /** The drillable row selected (an index into the page's anchors: screen-models.ts), if any:
   *  ↑/↓ walk the rows of a table with drill-downs, Enter opens the models in the row. */
  row?: number | null;
}

export interface OverviewState extends PageState {
  /** The fetch and cache details are open (their own scroll). */
  details: { offset: number } | null;
}

export interface AuthorsState extends PageState {
  owners: boolean;
}

/** Which bars of counts and shares a section shows (null: both, as print does). */
export type Bars = 'counts' | 'shares' | null;

export interface TypesState extends PageState {
  score: string | null;
  bars: Bars;
}

export interface ArchitecturesState extends PageState {
  bars: Bars;
}

export interface SizesState extends PageState {
  /** null: the generation's default (v1 70, v2 40). */
  threshold: number | null;
  score: string | null;
  /** The threshold prompt's text while open. */
  prompt: string | null;
  error: string | null;
}

export interface ImprovementState extends PageState {
  normalised: boolean;
  percent: boolean;
  /** null: the dataset's default (lineage with Hub metadata, else the name pattern). */
  mode: 'lineage' | 'pattern' | null;
  score: string | null;
  picker: PickerState;
  pickerOpen: boolean;
}

export interface ScreenStates {
  overview: OverviewState;
  leaderboard: LeaderboardState;
  authors: AuthorsState;
  types: TypesState;
  architectures: ArchitecturesState;
  lineage: LineageState;
  sizes: SizesState;
  improvement: ImprovementState;
}

/** One step down the view stack: the screen it was taken from, and the state of the screen it
 *  opened as it was before (Esc or q puts both back). */
export interface Frame {
  from: ScreenId;
  to: ScreenId;
  saved: ScreenStates[ScreenId];
  /** What the step opened, for the breadcrumb ("org/model", "tree of org/base"). */
  label: string;
  /** Esc closes what the opened screen has open before going back (a drill-down into rows,
   *  where a detail opened later closes first). */
  local?: boolean;
}

export type Overlay = { kind: 'none' } | { kind: 'help'; offset: number } | { kind: 'command'; text: string; before: string | null };

export interface AppState {
  screen: ScreenId;
  period: Period;
  /** The time-series screens' window of dates (months), null: every date (issue 9 item 8). */
  window: DateWindow | null;
  overlay: Overlay;
  stack: Frame[];
  /** A one-line message in the status bar (what a key just did, or why it did nothing). */
  message: string | null;
  screens: ScreenStates;
}

export function initialScreens(): ScreenStates {
  return {
    overview: { offset: 0, details: null },
    leaderboard: INITIAL_STATE,
    authors: { offset: 0, owners: false },
    types: { offset: 0, score: null, bars: null },
    architectures: { offset: 0, bars: null },
    lineage: INITIAL_LINEAGE,
    sizes: { offset: 0, threshold: null, score: null, prompt: null, error: null },
    improvement: { offset: 0, normalised: false, percent: false, mode: null, score: null, picker: initialPicker(), pickerOpen: false },
  };
}

export function initialAppState(screen: ScreenId = 'overview'): AppState {
  return { screen, period: 'month', window: null, overlay: { kind: 'none' }, stack: [], message: null, screens: initialScreens() };
}

/** Replaces one screen's state. */
export function withScreen<K extends ScreenId>(state: AppState, screen: K, next: ScreenStates[K]): AppState {
  return state.screens[screen] === next ? state : { ...state, screens: { ...state.screens, [screen]: next } };
}
