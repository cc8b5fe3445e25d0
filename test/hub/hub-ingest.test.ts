// The ingest's own rules on a hand-built snapshot: an id twice (case aside) keeps the row with
// more downloads and drops the other everywhere (rows, ids, edges); a parent named in another
// case resolves to the kept row; the build leaves no temporary file or spill folder behind.
import { describe, expect, test } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parent, writeSnapshot } from './snapshot-fixture.js';
import { importHubSnapshot } from '../../source/fetch/hub-snapshot.js';
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
