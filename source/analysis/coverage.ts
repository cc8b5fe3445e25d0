// How much of what the figures need is there (issue 7 §3; analyses.md §0 "One dataset at a
// time": the per-repository Hub facts are shared, so a dataset's coverage is counted over ITS
// repos in view). Four parts: the table itself, Hub info, commit histories (authors) and
// creation dates (every time series). A part is
//   complete  everything is there, or all but the repos the Hub does not have while at least
//             LOW_COVERAGE of them are there;
//   partial   something can still arrive: a fetch is running, its stage never made a full pass
//             over this dataset, or repos in view were not fetched yet or failed (retried);
//   low       its stage is done, but under LOW_COVERAGE of the repos in view have it (the rest
//             are gone, gated or private on the Hub).
// A figure that depends on a part that is not complete says so beside its number (the words:
// views/coverage-text.ts). Pure.
import type { Dataset, ItemStatus, Model } from '../data/model.js';

/** Under this share of the repos (or models) in view, coverage is low: one definition, used
 *  by every view and screen. */
export const LOW_COVERAGE = 0.9;

export type PartName = 'table' | 'info' | 'histories' | 'dates';
export type PartState = 'complete' | 'partial' | 'low';

export interface PartCoverage {
  part: PartName;
  /** Rows read (table), or models in view that have it. */
  have: number;
  /** Rows the table has, or models in view. */
  of: number;
  /** Of those without it: not fetched yet, or their last attempt failed (it is retried). */
  pending: number;
  /** Its stage made a full pass over this dataset (dates: the Hub info stage). */
  completed: boolean;
  state: PartState;
}

export interface Coverage {
  /** A fetch is running (the explorer's background fetch; print: a live fetch holds the
   *  cache's lock). */
  fetching: boolean;
  table: PartCoverage;
  info: PartCoverage;
  histories: PartCoverage;
  dates: PartCoverage;
}

const final = (status: ItemStatus | undefined): boolean => status !== undefined && status.status !== 'error';

function stateOf(have: number, of: number, pending: number, completed: boolean, fetching: boolean): PartState {
  if (have >= of) return 'complete';
  if (fetching || pending > 0 || !completed) return 'partial';
  return of > 0 && have / of < LOW_COVERAGE ? 'low' : 'complete';
}

/** Coverage of the models in view (a selection of the dataset: analysis/select.ts). */
export function coverageOf(dataset: Dataset, models: readonly Model[]): Coverage {
  const fetching = dataset.fetching === true;
  const table = dataset.source.table ?? { complete: true, read: dataset.entries.length, total: dataset.entries.length };
  const infoDone = dataset.source.infoFetchedAt !== null;
  const historiesDone = dataset.source.commitsFetchedAt !== null;
  let info = 0;
  let infoPending = 0;
  let histories = 0;
  let historiesPending = 0;
  let dated = 0;
  let datesPending = 0;
  for (const model of models) {
    const key = model.entry.key;
    const infoFinal = final(dataset.infoStatus.get(key));
    if (model.info !== null) info += 1;
    else if (!infoFinal) infoPending += 1;
    if (model.activity !== null) histories += 1;
    else if (!final(dataset.activityStatus.get(key))) historiesPending += 1;
    if (model.day !== null) dated += 1;
    else if (!infoFinal) datesPending += 1;
  }
  const n = models.length;
  const part = (name: PartName, have: number, pending: number, completed: boolean): PartCoverage => ({
    part: name,
    have,
    of: n,
    pending,
    completed,
    state: stateOf(have, n, pending, completed, fetching),
  });
  return {
    fetching,
    table: {
      part: 'table',
      have: table.read,
      of: table.total,
      pending: table.total - table.read,
      completed: table.complete,
      state: table.complete ? 'complete' : 'partial',
    },
    info: part('info', info, infoPending, infoDone),
    histories: part('histories', histories, historiesPending, historiesDone),
    dates: part('dates', dated, datesPending, infoDone),
  };
}

/** The parts, of those named, that are not complete (the table first: it affects all). */
export function incomplete(coverage: Coverage, parts: readonly PartName[]): PartCoverage[] {
  return (['table', ...parts] as PartName[])
    .filter((name, i, all) => all.indexOf(name) === i)
    .map((name) => coverage[name])
    .filter((p) => p.state !== 'complete');
}
