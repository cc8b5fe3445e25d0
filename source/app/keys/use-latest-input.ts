// useInput with a handler that is always the latest render's: Ink re-subscribes a changed
// handler in a passive effect, after the frame is on screen, so a key arriving in between
// would reach the previous render's handler (and its data). Here one stable listener calls
// whatever handler the last render set.
import { useRef } from 'react';
import { useInput, type Key } from 'ink';

export function useLatestInput(handler: (input: string, key: Key) => void, options: { isActive: boolean }): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useRef((input: string, key: Key) => latest.current(input, key));
  useInput(stable.current, options);
}
