// The ingest's own rules on a hand-built snapshot: an id twice (case aside) keeps the row with
// more downloads and drops the other everywhere (rows, ids, edges); a parent named in another
// case resolves to the kept row; the build leaves no temporary file or spill folder behind.
import { describe, expect, test } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parent, writeSnapshot, type FixtureRow } from './snapshot-fixture.js';
import { importHubSnapshot } from '../../source/fetch/hub-snapshot.js';
import { cutSlices, ingestSnapshot, passTwoSlices } from '../../source/hub/ingest.js';
import { Duck } from '../../source/hub/duck.js';
import { HubStore } from '../../source/hub/store.js';
import { lineageRows, lookupModel } from '../../source/hub/queries-lineage.js';
import { scopeCounts } from '../../source/hub/queries-community.js';
import { DEFAULT_HUB_QUERY } from '../../source/hub/query-sql.js';

describe('duplicate ids', () => {
  test('the row with more downloads is kept; the other is gone from every table', async () => {
    const file = await writeSnapshot([
      { id: 'Org/Base', author: 'Org', createdAt: '2024-01-01T00:00:00Z', downloads: 5, pipeline_tag: 'text-generation' },
      { id: 'org/BASE', author: 'org', createdAt: '2024-02-01T00:00:00Z', downloads: 9, pipeline_tag: 'text-generation' },
      { id: 'c/child', author: 'c', createdAt: '2024-03-01T00:00:00Z', downloads: 1, baseModels: { relation: 'finetune', models: [parent('ORG/base')] } },
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'hub-ingest-'));
    const manifest = await importHubSnapshot(file, dir);
    expect(manifest).toMatchObject({ rows: 2, duplicates: 1, lineage: { edges: 1, virtualNodes: 0 } });
    expect((await readdir(dir)).sort()).toEqual(['hub.duckdb', 'manifest.json']);
    const store = await HubStore.open(dir);
    try {
      expect(await lookupModel(store, 'org/base')).toMatchObject({ id: 'org/BASE', downloads: 9, author: 'org', day: '2024-02-01' });
      expect(await lookupModel(store, 'c/child')).toMatchObject({ parents: ['org/BASE'], root_id: 'org/BASE', root_org: 'org', relation: 'finetune' });
      expect((await scopeCounts(store, { ...DEFAULT_HUB_QUERY, scope: 'all' })).rows).toBe(2);
      const tree = await lineageRows(store, { ...DEFAULT_HUB_QUERY, base: 'ORG/BASE' });
      expect(tree.descendants).toBe(1);
      expect(tree.children.map((n) => n.id)).toEqual(['c/child']);
    } finally {
      store.close();
    }
  });
});

describe('children', () => {
  test('ranked by downloads, then by id case aside; a model with no downloads figure last', async () => {
    const child = (id: string, downloads: number | null): FixtureRow => ({ id, author: id.split('/')[0]!, createdAt: '2024-03-01T00:00:00Z', downloads, baseModels: { relation: 'finetune', models: [parent('org/base')] } });
    const file = await writeSnapshot([
      { id: 'org/base', author: 'org', createdAt: '2024-01-01T00:00:00Z', downloads: 1, pipeline_tag: 'text-generation' },
      child('B/x', 5), child('a/y', 5), child('c/none', null), child('d/most', 50), child('A/z', 5),
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'hub-ingest-'));
    await importHubSnapshot(file, dir);
    const store = await HubStore.open(dir);
    try {
      const tree = await lineageRows(store, { ...DEFAULT_HUB_QUERY, base: 'org/base' });
      // by id, binary, 'A/z' and 'B/x' would come before 'a/y'
      expect(tree.children.map((n) => n.id)).toEqual(['d/most', 'a/y', 'A/z', 'B/x', 'c/none']);
    } finally {
      store.close();
    }
  });
});

describe('pass 2 in slices', () => {
  test('slices of 7 rows give the same store as one pass: lineage across slices, a duplicate dropped in one', async () => {
    // chains whose parents sit in other slices (row i's parent is row i − 5), a merge, a duplicate
    const rows: FixtureRow[] = Array.from({ length: 40 }, (_, i) => ({
      id: `ns${i % 3}/m-${i}`, author: `ns${i % 3}`, createdAt: `2024-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`, downloads: i, pipeline_tag: i % 4 === 0 ? 'text-generation' : null,
      baseModels: i >= 5 ? { relation: i % 7 === 0 ? 'merge' : 'finetune', models: i % 7 === 0 ? [parent(`ns${(i - 5) % 3}/m-${i - 5}`), parent(`ns${(i - 6) % 3}/m-${i - 6}`)] : [parent(`ns${(i - 5) % 3}/m-${i - 5}`)] } : null,
    }));
    rows.push({ id: 'NS1/M-10', author: 'NS1', downloads: 0 });
    const file = await writeSnapshot(rows);
    const source = { dataset: 'cfahlgren1/hub-stats', file: 'models.parquet', sha: null, origin: `file:${file}`, size: 0, bytesDownloaded: 0, fetchedAt: '2026-01-01T00:00:00Z' };
    const whole = await mkdtemp(join(tmpdir(), 'hub-ingest-'));
    const sliced = await mkdtemp(join(tmpdir(), 'hub-ingest-'));
    const a = await ingestSnapshot(file, whole, source);
    const b = await ingestSnapshot(file, sliced, source, undefined, { sliceRows: 7 });
    // the same manifest but for the time and the file's size (the slices are two lanes' tables
    // of many small row groups: the same rows in more blocks)
    expect({ ...b, ingestSeconds: 0, storeBytes: 0 }).toEqual({ ...a, ingestSeconds: 0, storeBytes: 0 });
    expect(a).toMatchObject({ rows: 40, duplicates: 1 });
    const dump = async (dir: string) => {
      const duck = await Duck.open(join(dir, 'hub.duckdb'), { readOnly: true });
      try {
        return {
          models: await duck.all('SELECT * FROM models ORDER BY rid'),
          ancestors: await duck.all('SELECT * FROM ancestors ORDER BY ancestor, rid'),
          roots: await duck.all('SELECT * FROM root_counts ORDER BY root, llm'),
        };
      } finally {
        duck.close();
      }
    };
    const [x, y] = [await dump(whole), await dump(sliced)];
    expect(y).toEqual(x);
    expect(x.models).toHaveLength(40);
    // row 39's chain: 39 → 34 → 29 → … → 4 (an original)
    expect(x.models.find((m) => m.id === 'ns0/m-39')).toMatchObject({ depth: 7, root: 4, relation: 'finetune' });
  });
});

describe('pass 2 slices at row-group starts', () => {
  test('cutSlices: hub-stats\' shape (25 groups of 124 k rows, 500 k-row slices, two lanes) and the edge cases', () => {
    const k = 124_000;
    // half the file is 12.5 groups: the lanes take 12 and 13, each cut in slices of four groups
    expect(cutSlices(Array(25).fill(k), 25 * k, 500_000, 2)).toEqual([
      [[0, 4 * k], [4 * k, 8 * k], [8 * k, 12 * k]],
      [[12 * k, 16 * k], [16 * k, 20 * k], [20 * k, 24 * k], [24 * k, 25 * k]],
    ]);
    // one lane: the whole file
    expect(cutSlices([3, 3, 3], 9, 6, 1)).toEqual([[[0, 6], [6, 9]]]);
    // a group larger than the target is a slice of its own
    expect(cutSlices([2, 8, 2], 12, 4, 1)).toEqual([[[0, 2], [2, 10], [10, 12]]]);
    // one row group, or a first group past the target: cut at row counts, lane by lane
    expect(cutSlices([10], 10, 4, 2)).toEqual([[[0, 4], [4, 5]], [[5, 9], [9, 10]]]);
    expect(cutSlices([5, 5], 10, 4, 2)).toEqual([[[0, 4], [4, 5]], [[5, 9], [9, 10]]]);
    // an empty file: one empty slice (the tables' shape)
    expect(cutSlices([], 0, 4, 2)).toEqual([[[0, 1]], []]);
  });


  test('a file of several row groups is cut where a group starts (none read twice), and the store is the one a single pass writes', async () => {
    // DuckDB's parquet writer closes a row group after each 2,048-row chunk past ROW_GROUP_SIZE
    const rows: FixtureRow[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `ns${i % 7}/m-${i}`, author: `ns${i % 7}`, createdAt: '2024-05-01T00:00:00Z', downloads: i % 13, pipeline_tag: i % 3 === 0 ? 'text-generation' : null,
      baseModels: i >= 100 ? { relation: 'finetune', models: [parent(`ns${(i - 100) % 7}/m-${i - 100}`)] } : null,
    }));
    const file = await writeSnapshot(rows, { rowGroupSize: 1000 });
    const duck = await Duck.open(':memory:');
    let groups: Array<[number, number]> = [];
    let lanes: Array<Array<[number, number]>> = [];
    try {
      const meta = await duck.all(`SELECT row_group_id AS g, any_value(row_group_num_rows) AS n FROM parquet_metadata('${file}') GROUP BY 1 ORDER BY 1`);
      let at = 0;
      groups = meta.map((m) => [at, (at += Number(m.n))]);
      lanes = await passTwoSlices(duck, file, 5000, 3000, 2);
    } finally {
      duck.close();
    }
    expect(groups.length).toBeGreaterThan(1);
    // two lanes, each a contiguous part of the file, of rows within a group of each other
    expect(lanes).toHaveLength(2);
    const laneRows = lanes.map((l) => l.at(-1)![1] - l[0]![0]);
    expect(Math.abs(laneRows[0]! - laneRows[1]!)).toBeLessThanOrEqual(Math.max(...groups.map(([a, b]) => b - a)));
    const slices = lanes.flat();
    // contiguous, covering every row, each cut at a group's start, none past the target unless one group is
    expect(slices[0]![0]).toBe(0);
    expect(slices.at(-1)![1]).toBe(5000);
    for (let i = 1; i < slices.length; i += 1) expect(slices[i]![0]).toBe(slices[i - 1]![1]);
    for (const [from, to] of slices) {
      expect(groups.map(([start]) => start)).toContain(from);
      const inside = groups.filter(([start]) => start >= from && start < to);
      expect(to - from <= 3000 || inside.length === 1).toBe(true);
    }
    expect(slices.length).toBeGreaterThan(1);
    const source = { dataset: 'cfahlgren1/hub-stats', file: 'models.parquet', sha: null, origin: `file:${file}`, size: 0, bytesDownloaded: 0, fetchedAt: '2026-01-01T00:00:00Z' };
    const whole = await mkdtemp(join(tmpdir(), 'hub-ingest-'));
    const sliced = await mkdtemp(join(tmpdir(), 'hub-ingest-'));
    await ingestSnapshot(file, whole, source, undefined, { sliceRows: 1_000_000 });
    await ingestSnapshot(file, sliced, source, undefined, { sliceRows: 3000 });
    const dump = async (dir: string) => {
      const store = await Duck.open(join(dir, 'hub.duckdb'), { readOnly: true });
      try {
        return await store.all('SELECT * FROM models ORDER BY rid');
      } finally {
        store.close();
      }
    };
    const [x, y] = [await dump(whole), await dump(sliced)];
    expect(y).toEqual(x);
    expect(x).toHaveLength(5000);
    // the text columns stored with the compression named for them (MODELS_COMPRESSION)
    const store = await Duck.open(join(sliced, 'hub.duckdb'), { readOnly: true });
    try {
      const methods = await store.all(`SELECT column_name AS c, list(DISTINCT compression ORDER BY compression) AS m FROM pragma_storage_info('models_1')
        WHERE segment_type = 'VARCHAR' AND column_name IN ('id', 'relation') GROUP BY 1 ORDER BY 1`);
      expect(methods).toEqual([{ c: 'id', m: ['FSST'] }, { c: 'relation', m: ['Dictionary'] }]);
    } finally {
      store.close();
    }
    expect(x[4999]).toMatchObject({ id: 'ns1/m-4999', depth: 49, relation: 'finetune' });
  }, 60_000);
});
