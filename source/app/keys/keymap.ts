// The key map is data: one table of {command, keys, scope, mode, description} (style.md habit
// 2). The one key owner (use-key-owner.ts) resolves every key through it into a typed Command;
// the `?` overlay, the hint line and the README's key table are generated from it.
import type { Key } from 'ink';
import { SCREENS, type ScreenId } from '../screens/screen-list.js';
import type { Command } from './commands.js';

export type Scope = 'global' | ScreenId;

/** What has the keys: the screen itself, or one of its prompts or overlays. */
export type Mode =
  | 'normal'
  | 'help'
  | 'command'
  | 'search'
  | 'filters'
  | 'field'
  | 'detail'
  | 'find'
  | 'picker'
  | 'picker-add'
  | 'threshold'
  | 'frequency'
  | 'columns'
  | 'compare';

/** Modes that take typed text: keys not bound in the mode are typed into the prompt. */
export const TEXT_MODES: ReadonlySet<Mode> = new Set(['command', 'search', 'field', 'find', 'picker-add', 'threshold']);
/** Overlays that take every key: only their own bindings apply. */
const EXCLUSIVE: ReadonlySet<Mode> = new Set(['help', 'picker', 'columns']);

export interface Binding {
  command: Command | ((key: string) => Command);
  /** Canonical key names (see keyName): 'q', '?', 'tab', 'shift+tab', 'up', 'enter', … */
  keys: readonly string[];
  scope: Scope;
  description: string;
  /** How the keys are shown when listing them all would be noisy (e.g. "1–8"). */
  label?: string;
  /** Only in this mode (a prompt, the filter panel, the picker, help); without: the screen's
   *  own keys (normal mode, and under the modes that let them through). */
  mode?: Mode;
  /** A word or two for the hint line (bindings without one are listed in `?` only). */
  hint?: string;
}

const scroll = (by: 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom'): Command => ({ type: 'scroll', by });
const SCROLLING = (scope: Scope, mode?: Mode): Binding[] => [
  { command: scroll('down'), keys: ['down', 'j'], label: '↓ j', scope, mode, description: mode === 'help' ? 'help: scroll down' : 'move down / scroll' },
  { command: scroll('up'), keys: ['up', 'k'], label: '↑ k', scope, mode, description: mode === 'help' ? 'help: scroll up' : 'move up / scroll' },
  { command: scroll('page-down'), keys: ['pagedown', 'space'], label: 'PgDn Space', scope, mode, description: mode === 'help' ? 'help: page down' : 'page down' },
  { command: scroll('page-up'), keys: ['pageup'], label: 'PgUp', scope, mode, description: mode === 'help' ? 'help: page up' : 'page up' },
  { command: scroll('top'), keys: ['home', 'g'], label: 'Home g', scope, mode, description: mode === 'help' ? 'help: to the top' : 'to the top' },
  { command: scroll('bottom'), keys: ['end', 'G'], label: 'End G', scope, mode, description: mode === 'help' ? 'help: to the bottom' : 'to the bottom' },
];

export const BINDINGS: readonly Binding[] = [
  // global
  { command: (key) => ({ type: 'screen', screen: SCREENS[Number(key) - 1]!.id }), keys: ['1', '2', '3', '4', '5', '6', '7', '8'], label: '1–8', scope: 'global', description: 'switch to screen 1–8' },
  { command: { type: 'next-screen' }, keys: ['tab'], scope: 'global', description: 'next screen' },
  { command: { type: 'prev-screen' }, keys: ['shift+tab'], scope: 'global', description: 'previous screen' },
  { command: { type: 'help' }, keys: ['?'], scope: 'global', description: 'show or hide this help', hint: 'help' },
  { command: { type: 'command-line' }, keys: [':'], scope: 'global', description: 'command line: goto REPO, author NAME, base REPO, dataset ID, export FILE, score BENCH (Tab completes)', hint: 'command' },
  { command: { type: 'copy' }, keys: ['c'], scope: 'global', description: 'copy the current view as markdown (OSC 52 clipboard, works over SSH)' },
  { command: { type: 'export' }, keys: ['e'], scope: 'global', description: 'export the current view as markdown to a file' },
  { command: { type: 'refresh' }, keys: ['r'], scope: 'global', description: 'refresh now: a background fetch of the dataset on screen (never another)' },
  { command: { type: 'period' }, keys: ['p'], scope: 'global', description: 'cycle the period: day / week / month' },
  { command: { type: 'back' }, keys: ['escape'], scope: 'global', description: 'back: close what is open, else return to the view this one was opened from' },
  { command: { type: 'quit' }, keys: ['q', 'ctrl+c'], label: 'q', scope: 'global', description: 'back to the view this one was opened from; on a screen of its own: quit (stops the background fetch cleanly)', hint: 'quit' },
  ...SCROLLING('global'),
  // help (`?`), over every screen
  { command: { type: 'back' }, keys: ['?', 'escape', 'q'], label: '? Esc q', mode: 'help', scope: 'global', description: 'help: close it', hint: 'close' },
  ...SCROLLING('global', 'help'),
  // the command line (`:`)
  { command: { type: 'apply' }, keys: ['enter'], mode: 'command', scope: 'global', description: 'command line: run it' },
  { command: { type: 'cancel' }, keys: ['escape'], mode: 'command', scope: 'global', description: 'command line: close it' },
  { command: { type: 'complete' }, keys: ['tab'], mode: 'command', scope: 'global', description: 'command line: complete the command, a model id, an author or a base model' },
  // overview
  { command: { type: 'open' }, keys: ['enter'], scope: 'overview', description: 'show the fetch and cache details (errors included; Esc: back)', hint: 'details' },
  // leaderboard
  { command: { type: 'search' }, keys: ['/'], scope: 'leaderboard', description: 'search: text or regex on the repo id, @type:chat @arch:llama @license:mit, ";" between searches', hint: 'search' },
  { command: { type: 'filters' }, keys: ['f'], scope: 'leaderboard', description: 'filter panel: type, family, size, params, dates, hide merges/flagged/MoE/unavailable', hint: 'filters' },
  { command: { type: 'merges' }, keys: ['m'], scope: 'leaderboard', description: 'show or hide merges (hidden by default, as the leaderboard did)', hint: 'merges' },
  { command: { type: 'sort' }, keys: ['s'], scope: 'leaderboard', description: 'sort by the selected column (again: reverse)', hint: 'sort' },
  { command: { type: 'column', by: -1 }, keys: ['left', 'h'], label: '← h', scope: 'leaderboard', description: 'select the column to the left' },
  { command: { type: 'column', by: 1 }, keys: ['right', 'l'], label: '→ l', scope: 'leaderboard', description: 'select the column to the right (the columns scroll to show it)', hint: 'column' },
  { command: { type: 'open' }, keys: ['enter'], scope: 'leaderboard', description: "open the model's details (Esc: back to the same row)", hint: 'details' },
  { command: { type: 'lineage-of' }, keys: ['t'], scope: 'leaderboard', description: "open the lineage tree of the model's base (or of the model, when it is a base; Esc: back)", hint: 'tree' },
  { command: { type: 'frequency' }, keys: ['F'], scope: 'leaderboard', description: 'frequency table of the selected column: value, count, %, bar (numbers binned; Enter opens the rows)', hint: 'freq' },
  { command: { type: 'mark' }, keys: ['space'], label: 'Space', scope: 'leaderboard', description: 'mark the model for comparison (again: unmark) and move down', hint: 'mark' },
  { command: { type: 'unmark-all' }, keys: ['U'], scope: 'leaderboard', description: 'unmark every model' },
  { command: { type: 'compare' }, keys: ['='], scope: 'leaderboard', description: 'the marked models side by side: every benchmark, params, date, type, base chain (Esc: back)', hint: 'compare' },
  { command: { type: 'columns' }, keys: ['C'], scope: 'leaderboard', description: 'column picker: show, hide and reorder the columns (each benchmark is one)', hint: 'columns' },
  { command: { type: 'back' }, keys: ['escape'], scope: 'leaderboard', description: 'on the table: clear the search, else back' },
  { command: { type: 'open' }, keys: ['enter'], mode: 'frequency', scope: 'leaderboard', description: 'frequency table: open the rows with this value (Esc: back to the table of values)', hint: 'rows' },
  { command: { type: 'back' }, keys: ['escape', 'F'], label: 'Esc F', mode: 'frequency', scope: 'leaderboard', description: 'frequency table: close it', hint: 'close' },
  { command: { type: 'picker-toggle' }, keys: ['space', 'enter'], label: 'Space Enter', mode: 'columns', scope: 'leaderboard', description: 'column picker: show or hide the column', hint: 'show/hide' },
  { command: { type: 'column-shift', by: -1 }, keys: ['K', 'shift+up'], label: 'K Shift-↑', mode: 'columns', scope: 'leaderboard', description: 'column picker: move the column up (left in the table)', hint: 'move' },
  { command: { type: 'column-shift', by: 1 }, keys: ['J', 'shift+down'], label: 'J Shift-↓', mode: 'columns', scope: 'leaderboard', description: 'column picker: move the column down (right in the table)' },
  { command: scroll('down'), keys: ['down', 'j'], label: '↓ j', mode: 'columns', scope: 'leaderboard', description: 'column picker: next column' },
  { command: scroll('up'), keys: ['up', 'k'], label: '↑ k', mode: 'columns', scope: 'leaderboard', description: 'column picker: previous column' },
  { command: { type: 'back' }, keys: ['escape', 'C', 'q'], label: 'Esc C q', mode: 'columns', scope: 'leaderboard', description: 'column picker: close it (the layout is kept)', hint: 'done' },
  { command: { type: 'back' }, keys: ['escape', '='], label: 'Esc =', mode: 'compare', scope: 'leaderboard', description: 'comparison: back to the table', hint: 'back' },
  { command: { type: 'column', by: -1 }, keys: ['left', 'h'], label: '← h', mode: 'compare', scope: 'leaderboard', description: 'comparison: scroll the models right (show the ones to the left)', hint: 'models' },
  { command: { type: 'column', by: 1 }, keys: ['right', 'l'], label: '→ l', mode: 'compare', scope: 'leaderboard', description: 'comparison: scroll the models left (show the ones to the right)' },
  { command: { type: 'apply' }, keys: ['enter'], mode: 'search', scope: 'leaderboard', description: 'search line: close it and keep the search (it applies as you type)' },
  { command: { type: 'cancel' }, keys: ['escape'], mode: 'search', scope: 'leaderboard', description: 'search line: close it and put back the search from before /' },
  { command: { type: 'edit', text: '' }, keys: ['ctrl+u'], label: 'Ctrl-U', mode: 'search', scope: 'leaderboard', description: 'search line: clear the text (Backspace deletes a character)' },
  { command: { type: 'panel-pick' }, keys: ['space', 'enter'], mode: 'filters', scope: 'leaderboard', description: 'filter panel: toggle the item, or edit the field (Enter applies, Esc cancels)', hint: 'toggle' },
  { command: { type: 'back' }, keys: ['escape', 'f'], mode: 'filters', scope: 'leaderboard', description: 'filter panel: close it', hint: 'close' },
  ...SCROLLING('leaderboard', 'filters').map((b) => ({ ...b, keys: b.keys.filter((k) => k !== 'space'), label: b.label === 'PgDn Space' ? 'PgDn' : b.label, description: `filter panel: ${b.description.replace(' / scroll', '')}` })),
  { command: { type: 'apply' }, keys: ['enter'], mode: 'field', scope: 'leaderboard', description: 'filter field: apply the value (empty: any)' },
  { command: { type: 'cancel' }, keys: ['escape'], mode: 'field', scope: 'leaderboard', description: 'filter field: cancel the edit' },
  { command: { type: 'back' }, keys: ['escape'], mode: 'detail', scope: 'leaderboard', description: "model details: back to the row (or the view they were opened from)", hint: 'back' },
  { command: { type: 'lineage-of' }, keys: ['t'], mode: 'detail', scope: 'leaderboard', description: "model details: the lineage tree of the model's base", hint: 'tree' },
  // lineage
  { command: { type: 'open' }, keys: ['enter'], scope: 'lineage', description: "open the selected base model's tree / in the tree: expand or collapse the node", hint: 'open' },
  { command: { type: 'expand' }, keys: ['right', 'l'], label: '→ l', scope: 'lineage', description: 'expand the node (shows its children)' },
  { command: { type: 'collapse' }, keys: ['left', 'h'], label: '← h', scope: 'lineage', description: 'collapse the node; on a leaf or a collapsed node: go to its parent' },
  { command: { type: 'model-of' }, keys: ['d'], scope: 'lineage', description: "the selected model's details on the Leaderboard (Esc: back here)", hint: 'details' },
  { command: { type: 'back' }, keys: ['escape'], scope: 'lineage', description: 'back from the tree to the base-model list; on the list: clear the find' },
  { command: { type: 'search' }, keys: ['/'], scope: 'lineage', description: 'find a base model by id (the list narrows as you type)', hint: 'find' },
  { command: { type: 'apply' }, keys: ['enter'], mode: 'find', scope: 'lineage', description: 'find: close it and keep the list narrowed' },
  { command: { type: 'cancel' }, keys: ['escape'], mode: 'find', scope: 'lineage', description: 'find: close it and show every base model again' },
  // authors (and types, architectures, sizes: period is global)
  { command: { type: 'open' }, keys: ['enter'], scope: 'authors', description: "open the selected author's models (↑/↓ select a row of the top authors; Esc: back)", hint: 'models' },
  { command: { type: 'open' }, keys: ['enter'], scope: 'types', description: 'open the models created in the selected period (↑/↓ select a row of the per-period table; Esc: back)', hint: 'models' },
  { command: { type: 'open' }, keys: ['enter'], scope: 'sizes', description: 'open the models in the selected size bin (↑/↓ select a row of the bins table; Esc: back)', hint: 'models' },
  { command: { type: 'owners' }, keys: ['o'], scope: 'authors', description: 'toggle the namespace owner standing in as author of repos without a commit history (§0)', hint: 'owners' },
  // types, architectures
  { command: { type: 'share' }, keys: ['v'], scope: 'types', description: 'cycle the bars: counts and shares / counts only / shares only', hint: 'counts/shares' },
  { command: { type: 'score' }, keys: ['b'], scope: 'types', description: 'cycle the score of Fig. 7: the average, then each benchmark', hint: 'score' },
  { command: { type: 'share' }, keys: ['v'], scope: 'architectures', description: 'cycle the bars: counts and shares / shares only / counts only', hint: 'counts/shares' },
  // the time-series screens' window of dates
  ...(['types', 'architectures', 'sizes', 'improvement'] as const).flatMap((scope): Binding[] => [
    { command: { type: 'window-move', by: -1 }, keys: ['['], scope, description: 'move the window of dates back (half its length)', hint: 'window' },
    { command: { type: 'window-move', by: 1 }, keys: [']'], scope, description: 'move the window of dates forward (half its length)' },
    { command: { type: 'window-zoom', by: -1 }, keys: ['{'], scope, description: 'narrow the window of dates (half as long, same middle)' },
    { command: { type: 'window-zoom', by: 1 }, keys: ['}'], scope, description: 'widen the window of dates (twice as long, up to every date)' },
    { command: { type: 'window-reset' }, keys: ['0'], scope, description: 'every date again (no window)' },
  ]),
  // sizes
  { command: { type: 'threshold' }, keys: ['t'], scope: 'sizes', description: 'set the score threshold of "params needed for a score"', hint: 'threshold' },
  { command: { type: 'score' }, keys: ['b'], scope: 'sizes', description: 'cycle the score: the average, then each benchmark', hint: 'score' },
  { command: { type: 'apply' }, keys: ['enter'], mode: 'threshold', scope: 'sizes', description: 'threshold: apply it (0–100)' },
  { command: { type: 'cancel' }, keys: ['escape'], mode: 'threshold', scope: 'sizes', description: 'threshold: cancel' },
  // improvement (f first: the screen's main key keeps its place in the hint line at 80)
  { command: { type: 'families' }, keys: ['f'], scope: 'improvement', description: 'pick families: presets, a pattern + params, or a base repo', hint: 'families' },
  { command: { type: 'normalise' }, keys: ['n'], scope: 'improvement', description: 'toggle normalised: each record ÷ ln(1 + n(d)), n(d) the family’s models made up to its day', hint: 'normalise' },
  { command: { type: 'unit' }, keys: ['u'], scope: 'improvement', description: 'toggle points / % of reference', hint: 'unit' },
  { command: { type: 'mode' }, keys: ['m'], scope: 'improvement', description: 'switch how the preset families are formed: lineage / name pattern', hint: 'presets' },
  { command: { type: 'score' }, keys: ['b'], scope: 'improvement', description: 'cycle the score: the average, then each benchmark', hint: 'score' },
  { command: { type: 'picker-toggle' }, keys: ['space', 'enter'], mode: 'picker', scope: 'improvement', description: 'family picker: switch the family on or off (on "+ add": add one)', hint: 'toggle' },
  { command: { type: 'picker-only' }, keys: ['o'], mode: 'picker', scope: 'improvement', description: 'family picker: only this family', hint: 'only' },
  { command: { type: 'picker-add' }, keys: ['a'], mode: 'picker', scope: 'improvement', description: 'family picker: add a family (pattern:P[:params[:range]] or a base repo org/name)', hint: 'add' },
  { command: { type: 'back' }, keys: ['escape', 'f'], mode: 'picker', scope: 'improvement', description: 'family picker: close it', hint: 'done' },
  { command: scroll('down'), keys: ['down', 'j'], label: '↓ j', mode: 'picker', scope: 'improvement', description: 'family picker: move down' },
  { command: scroll('up'), keys: ['up', 'k'], label: '↑ k', mode: 'picker', scope: 'improvement', description: 'family picker: move up' },
  { command: { type: 'apply' }, keys: ['enter'], mode: 'picker-add', scope: 'improvement', description: 'family to add: add it' },
  { command: { type: 'cancel' }, keys: ['escape'], mode: 'picker-add', scope: 'improvement', description: 'family to add: cancel' },
];

/** A canonical name for a key press (Ink's input + Key flags). */
export function keyName(input: string, key: Key): string {
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.upArrow) return key.shift ? 'shift+up' : 'up';
  if (key.downArrow) return key.shift ? 'shift+down' : 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.backspace || key.delete) return 'backspace';
  if (input === ' ') return 'space';
  return input;
}

/** The binding a key has on a screen in a mode: the mode's own bindings first (the screen's,
 *  then every screen's); overlays that take every key stop there, prompts too (their other
 *  keys are typed); the filter panel and a model's details let the app's keys through, normal
 *  mode the screen's then the app's. */
export function bindingFor(name: string, screen: ScreenId, mode: Mode): Binding | undefined {
  const match = (b: Binding): boolean => b.keys.includes(name);
  if (mode !== 'normal') {
    const moded = BINDINGS.find((b) => b.scope === screen && b.mode === mode && match(b)) ?? BINDINGS.find((b) => b.scope === 'global' && b.mode === mode && match(b));
    if (moded || EXCLUSIVE.has(mode) || TEXT_MODES.has(mode)) return moded;
  }
  const own = mode === 'normal' ? BINDINGS.find((b) => b.scope === screen && b.mode === undefined && match(b)) : undefined;
  return own ?? BINDINGS.find((b) => b.scope === 'global' && b.mode === undefined && match(b));
}

/** The command a key runs on a screen in a mode, or undefined. */
export function commandFor(name: string, screen: ScreenId, mode: Mode = 'normal'): Command | undefined {
  const binding = bindingFor(name, screen, mode);
  if (!binding) return undefined;
  return typeof binding.command === 'function' ? binding.command(name) : binding.command;
}

/** The command's type a key runs (tests and hints read it). */
export function commandTypeFor(name: string, screen: ScreenId, mode: Mode = 'normal'): Command['type'] | undefined {
  return commandFor(name, screen, mode)?.type;
}

/** The bindings that apply on a screen (every mode of it), screen-specific first, then the
 *  app's that are not shadowed. */
export function bindingsFor(screen: ScreenId): Binding[] {
  const local = BINDINGS.filter((b) => b.scope === screen);
  const shadowed = new Set(local.filter((b) => b.mode === undefined).flatMap((b) => b.keys));
  // an app binding some of whose keys the screen takes is listed with the keys left to it
  const global = BINDINGS.filter((b) => b.scope === 'global').flatMap((b): Binding[] => {
    if (b.mode !== undefined || !b.keys.some((k) => shadowed.has(k))) return [b];
    const keys = b.keys.filter((k) => !shadowed.has(k));
    return keys.length === 0 ? [] : [{ ...b, keys, label: undefined }];
  });
  return [...local, ...global];
}

/** The bindings that apply now (a screen in a mode), as bindingFor reads them. */
export function activeBindings(screen: ScreenId, mode: Mode): Binding[] {
  const all = bindingsFor(screen);
  const moded = all.filter((b) => b.mode === mode && mode !== 'normal');
  if (mode !== 'normal' && (EXCLUSIVE.has(mode) || TEXT_MODES.has(mode))) return moded;
  const base = all.filter((b) => b.mode === undefined && (mode === 'normal' || b.scope === 'global'));
  const taken = new Set(moded.flatMap((b) => b.keys));
  return [...moded, ...base.filter((b) => !b.keys.some((k) => taken.has(k)))];
}

const SHOWN: Record<string, string> = {
  up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', escape: 'Esc', tab: 'Tab',
  'shift+tab': 'Shift-Tab', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', space: 'Space',
  'ctrl+c': 'Ctrl-C', 'ctrl+u': 'Ctrl-U', 'shift+up': 'Shift-↑', 'shift+down': 'Shift-↓',
};

export function keysLabel(binding: Binding): string {
  return binding.label ?? binding.keys.map((k) => SHOWN[k] ?? k).join(' ');
}

/** The hint line of a screen in a mode, from the key map: the app's own hints first ("? help
 *  : command q quit", "q back" when `back`), then the screen's, as many whole ones as fit. */
export function hintLine(screen: ScreenId, mode: Mode, width = 80, back = false): string {
  if (TEXT_MODES.has(mode)) return 'type · Enter applies · Esc cancels';
  // q goes back when there is somewhere to go back to (a drill-down, a detail, a tree)
  const shown = (b: Binding): string => `${(b.label ?? SHOWN[b.keys[0]!] ?? b.keys[0]!).split(' ')[0]} ${back && b.hint === 'quit' ? 'back' : b.hint}`;
  const hinted = activeBindings(screen, mode).filter((b) => b.hint !== undefined);
  // the app's keys, then the screen's own, then those the time-series screens share (the
  // window of dates): at 80 columns the screen's own keys are the ones kept
  const shared = (b: Binding): boolean => typeof b.command !== 'function' && b.command.type.startsWith('window-');
  const own = hinted.filter((b) => b.scope !== 'global');
  const items = [...hinted.filter((b) => b.scope === 'global'), ...own.filter((b) => !shared(b)), ...own.filter(shared)].map(shown);
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line} · ${item}`;
    if (next.length > width) break;
    line = next;
  }
  return line;
}

/** The README's key table (markdown), generated from BINDINGS; a test keeps README in step. */
export function keyTableMarkdown(): string {
  const rows = ['| Screen | Mode | Keys | What it does |', '|---|---|---|---|'];
  for (const b of BINDINGS) {
    rows.push(`| ${b.scope} | ${b.mode ?? ''} | ${keysLabel(b).replace(/\|/g, '\\|')} | ${b.description.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n');
}
