// The LMArena leaderboard history in memory: what the frontier analysis (analyses.md §7) and
// the arena views read. One category of one config/split of one dataset: a dataset is kept
// apart from every other (analyses.md §0 "One dataset at a time"), and so is a category.
import type { ArenaRow, RowProblem } from './arena-row.js';

export const ARENA_DATASET = 'lmarena-ai/leaderboard-dataset';

/** Where the rows came from, for headers, the overview and the cache. */
export interface ArenaSource {
  /** Dataset id, e.g. `lmarena-ai/leaderboard-dataset`. */
  dataset: string;
  config: string;
  split: string;
  /** The category kept (`overall` unless asked). */
  category: string;
  /** The dataset's revision (X-Revision, or the parquet redirect's X-Repo-Commit) when known. */
  revision: string | null;
  /** ISO time of the fetch, null for a dataset built in memory. */
  fetchedAt: string | null;
  /** How the rows were read: the viewer's parquet copy, its /rows pages, or a file. */
  path: 'parquet' | 'rows' | 'file' | null;
  /** Rows that could not be read (no model, rating or date; duplicates). */
  rowProblems: number;
}

export interface ArenaDataset {
  source: ArenaSource;
  /** Rows of the one category, in source order. */
  rows: ArenaRow[];
  /** The unreadable rows (their count is source.rowProblems). */
  problems: RowProblem[];
}

/** A source line's parts for a dataset built in memory (tests, imports). */
export function arenaSource(overrides: Partial<ArenaSource> = {}): ArenaSource {
  return {
    dataset: ARENA_DATASET,
    config: 'text',
    split: 'full',
    category: 'overall',
    revision: null,
    fetchedAt: null,
    path: null,
    rowProblems: 0,
    ...overrides,
  };
}
