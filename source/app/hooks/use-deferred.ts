// A value computed from the dataset that can take a second on a big one (the leaderboard
// table, every base model): at once when cheap (a small dataset, or already cached), else in a
// timer just after a frame, so the screen first says what it is doing; while a reloaded
// dataset's value is computed, the previous one stays on screen.
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../data/model.js';

/** Entries above which a first computation waits for a frame. */
export const DEFER_ABOVE = 20_000;

export interface Deferred<T> {
  /** The dataset the value was computed from (the previous one while a reload computes). */
  dataset: Dataset;
  value: T;
}

export function useDeferred<T>(dataset: Dataset, cached: (d: Dataset) => boolean, compute: (d: Dataset) => T): Deferred<T> | null {
  const cheap = dataset.entries.length <= DEFER_ABOVE || cached(dataset);
  const now = useMemo(() => (cheap ? { dataset, value: compute(dataset) } : null), [dataset, cheap]);
  const [late, setLate] = useState<Deferred<T> | null>(null);
  useEffect(() => {
    if (now !== null) return undefined;
    const timer = setTimeout(() => setLate({ dataset, value: compute(dataset) }), 0);
    return () => clearTimeout(timer);
  }, [dataset, now]);
  return now ?? late;
}
