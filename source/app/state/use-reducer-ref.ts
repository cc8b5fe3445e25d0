// useReducer whose dispatch applies the reducer at once to the latest state (kept in a ref),
// so a key handler sees the state its previous key left even before React re-renders (fast
// typing, a paste of several keys in one chunk).
import { useCallback, useRef, useState } from 'react';

export function useReducerRef<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, (action: A) => void, { readonly current: S }] {
  const [state, setState] = useState(init);
  const ref = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(ref.current, action);
      if (next === ref.current) return;
      ref.current = next;
      setState(next);
    },
    [reducer],
  );
  return [state, dispatch, ref];
}

const replace = <S,>(_: S, next: S): S => next;

/** useState whose ref holds the latest value as soon as it is set, before React renders. */
export function useStateRef<S>(init: S): [S, (next: S) => void, { readonly current: S }] {
  return useReducerRef<S, S>(replace, () => init);
}
