// One-line text editing for prompts inside a screen's own key handler: typing appends,
// Backspace deletes, Enter applies, Esc cancels. Pure.
import type { Key } from 'ink';
import { MAX_SEARCH_LENGTH } from '../../views/screen-data.js';

export type EditResult = { kind: 'edit'; text: string } | { kind: 'apply'; text: string } | { kind: 'cancel' };

/** Characters a prompt holds at most (the leaderboard search's limit): typing or pasting
 *  past it is dropped, so a pasted page cannot make every later key cost its length. */
export const MAX_PROMPT_LENGTH = MAX_SEARCH_LENGTH;

export function editText(text: string, input: string, key: Key, maxLength = MAX_PROMPT_LENGTH): EditResult {
  if (key.return) return { kind: 'apply', text };
  if (key.escape) return { kind: 'cancel' };
  if (key.backspace || key.delete) return { kind: 'edit', text: [...text].slice(0, -1).join('') };
  if (key.ctrl && input === 'u') return { kind: 'edit', text: '' };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) {
    return { kind: 'edit', text };
  }
  // keep printable characters only (a paste may bring control characters)
  const clean = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  const room = Math.max(0, maxLength - text.length);
  return { kind: 'edit', text: clean.length <= room ? text + clean : text + clean.slice(0, room) };
}

/** The action a prompt's reducer takes for a key: the edit's kind picks one of the prompt's
 *  three actions (the text goes with an edit). */
export function promptAction<A>(edit: EditResult, actions: { cancel: A; apply: A; edit: (text: string) => A }): A {
  if (edit.kind === 'cancel') return actions.cancel;
  if (edit.kind === 'apply') return actions.apply;
  return actions.edit(edit.text);
}
