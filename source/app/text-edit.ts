// One-line text editing for prompts inside a screen's own key handler: typing appends,
// Backspace deletes, Enter applies, Esc cancels. Pure.
import type { Key } from 'ink';

export type EditResult = { kind: 'edit'; text: string } | { kind: 'apply'; text: string } | { kind: 'cancel' };

export function editText(text: string, input: string, key: Key): EditResult {
  if (key.return) return { kind: 'apply', text };
  if (key.escape) return { kind: 'cancel' };
  if (key.backspace || key.delete) return { kind: 'edit', text: [...text].slice(0, -1).join('') };
  if (key.ctrl && input === 'u') return { kind: 'edit', text: '' };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) {
    return { kind: 'edit', text };
  }
  // keep printable characters only (a paste may bring control characters)
  const clean = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return { kind: 'edit', text: text + clean };
}

/** The action a prompt's reducer takes for a key: the edit's kind picks one of the prompt's
 *  three actions (the text goes with an edit). */
export function promptAction<A>(edit: EditResult, actions: { cancel: A; apply: A; edit: (text: string) => A }): A {
  if (edit.kind === 'cancel') return actions.cancel;
  if (edit.kind === 'apply') return actions.apply;
  return actions.edit(edit.text);
}
