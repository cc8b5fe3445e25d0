// The cache's index (meta.json): which datasets it holds, where their documents live, and
// which one a command works on when none is named. A schema-1 cache (one table at the top,
// one `completed` record) reads as one dataset under its recorded id, in place: nothing is
// written here (CacheStore moves it on its first write).
import { access } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { sanitize } from '../text/sanitize.js';
import { TOOL } from '../version.js';
import { readDocument, readTable } from './documents.js';
import {
  DATASETS_DIR,
  FILES,
  LEGACY_TABLE,
  SCHEMA_VERSION,
  TABLE_FILE,
  datasetDirName,
  emptyMeta,
  type DatasetRecord,
  type LegacyMetaDoc,
  type MetaDoc,
} from './schema.js';

export interface CacheIndex {
  /** The index as schema 2 (a schema-1 cache's one dataset included). */
  meta: MetaDoc;
  /** A schema-1 cache: the dataset whose table is still at the top, and that file. */
  legacy: { id: string; path: string } | null;
  /** A schema-2 cache with a schema-1 table still at the top (a migration stopped after it
   *  wrote meta.json): the file to remove on the next write. */
  stray: string | null;
}

/** The id an import without --dataset gets: `local/<file name without extension>`, in the
 *  characters a dataset id may hold. Never the id of a fetched table. */
export function localIdOf(path: string): string {
  const stem = basename(path, extname(path)).replace(/[^\w.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'table';
  return `local/${stem.slice(0, 96)}`;
}

/** A dataset id: `owner/name` as the Hub spells them (an import's `local/<stem>` too). */
export const DATASET_ID = /^[\w.-]+\/[\w.-]+$/;

export const metaPath = (dir: string): string => join(dir, FILES.meta);

/** Where a held dataset's leaderboard table is (schema-1: the top-level file). */
export function tablePath(dir: string, index: CacheIndex, id: string): string {
  if (index.legacy?.id === id) return index.legacy.path;
  const record = index.meta.datasets[id];
  return join(dir, DATASETS_DIR, record ? record.dir : datasetDirName(id, []), TABLE_FILE);
}

export async function readIndex(dir: string): Promise<CacheIndex> {
  const raw = await readDocument<MetaDoc | LegacyMetaDoc>(metaPath(dir), 'meta', (doc) => doc);
  const top = join(dir, LEGACY_TABLE);
  if (raw !== null && raw.schema === SCHEMA_VERSION) {
    const meta = raw as MetaDoc;
    const stray = await access(top).then(() => top, () => null);
    return { meta, legacy: null, stray };
  }
  // schema 1, or no meta.json at all: the one table at the top, if there is one
  const legacyMeta = raw as LegacyMetaDoc | null;
  const meta = emptyMeta(legacyMeta?.writtenBy ?? TOOL);
  const table = await readTable(top);
  if (table === null) return { meta, legacy: null, stray: null };
  const id = table.dataset ?? (table.origin?.startsWith('file:') ? localIdOf(table.origin.slice(5)) : 'local/leaderboard');
  const record: DatasetRecord = {
    kind: 'leaderboard',
    dir: datasetDirName(id, []),
    generation: table.generation,
    origin: table.origin,
    revision: table.revision,
    fetchedAt: table.fetchedAt,
    completed: { ...(legacyMeta?.completed ?? { leaderboard: null, info: null, commits: null }) },
  };
  meta.datasets[id] = record;
  return { meta, legacy: { id, path: top }, stray: null };
}

const timeOf = (record: DatasetRecord): number => (record.fetchedAt === null ? -Infinity : Date.parse(record.fetchedAt));

/** The dataset fetched (or imported) most recently: the latest fetchedAt; a dataset whose
 *  table was never completed counts as the oldest. null when the cache holds none. */
export function mostRecent(meta: MetaDoc): string | null {
  let best: string | null = null;
  for (const [id, record] of Object.entries(meta.datasets)) {
    if (best === null || timeOf(record) > timeOf(meta.datasets[best]!)) best = id;
  }
  return best;
}

export interface DatasetChoice {
  id: string;
  /** asked: --dataset; recent: the most recently fetched one held; default: none held. */
  how: 'asked' | 'recent' | 'default';
  /** The cache holds it. */
  held: boolean;
}

/** Which dataset a command works on: the one asked for, else the most recent, else the
 *  fallback (the default v2 table for fetch and the explorer). */
export function chooseDataset(meta: MetaDoc, asked: string | null | undefined, fallback: string): DatasetChoice {
  if (asked) return { id: asked, how: 'asked', held: asked in meta.datasets };
  const recent = mostRecent(meta);
  return recent === null ? { id: fallback, how: 'default', held: false } : { id: recent, how: 'recent', held: true };
}

/** "the cache at DIR holds a, b" / "holds no dataset", for the line that refuses an id. */
export function heldList(meta: MetaDoc): string {
  const ids = Object.keys(meta.datasets).map(sanitize);
  return ids.length === 0 ? 'holds no dataset yet' : `holds ${ids.join(', ')}`;
}
