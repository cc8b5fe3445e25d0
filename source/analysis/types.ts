// analyses.md §2 "New models per period by type" [Fig. 4] and "Score by type over time"
// [Fig. 7]: counts and shares of each model type per period, the mean score per type and
// period with a centred moving average, and cumulative counts. Also the period placement that
// §2's time series share (§0 "Date of a model": undated models and the 2022-03-02 floor are
// kept out of per-period counts). Pure: no IO, no clock.
import { MODEL_TYPES, type Dataset, type Generation, type Model, type ModelType } from '../data/model.js';
import { periodKey, periodRange, type Period } from './periods.js';
import { note, type Note, type TimeSeries } from './result.js';
import { selectModels, selectionNotes, type SelectOptions } from './select.js';
import { withDefaults } from './options.js';
import { resolveScore, scoreReader, type ScoreChoice } from './score.js';

/** Models placed in periods, and the models kept out of them. */
export interface Placement {
  placed: Array<{ model: Model; key: string }>;
  /** Every period key from the first to the last placed model (empty when none). */
  keys: string[];
  /** Models dated on the Hub's 2022-03-02 floor ("on or before"), in no period. */
  floor: Model[];
  /** Models with no date at all. */
  undated: number;
}

/** §0 "Date of a model" for time series: each dated model in its period, except those on
 *  the Hub's date floor (never a spike on 2022-03-02). Adds notes for both exclusions. */
export function placeInPeriods(models: readonly Model[], period: Period, notes: Note[]): Placement {
  const placed: Placement['placed'] = [];
  const floor: Model[] = [];
  let undated = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const model of models) {
    if (model.day === null) undated += 1;
    else if (model.dateFloor) floor.push(model);
    else {
      const key = periodKey(model.day, period);
      placed.push({ model, key });
      if (first === null || key < first) first = key;
      if (last === null || key > last) last = key;
    }
  }
  note(notes, undated, 'models without a creation date left out of the time series');
  note(notes, floor.length, 'models created on or before 2022-03-02 (the Hub’s date floor) kept out of per-period counts');
  const keys = first === null || last === null ? [] : periodRange(first, last, period);
  return { placed, keys, floor, undated };
}

/** Centred moving average over `window` periods (an even window is widened by one so it
 *  stays centred); gaps (null) are skipped; null where the window holds no value. */
export function centredAverage(values: ReadonlyArray<number | null>, window: number): Array<number | null> {
  const half = Math.max(0, Math.floor(window / 2));
  return values.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j += 1) {
      const v = values[j];
      if (v !== null && v !== undefined) {
        sum += v;
        count += 1;
      }
    }
    return count > 0 ? sum / count : null;
  });
}

export interface TypeOptions extends SelectOptions {
  /** Period of the time series. Default 'month' (the screens' default; all three offered). */
  period?: Period;
  /** Width of the centred moving average of mean scores, in periods. Default 3. */
  window?: number;
  /** Cumulative counts start from the models on the 2022-03-02 floor (they exist by then)
   *  instead of leaving them out. Default true; they are never in per-period counts. */
  floorInCumulative?: boolean;
  /** §0 "Score": 'average' (default) or one benchmark of the generation (e.g. 'GSM8K') for
   *  Fig. 7's scores. */
  score?: string;
}

export type ResolvedTypeOptions = Required<TypeOptions>;

export const DEFAULT_TYPE_OPTIONS: ResolvedTypeOptions = {
  includeFlagged: false,
  dedup: true,
  created: null,
  period: 'month',
  window: 3,
  floorInCumulative: true,
  score: 'average',
};

export interface TypeScoreSeries {
  type: ModelType;
  /** Mean score of the period's models of this type that have a score; null when none. */
  mean: Array<number | null>;
  /** Centred moving average of `mean` (options.window). */
  smoothed: Array<number | null>;
  /** Models behind each mean. */
  scored: number[];
}

export interface TypesResult {
  generation: Generation;
  options: ResolvedTypeOptions;
  /** Types with at least one model placed in a period, in MODEL_TYPES order. */
  types: ModelType[];
  /** [Fig. 4] New models per period, one series per type (name = type), zero-filled. */
  counts: TimeSeries;
  /** Each type's share (0–1) of its period; 0 in a period without models. */
  shares: TimeSeries;
  /** Models per period, all types. */
  totals: number[];
  /** [Fig. 7] Mean score per type and period, smoothed. Scores never mix v1 and v2: a
   *  Dataset is one generation (see `generation`). */
  scores: { period: Period; keys: string[]; series: TypeScoreSeries[] };
  /** The score Fig. 7 reads, and its scale. */
  score: ScoreChoice;
  /** [Fig. 7] Every placed model with a score as a dot: its creation day and score. */
  dots: Array<{ type: ModelType; day: string; score: number; repo: string }>;
  /** Running total of models per type, by period. */
  cumulative: TimeSeries;
  /** Models per type over every selected model (dated or not), with shares. */
  overall: Array<{ type: ModelType; count: number; share: number }>;
  notes: Note[];
}

/** analyses.md §2 [Fig. 4, 7] from the dataset; options default to the paper's. */
export function typesOverTime(dataset: Dataset, options: TypeOptions = {}): TypesResult {
  const resolved: ResolvedTypeOptions = withDefaults(options, DEFAULT_TYPE_OPTIONS);
  const score = resolveScore(dataset.generation, resolved.score);
  const scoreOf = scoreReader(score);
  const { models, excluded } = selectModels(dataset, resolved);
  const notes = selectionNotes(excluded);
  const { placed, keys, floor } = placeInPeriods(models, resolved.period, notes);
  const position = new Map(keys.map((key, i) => [key, i]));
  const present = new Set(placed.map((p) => p.model.entry.type));
  const types = MODEL_TYPES.filter((t) => present.has(t));
  const counts = types.map(() => keys.map(() => 0));
  const sums = types.map(() => keys.map(() => 0));
  const scored = types.map(() => keys.map(() => 0));
  const totals = keys.map(() => 0);
  const dots: TypesResult['dots'] = [];
  let unscored = 0;
  for (const { model, key } of placed) {
    const t = types.indexOf(model.entry.type);
    const i = position.get(key)!;
    counts[t]![i]! += 1;
    totals[i]! += 1;
    const value = scoreOf(model.entry);
    if (value === null) unscored += 1;
    else {
      sums[t]![i]! += value;
      scored[t]![i]! += 1;
      dots.push({ type: model.entry.type, day: model.day!, score: value, repo: model.entry.repo });
    }
  }
  note(notes, unscored, `models without ${score.id === 'average' ? 'a score' : `a ${score.label} score`} left out of mean scores (still counted)`);
  const floorByType = types.map((t) => floor.filter((m) => m.entry.type === t).length);
  const floorLeftOut = floor.filter((m) => !present.has(m.entry.type)).length;
  if (resolved.floorInCumulative) {
    note(notes, floor.length - floorLeftOut, 'models on the 2022-03-02 floor counted in cumulative totals from the first period');
    note(notes, floorLeftOut, 'models on the 2022-03-02 floor of a type with no dated model left out of cumulative totals');
  }
  const series = (values: number[][]): TimeSeries['series'] => types.map((name, t) => ({ name, values: values[t]! }));
  const meanOf = (t: number): Array<number | null> => keys.map((_, i) => (scored[t]![i]! > 0 ? sums[t]![i]! / scored[t]![i]! : null));
  const cumulative = types.map((_, t) => {
    let running = resolved.floorInCumulative ? floorByType[t]! : 0;
    return counts[t]!.map((c) => (running += c));
  });
  const overallCounts = new Map<ModelType, number>();
  for (const model of models) overallCounts.set(model.entry.type, (overallCounts.get(model.entry.type) ?? 0) + 1);
  return {
    generation: dataset.generation,
    options: resolved,
    types,
    counts: { period: resolved.period, keys, series: series(counts) },
    shares: {
      period: resolved.period,
      keys,
      series: series(counts.map((row) => row.map((c, i) => (totals[i]! > 0 ? c / totals[i]! : 0)))),
    },
    totals,
    scores: {
      period: resolved.period,
      keys,
      series: types.map((type, t) => {
        const mean = meanOf(t);
        return { type, mean, smoothed: centredAverage(mean, resolved.window), scored: scored[t]! };
      }),
    },
    score,
    dots,
    cumulative: { period: resolved.period, keys, series: series(cumulative) },
    overall: MODEL_TYPES.filter((t) => overallCounts.has(t)).map((type) => ({
      type,
      count: overallCounts.get(type)!,
      share: overallCounts.get(type)! / models.length,
    })),
    notes,
  };
}
