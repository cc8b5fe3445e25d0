// What the Frontier screen's panel reads (analyses.md §7), for the explorer: each publication
// date's frontier, the dates' top lists and one model's rating history. The app gets its data
// through the views layer (issue 9 item 4), so the panel does not call the analyses itself.
// Remembered per dataset (datasets are never changed after loading).
import type { ArenaDataset } from '../data/arena-dataset.js';
import { frontier, type FrontierDate } from '../analysis/frontier.js';
import { historyOf, indexDates, topOf, type DateIndex, type ModelHistory } from '../analysis/arena-models.js';

export type { DateIndex, FrontierDate, ModelHistory };

export interface FrontierPanelData {
  index: DateIndex;
  byDate: Map<string, FrontierDate>;
}

const prepared = new WeakMap<ArenaDataset, FrontierPanelData>();

export function frontierPanelData(data: ArenaDataset): FrontierPanelData {
  let p = prepared.get(data);
  if (!p) {
    const result = frontier(data);
    p = { index: indexDates(data), byDate: new Map(result.dates.map((d) => [d.date, d])) };
    prepared.set(data, p);
  }
  return p;
}

/** The date's top `k` (by rating). */
export const topOfDate = topOf;

/** One model's rating history across the dates. */
export const modelHistory = historyOf;
