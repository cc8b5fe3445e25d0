// The cache: four lowdb documents under one directory (cache/schema.ts). Reads validate the
// schema and refuse corrupt or newer files with a DataError, leaving them untouched. Writes
// are batched by the caller (mark dirty, flush) and atomic (lowdb/steno write a temp file and
// rename it), data files before meta.json.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { DataError } from '../data/errors.js';
import type { CommitActivity, Dataset, ItemStatus, ModelInfo } from '../data/model.js';
import { TOOL } from '../version.js';
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

function open<T>(dir: string, name: StoreName, fallback: T): Low<T> {
  const path = fileOf(dir, name);
  const adapter = new DataFile<T>(path, {
    parse: (text: string) => {
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new DataError(`cache file ${path} is corrupt (${reason}); it was left as it is: move it aside to start that part over`);
      }
    },
    stringify: (data: T) => JSON.stringify(data),
  });
  return new Low<T>(adapter, fallback);
}

function checkSchema(path: string, doc: unknown, shape: (doc: Record<string, unknown>) => boolean): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new DataError(`cache file ${path} is corrupt (not a JSON object); it was left as it is`);
  }
  const schema = (doc as { schema?: unknown }).schema;
  if (typeof schema !== 'number') {
    throw new DataError(`cache file ${path} is corrupt (no schema version); it was left as it is`);
  }
  if (schema > SCHEMA_VERSION) {
    throw new DataError(
      `cache file ${path} was written by a newer hubscope (schema ${schema}; this one reads ${SCHEMA_VERSION}): ` +
        'upgrade hubscope or use another --cache directory',
    );
  }
  if (!shape(doc as Record<string, unknown>)) {
    throw new DataError(`cache file ${path} is corrupt (unexpected shape); it was left as it is`);
  }
}

const isObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

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
      open(dir, 'meta', emptyMeta(TOOL)),
      open(dir, 'leaderboard', emptyLeaderboard()),
      open(dir, 'models', emptyItems<ModelInfo>()),
      open(dir, 'commits', emptyItems<CommitActivity>()),
    );
    await Promise.all([store.meta.read(), store.leaderboardDb.read(), store.modelsDb.read(), store.commitsDb.read()]);
    checkSchema(fileOf(dir, 'meta'), store.meta.data, (d) => isObject(d.completed));
    checkSchema(fileOf(dir, 'leaderboard'), store.leaderboardDb.data, (d) => Array.isArray(d.entries));
    checkSchema(fileOf(dir, 'models'), store.modelsDb.data, (d) => isObject(d.items));
    checkSchema(fileOf(dir, 'commits'), store.commitsDb.data, (d) => isObject(d.items));
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

function statusOf<T>(record: ItemRecord<T>): ItemStatus {
  const status: ItemStatus = { status: record.status, fetchedAt: record.fetchedAt };
  if (record.message !== undefined) status.message = record.message;
  return status;
}

function datasetOf(store: CacheStore): Dataset {
  const lb = store.leaderboard;
  const info = new Map<string, ModelInfo>();
  const infoStatus = new Map<string, ItemStatus>();
  for (const [key, record] of Object.entries(store.models.items)) {
    infoStatus.set(key, statusOf(record));
    if (record.status === 'ok' && record.value) info.set(key, record.value);
  }
  const activity = new Map<string, CommitActivity>();
  const activityStatus = new Map<string, ItemStatus>();
  for (const [key, record] of Object.entries(store.commits.items)) {
    activityStatus.set(key, statusOf(record));
    if (record.status === 'ok' && record.value) activity.set(key, record.value);
  }
  return {
    generation: lb.generation ?? 'v2',
    source: {
      dataset: lb.dataset,
      revision: lb.revision,
      origin: lb.origin,
      leaderboardFetchedAt: lb.fetchedAt,
      infoFetchedAt: store.metaDoc.completed.info,
      commitsFetchedAt: store.metaDoc.completed.commits,
    },
    entries: lb.entries,
    info,
    infoStatus,
    activity,
    activityStatus,
  };
}

/** Opens the cache read-only and returns the dataset (for print and the UI). */
export async function loadDataset(dir: string): Promise<Dataset> {
  return (await CacheStore.open(dir)).toDataset();
}
