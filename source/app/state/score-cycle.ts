// The `b` key of the score-based screens (Types, Sizes, Improvement): cycles the score through
// the average and each benchmark of the dataset's generation (analyses.md §0 "Score"). Pure.
import type { Generation } from '../../data/model.js';
import { AVERAGE, scoreNames } from '../../views/screen-data.js';

/** The score after `current` (undefined: the average, the views' default); back to undefined
 *  after the last benchmark, so the default options (and their cached view) come back. */
export function nextScore(generation: Generation, current: string | undefined): string | undefined {
  const names = scoreNames(generation);
  const next = names[(names.indexOf(current ?? AVERAGE) + 1) % names.length]!;
  return next === AVERAGE ? undefined : next;
}

/** "score: average (b: next)" for a screen's header. */
export function scoreHint(current: string | undefined): string {
  return `score: ${current ?? AVERAGE} (b: next)`;
}
