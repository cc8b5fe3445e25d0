// The generic explorer's key map (SourceApp, for the source kinds other than the leaderboard):
// one small table of {command, keys, description}; a screen's panel adds its own, which
// shadow these. The `?` help is built from it. Key names are keymap.ts keyName's.
import { helpEntry } from '../components/help-entry.js';

export interface KeyBinding {
  command: string;
  /** Canonical key names (keymap.ts keyName): 'q', '?', 'tab', 'left', '[', … */
  keys: readonly string[];
  /** How the keys read in the help (default: the keys, space-separated). */
  label?: string;
  description: string;
}

export const SOURCE_KEYS: readonly KeyBinding[] = [
  { command: 'screen', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: '1–9', description: 'switch to that screen (the numbers on the tab bar)' },
  { command: 'next-screen', keys: ['tab'], label: 'Tab', description: 'next screen' },
  { command: 'prev-screen', keys: ['shift+tab'], label: 'Shift-Tab', description: 'previous screen' },
  { command: 'down', keys: ['down', 'j'], label: '↓ j', description: 'scroll down' },
  { command: 'up', keys: ['up', 'k'], label: '↑ k', description: 'scroll up' },
  { command: 'page-down', keys: ['pagedown', 'space'], label: 'PgDn', description: 'page down' },
  { command: 'page-up', keys: ['pageup'], label: 'PgUp', description: 'page up' },
  { command: 'top', keys: ['home', 'g'], label: 'Home g', description: 'to the top' },
  { command: 'bottom', keys: ['end', 'G'], label: 'End G', description: 'to the bottom' },
  { command: 'help', keys: ['?'], description: 'show or hide this help' },
  { command: 'refresh', keys: ['r'], description: 'refresh now: a background fetch of the dataset on screen (never another)' },
  { command: 'quit', keys: ['q', 'ctrl+c'], label: 'q', description: 'quit (stops the background fetch cleanly)' },
];

/** The command of a key: the panel's bindings first, then the app's. */
export function commandOf(name: string, panelKeys: readonly KeyBinding[] = []): string | undefined {
  return (panelKeys.find((b) => b.keys.includes(name)) ?? SOURCE_KEYS.find((b) => b.keys.includes(name)))?.command;
}

const label = (b: KeyBinding, screens: number): string => (b.command === 'screen' ? `1–${screens}` : (b.label ?? b.keys.join(' ')));

/** The `?` help: the screen's own keys, then the app's. */
export function sourceHelpLines(title: string, panelKeys: readonly KeyBinding[], screens: number, width: number): string[] {
  const all = [...panelKeys, ...SOURCE_KEYS];
  const keyWidth = Math.max(...all.map((b) => label(b, screens).length)) + 2;
  const lines = [`Keys on ${title} (? or Esc closes)`, ''];
  if (panelKeys.length > 0) {
    for (const b of panelKeys) lines.push(...helpEntry(label(b, screens), keyWidth, b.description, width));
    lines.push('');
  }
  for (const b of SOURCE_KEYS) lines.push(...helpEntry(label(b, screens), keyWidth, b.description, width));
  return lines;
}
