// The dataset the screens show: loaded before the first frame, re-read from the cache while
// a background fetch fills it (at once when a stage ends, at most every few seconds otherwise).
// Each read is marked with whether the fetch was running then, so the views can say that
// their figures are partial "so far" (issue 7 §3).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../data/model.js';
import type { FetchController, FetchState } from '../services/fetch-controller.js';
import { IDLE } from '../services/fetch-controller.js';

const RELOAD_EVERY_MS = 3000;

/** Any kind's data: a leaderboard Dataset, or another source kind's (app/source/SourceApp). */
type Loaded = { partial?: boolean; fetching?: boolean };

export function useDataset<D extends Loaded = Dataset>(
  initial: D,
  reload: () => Promise<D>,
  fetcher: FetchController | null,
): { dataset: D; fetchState: FetchState; loadError: string | null } {
  const [dataset, setDataset] = useState(initial);
  const [fetchState, setFetchState] = useState<FetchState>(fetcher?.state ?? IDLE);
  const [loadError, setLoadError] = useState<string | null>(null);
  const lastLoad = useRef(0);
  const loading = useRef(false);
  const again = useRef(false);

  // one read at a time; a reason to read that comes during a read (the fetch's end, say,
  // while a stage's read is under way) makes one more read after it, never none
  const load = useCallback(async () => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    try {
      do {
        again.current = false;
        lastLoad.current = Date.now();
        try {
          const next = await reload();
          if (fetcher?.running) next.fetching = true;
          setDataset(next);
          setLoadError(null);
        } catch (error) {
          setLoadError(error instanceof Error ? error.message : String(error));
        }
      } while (again.current);
    } finally {
      loading.current = false;
    }
  }, [reload]);

  // a first frame drawn from the leaderboard alone: read the rest once it is on screen
  useEffect(() => {
    if (!initial.partial) return undefined;
    const timer = setTimeout(() => void load(), 0);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (!fetcher) return undefined;
    return fetcher.subscribe((state, event) => {
      setFetchState(state);
      const type = event?.type;
      if (type === 'stage-end' || type === 'exit' || type === 'done') void load();
      else if (type === 'progress' && Date.now() - lastLoad.current > RELOAD_EVERY_MS) void load();
    });
  }, [fetcher, load]);

  return { dataset, fetchState, loadError };
}
