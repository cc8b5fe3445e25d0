// The key map is data: one table of {command, keys, scope, description}. The `?` overlay, the
// status-bar hints and the README's key table are generated from it (style.md habit 2).
import type { Key } from 'ink';
import type { ScreenId } from '../screens/screen-list.js';

export type Scope = 'global' | ScreenId;

export interface Binding {
  command: string;
  /** Canonical key names (see keyName): 'q', '?', 'tab', 'shift+tab', 'up', 'enter', … */
  keys: readonly string[];
  scope: Scope;
  description: string;
  /** How the keys are shown when listing them all would be noisy (e.g. "1–8"). */
  label?: string;
  /** Only while the screen is in this mode (a search line, a panel): such bindings never
   *  shadow others in commandFor; commandForMode reads them first. */
  mode?: string;
}

const MOVE = ['up', 'down', 'k', 'j'];

export const BINDINGS: readonly Binding[] = [
  // global
  { command: 'screen', keys: ['1', '2', '3', '4', '5', '6', '7', '8'], label: '1–8', scope: 'global', description: 'switch to screen 1–8' },
  { command: 'next-screen', keys: ['tab'], scope: 'global', description: 'next screen' },
  { command: 'prev-screen', keys: ['shift+tab'], scope: 'global', description: 'previous screen' },
  { command: 'help', keys: ['?'], scope: 'global', description: 'show or hide this help' },
  { command: 'copy', keys: ['c'], scope: 'global', description: 'copy the current view as markdown (OSC 52 clipboard, works over SSH)' },
  { command: 'export', keys: ['e'], scope: 'global', description: 'export the current view as markdown to a file' },
  { command: 'refresh', keys: ['r'], scope: 'global', description: 'refresh now: a background fetch of the dataset on screen (never another)' },
  { command: 'period', keys: ['p'], scope: 'global', description: 'cycle the period: day / week / month' },
  { command: 'quit', keys: ['q', 'ctrl+c'], label: 'q', scope: 'global', description: 'quit (stops the background fetch cleanly)' },
  // scrolling, on every screen that scrolls
  { command: 'down', keys: ['down', 'j'], label: '↓ j', scope: 'global', description: 'move down / scroll' },
  { command: 'up', keys: ['up', 'k'], label: '↑ k', scope: 'global', description: 'move up / scroll' },
  { command: 'page-down', keys: ['pagedown', 'space'], label: 'PgDn', scope: 'global', description: 'page down' },
  { command: 'page-up', keys: ['pageup'], label: 'PgUp', scope: 'global', description: 'page up' },
  { command: 'top', keys: ['home', 'g'], label: 'Home g', scope: 'global', description: 'to the top' },
  { command: 'bottom', keys: ['end', 'G'], label: 'End G', scope: 'global', description: 'to the bottom' },
  // overview
  { command: 'details', keys: ['enter'], scope: 'overview', description: 'show or hide the fetch and cache details (errors included)' },
  { command: 'back', keys: ['escape'], scope: 'overview', description: 'back from the details to the overview' },
  // leaderboard (`mode` bindings apply only while the search line or the filter panel is open;
  // their descriptions name the mode)
  { command: 'search', keys: ['/'], scope: 'leaderboard', description: 'search: text or regex on the repo id, @type:chat @arch:llama @license:mit, ";" between searches' },
  { command: 'filters', keys: ['f'], scope: 'leaderboard', description: 'filter panel: type, family, size, params, dates, hide merges/flagged/MoE/unavailable' },
  { command: 'sort', keys: ['s'], scope: 'leaderboard', description: 'sort by the selected column (again: reverse)' },
  { command: 'column-left', keys: ['left', 'h'], label: '← h', scope: 'leaderboard', description: 'select the column to the left' },
  { command: 'column-right', keys: ['right', 'l'], label: '→ l', scope: 'leaderboard', description: 'select the column to the right (the columns scroll to show it)' },
  { command: 'open', keys: ['enter'], scope: 'leaderboard', description: "open the model's details" },
  { command: 'back', keys: ['escape'], scope: 'leaderboard', description: 'back from the details to the same row; on the table: clear the search' },
  { command: 'search-keep', keys: ['enter'], mode: 'search', scope: 'leaderboard', description: 'search line: close it and keep the search (it applies as you type)' },
  { command: 'search-cancel', keys: ['escape'], mode: 'search', scope: 'leaderboard', description: 'search line: close it and put back the search from before /' },
  { command: 'search-clear', keys: ['ctrl+u'], label: 'Ctrl-U', mode: 'search', scope: 'leaderboard', description: 'search line: clear the text (Backspace deletes a character)' },
  { command: 'panel-pick', keys: ['space', 'enter'], mode: 'filters', scope: 'leaderboard', description: 'filter panel: toggle the item, or edit the field (Enter applies, Esc cancels)' },
  { command: 'panel-close', keys: ['escape', 'f'], mode: 'filters', scope: 'leaderboard', description: 'filter panel: close it (↑ ↓ j k move in it)' },
  // lineage (`find` mode: while the base-model finder is open)
  { command: 'pick', keys: ['enter'], scope: 'lineage', description: 'open the selected base model\'s tree / in the tree: expand or collapse the node' },
  { command: 'expand', keys: ['right', 'l'], label: '→ l', scope: 'lineage', description: 'expand the node (shows its children)' },
  { command: 'collapse', keys: ['left', 'h'], label: '← h', scope: 'lineage', description: 'collapse the node; on a leaf or a collapsed node: go to its parent' },
  { command: 'back', keys: ['escape'], scope: 'lineage', description: 'back from the tree to the base-model list; on the list: clear the find' },
  { command: 'search', keys: ['/'], scope: 'lineage', description: 'find a base model by id (the list narrows as you type)' },
  { command: 'find-keep', keys: ['enter'], mode: 'find', scope: 'lineage', description: 'find: close it and keep the list narrowed' },
  { command: 'find-cancel', keys: ['escape'], mode: 'find', scope: 'lineage', description: 'find: close it and show every base model again' },
  // authors (and types, architectures, sizes: period is global)
  { command: 'owners', keys: ['o'], scope: 'authors', description: 'toggle the namespace owner standing in as author of repos without a commit history (§0)' },
  // improvement
  { command: 'normalise', keys: ['n'], scope: 'improvement', description: 'toggle normalised: each record ÷ ln(1 + n(d)), n(d) the family’s models made up to its day' },
  { command: 'unit', keys: ['u'], scope: 'improvement', description: 'toggle points / % of reference' },
  { command: 'mode', keys: ['m'], scope: 'improvement', description: 'switch how the preset families are formed: lineage / name pattern' },
  { command: 'score', keys: ['b'], scope: 'improvement', description: 'cycle the score: the average, then each benchmark' },
  { command: 'families', keys: ['f'], scope: 'improvement', description: 'pick families: presets, a pattern + params, or a base repo' },
  { command: 'back', keys: ['escape'], scope: 'improvement', description: 'close the family picker' },
  // sizes
  { command: 'threshold', keys: ['t'], scope: 'sizes', description: 'set the score threshold for "params needed"' },
  { command: 'score', keys: ['b'], scope: 'sizes', description: 'cycle the score: the average, then each benchmark' },
  // architectures
  { command: 'share', keys: ['v'], scope: 'architectures', description: 'toggle counts / shares' },
  { command: 'share', keys: ['v'], scope: 'types', description: 'toggle counts / shares' },
  { command: 'score', keys: ['b'], scope: 'types', description: 'cycle the score of Fig. 7: the average, then each benchmark' },
];

/** A canonical name for a key press (Ink's input + Key flags). */
export function keyName(input: string, key: Key): string {
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
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

/** The command a key runs in a scope (screen bindings shadow global ones), or undefined. */
export function commandFor(name: string, screen: ScreenId): string | undefined {
  const local = BINDINGS.find((b) => b.scope === screen && b.mode === undefined && b.keys.includes(name));
  if (local) return local.command;
  return BINDINGS.find((b) => b.scope === 'global' && b.keys.includes(name))?.command;
}

/** The command a key runs in a mode of a screen: the mode's own bindings first, then as
 *  commandFor. */
export function commandForMode(name: string, screen: ScreenId, mode: string): string | undefined {
  const moded = BINDINGS.find((b) => b.scope === screen && b.mode === mode && b.keys.includes(name));
  return moded ? moded.command : commandFor(name, screen);
}

/** The bindings that apply on a screen, screen-specific first (mode bindings included). */
export function bindingsFor(screen: ScreenId): Binding[] {
  const local = BINDINGS.filter((b) => b.scope === screen);
  const shadowed = new Set(local.filter((b) => b.mode === undefined).flatMap((b) => b.keys));
  const global = BINDINGS.filter((b) => b.scope === 'global' && !b.keys.some((k) => shadowed.has(k)));
  return [...local, ...global];
}

const SHOWN: Record<string, string> = {
  up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', escape: 'Esc', tab: 'Tab',
  'shift+tab': 'Shift-Tab', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', space: 'Space',
  'ctrl+c': 'Ctrl-C',
};

export function keysLabel(binding: Binding): string {
  return binding.label ?? binding.keys.map((k) => SHOWN[k] ?? k).join(' ');
}

/** The README's key table (markdown), generated from BINDINGS; a test keeps README in step. */
export function keyTableMarkdown(): string {
  const rows = ['| Screen | Keys | What it does |', '|---|---|---|'];
  for (const b of BINDINGS) {
    rows.push(`| ${b.scope} | ${keysLabel(b).replace(/\|/g, '\\|')} | ${b.description.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n');
}
