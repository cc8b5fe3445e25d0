// The cache's on-disk documents (schema 2): JSON files under the cache directory, written
// through an atomic rename (cache/atomic-write.ts), each carrying the schema version that
// wrote it. Layout:
//
//   meta.json                         the index: every dataset held (kind, generation, origin,
//                                     revision, fetchedAt, per-stage completion times, and the
//                                     folder its documents live in); written after the files
//                                     it describes
//   models.json, commits.json         per-repository Hub facts, shared by every dataset
//   datasets/<dir>/leaderboard.json   one leaderboard's table (a source kind whose store is
//                                     not JSON keeps its own files in its folder)
//   .lock                             the fetcher's (or importer's) lock (fetch/lock.ts)
//
// Schema 1 (one table, `leaderboard.json`, at the top; meta with one `completed` record) is
// read in place as one dataset and moved into this layout by the first write (cache/store.ts).
import type { CommitActivity, Entry, Generation, ItemStatus, ModelInfo } from '../data/model.js';
import type { RowProblem } from '../data/normalise-row.js';

/** Bump when a stored shape changes incompatibly; a newer file is refused, never reset. */
export const SCHEMA_VERSION = 2;

/** The shared documents at the top of the cache. */
export const FILES = {
  meta: 'meta.json',
  models: 'models.json',
  commits: 'commits.json',
} as const;

export type StoreName = keyof typeof FILES;

/** Where each dataset's own documents live, and a leaderboard's table in it. */
export const DATASETS_DIR = 'datasets';
export const TABLE_FILE = 'leaderboard.json';
/** Schema 1: the one leaderboard table, at the top of the cache. */
export const LEGACY_TABLE = 'leaderboard.json';

/** One dataset the cache holds, as meta.json records it. */
export interface DatasetRecord {
  /** The source kind that reads and fetches it (source/sources: 'leaderboard', …). */
  kind: string;
  /** Its folder under datasets/ (filename-safe; see datasetDirName). */
  dir: string;
  generation: string | null;
  /** 'viewer', or 'file:<path>' for an import. */
  origin: string | null;
  revision: string | null;
  /** The last time its table was fetched whole or imported: decides "most recent". */
  fetchedAt: string | null;
  /** ISO time each of its stages last completed a full pass over THIS dataset (leaderboard,
   *  info, commits for a leaderboard: a pass over its own repos). */
  completed: Record<string, string | null>;
}

export interface MetaDoc {
  schema: number;
  /** `hubscope <version>` that last wrote the cache. */
  writtenBy: string;
  datasets: Record<string, DatasetRecord>;
}

/** Schema 1's meta.json (read for migration only). */
export interface LegacyMetaDoc {
  schema: 1;
  writtenBy: string;
  completed: { leaderboard: string | null; info: string | null; commits: string | null };
}

export interface LeaderboardDoc {
  schema: number;
  /** Dataset id (the key of its meta record). */
  dataset: string | null;
  /** Dataset revision (X-Revision, or the file's sha256) when known. */
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
  return { schema: SCHEMA_VERSION, writtenBy, datasets: {} };
}

export function emptyRecord(kind: string, dir: string): DatasetRecord {
  return { kind, dir, generation: null, origin: null, revision: null, fetchedAt: null, completed: {} };
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

/** A dataset folder's name: the id made filename-safe (`/` → `--`, anything outside
 *  [A-Za-z0-9._-] → `_`, lowercased so that case-insensitive file systems cannot merge two
 *  folders, never starting with a dot), with `-2`, `-3`… when another dataset has it. The
 *  name is recorded in meta.json, so it need not be reversible. */
export function datasetDirName(id: string, taken: Iterable<string>): string {
  const base = id.toLowerCase().replace(/\//g, '--').replace(/[^a-z0-9._-]/g, '_').replace(/^\./, '_').slice(0, 120) || '_';
  const used = new Set([...taken].map((d) => d.toLowerCase()));
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** What a recorded folder name may look like (meta.json is validated against it: a name
 *  with a slash or a leading dot could point outside datasets/). */
export const DATASET_DIR_PATTERN = /^[a-z0-9_][a-z0-9._-]{0,130}$/;
