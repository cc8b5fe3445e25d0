// One key at a time between the terminal and Ink.
//
// Ink hands useInput a run of keys that arrive in one read as a single "input": a paste, fast
// typing over SSH, or tmux send-keys give "mistral\r", which is neither letters nor Enter, so
// the Enter is lost; and a "/" that opens a search reaches the app's handler together with the
// letters after it, before any screen has re-rendered to say that it now takes text. KeyStream
// stands in for stdin: it splits each read into keys (an escape sequence stays whole) and
// hands Ink one key at a time, each once React has rendered what the key before it did (see
// afterReact), so every handler sees every key, in order, on the state the previous key left.
// The handlers do not count on that alone: state a key handler reads is kept in refs set at
// once (useReducerRef, useStateRef), so a key that still comes early is read right.
import { EventEmitter } from 'node:events';

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

/**
 * Calls `next` once React has dealt with what the last key did. React renders an update in a
 * task it posts with setImmediate from a microtask (so after any setImmediate posted by the
 * handler that made the update) and runs the effects in one more; each hop here waits behind
 * what React posted before it.
 */
function afterReact(next: () => void, hops = 3): void {
  setImmediate(() => (hops <= 1 ? next() : afterReact(next, hops - 1)));
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

/** The parts of a TTY read stream that Ink uses. */
export interface KeySource extends EventEmitter {
  isTTY?: boolean;
  read(): string | Buffer | null;
  setEncoding(encoding: BufferEncoding): unknown;
  setRawMode?(on: boolean): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

export class KeyStream extends EventEmitter {
  readonly isTTY: boolean;
  private readonly queue: string[] = [];
  /** A key may be read now (set only while 'readable' is being emitted). */
  private open = false;
  private scheduled = false;
  private listening = false;

  constructor(private readonly source: KeySource) {
    super();
    this.isTTY = source.isTTY === true;
    this.on('newListener', (event: string) => {
      if (event === 'readable' && !this.listening) {
        this.listening = true;
        source.on('readable', this.drain);
      }
      if (event === 'readable') this.pump(); // keys left from before Ink stopped listening
    });
    this.on('removeListener', (event: string) => {
      if (event === 'readable' && this.listening && this.listenerCount('readable') === 0) {
        this.listening = false;
        source.removeListener('readable', this.drain);
      }
    });
  }

  private readonly drain = (): void => {
    let chunk: string | Buffer | null;
    while ((chunk = this.source.read()) !== null) this.queue.push(...splitKeys(String(chunk)));
    this.pump();
  };

  private pump(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    afterReact(() => {
      this.scheduled = false;
      if (this.listenerCount('readable') === 0) return; // Ink stopped listening: keep the rest
      this.open = true;
      try {
        this.emit('readable');
      } finally {
        this.open = false;
      }
      this.pump();
    });
  }

  /** One key per 'readable', then null until the next turn. */
  read(): string | null {
    if (!this.open || this.queue.length === 0) return null;
    this.open = false;
    return this.queue.shift()!;
  }

  setEncoding(encoding: BufferEncoding): this {
    this.source.setEncoding(encoding);
    return this;
  }

  setRawMode(on: boolean): this {
    this.source.setRawMode?.(on);
    return this;
  }

  ref(): this {
    this.source.ref?.();
    return this;
  }

  unref(): this {
    this.source.unref?.();
    return this;
  }
}
