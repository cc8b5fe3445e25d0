// The cache a writer works with (fetch, import): the index (meta.json), the shared
// per-repository documents (models.json, commits.json) and ONE dataset's table, each a lowdb
// document (cache/schema.ts has the layout). Reads validate every file and refuse corrupt or
// newer ones with a DataError, leaving them untouched. Writes are batched by the caller (mark
// dirty, flush) and atomic (cache/atomic-write.ts); data files before meta.json, so meta never
// describes a file that is not on disk; a failed write stops the flush there and is retried
// first by the next one. Other datasets' documents are never written.
import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { DEFAULT_DATASET } from '../env.js';
import type { CommitActivity, Dataset, ItemStatus, ModelInfo } from '../data/model.js';
import { TOOL } from '../version.js';
import { asciiJson, decodeCommits, decodeModels, encodeCommits, encodeLeaderboard, encodeModels } from './codec.js';
import { copyAtomic, makeDir, writeAtomic } from './atomic-write.js';
import { readDocument, readTable, type DocumentKind } from './documents.js';
import { assemble, mapsOf } from './assemble.js';
import { chooseDataset, readIndex, tablePath, type CacheIndex, type DatasetChoice } from './meta.js';
import {
  DATASETS_DIR,
  FILES,
  SCHEMA_VERSION,
  TABLE_FILE,
  datasetDirName,
  emptyItems,
  emptyLeaderboard,
  emptyRecord,
  type CommitsDoc,
  type DatasetRecord,
  type ItemRecord,
  type LeaderboardDoc,
  type MetaDoc,
  type ModelsDoc,
} from './schema.js';

export { loadDataset } from './load.js';

/** The default cache directory: --cache, else HUBSCOPE_CACHE, else ./cache. */
export function cacheDir(option?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option || env.HUBSCOPE_CACHE || 'cache');
}

/** A lowdb adapter for one cache document: reads it checked (cache/documents.ts), writes it
 *  atomically in the compact layout. */
class CacheFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly kind: DocumentKind,
    private readonly decode: (raw: never) => T,
    private readonly encode: (data: T) => unknown,
  ) {}

  read(): Promise<T | null> {
    return readDocument(this.path, this.kind, this.decode);
  }

  write(data: T): Promise<void> {
    return writeAtomic(this.path, asciiJson(this.encode(data)));
  }
}

const items = <T>(path: string, decode: (raw: never) => ItemsDocOf<T>, encode: (doc: ItemsDocOf<T>) => unknown): Low<ItemsDocOf<T>> =>
  new Low(new CacheFile(path, 'items', decode, encode), emptyItems<T>());

type ItemsDocOf<T> = { schema: number; items: Record<string, ItemRecord<T>> };

export interface OpenOptions {
  /** The dataset to work on; none: the most recently fetched one held, else `fallback`. */
  dataset?: string | null;
  /** The dataset when none is asked for and the cache holds none (default: the v2 table). */
  fallback?: string;
  /** Its source kind when the cache does not hold it yet (default 'leaderboard'). */
  kind?: string;
}

type Part = 'table' | 'models' | 'commits' | 'meta';

export class CacheStore {
  private readonly dirty = new Set<Part>();
  /** The dataset's record, until it is entered in the index by a first change. */
  private pending: DatasetRecord | null = null;
  private tableDb: Low<LeaderboardDoc>;

  private constructor(
    readonly dir: string,
    private readonly index: CacheIndex,
    /** The dataset this store works on, and how it was chosen. */
    readonly choice: DatasetChoice,
    table: LeaderboardDoc,
    private readonly modelsDb: Low<ModelsDoc>,
    private readonly commitsDb: Low<CommitsDoc>,
  ) {
    const record = index.meta.datasets[choice.id];
    if (!record) this.pending = emptyRecord('leaderboard', datasetDirName(choice.id, Object.values(index.meta.datasets).map((r) => r.dir)));
    this.tableDb = new Low(new CacheFile(this.tablePathNow(), 'leaderboard', (raw) => raw, encodeLeaderboard), table);
  }

  /** Reads the index, the chosen dataset's table and the shared documents (missing files start
   *  empty). Throws DataError on a corrupt or newer file, before anything is written. */
  static async open(dir: string, options: OpenOptions = {}): Promise<CacheStore> {
    const index = await readIndex(dir);
    const choice = chooseDataset(index.meta, options.dataset, options.fallback ?? DEFAULT_DATASET);
    // one at a time: the peak memory is one file's text, not three
    const table = choice.held ? ((await readTable(tablePath(dir, index, choice.id), true)) ?? emptyLeaderboard()) : emptyLeaderboard();
    const modelsDb = items<ModelInfo>(join(dir, FILES.models), decodeModels, encodeModels);
    const commitsDb = items<CommitActivity>(join(dir, FILES.commits), decodeCommits, encodeCommits);
    await modelsDb.read();
    await commitsDb.read();
    const store = new CacheStore(dir, index, choice, table, modelsDb, commitsDb);
    if (store.pending && options.kind) store.pending.kind = options.kind;
    table.dataset = choice.id;
    return store;
  }

  /** The dataset this store works on. */
  get datasetId(): string {
    return this.choice.id;
  }

  /** Its meta record (a new dataset's, not yet in the index, until something is written). */
  get record(): DatasetRecord {
    return this.index.meta.datasets[this.choice.id] ?? this.pending!;
  }

  /** Every dataset the cache holds (read only). */
  get datasets(): Readonly<Record<string, DatasetRecord>> {
    return this.index.meta.datasets;
  }

  get metaDoc(): MetaDoc {
    return this.index.meta;
  }

  /** The folder of this dataset's own documents (a source kind with its own store keeps its
   *  files there). */
  get datasetDir(): string {
    return join(this.dir, DATASETS_DIR, this.record.dir);
  }

  private tablePathNow(): string {
    return join(this.dir, DATASETS_DIR, this.record.dir, TABLE_FILE);
  }

  get leaderboard(): LeaderboardDoc {
    return this.tableDb.data;
  }
  get models(): ModelsDoc {
    return this.modelsDb.data;
  }
  get commits(): CommitsDoc {
    return this.commitsDb.data;
  }

  /** Another held dataset's table, read only (status lists them all). */
  async tableOf(id: string): Promise<LeaderboardDoc | null> {
    if (id === this.choice.id) return this.leaderboard;
    if (!(id in this.index.meta.datasets) || this.index.meta.datasets[id]!.kind !== 'leaderboard') return null;
    return readTable(tablePath(this.dir, this.index, id));
  }

  /** Enters this dataset in the index (its first change). */
  private enter(): DatasetRecord {
    if (this.pending) {
      this.index.meta.datasets[this.choice.id] = this.pending;
      this.pending = null;
    }
    this.dirty.add('meta');
    return this.record;
  }

  /** Replaces the dataset's table (a new revision, a full refresh, an import). A table of
   *  another revision resets the later stages' completion times: they described other repos. */
  setLeaderboard(doc: LeaderboardDoc): void {
    const record = this.enter();
    doc.dataset = this.choice.id;
    if (record.revision !== null && doc.revision !== record.revision) {
      for (const stage of Object.keys(record.completed)) if (stage !== 'leaderboard') record.completed[stage] = null;
    }
    this.tableDb.data = doc;
    this.dirty.add('table');
  }

  /** Marks the table changed in place. */
  touchLeaderboard(): void {
    this.enter();
    this.dirty.add('table');
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

  /** Sets the record's description of what the dataset's folder holds now (a kind whose store
   *  is its own: the Hub snapshot's sha, day and fetch time). Written with meta.json by the
   *  next flush, after the folder's files are on disk. */
  describe(patch: Partial<Pick<DatasetRecord, 'generation' | 'origin' | 'revision' | 'fetchedAt'>>): void {
    Object.assign(this.enter(), patch);
  }

  /** A stage completed a full pass over this dataset. */
  markCompleted(stage: string, at: string): void {
    this.enter().completed[stage] = at;
  }

  get pendingWrites(): number {
    return this.dirty.size;
  }

  /** Writes one part. Its dirty mark goes before the write (a change made while it is
   *  written marks it again) and comes back when the write fails (the next flush retries it,
   *  and meta.json waits for it). The document is encoded when the write starts. */
  private async writePart(part: Part, write: () => Promise<void>): Promise<void> {
    this.dirty.delete(part);
    try {
      await write();
    } catch (error) {
      this.dirty.add(part);
      this.dirty.add('meta');
      throw error;
    }
  }

  /** The record mirrors the table it describes (written with meta, after the table). */
  private syncRecord(): void {
    const record = this.index.meta.datasets[this.choice.id];
    if (!record || record.kind !== 'leaderboard') return;
    const doc = this.leaderboard;
    record.generation = doc.generation;
    record.origin = doc.origin;
    record.revision = doc.revision;
    if (doc.fetchedAt) record.fetchedAt = doc.fetchedAt;
  }

  /**
   * Writes every changed document: data files first, meta.json last. The first write of a
   * schema-1 cache moves its table into datasets/<dir>/ (the copy is on disk before meta.json
   * points to it; the old file is removed after). A failed write throws CacheWriteError and
   * leaves the parts not written dirty, meta.json among them.
   */
  async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    await makeDir(this.dir);
    const legacy = this.index.legacy;
    if (legacy) {
      const record = this.index.meta.datasets[legacy.id]!;
      await makeDir(join(this.dir, DATASETS_DIR, record.dir));
      const moving = join(this.dir, DATASETS_DIR, record.dir, TABLE_FILE);
      if (!(legacy.id === this.choice.id && this.dirty.has('table'))) await copyAtomic(legacy.path, moving);
      this.dirty.add('meta');
    }
    if (this.dirty.has('table')) {
      await makeDir(this.datasetDir);
      this.leaderboard.schema = SCHEMA_VERSION;
      await this.writePart('table', () => this.tableDb.write());
    }
    for (const [part, db] of [['models', this.modelsDb], ['commits', this.commitsDb]] as const) {
      if (!this.dirty.has(part)) continue;
      db.data.schema = SCHEMA_VERSION;
      await this.writePart(part, () => db.write());
    }
    this.syncRecord();
    const meta = this.index.meta;
    meta.schema = SCHEMA_VERSION;
    meta.writtenBy = TOOL;
    await this.writePart('meta', () => writeAtomic(join(this.dir, FILES.meta), asciiJson(meta)));
    for (const old of [legacy?.path, this.index.stray]) if (old) await unlink(old).catch(() => undefined);
    this.index.legacy = null;
    this.index.stray = null;
  }

  /** The dataset as the analyses read it. */
  toDataset(): Dataset {
    return assemble(this.choice.id, this.record, this.leaderboard, mapsOf(this.models.items), mapsOf(this.commits.items));
  }
}
