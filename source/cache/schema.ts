// The cache's on-disk documents: one JSON file each under the cache directory, written by
// lowdb through an atomic rename. Every file carries the schema version that wrote it.
import type { CommitActivity, Entry, Generation, ItemStatus, ModelInfo } from '../data/model.js';
import type { RowProblem } from '../data/normalise-row.js';

/** Bump when a stored shape changes incompatibly; a newer file is refused, never reset. */
export const SCHEMA_VERSION = 1;

export const FILES = {
  meta: 'meta.json',
  leaderboard: 'leaderboard.json',
  models: 'models.json',
  commits: 'commits.json',
} as const;

export type StoreName = keyof typeof FILES;

export interface MetaDoc {
  schema: number;
  /** `hubscope <version>` that last wrote the cache. */
  writtenBy: string;
  /** ISO time each stage last completed a full pass. */
  completed: { leaderboard: string | null; info: string | null; commits: string | null };
}

export interface LeaderboardDoc {
  schema: number;
  /** Dataset id (viewer) or null for a file import. */
  dataset: string | null;
  /** Dataset revision (X-Revision) when known. */
  revision: string | null;
  /** 'viewer' or 'file:<path>'. */
  origin: string | null;
  generation: Generation | null;
  /** The source's column names, in source order. */
  columns: string[];
  /** Rows the source reports in all (num_rows_total or the file's row count). */
  total: number;
  /** True once every row has been read; a killed fetch resumes at entries.length + problems. */
  complete: boolean;
  /** Next source offset to read when incomplete. */
  nextOffset: number;
  fetchedAt: string | null;
  entries: Entry[];
  problems: RowProblem[];
}

export interface ItemRecord<T> extends ItemStatus {
  /** Present when status is ok. */
  value?: T;
}

export interface ItemsDoc<T> {
  schema: number;
  items: Record<string, ItemRecord<T>>;
}

export type ModelsDoc = ItemsDoc<ModelInfo>;
export type CommitsDoc = ItemsDoc<CommitActivity>;

export function emptyMeta(writtenBy: string): MetaDoc {
  return { schema: SCHEMA_VERSION, writtenBy, completed: { leaderboard: null, info: null, commits: null } };
}

export function emptyLeaderboard(): LeaderboardDoc {
  return {
    schema: SCHEMA_VERSION,
    dataset: null,
    revision: null,
    origin: null,
    generation: null,
    columns: [],
    total: 0,
    complete: false,
    nextOffset: 0,
    fetchedAt: null,
    entries: [],
    problems: [],
  };
}

export function emptyItems<T>(): ItemsDoc<T> {
  return { schema: SCHEMA_VERSION, items: {} };
}
