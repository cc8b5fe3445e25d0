// Hand-made LMArena tables for the frontier tests: one call per model row, normalised through
// the real row normaliser (so the licence classes are the table's, not the test's).
import { normaliseArenaRows } from '../../source/data/arena-row.js';
import { arenaSource, type ArenaDataset, type ArenaSource } from '../../source/data/arena-dataset.js';

export interface RowSpec {
  date: string;
  model: string;
  licence: string;
  rating: number;
  /** ± half-width of the 95 % interval (default 5); null: no interval. */
  margin?: number | null;
  organisation?: string;
  votes?: number;
  category?: string;
}

/** A raw row in the dataset's column names. */
export function rawRow(spec: RowSpec): Record<string, unknown> {
  const margin = spec.margin === undefined ? 5 : spec.margin;
  return {
    model_name: spec.model,
    organization: spec.organisation ?? spec.model.split(' ')[0],
    license: spec.licence,
    rating: spec.rating,
    rating_lower: margin === null ? null : spec.rating - margin,
    rating_upper: margin === null ? null : spec.rating + margin,
    variance: null,
    vote_count: spec.votes ?? 1000,
    rank: 1,
    category: spec.category ?? 'overall',
    leaderboard_publish_date: spec.date,
  };
}

export function arenaDataset(specs: readonly RowSpec[], source: Partial<ArenaSource> = {}): ArenaDataset {
  const { rows, problems } = normaliseArenaRows(specs.map(rawRow));
  return { source: arenaSource({ rowProblems: problems.length, ...source }), rows, problems };
}

/** Rows of one date: [model, licence, rating, margin?] each. */
export function table(date: string, ...models: Array<[string, string, number, (number | null)?]>): RowSpec[] {
  return models.map(([model, licence, rating, margin]) => ({ date, model, licence, rating, ...(margin !== undefined ? { margin } : {}) }));
}
