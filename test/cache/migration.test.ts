// A schema-1 cache (one table at the top, as hubscope wrote it before datasets were kept
// apart) reads as one dataset under its recorded id, in place, without a write; the first
// write moves it into the schema-2 layout (its table into datasets/<dir>/, meta.json last, the
// old file removed after) — and every figure of every view survives each step.
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileSystem } from '../../source/cache/atomic-write.js';
import { buildReport } from '../../source/cache/report.js';
import { CacheStore, loadDataset } from '../../source/cache/store.js';
import { emptyLeaderboard } from '../../source/cache/schema.js';
import type { Dataset } from '../../source/data/model.js';
import { VIEWS } from '../../source/views/registry.js';
import { DEFAULT_VIEW_OPTIONS, VIEW_IDS } from '../../source/views/view.js';
import { FakeHub } from '../fake-hub/server.js';
import { fetchInto, tempDir } from '../fetch/helpers.js';
import { writeSchema1Cache, type LegacyDocs } from './legacy-cache.js';

const V2 = 'open-llm-leaderboard/contents';
const OPTIONS = { ...DEFAULT_VIEW_OPTIONS, now: new Date('2026-06-01T00:00:00Z') };

/** Every number every view shows, as JSON (the figures a migration must keep); `times: false`
 *  leaves out when each stage last completed (a fetch moves those on). */
const figures = (dataset: Dataset, times = true): string =>
  JSON.stringify(VIEW_IDS.map((id) => VIEWS[id](dataset, OPTIONS).data), (key, value) => (!times && (/FetchedAt$/.test(key) || key === 'ages') ? undefined : value));

/** Every file under the directory with its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

let hub: FakeHub;
let docs: LegacyDocs;
let expected: string;

beforeAll(async () => {
  hub = await FakeHub.start();
  const fetched = await tempDir('hubscope-migrate-');
  await fetchInto(hub, fetched);
  const store = await CacheStore.open(fetched);
  docs = {
    table: store.leaderboard,
    models: store.models,
    commits: store.commits,
    completed: { leaderboard: store.record.completed.leaderboard!, info: store.record.completed.info!, commits: store.record.completed.commits! },
  };
  expected = figures(await loadDataset(fetched));
}, 60_000);
afterAll(async () => hub?.close());

async function legacyCache(table = docs.table): Promise<string> {
  const dir = await tempDir('hubscope-legacy-');
  await writeSchema1Cache(dir, { ...docs, table });
  return dir;
}

describe('a schema-1 cache', () => {
  it('reads in place as one dataset under its recorded id, every figure the same, nothing written', async () => {
    const dir = await legacyCache();
    const before = await snapshot(dir);
    const dataset = await loadDataset(dir);
    expect(dataset.source.dataset).toBe(V2);
    expect(dataset.source.infoFetchedAt).toBe(docs.completed.info);
    expect(dataset.source.commitsFetchedAt).toBe(docs.completed.commits);
    expect(figures(dataset)).toBe(expected);
    expect(figures(await loadDataset(dir, { dataset: V2 }))).toBe(expected);
    // status reads it through the store: still no write
    const store = await CacheStore.open(dir);
    expect(Object.keys(store.datasets)).toEqual([V2]);
    expect(buildReport(store, 7).leaderboard).toMatchObject({ entries: docs.table.entries.length, dataset: V2 });
    expect(await snapshot(dir)).toEqual(before);
    expect(await exists(join(dir, 'datasets'))).toBe(false);
  });

  it('an import of its time (no dataset id) reads as local/<file name>', async () => {
    const dir = await legacyCache({ ...docs.table, dataset: null, origin: 'file:/data/board.csv' });
    const dataset = await loadDataset(dir);
    expect(dataset.source.dataset).toBe('local/board');
    expect(figures(dataset).length).toBeGreaterThan(1000);
  });

  it('the first write moves it into datasets/<dir>/: new files first, meta.json last, then the old table goes', async () => {
    const dir = await legacyCache();
    const order: string[] = [];
    const rename = vi.spyOn(fileSystem, 'rename').mockImplementation(async (from, to) => {
      order.push(String(to).slice(dir.length + 1));
      const { rename: real } = await import('node:fs/promises');
      return real(from, to);
    });
    try {
      // an import of another dataset: the v2 table itself is not written, only moved
      const store = await CacheStore.open(dir, { dataset: 'local/other' });
      store.setLeaderboard({ ...emptyLeaderboard(), origin: 'file:/x/other.csv', generation: 'v1', complete: true, fetchedAt: new Date().toISOString() });
      await store.flush();
    } finally {
      rename.mockRestore();
    }
    expect(order).toEqual(['datasets/open-llm-leaderboard--contents/leaderboard.json', 'datasets/local--other/leaderboard.json', 'meta.json']);
    expect(await exists(join(dir, 'leaderboard.json'))).toBe(false);
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
    expect(meta.schema).toBe(2);
    expect(Object.keys(meta.datasets).sort()).toEqual(['local/other', V2]);
    expect(meta.datasets[V2]).toMatchObject({ kind: 'leaderboard', dir: 'open-llm-leaderboard--contents', completed: docs.completed, revision: 'rev-1' });
    expect(figures(await loadDataset(dir, { dataset: V2 }))).toBe(expected);
  });

  it('a fetch of its own dataset migrates it too, and the figures stay', async () => {
    const dir = await legacyCache();
    await fetchInto(hub, dir, { only: ['info'], refresh: true });
    expect(await exists(join(dir, 'leaderboard.json'))).toBe(false);
    expect(await exists(join(dir, 'datasets', 'open-llm-leaderboard--contents', 'leaderboard.json'))).toBe(true);
    const dataset = await loadDataset(dir);
    expect(dataset.source.dataset).toBe(V2);
    expect(dataset.source.commitsFetchedAt).toBe(docs.completed.commits);
    expect(dataset.source.infoFetchedAt).not.toBe(docs.completed.info); // a new pass
    expect(figures(dataset, false)).toBe(figures(await loadDataset(await legacyCache()), false));
  });

  it('a migration that fails before meta.json is written loses nothing, and the next write finishes it', async () => {
    const dir = await legacyCache();
    const before = await snapshot(dir);
    const rename = vi.spyOn(fileSystem, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('meta.json')) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      const { rename: real } = await import('node:fs/promises');
      return real(from, to);
    });
    const store = await CacheStore.open(dir, { dataset: 'local/other' });
    store.setLeaderboard({ ...emptyLeaderboard(), origin: 'file:/x/other.csv', generation: 'v1', complete: true, fetchedAt: new Date().toISOString() });
    try {
      await expect(store.flush()).rejects.toThrow(/could not write .*meta\.json \(no space left on the device, ENOSPC\)/);
    } finally {
      rename.mockRestore();
    }
    // the old layout is whole: meta.json and the table at the top as they were
    for (const name of ['meta.json', 'leaderboard.json', 'models.json', 'commits.json']) expect((await snapshot(dir))[name]).toBe(before[name]);
    expect(Object.keys(await snapshot(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(figures(await loadDataset(dir))).toBe(expected);
    await store.flush(); // the retry
    expect(await exists(join(dir, 'leaderboard.json'))).toBe(false);
    expect(figures(await loadDataset(dir, { dataset: V2 }))).toBe(expected);
  });
});
