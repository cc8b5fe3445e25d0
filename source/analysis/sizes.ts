// analyses.md §3 "Size" [Fig. 8, 9, 10]: the params histogram by architecture family, the
// share of small models, downloads by size, the best score per size bin, and the params
// needed for a score over time. One pass over the selected models (§0: flagged out, dedup).
// Pure: no IO, no clock.
import type { Dataset, Model } from '../data/model.js';
import { selectModels, selectionNotes, type SelectOptions } from './select.js';
import { withDefaults } from './options.js';
import { note, type Note } from './result.js';
import { DEFAULT_SIZE_EDGES, binIndex, binRanges, groupFamilies } from './size-bins.js';
import { familyRule } from './architectures.js';
import { byCreation, holderOf, paramsForScore, type ParamsForScore, type ScoreOf, type SizeHolder } from './size-threshold.js';
import { DEFAULT_SCORE_THRESHOLD, resolveScore, scoreReader, type ScoreChoice } from './score.js';

export interface SizeOptions extends SelectOptions {
  /** Bin edges in billions, strictly increasing; bin i holds edges[i] ≤ params < edges[i+1]
   *  and the last bin is open. Models below the first edge are left out of the bins (noted).
   *  Default DEFAULT_SIZE_EDGES: 0, 1, …, 20, 30, 40, 65, 100. */
  edges?: readonly number[];
  /** §0 "Families shown": an architecture family is shown on its own when it holds at least
   *  this share of the models with known params; the rest is `other`. Default null: the nine
   *  largest named families instead. */
  familyThreshold?: number | null;
  /** Headline: the share of models with params strictly below this. Default 20 (the paper). */
  smallBelow?: number;
  /** Downloads headline: the share of downloads going to models of at most this many billion
   *  params. Default 15 (the paper: about 85 %). */
  downloadsAtMost?: number;
  /** Fig. 10: the score threshold. Default null: 70 on v1 (the paper), 40 on v2 (whose
   *  normalised scores run lower; §0 "Score"). */
  scoreThreshold?: number | null;
  /** §0 "Score": 'average' (default) or one benchmark of the generation for Fig. 9 and 10. */
  score?: string;
}

export type ResolvedSizeOptions = Required<SizeOptions>;

export const DEFAULT_SIZE_OPTIONS: ResolvedSizeOptions = {
  includeFlagged: false,
  dedup: true,
  created: null,
  edges: DEFAULT_SIZE_EDGES,
  familyThreshold: null,
  smallBelow: 20,
  downloadsAtMost: 15,
  scoreThreshold: null,
  score: 'average',
};

export interface SizeBin {
  lower: number;
  /** Exclusive; null for the open last bin. */
  upper: number | null;
  /** e.g. "7–8", "100+". */
  label: string;
  /** Models in the bin. */
  count: number;
  /** Models per architecture family, aligned with SizesResult.families. */
  byFamily: number[];
  /** Summed downloads of the bin's models that have downloads info. */
  downloads: number;
  /** This bin's part of SizesResult.downloads.total; null when that total is 0. */
  downloadShare: number | null;
  /** Best score in the bin (ties: the earlier model, then source order); null when no model
   *  of the bin has a score. */
  best: SizeHolder | null;
}

export interface SizesResult {
  options: ResolvedSizeOptions;
  /** Architecture family labels, in stacking order (see groupFamilies). */
  families: string[];
  bins: SizeBin[];
  /** Models with known params (the base of every figure here). */
  known: number;
  /** Models with params < options.smallBelow, and their share of `known` (null when 0). */
  small: { count: number; share: number | null };
  downloads: {
    /** Downloads of models with known params and downloads info. */
    total: number;
    /** Of which going to models with params ≤ options.downloadsAtMost. */
    atMost: number;
    share: number | null;
    /** Models whose downloads were counted. */
    models: number;
  };
  paramsForScore: ParamsForScore;
  /** The score Fig. 9 and 10 read, and its scale. */
  score: ScoreChoice;
  notes: Note[];
}

/** Better holder of a bin's best score: higher score, then earlier, then source order. */
function beats(a: Model, b: Model, scoreOf: ScoreOf): boolean {
  const sa = scoreOf(a.entry)!;
  const sb = scoreOf(b.entry)!;
  if (sa !== sb) return sa > sb;
  return byCreation(a, b) < 0;
}

/** §3 over the models an analysis selected (exported for screens that select themselves),
 *  reading `score` (its generation gives Fig. 10's default threshold). */
export function sizesOfModels(all: readonly Model[], options: ResolvedSizeOptions, notes: Note[], score: ScoreChoice): SizesResult {
  const scoreOf = scoreReader(score);
  const threshold = options.scoreThreshold ?? DEFAULT_SCORE_THRESHOLD[score.generation];
  const ranges = binRanges(options.edges);
  const models = all.filter((m) => m.entry.params !== null);
  note(notes, all.length - models.length, 'models with unknown params left out of size figures');
  const { labelOf, families } = groupFamilies(models, familyRule(options.familyThreshold));
  const bins: SizeBin[] = ranges.map((range) => ({
    ...range,
    count: 0,
    byFamily: families.map(() => 0),
    downloads: 0,
    downloadShare: null,
    best: null,
  }));
  const bestModel: Array<Model | null> = bins.map(() => null);
  let below = 0;
  let small = 0;
  let total = 0;
  let atMost = 0;
  let counted = 0;
  for (const model of models) {
    const params = model.entry.params!;
    if (params < options.smallBelow) small += 1;
    if (model.downloads !== null) {
      counted += 1;
      total += model.downloads;
      if (params <= options.downloadsAtMost) atMost += model.downloads;
    }
    const i = binIndex(options.edges, params);
    if (i < 0) {
      below += 1;
      continue;
    }
    const bin = bins[i]!;
    bin.count += 1;
    bin.byFamily[families.indexOf(labelOf(model))]! += 1;
    if (model.downloads !== null) bin.downloads += model.downloads;
    const current = bestModel[i];
    if (scoreOf(model.entry) !== null && (current === null || current === undefined || beats(model, current, scoreOf))) {
      bestModel[i] = model;
    }
  }
  bins.forEach((bin, i) => {
    bin.downloadShare = total > 0 ? bin.downloads / total : null;
    const holder = bestModel[i];
    bin.best = holder ? holderOf(holder, scoreOf) : null;
  });
  note(notes, below, `models below the first bin edge (${options.edges[0]} B) left out of the bins`);
  note(notes, models.length - counted, 'models with known params but no downloads info left out of download figures');
  const scored = models.filter((m) => scoreOf(m.entry) !== null);
  note(
    notes,
    models.length - scored.length,
    `models without ${score.id === 'average' ? 'a score' : `a ${score.label} score`} left out of best scores and params-for-score`,
  );
  const dated = scored.filter((m) => m.day !== null);
  note(notes, scored.length - dated.length, 'models without a creation date left out of params-for-score');
  note(
    notes,
    dated.filter((m) => m.dateFloor).length,
    'models dated on or before 2022-03-02 (the Hub floor) counted from 2022-03 in params-for-score',
  );
  return {
    options,
    families,
    bins,
    known: models.length,
    small: { count: small, share: models.length > 0 ? small / models.length : null },
    downloads: { total, atMost, share: total > 0 ? atMost / total : null, models: counted },
    paramsForScore: paramsForScore(dated, threshold, scoreOf),
    score,
    notes,
  };
}

/** analyses.md §3, every figure, from the dataset (options default to the paper's). */
export function sizes(dataset: Dataset, options: SizeOptions = {}): SizesResult {
  const resolved: ResolvedSizeOptions = withDefaults(options, DEFAULT_SIZE_OPTIONS);
  const score = resolveScore(dataset.generation, resolved.score);
  const { models, excluded } = selectModels(dataset, resolved);
  const notes = selectionNotes(excluded);
  return sizesOfModels(models, resolved, notes, score);
}
