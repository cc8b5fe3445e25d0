// Deterministic Ink tests (style.md habit 5): ink-testing-library 4 drops keys written in the
// same tick as render() and its stdout is fixed at 100 columns, so this helper waits until
// Ink listens for input before typing, waits for frames instead of sleeping blindly, and
// leaves width to the component's own `size`/`width` prop.
import { EventEmitter } from 'node:events';
import { afterEach, beforeAll } from 'vitest';
import { loadDataset } from '../../source/cache/store.js';
import type { Dataset } from '../../source/data/model.js';
import { fixtureCache } from '../print/fixture-cache.js';
import type { ReactElement } from 'react';
import { render as inkRender } from 'ink';
import { render } from 'ink-testing-library';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  backspace: '\u007F',
} as const;

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Rendered {
  lastFrame(): string;
  frames: string[];
  /** Types keys one at a time, waiting for Ink to take each. */
  press(...keys: string[]): Promise<void>;
  /** Waits until the last frame satisfies `test` (or fails after `timeoutMs`). */
  waitFor(test: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  unmount(): void;
}

/** A stdout of a chosen width (ink-testing-library's is fixed at 100 columns: Ink lays the
 *  root out at stdout.columns, so a wider app would be cut there). */
class SizedStdout extends EventEmitter {
  frames: string[] = [];
  private last: string | undefined;
  constructor(readonly columns: number, readonly rows: number) {
    super();
  }
  write = (frame: string): void => {
    this.frames.push(frame);
    this.last = frame;
  };
  lastFrame = (): string | undefined => this.last;
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** ink-testing-library's render, at a chosen terminal size. */
function renderSized(tree: ReactElement, size: { columns: number; rows: number }) {
  const stdout = new SizedStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const stderr = new SizedStdout(size.columns, size.rows);
  const instance = inkRender(tree, { stdout: stdout as never, stderr: stderr as never, stdin: stdin as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  return { stdin, frames: stdout.frames, lastFrame: stdout.lastFrame, unmount: instance.unmount };
}

/** Renders `tree`; with `size`, on a terminal of that size (else ink-testing-library's 100
 *  columns). */
export async function renderApp(tree: ReactElement, size?: { columns: number; rows: number }): Promise<Rendered> {
  const instance = size ? renderSized(tree, size) : render(tree);
  // Ink attaches its stdin listener in an effect after the first render: wait for it.
  for (let i = 0; i < 100 && instance.stdin.listenerCount('readable') === 0; i++) await tick(5);
  await tick(10);
  const lastFrame = (): string => instance.lastFrame() ?? '';
  return {
    lastFrame,
    frames: instance.frames,
    async press(...keys: string[]) {
      for (const key of keys) {
        const before = instance.frames.length;
        instance.stdin.write(key);
        // a key either changes the frame or not; give Ink a moment either way (ESC waits for
        // a possible escape sequence before it counts as Escape)
        for (let i = 0; i < 20 && instance.frames.length === before; i++) await tick(key === KEY.escape ? 10 : 5);
        await tick(5);
      }
    },
    async waitFor(test, timeoutMs = 5000) {
      const start = Date.now();
      while (!test(lastFrame())) {
        if (Date.now() - start > timeoutMs) {
          throw new Error(`waitFor timed out after ${timeoutMs} ms; last frame:\n${lastFrame()}`);
        }
        await tick(10);
      }
      return lastFrame();
    },
    unmount: () => instance.unmount(),
  };
}

/** What the App tests share (app, explore-keys, dataset-naming): the fake Hub's fixture cache and
 *  its dataset, loaded once per file, and the app a test rendered, unmounted after each test.
 *  Call at a test file's top level; read `cache` and `dataset` inside tests. */
export function fixtureApp(): { readonly cache: string; readonly dataset: Dataset; track(app: Rendered): Rendered } {
  let cache = '';
  let dataset: Dataset | undefined;
  let app: Rendered | null = null;
  beforeAll(async () => {
    cache = await fixtureCache();
    dataset = await loadDataset(cache);
  }, 60_000);
  afterEach(() => {
    app?.unmount();
    app = null;
  });
  return {
    get cache() {
      return cache;
    },
    get dataset() {
      return dataset!;
    },
    track: (rendered) => (app = rendered),
  };
}
