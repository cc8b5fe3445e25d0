// `--restore`: the explorer's state (every screen's cursor, scroll, search, filters, families,
// thresholds, the screen and period) saved beside the cache as ui-state.json when it quits, and
// read back at the next start. Written atomically (a temporary file renamed over it); a file
// that cannot be read or is not a state is ignored with one line on stderr. The overlays, the
// view stack and prompts left open are not restored: a restart opens on the screen itself.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialAppState, initialScreens, type AppState, type ScreenStates } from '../state/app-state.js';
import { SCREENS, type ScreenId } from '../screens/screen-list.js';
import { PERIODS, type Period } from '../../views/screen-data.js';
import { restored } from '../state/leaderboard-state.js';
import { restoredLineage } from '../state/lineage-state.js';
import { specProblem } from '../state/family-picker.js';

export const UI_STATE_FILE = 'ui-state.json';
const VERSION = 1;

const replacer = (_key: string, value: unknown): unknown => (value instanceof Set ? { $set: [...value] } : value);
const reviver = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === 'object' && Array.isArray((value as { $set?: unknown }).$set) ? new Set((value as { $set: unknown[] }).$set) : value;

export function serializeState(state: AppState): string {
  return `${JSON.stringify({ version: VERSION, screen: state.screen, period: state.period, window: state.window, screens: state.screens }, replacer, 1)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The state a saved text describes, or throws with why it is not one. */
export function parseState(text: string): AppState {
  const data: unknown = JSON.parse(text, reviver);
  if (!isObject(data) || data.version !== VERSION || !isObject(data.screens)) throw new Error('not a hubscope UI state of this version');
  const screen = SCREENS.some((s) => s.id === data.screen) ? (data.screen as ScreenId) : 'overview';
  const period = PERIODS.includes(data.period as Period) ? (data.period as Period) : 'month';
  const defaults = initialScreens();
  const saved = data.screens;
  const screens = { ...defaults } as Record<ScreenId, unknown>;
  for (const id of Object.keys(defaults) as ScreenId[]) {
    const entry = saved[id];
    if (entry === undefined) continue;
    if (!isObject(entry)) throw new Error(`the ${id} entry is not an object`);
    screens[id] = { ...defaults[id], ...entry };
  }
  const s = screens as unknown as ScreenStates;
  // no prompt or overlay comes back open
  s.leaderboard = restored(s.leaderboard);
  s.lineage = restoredLineage(s.lineage);
  if (s.lineage.tree && !(s.lineage.tree.expanded instanceof Set)) throw new Error('the lineage entry has no set of expanded nodes');
  s.sizes = { ...s.sizes, prompt: null };
  s.improvement = { ...s.improvement, picker: { ...s.improvement.picker, adding: null, error: null }, pickerOpen: false };
  if (!Array.isArray(s.improvement.picker.items)) throw new Error('the improvement entry has no families');
  // a family the view could not read (a hand-edited file) is dropped, not shown as a crash
  const items = s.improvement.picker.items.filter((i) => isObject(i) && typeof i.spec === 'string' && specProblem(i.spec) === null);
  if (items.length !== s.improvement.picker.items.length) s.improvement = { ...s.improvement, picker: { ...s.improvement.picker, items, cursor: 0 } };
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  const w = data.window;
  const window = isObject(w) && typeof w.from === 'string' && typeof w.to === 'string' && month.test(w.from) && month.test(w.to) && w.from <= w.to ? { from: w.from, to: w.to } : null;
  return { ...initialAppState(screen), period, window, screens: s };
}

/** Writes the state beside the cache, atomically. */
export function saveState(cacheDir: string, state: AppState): void {
  const path = join(cacheDir, UI_STATE_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeState(state), 'utf8');
  renameSync(temporary, path);
}

/** The saved state, or null (none saved; an unreadable one is named on stderr, once). */
export function loadState(cacheDir: string, warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): AppState | null {
  const path = join(cacheDir, UI_STATE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    warn(`hubscope: ${path} cannot be read (${(error as Error).message}): starting from the defaults`);
    return null;
  }
  try {
    return parseState(text);
  } catch (error) {
    warn(`hubscope: ${path} is not a saved explorer state (${(error as Error).message}): starting from the defaults`);
    return null;
  }
}
