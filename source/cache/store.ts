// The cache: four lowdb documents under one directory (cache/schema.ts). Reads validate the
// schema and refuse corrupt or newer files with a DataError, leaving them untouched. Writes
// are batched by the caller (mark dirty, flush) and atomic (lowdb/steno write a temp file and
// rename it), data files before meta.json.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { DataError } from '../data/errors.js';
import type { CommitActivity, Dataset, ItemStatus, ModelInfo } from '../data/model.js';
import { TOOL } from '../version.js';
import {
  asciiJson,
  decodeCommits,
  decodeLeaderboard,
  decodeModels,
  encodeCommits,
  encodeLeaderboard,
  encodeModels,
  modelMaps,
  commitMaps,
} from './codec.js';
import {
  FILES,
  SCHEMA_VERSION,
  emptyItems,
  emptyLeaderboard,
  emptyMeta,
  type CommitsDoc,
  type ItemRecord,
  type LeaderboardDoc,
  type MetaDoc,
  type ModelsDoc,
  type StoreName,
} from './schema.js';

/** The default cache directory: --cache, else HUBSCOPE_CACHE, else ./cache. */
export function cacheDir(option?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option || env.HUBSCOPE_CACHE || 'cache');
}

function fileOf(dir: string, name: StoreName): string {
  return join(dir, FILES[name]);
}

function corrupt(path: string, error: unknown): DataError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new DataError(`cache file ${path} is corrupt (${reason}); it was left as it is: move it aside to start that part over`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** What each document must look like before it is decoded (both layouts of codec.ts). */
const SHAPES: Record<StoreName, (doc: Record<string, unknown>) => boolean> = {
  meta: (d) => isObject(d.completed),
  leaderboard: (d) => Array.isArray(d.entries),
  models: (d) => isObject(d.items) || Array.isArray(d.items),
  commits: (d) => isObject(d.items) || Array.isArray(d.items),
};

/** Reads one cache document: the whole file at once (a Buffer decoded in one go, much faster
 *  than a streamed utf-8 read), its schema checked on the raw JSON, then decoded. null when
 *  the file does not exist. Corrupt or newer files raise DataError and are not touched. */
async function readDocument<T>(path: string, name: StoreName, decode: (raw: never) => T): Promise<T | null> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(buffer.toString('utf8'));
  } catch (error) {
    throw corrupt(path, error);
  }
  if (!isObject(raw)) throw corrupt(path, 'not a JSON object');
  const schema = raw.schema;
  if (typeof schema !== 'number') throw corrupt(path, 'no schema version');
  if (schema > SCHEMA_VERSION) {
    throw new DataError(
      `cache file ${path} was written by a newer hubscope (schema ${schema}; this one reads ${SCHEMA_VERSION}): ` +
        'upgrade hubscope or use another --cache directory',
    );
  }
  if (!SHAPES[name](raw)) throw corrupt(path, 'unexpected shape');
  try {
    return decode(raw as never);
  } catch (error) {
    throw corrupt(path, error);
  }
}

/** A lowdb adapter for one cache document: reads with readDocument, writes the compact
 *  layout through lowdb's TextFile (steno: a temp file renamed over the old one, so atomic). */
class CacheFile<T> implements Adapter<T> {
  private readonly text: TextFile;
  constructor(
    private readonly path: string,
    private readonly name: StoreName,
    private readonly decode: (raw: never) => T,
    private readonly encode: (data: T) => unknown,
  ) {
    this.text = new TextFile(path);
  }

  read(): Promise<T | null> {
    return readDocument(this.path, this.name, this.decode);
  }

  write(data: T): Promise<void> {
    return this.text.write(asciiJson(this.encode(data)));
  }
}

function open<T>(dir: string, name: StoreName, fallback: T, decode: (raw: never) => T, encode: (data: T) => unknown): Low<T> {
  return new Low<T>(new CacheFile<T>(fileOf(dir, name), name, decode, encode), fallback);
}

const same = <T>(value: T): T => value;

export class CacheStore {
  private readonly dirty = new Set<StoreName>();

  private constructor(
    readonly dir: string,
    private readonly meta: Low<MetaDoc>,
    private readonly leaderboardDb: Low<LeaderboardDoc>,
    private readonly modelsDb: Low<ModelsDoc>,
    private readonly commitsDb: Low<CommitsDoc>,
  ) {}

  /** Reads every file of the cache at `dir` (missing files start empty). Throws DataError on
   *  a corrupt or newer file, before anything is written. */
  static async open(dir: string): Promise<CacheStore> {
    const store = new CacheStore(
      dir,
      open(dir, 'meta', emptyMeta(TOOL), same, same),
      open(dir, 'leaderboard', emptyLeaderboard(), decodeLeaderboard, encodeLeaderboard),
      open(dir, 'models', emptyItems<ModelInfo>(), decodeModels, encodeModels),
      open(dir, 'commits', emptyItems<CommitActivity>(), decodeCommits, encodeCommits),
    );
    // one at a time: the peak memory is one file's text, not four
    await store.meta.read();
    await store.leaderboardDb.read();
    await store.modelsDb.read();
    await store.commitsDb.read();
    if (!Array.isArray(store.leaderboardDb.data.problems)) store.leaderboardDb.data.problems = [];
    return store;
  }

  get metaDoc(): MetaDoc {
    return this.meta.data;
  }
  get leaderboard(): LeaderboardDoc {
    return this.leaderboardDb.data;
  }
  get models(): ModelsDoc {
    return this.modelsDb.data;
  }
  get commits(): CommitsDoc {
    return this.commitsDb.data;
  }

  /** Replaces the leaderboard document (a new source or a full refresh). */
  setLeaderboard(doc: LeaderboardDoc): void {
    this.leaderboardDb.data = doc;
    this.dirty.add('leaderboard');
  }

  /** Marks the leaderboard document changed in place. */
  touchLeaderboard(): void {
    this.dirty.add('leaderboard');
  }

  putInfo(key: string, status: ItemStatus, value?: ModelInfo): void {
    const record: ItemRecord<ModelInfo> = { ...status };
    if (value !== undefined) record.value = value;
    this.modelsDb.data.items[key] = record;
    this.dirty.add('models');
  }

  putActivity(key: string, status: ItemStatus, value?: CommitActivity): void {
    const record: ItemRecord<CommitActivity> = { ...status };
    if (value !== undefined) record.value = value;
    this.commitsDb.data.items[key] = record;
    this.dirty.add('commits');
  }

  markCompleted(stage: keyof MetaDoc['completed'], at: string): void {
    this.meta.data.completed[stage] = at;
    this.dirty.add('meta');
  }

  get pendingWrites(): number {
    return this.dirty.size;
  }

  /** Writes every changed document: data files first, meta.json last. */
  async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    await mkdir(this.dir, { recursive: true });
    const order: StoreName[] = ['leaderboard', 'models', 'commits', 'meta'];
    const dbs: Record<StoreName, Low<unknown>> = {
      leaderboard: this.leaderboardDb as Low<unknown>,
      models: this.modelsDb as Low<unknown>,
      commits: this.commitsDb as Low<unknown>,
      meta: this.meta as Low<unknown>,
    };
    if (this.dirty.size > 0 && !this.dirty.has('meta')) this.dirty.add('meta');
    this.meta.data.writtenBy = TOOL;
    for (const name of order) {
      if (!this.dirty.has(name)) continue;
      this.dirty.delete(name);
      await dbs[name].write();
    }
  }

  /** The cache as the analyses read it. */
  toDataset(): Dataset {
    return datasetOf(this);
  }
}


interface Maps<T> {
  values: Map<string, T>;
  statuses: Map<string, ItemStatus>;
}

function mapsOf<T>(items: Record<string, ItemRecord<T>>): Maps<T> {
  const values = new Map<string, T>();
  const statuses = new Map<string, ItemStatus>();
  for (const [key, record] of Object.entries(items)) {
    statuses.set(key, record); // an ItemRecord is an ItemStatus (plus its value)
    if (record.status === 'ok' && record.value !== undefined) values.set(key, record.value);
  }
  return { values, statuses };
}

function assemble(meta: MetaDoc, lb: LeaderboardDoc, info: Maps<ModelInfo>, activity: Maps<CommitActivity>): Dataset {
  return {
    generation: lb.generation ?? 'v2',
    source: {
      dataset: lb.dataset,
      revision: lb.revision,
      origin: lb.origin,
      leaderboardFetchedAt: lb.fetchedAt,
      infoFetchedAt: meta.completed.info,
      commitsFetchedAt: meta.completed.commits,
      rowProblems: lb.problems.length,
    },
    entries: lb.entries,
    info: info.values,
    infoStatus: info.statuses,
    activity: activity.values,
    activityStatus: activity.statuses,
  };
}

function datasetOf(store: CacheStore): Dataset {
  return assemble(store.metaDoc, store.leaderboard, mapsOf(store.models.items), mapsOf(store.commits.items));
}

/** The last leaderboard table loadDataset read, with the identity of the file it came from. */
let lastTable: { path: string; identity: string; table: LeaderboardDoc } | null = null;

/**
 * The leaderboard document, decoded — or the one decoded last time when the file is the same
 * (same inode, size and modification time: the store replaces files by rename, so a rewrite
 * is a new inode). The explorer reads the table for its first frame and then the whole cache:
 * the second read takes the table it already has instead of decoding (and holding) it twice.
 * The table is never changed after decoding, so datasets can share it.
 */
async function readLeaderboard(path: string): Promise<LeaderboardDoc | null> {
  let identity: string;
  try {
    const s = await stat(path);
    identity = `${s.ino}/${s.size}/${s.mtimeMs}`;
  } catch {
    return readDocument(path, 'leaderboard', decodeLeaderboard); // missing: says so as usual
  }
  if (lastTable && lastTable.path === path && lastTable.identity === identity) return lastTable.table;
  const table = await readDocument(path, 'leaderboard', decodeLeaderboard);
  lastTable = table ? { path, identity, table } : null;
  return table;
}

/** Reads the cache for the analyses (print and the explorer): straight into the dataset's
 *  maps, one file at a time, without the keyed documents a writer needs. Same errors as
 *  CacheStore.open. `leaderboardOnly` stops after the table: a `partial` dataset the explorer
 *  draws its first frame from while it reads the rest. */
export async function loadDataset(dir: string, options: { leaderboardOnly?: boolean } = {}): Promise<Dataset> {
  const meta = (await readDocument<MetaDoc>(fileOf(dir, 'meta'), 'meta', same)) ?? emptyMeta(TOOL);
  const lb = (await readLeaderboard(fileOf(dir, 'leaderboard'))) ?? emptyLeaderboard();
  const empty = <T>(): Maps<T> => ({ values: new Map<string, T>(), statuses: new Map<string, ItemStatus>() });
  if (options.leaderboardOnly) return { ...assemble(meta, lb, empty(), empty()), partial: true };
  const info = (await readDocument(fileOf(dir, 'models'), 'models', modelMaps)) ?? empty<ModelInfo>();
  const activity = (await readDocument(fileOf(dir, 'commits'), 'commits', commitMaps)) ?? empty<CommitActivity>();
  return assemble(meta, lb, info, activity);
}
