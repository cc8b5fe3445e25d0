// The Hub snapshot's store as the views read it: the DuckDB file opened read-only, its manifest,
// and a memo of query results (a revisited view costs no query: issue 10's ≤ 50 ms). One store per
// open file; close it when done.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import { DataError } from '../data/errors.js';
import { Duck, sqlString, type Row } from './duck.js';
import { HISTORY_MANIFEST, HISTORY_NAME, HISTORY_VERSION, type HistoryManifest } from './history.js';
import { HUB_MANIFEST_VERSION, MANIFEST_NAME, STORE_NAME, checkStoreFile, damagedStoreMessage, readJson, readManifest, type HubManifest } from './manifest.js';
import { HUBSCOPE } from '../text/command.js';

/** DuckDB's words for a file that is not (or no longer) a whole database. */
const DAMAGED = /not a valid DuckDB database file|Corrupt database file|Could not read enough bytes|checksum|database file .* is too small/i;

export class HubStore {
  private readonly memo = new Map<string, Promise<unknown>>();

  private constructor(
    readonly dir: string,
    readonly manifest: HubManifest,
    private readonly duck: Duck,
    /** The weekly history beside the snapshot (history.ts), attached as `history`, if fetched. */
    readonly history: HistoryManifest | null = null,
  ) {}

  /** Whether `dir` holds a Hub snapshot store. */
  static async exists(dir: string): Promise<boolean> {
    try {
      await access(join(dir, STORE_NAME));
      await access(join(dir, MANIFEST_NAME));
      return true;
    } catch {
      return false;
    }
  }

  static async open(dir: string, options: { threads?: number; memoryLimit?: string } = {}): Promise<HubStore> {
    const manifest = await readManifest(join(dir, MANIFEST_NAME));
    if (!manifest || !(await HubStore.exists(dir))) {
      throw new DataError(`${dir}: no Hub snapshot here yet (run ${HUBSCOPE} fetch --dataset cfahlgren1/hub-stats, or import a models.parquet)`);
    }
    if (manifest.version < HUB_MANIFEST_VERSION) {
      throw new DataError(`${dir}: the Hub snapshot store was written by an older hubscope (store version ${manifest.version}); fetch or import the snapshot again`);
    }
    const path = join(dir, STORE_NAME);
    await checkStoreFile(path, manifest);
    let duck: Duck;
    try {
      duck = await Duck.open(path, { readOnly: true, threads: options.threads ?? 2, memoryLimit: options.memoryLimit ?? '256MB' });
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? '';
      throw new DataError(DAMAGED.test(message) ? damagedStoreMessage(path, manifest.dataset, message) : `${path}: cannot open the Hub snapshot store (${message}); left untouched`);
    }
    const history = await readJson<HistoryManifest>(join(dir, HISTORY_MANIFEST)).catch(() => null);
    if (history && history.version === HISTORY_VERSION) {
      try {
        await duck.exec(`ATTACH ${sqlString(join(dir, HISTORY_NAME))} AS history (READ_ONLY)`);
        return new HubStore(dir, manifest, duck, history);
      } catch {
        // an unreadable history is left out: the snapshot's views do not need it
      }
    }
    return new HubStore(dir, manifest, duck);
  }

  /** Rows of a query (not memoised). A block whose checksum fails (damaged in place: the open
   *  and checkStoreFile cannot see it) is the damaged-store line, not an unexpected error. */
  async all(sql: string, values: readonly DuckDBValue[] = []): Promise<Row[]> {
    try {
      return await this.duck.all(sql, values);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? '';
      if (DAMAGED.test(message)) throw new DataError(damagedStoreMessage(join(this.dir, STORE_NAME), this.manifest.dataset, message));
      throw error;
    }
  }

  /** The result of `compute` for `key`, computed once per store. */
  cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = compute();
      this.memo.set(key, hit);
      hit.catch(() => this.memo.delete(key));
    }
    return hit;
  }

  close(): void {
    this.duck.close();
  }
}
