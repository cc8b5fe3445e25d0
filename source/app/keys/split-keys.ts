// A run of keys Ink hands over as one input (a paste, fast typing over SSH, tmux send-keys
// give "mistral\r") split into its keys: characters, and escape sequences whole. The key
// owner (use-key-owner.ts) reads them one by one.
const ESC = '\u001B';

function isFinal(code: number): boolean {
  return code >= 0x40 && code <= 0x7e;
}

/** UTF-16 units of the character at `i` (2 for one outside the BMP, an emoji say). */
function charLength(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** The length of the escape sequence at `start` (ESC first), as Ink's parser reads it. */
function escapeLength(text: string, start: number): number {
  let i = start + 1;
  if (text[i] === ESC) i++; // ESC ESC …: meta with a sequence
  const kind = text[i];
  if (kind === undefined) return i - start;
  if (kind === '[') {
    i++;
    if (text[i] === '[') i++; // legacy ESC [ [ A
    while (i < text.length && !isFinal(text.charCodeAt(i))) i++;
    return Math.min(text.length, i + 1) - start;
  }
  if (kind === 'O') return Math.min(text.length, i + 2) - start;
  return i + charLength(text, i) - start;
}

/** Splits what one read brought into keys: characters, and escape sequences whole. */
export function splitKeys(text: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < text.length) {
    const length = text[i] === ESC ? escapeLength(text, i) : charLength(text, i);
    keys.push(text.slice(i, i + length));
    i += length;
  }
  return keys;
}
