// The Hub snapshot's manifest: a small JSON document beside the DuckDB file saying what the store
// holds (issue 10 "Store": dataset, sha, file size, columns read, rows, fetched-at, coverage per
// field). Written atomically (temp file + rename); a reader never sees half of one. The lead folds
// it into the cache's meta when the source registry lands.
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { DataError } from '../data/errors.js';
import { HUBSCOPE } from '../text/command.js';

/** 2: the store of the two-pass ingest (ids, ancestors and the summary tables; models without
 *  key, parents and created). 3: `ids` by the hash of the id (lineage-sql.ts IDS_STATEMENTS).
 *  An older store is refused with a line saying to fetch again. */
export const HUB_MANIFEST_VERSION = 3;
export const HUB_DATASET = 'cfahlgren1/hub-stats';
export const HUB_FILE = 'models.parquet';

export interface HubManifest {
  version: number;
  dataset: string;
  file: string;
  /** The dataset revision the file was read at (null for a local import). */
  sha: string | null;
  /** `hub` or `file:PATH`. */
  origin: string;
  /** The file's size in bytes, and how many of them were downloaded (0 for an import). */
  size: number;
  bytesDownloaded: number;
  /** The latest creation day in the snapshot (its "date"), YYYY-MM-DD, or null. */
  snapshotDay: string | null;
  fetchedAt: string;
  rows: number;
  /** Rows dropped as case-insensitive duplicates of an earlier id. */
  duplicates: number;
  columnsRead: string[];
  columnsMissing: string[];
  columnsSkipped: string[];
  /** Share of rows with each field known. */
  coverage: Record<string, number>;
  lineage: { edges: number; virtualNodes: number; cycles: number; maxDepth: number };
  /** (model, ancestor) pairs through any parent edge (the `ancestors` table). */
  ancestorPairs?: number;
  /** Seconds spent reading the file into the store. */
  ingestSeconds: number;
  /** The size of hub.duckdb as the ingest wrote it (checkStoreFile; absent in older manifests). */
  storeBytes?: number;
}

export const MANIFEST_NAME = 'manifest.json';

// The weekly history beside the snapshot (history.ts builds it; its names are here so that
// status reads its manifest without loading DuckDB).
export const HISTORY_DATASET = 'hfmlsoc/hub_weekly_snapshots';
export const HISTORY_NAME = 'history.duckdb';
export const HISTORY_MANIFEST = 'history.json';
export const HISTORY_VERSION = 1;

export interface HistoryManifest {
  version: number;
  dataset: string;
  /** The snapshot dates, ascending, and rows read from each. */
  weeks: Array<{ week: string; rows: number; origin: string }>;
  /** The snapshot store the lineage came from (its sha or file, and day). */
  snapshot: { sha: string | null; day: string | null };
  fetchedAt: string;
}

export const STORE_NAME = 'hub.duckdb';

/** A DuckDB file starts with a checksum (8 bytes) and the magic bytes "DUCK"; its three headers
 *  take 12 KB before the first block. */
const DUCK_MAGIC_AT = 8;
const DUCK_HEADERS = 3 * 4096;

/** The one line for a damaged store (issue 10's rule: bad input → one-line error, non-zero exit,
 *  nothing cached lost — the file is left as it is, for the next fetch or import to replace). */
export function damagedStoreMessage(path: string, dataset: string, why: string): string {
  return `${path}: the Hub snapshot store is damaged (${why}); fetch or import the snapshot again (${HUBSCOPE} fetch --dataset ${dataset}); left untouched`;
}

/** A cheap check of the store file without loading DuckDB (the explorer's first frame reads only
 *  the manifest; a damaged store must stop it before that frame, not inside a view): the file is
 *  there, says "DUCK" where DuckDB's header does, and has the size the ingest wrote
 *  (`storeBytes`, when the manifest records it). A block damaged in place passes this and is
 *  found by DuckDB's checksums when read (HubStore turns that into the same line). */
export async function checkStoreFile(path: string, manifest: HubManifest): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new DataError(damagedStoreMessage(path, manifest.dataset, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`));
  }
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(DUCK_MAGIC_AT + 4);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (size < DUCK_HEADERS || bytesRead < head.length || head.toString('latin1', DUCK_MAGIC_AT) !== 'DUCK') {
      throw new DataError(damagedStoreMessage(path, manifest.dataset, 'not a DuckDB database file'));
    }
    if (typeof manifest.storeBytes === 'number' && size !== manifest.storeBytes) {
      throw new DataError(damagedStoreMessage(path, manifest.dataset, `${size} bytes where the ingest wrote ${manifest.storeBytes}`));
    }
  } finally {
    await handle.close();
  }
}

export async function readManifest(path: string): Promise<HubManifest | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataError(`${path}: the Hub snapshot manifest is not valid JSON; left untouched`);
  }
  const m = parsed as Partial<HubManifest>;
  if (typeof m.version !== 'number' || typeof m.rows !== 'number' || typeof m.dataset !== 'string') {
    throw new DataError(`${path}: not a Hub snapshot manifest; left untouched`);
  }
  if (m.version > HUB_MANIFEST_VERSION) {
    throw new DataError(`${path}: written by a newer hubscope (manifest version ${m.version}); left untouched`);
  }
  return m as HubManifest;
}

export async function writeManifest(path: string, manifest: HubManifest): Promise<void> {
  await writeJson(path, manifest);
}

/** A small JSON document written atomically (temp file + rename). */
export async function writeJson(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temp, path);
}

/** A JSON document, or null when the file does not exist (a DataError when it is not JSON). */
export async function readJson<T>(path: string): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DataError(`${path}: not valid JSON; left untouched`);
  }
}
