// The ingest's own rules on a hand-built snapshot: an id twice (case aside) keeps the row with
// more downloads and drops the other everywhere (rows, ids, edges); a parent named in another
// case resolves to the kept row; the build leaves no temporary file or spill folder behind.
import { describe, expect, test } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parent, writeSnapshot, type FixtureRow } from './snapshot-fixture.js';
import { importHubSnapshot } from '../../source/fetch/hub-snapshot.js';
import { ingestSnapshot } from '../../source/hub/ingest.js';
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
    expect({ ...b, ingestSeconds: 0 }).toEqual({ ...a, ingestSeconds: 0 });
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
