// analyses.md §0 "Score": the leaderboard's "Average ⬆️" (the mean of its six benchmarks), or
// any one benchmark in its place in every score-based analysis (§2 Fig 7, §3 Fig 9–10, §4).
// Every figure says which score it uses and on which scale: v2 scores are normalised benchmark
// by benchmark and run lower, so a fixed threshold has a default per generation (v1 70, v2 40).
// Dedup (§0) always keeps the best average, whatever score an analysis reads. Pure.
import { BENCHMARKS, type Entry, type Generation } from '../data/model.js';

/** The id of the average: `score: 'average'` (the default everywhere). */
export const AVERAGE = 'average';

export interface ScoreChoice {
  /** 'average' or a benchmark's column name as the generation spells it ('GSM8K', 'MATH Lvl 5'). */
  id: string;
  /** Short name for headings and axes: "average", "GSM8K". */
  label: string;
  /** Which scale the numbers are on, e.g. "v2 scale: normalised 0–100, random baseline 0". */
  scale: string;
  generation: Generation;
}

/** A score name that is neither the average nor a benchmark of the generation. */
export class ScoreNameError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'ScoreNameError';
  }
}

const SCALES: Record<Generation, string> = {
  v1: 'v1 scale: accuracy 0–100',
  v2: 'v2 scale: normalised 0–100 (random baseline 0), lower than v1',
};

/** §3 Fig 10: the default score threshold per generation (v2's normalised scores run lower). */
export const DEFAULT_SCORE_THRESHOLD: Readonly<Record<Generation, number>> = { v1: 70, v2: 40 };

const squash = (name: string): string => name.toLowerCase().replace(/[\s_.-]+/g, '');

/** The names `score` takes on a generation: 'average' and its six benchmarks. */
export function scoreNames(generation: Generation): string[] {
  return [AVERAGE, ...BENCHMARKS[generation]];
}

/** The score asked for (case, spaces, `-`, `_` and `.` ignored: "gsm8k", "math-lvl-5",
 *  "MMLU_PRO"); undefined or 'average' is the average. Throws ScoreNameError otherwise. */
export function resolveScore(generation: Generation, name?: string | null): ScoreChoice {
  const scale = SCALES[generation];
  if (name === undefined || name === null || squash(name) === AVERAGE) {
    return { id: AVERAGE, label: 'average', scale, generation };
  }
  const benchmark = BENCHMARKS[generation].find((b) => squash(b) === squash(name));
  if (benchmark === undefined) {
    throw new ScoreNameError(`score "${name}" is not one of the ${generation} scores: ${scoreNames(generation).join(', ')}`);
  }
  return { id: benchmark, label: benchmark, scale, generation };
}

/** The entry's value of the chosen score, or null when it has none. */
export function scoreReader(choice: ScoreChoice): (entry: Entry) => number | null {
  if (choice.id === AVERAGE) return (entry) => entry.score;
  const id = choice.id;
  return (entry) => {
    const value = entry.benchmarks[id];
    return value === undefined || value === null || !Number.isFinite(value) ? null : value;
  };
}

/** "average score (v1 scale: accuracy 0–100)" / "GSM8K score (…)". */
export function scoreText(choice: ScoreChoice): string {
  return `${choice.label} score (${choice.scale})`;
}
