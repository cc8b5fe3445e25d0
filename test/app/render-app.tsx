// Deterministic Ink tests (style.md habit 5): ink-testing-library 4 drops keys written in the
// same tick as render() and its stdout is fixed at 100 columns, so this helper waits until
// Ink listens for input before typing, waits for frames instead of sleeping blindly, and
// leaves width to the component's own `size`/`width` prop.
import type { ReactElement } from 'react';
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

export async function renderApp(tree: ReactElement): Promise<Rendered> {
  const instance = render(tree);
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
