// analyses.md §3 "Params needed for a score" [Fig. 10]: per month, the smallest params of any
// model at or above a score threshold created up to that month. Pure.
import type { Entry, Model } from '../data/model.js';
import { periodKey, periodRange } from './periods.js';

/** The score a size figure reads (analysis/score.ts scoreReader; the average by default). */
export type ScoreOf = (entry: Entry) => number | null;

const averageOf: ScoreOf = (entry) => entry.score;

/** A model quoted by a size figure (its best score, its smallest params). */
export interface SizeHolder {
  repo: string;
  score: number;
  params: number;
  /** Creation day (YYYY-MM-DD) or null when the model has no date. */
  day: string | null;
  /** The day is the Hub's 2022-03-02 floor: "on or before". */
  dateFloor: boolean;
}

export interface ParamsForScoreMonth {
  /** YYYY-MM. */
  month: string;
  /** Smallest params reached by this month; null before the first qualifying model. */
  params: number | null;
  holder: SizeHolder | null;
}

export interface ParamsForScore {
  threshold: number;
  /** Every month from the first to the last month of the models looked at (dated, with params
   *  and a score), cumulative: the value never rises. */
  months: ParamsForScoreMonth[];
}

export function holderOf(model: Model, scoreOf: ScoreOf = averageOf): SizeHolder {
  return {
    repo: model.entry.repo,
    score: scoreOf(model.entry)!,
    params: model.entry.params!,
    day: model.day,
    dateFloor: model.dateFloor,
  };
}

/** Time order: creation time, then source order. */
export function byCreation(a: Model, b: Model): number {
  const ca = a.created ?? '\uffff';
  const cb = b.created ?? '\uffff';
  return ca < cb ? -1 : ca > cb ? 1 : a.entry.index - b.entry.index;
}

/** `models` must all have params, a score (as `scoreOf` reads it) and a date (the caller notes
 *  the rest). A model dated at the Hub's floor counts from 2022-03: it existed by then, and a
 *  running minimum has no spike to plot. Ties in params keep the earlier holder. */
export function paramsForScore(models: readonly Model[], threshold: number, scoreOf: ScoreOf = averageOf): ParamsForScore {
  const dated = models.filter((m) => m.day !== null).sort(byCreation);
  if (dated.length === 0) return { threshold, months: [] };
  const first = periodKey(dated[0]!.day!, 'month');
  const last = periodKey(dated[dated.length - 1]!.day!, 'month');
  const months: ParamsForScoreMonth[] = [];
  let best: Model | null = null;
  let next = 0;
  for (const month of periodRange(first, last, 'month')) {
    while (next < dated.length && periodKey(dated[next]!.day!, 'month') <= month) {
      const model = dated[next]!;
      if (scoreOf(model.entry)! >= threshold && (best === null || model.entry.params! < best.entry.params!)) {
        best = model;
      }
      next += 1;
    }
    months.push({ month, params: best?.entry.params ?? null, holder: best === null ? null : holderOf(best, scoreOf) });
  }
  return { threshold, months };
}
