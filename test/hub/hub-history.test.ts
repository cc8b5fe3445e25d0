// The weekly history (history.ts) on two hand-built weekly files over a small snapshot: downloads
// per week are the difference of downloadsAllTime, clipped at 0, never the 30-day `downloads`;
// a model new that week counts whole, one absent the week before though older is unknown; the
// root organisation comes from the snapshot's lineage. Worked out by hand below.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parent, writeSnapshot } from './snapshot-fixture.js';
import { importHubSnapshot } from '../../source/fetch/hub-snapshot.js';
import { ingestHistory } from '../../source/hub/history.js';
import { HubStore } from '../../source/hub/store.js';
import { historyRows } from '../../source/hub/queries-history.js';
import { DEFAULT_HUB_QUERY } from '../../source/hub/query-sql.js';
import { hubView } from '../../source/views/hub-registry.js';
import { writeHubView } from '../../source/views/hub-print.js';
import { DataError } from '../../source/data/errors.js';

const TG = 'text-generation';
const llama = 'meta-llama/Llama-3-8B';
const qwen = 'Qwen/Qwen2.5-7B';
const WEEKLY = { id: 'VARCHAR', author: 'VARCHAR', createdAt: 'TIMESTAMP', downloads: 'BIGINT', downloadsAllTime: 'BIGINT' };

let dir: string;
let store: HubStore;
let week1: string;
let week2: string;

beforeAll(async () => {
  const snapshot = await writeSnapshot([
    { id: llama, author: 'meta-llama', createdAt: '2024-04-18T00:00:00Z', pipeline_tag: TG },
    { id: 'alice/llama-ft', author: 'alice', createdAt: '2024-05-10T00:00:00Z', baseModels: { relation: 'finetune', models: [parent(llama)] } },
    { id: qwen, author: 'Qwen', createdAt: '2024-09-19T00:00:00Z', pipeline_tag: TG },
    { id: 'bob/qwen-q', author: 'bob', createdAt: '2026-09-25T00:00:00Z', baseModels: { relation: 'quantized', models: [parent(qwen)] } },
    { id: 'frank/bert', author: 'frank', createdAt: '2024-06-01T00:00:00Z', pipeline_tag: 'text-classification' },
  ]);
  dir = await mkdtemp(join(tmpdir(), 'hub-history-'));
  await importHubSnapshot(snapshot, dir);
  // the 30-day `downloads` column is deliberately large: it must not be summed
  week1 = await writeSnapshot([
    { id: llama, createdAt: '2024-04-18T00:00:00Z', downloads: 999_999, downloadsAllTime: 1000 },
    { id: 'alice/llama-ft', createdAt: '2024-05-10T00:00:00Z', downloads: 999_999, downloadsAllTime: 100 },
    { id: qwen, createdAt: '2024-09-19T00:00:00Z', downloads: 999_999, downloadsAllTime: 500 },
    { id: 'frank/bert', createdAt: '2024-06-01T00:00:00Z', downloads: 999_999, downloadsAllTime: 10 },
    { id: 'gone/model', createdAt: '2023-01-01T00:00:00Z', downloads: 999_999, downloadsAllTime: 50 },
  ], { schema: WEEKLY });
  week2 = await writeSnapshot([
    { id: llama, createdAt: '2024-04-18T00:00:00Z', downloads: 999_999, downloadsAllTime: 1300 },
    // the counter went down: clipped at 0
    { id: 'alice/llama-ft', createdAt: '2024-05-10T00:00:00Z', downloads: 999_999, downloadsAllTime: 90 },
    { id: 'QWEN/qwen2.5-7b', createdAt: '2024-09-19T00:00:00Z', downloads: 999_999, downloadsAllTime: 650 },
    // new this week (created after 2026-09-23): counts whole
    { id: 'bob/qwen-q', createdAt: '2026-09-25T00:00:00Z', downloads: 999_999, downloadsAllTime: 40 },
    { id: 'frank/bert', createdAt: '2024-06-01T00:00:00Z', downloads: 999_999, downloadsAllTime: 15 },
    // gone from the snapshot since: its own namespace
    { id: 'gone/model', createdAt: '2023-01-01T00:00:00Z', downloads: 999_999, downloadsAllTime: 80 },
    // absent the week before though created long before: unknown
    { id: 'carol/old', createdAt: '2024-01-01T00:00:00Z', downloads: 999_999, downloadsAllTime: 70 },
  ], { schema: WEEKLY });
  const manifest = await ingestHistory([{ week: '2026-09-30', path: week2 }, { week: '2026-09-23', path: week1 }], dir);
  expect(manifest.weeks.map((w) => [w.week, w.rows])).toEqual([['2026-09-23', 5], ['2026-09-30', 7]]);
  store = await HubStore.open(dir);
});
afterAll(() => store?.close());

describe('downloads per week', () => {
  test('all models: Δ downloadsAllTime clipped at 0, by root organisation', async () => {
    const h = (await historyRows(store, { ...DEFAULT_HUB_QUERY, scope: 'all' }))!;
    // Llama +300, alice −10 → 0, Qwen +150, bob new 40, frank +5, gone +30 = 525; carol unknown
    expect(h.weeks).toEqual([{ week: '2026-09-30', downloads: 525, models: 6, clipped: 1, unknown: 1 }]);
    // meta-llama: Llama 300 + its finetune 0; Qwen: 150 + its quantization 40
    expect(h.orgs).toEqual([
      { week: '2026-09-30', org: 'Qwen', downloads: 190 },
      { week: '2026-09-30', org: 'frank', downloads: 5 },
      { week: '2026-09-30', org: 'gone', downloads: 30 },
      { week: '2026-09-30', org: 'meta-llama', downloads: 300 },
    ]);
  });

  test('language models only: the roots’ pipelines carry alice and bob in', async () => {
    const h = (await historyRows(store, DEFAULT_HUB_QUERY))!;
    expect(h.weeks).toEqual([{ week: '2026-09-30', downloads: 490, models: 4, clipped: 1, unknown: 0 }]);
  });

  test('the adoption view shows the weeks, in every format', async () => {
    const view = await hubView(store, 'adoption', { scope: 'all' });
    const text = writeHubView(view, 'text', { width: 100, color: false });
    expect(text).toContain('Downloads per week: the difference of downloadsAllTime between weekly snapshots, clipped at 0');
    expect(text).toMatch(/2026-09-30 +525 +6/);
    expect(writeHubView(view, 'markdown', { width: 100, color: false })).toContain('2026-09-30');
    const data = JSON.parse(writeHubView(view, 'json', { width: 100, color: false })).data.weeklyDownloads;
    expect(data.orgs).toEqual(['meta-llama', 'Qwen', 'gone', 'frank']);
    expect(data.shares[0]['meta-llama']).toBeCloseTo(300 / 525, 10);
  });

  test('one week is not a history; a file without downloadsAllTime is one line and nothing changes', async () => {
    await expect(ingestHistory([{ week: '2026-09-23', path: week1 }], dir)).rejects.toThrow(/two snapshots at least/);
    const bad = await writeSnapshot([{ id: 'a/b', downloads: 3 }], { schema: { id: 'VARCHAR', downloads: 'BIGINT' } });
    const error = await ingestHistory([{ week: '2026-09-23', path: week1 }, { week: '2026-09-30', path: bad }], dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(/no downloadsAllTime column; nothing was changed/);
    expect((await readdir(dir)).filter((f) => f.includes('building') || f.includes('spill'))).toEqual([]);
    expect((await historyRows(store, { ...DEFAULT_HUB_QUERY, scope: 'all' }))!.weeks[0]!.downloads).toBe(525);
  });
});
