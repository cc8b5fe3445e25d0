// One state store outside React (style.md habit 9): the key owner sets it at once, so every
// key sees what the key before it did, however fast they come; React draws it through
// useSyncExternalStore. No refs kept in step with renders.
import { useSyncExternalStore } from 'react';

export interface Store<S> {
  get(): S;
  set(next: S): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The store's state (or a part of it), re-rendering when it changes. */
export function useStore<S, T = S>(store: Store<S>, select: (state: S) => T = (s) => s as unknown as T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
