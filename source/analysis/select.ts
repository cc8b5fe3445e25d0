// analyses.md §0 "Entry" (dedup) and "Flagged": which entries an analysis looks at.
// One entry per repository is kept first: the highest average score; ties go to the later
// submission, then to the first in source order. Then, in the paper's order, a repository
// whose kept entry is flagged is left out (a toggle brings them back). Without dedup, each
// flagged entry is left out. Pure.
import type { Dataset, Entry, Model } from '../data/model.js';
import { modelOf } from '../data/join.js';
import { note, type Note } from './result.js';

export interface SelectOptions {
  /** Bring flagged entries back (default false: the paper left them out). */
  includeFlagged?: boolean;
  /** Keep one entry per repository (default true). */
  dedup?: boolean;
  /** Only models created in this window of UTC days YYYY-MM-DD, both ends inclusive (the
   *  time-series screens' window and `print --from/--to`; issue 9 item 8). Undated models
   *  drop out when either end is set; a model on the 2022-03-02 floor counts as that day. */
  created?: { from: string | null; to: string | null } | null;
}

export interface Selection {
  /** Shared between the analyses of one dataset (frozen: never change it). */
  models: readonly Model[];
  /** Left out, by reason: `flagged` repositories whose kept entry is flagged (entries, when
   *  dedup is off), `duplicates` entries merged into their repository's kept one. */
  excluded: { flagged: number; duplicates: number };
}

/** True when `a` should be kept over `b` for the same repository. */
export function prefers(a: Entry, b: Entry): boolean {
  const sa = a.score ?? Number.NEGATIVE_INFINITY;
  const sb = b.score ?? Number.NEGATIVE_INFINITY;
  if (sa !== sb) return sa > sb;
  const da = a.submissionDate ?? '';
  const db = b.submissionDate ?? '';
  if (da !== db) return da > db;
  return a.index < b.index;
}

/** One entry per repository key, in the source order of the kept entries. */
export function dedupEntries(entries: readonly Entry[]): Entry[] {
  const best = new Map<string, Entry>();
  for (const entry of entries) {
    const current = best.get(entry.key);
    if (current === undefined || prefers(entry, current)) best.set(entry.key, entry);
  }
  return [...best.values()].sort((a, b) => a.index - b.index);
}

export function selectEntries(entries: readonly Entry[], options: SelectOptions = {}): {
  entries: Entry[];
  excluded: Selection['excluded'];
} {
  const includeFlagged = options.includeFlagged ?? false;
  const deduped = options.dedup ?? true ? dedupEntries(entries) : [...entries];
  const kept = includeFlagged ? deduped : deduped.filter((e) => !e.flagged);
  return { entries: kept, excluded: { flagged: deduped.length - kept.length, duplicates: entries.length - deduped.length } };
}

// Every analysis of one screen or print starts from the same selection: remember it per
// dataset (datasets are never changed after loading; a reload makes a new one).
const selections = new WeakMap<Dataset, Map<string, Selection>>();

/** The dataset's models as an analysis sees them (flagged out, deduped, joined). The array
 *  and its Model objects are shared between calls on the same dataset (so that lineage graphs
 *  and other derived structures can be remembered per selection): the array is frozen. */
export function selectModels(dataset: Dataset, options: SelectOptions = {}): Selection {
  const from = options.created?.from ?? null;
  const to = options.created?.to ?? null;
  const key = `${options.includeFlagged ?? false}/${options.dedup ?? true}/${from ?? ''}/${to ?? ''}`;
  let cached = selections.get(dataset);
  if (!cached) selections.set(dataset, (cached = new Map()));
  let selection = cached.get(key);
  if (!selection) {
    if (from !== null || to !== null) {
      // the window narrows the whole selection (its models shared with it, so the lineage
      // and other structures remembered per model stay valid)
      const all = selectModels(dataset, { includeFlagged: options.includeFlagged, dedup: options.dedup });
      const inside = all.models.filter((m) => m.day !== null && (from === null || m.day >= from) && (to === null || m.day <= to));
      selection = { models: Object.freeze(inside), excluded: all.excluded };
    } else {
      const { entries, excluded } = selectEntries(dataset.entries, options);
      selection = { models: Object.freeze(entries.map((entry) => modelOf(dataset, entry))), excluded };
    }
    cached.set(key, selection);
  }
  return { models: selection.models, excluded: { ...selection.excluded } };
}

/** The notes every result carries for what its selection left out (analyses.md §0). */
export function selectionNotes(excluded: Selection['excluded']): Note[] {
  const notes: Note[] = [];
  note(notes, excluded.flagged, 'flagged repositories left out (their kept entry, the best-scoring, is flagged)');
  note(notes, excluded.duplicates, 'duplicate entries merged (one per repository: best score, then later submission)');
  return notes;
}
