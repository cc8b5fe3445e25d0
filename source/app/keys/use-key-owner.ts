// The one owner of keys (style.md habit 8; issue 9 §1): a single Ink input handler reads
// every key and paste, resolves each key through the key map for the screen and mode of the
// moment into a Command, and applies handle(state, command) to the store at once. The next
// key — in the same read or not — sees the state the key before it left, so a paste, fast
// typing over SSH or tmux send-keys ("2/mcepq⏎" in one read) are read key by key with no
// pacing and no refs kept in step with React.
import { useInput, type Key } from 'ink';
import { useRef } from 'react';
import type { Store } from '../state/store.js';
import type { AppState } from '../state/app-state.js';
import type { Effect } from '../state/effects.js';
import type { Env } from '../state/screen-models.js';
import { handle, modeOf, promptText, type HelpLines } from '../state/handle.js';
import { commandFor, keyName, TEXT_MODES } from './keymap.js';
import { editText } from './text-edit.js';
import { splitKeys } from './split-keys.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** One character of a run Ink handed over whole (a paste, keys typed in one read), as the
 *  key it stands for. */
function keyOf(char: string): [string, Key] {
  if (char === '\r' || char === '\n') return ['', { ...NO_KEY, return: true }];
  if (char === '\t') return ['', { ...NO_KEY, tab: true }];
  if (char === '\u007f' || char === '\b') return ['', { ...NO_KEY, backspace: true }];
  if (char === '\u001b') return ['', { ...NO_KEY, escape: true, meta: true }];
  const code = char.charCodeAt(0);
  if (code > 0 && code < 27) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
  return [char, { ...NO_KEY, shift: /^[A-Z]$/.test(char) }];
}

/** The keys one input stands for: a run of characters is split into its keys, and Esc read
 *  together with the key after it (Ink reads "Esc q" as meta+q) is Esc, then that key. */
export function keysOf(input: string, key: Key): Array<[string, Key]> {
  const plain = !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.pageUp && !key.pageDown && !key.home && !key.end && !key.tab && !key.return && !key.backspace && !key.delete;
  if (key.meta && !key.escape && plain && input.length > 0 && !key.ctrl) return [['', { ...NO_KEY, escape: true, meta: true }], ...keysOf(input, { ...key, meta: false })];
  if ((input.length > 1 || /^[\u0000-\u001f\u007f]$/.test(input)) && plain && !key.ctrl && !key.meta) return splitKeys(input).map(keyOf);
  return [[input, key]];
}

export interface KeyOwnerOptions {
  store: Store<AppState>;
  /** The environment now (dataset, size, clock): read at each key. */
  env: () => Env;
  helpLines: HelpLines;
  run: (effect: Effect) => void;
  /** Called with each key and the command it ran (bench traces, tests). */
  onKey?: (name: string) => void;
}

/** Applies one key to the store; returns the effects it asks for. */
export function dispatchKey(store: Store<AppState>, env: Env, helpLines: HelpLines, input: string, key: Key): Effect[] {
  const state = store.get();
  const mode = modeOf(state);
  const name = keyName(input, key);
  let command = commandFor(name, state.screen, mode);
  if (!command && TEXT_MODES.has(mode)) {
    const edit = editText(promptText(state), input, key);
    command = edit.kind === 'edit' ? { type: 'edit', text: edit.text } : edit.kind === 'apply' ? { type: 'apply' } : { type: 'cancel' };
  }
  if (!command) return [];
  const outcome = handle(state, command, env, helpLines);
  store.set(outcome.state);
  return outcome.effects;
}

/** A key that is a character typed, nothing else (it goes into a prompt as text). */
const typed = ([input, key]: [string, Key]): boolean =>
  input.length > 0 && !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab && !key.backspace && !key.delete &&
  !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.pageUp && !key.pageDown && !key.home && !key.end;

export function useKeyOwner(options: KeyOwnerOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useInput((input, key) => {
    const { store, env, helpLines, run, onKey } = latest.current;
    const keys = keysOf(input, key);
    const e = env();
    for (let i = 0; i < keys.length; i += 1) {
      let [inp, k] = keys[i]!;
      // characters typed into a prompt go in as one edit (a pasted page is one state, not a
      // thousand)
      if (TEXT_MODES.has(modeOf(store.get())) && typed(keys[i]!)) {
        while (i + 1 < keys.length && typed(keys[i + 1]!)) inp += keys[++i]![0];
        k = { ...k, shift: false };
      }
      for (const effect of dispatchKey(store, e, helpLines, inp, k)) run(effect);
      onKey?.(keyName(inp, k));
    }
  });
}
