// `--history N` against a Hub and a CDN on two loopback origins: the N latest weekly snapshots
// listed under models/, each read with column projection (id, createdAt, downloadsAllTime: the
// wide column's bytes never sent), the token kept off the CDN, and the weeks folded into the
// store's history.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshot, type FixtureRow } from './snapshot-fixture.js';
import { importHubSnapshot } from '../../source/fetch/hub-snapshot.js';
import { fetchHubHistory, weeksListed } from '../../source/fetch/hub-history-fetch.js';
import { HubStore } from '../../source/hub/store.js';
import { historyRows } from '../../source/hub/queries-history.js';
import { DEFAULT_HUB_QUERY } from '../../source/hub/query-sql.js';

const SHA = 'c'.repeat(40);
const DS = 'hfmlsoc/hub_weekly_snapshots';
const WEEKS = ['2026-09-16', '2026-09-23', '2026-09-30'];
const TOKEN = 'hf_historytesttokentesttoken';
const files = new Map<string, Buffer>();
let hub: Server;
let cdn: Server;
let hubUrl = '';
let cdnUrl = '';
const log = { cdnBytes: 0, cdnAuth: 0, hubAuth: 0, cdnPaths: new Set<string>() };

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));

function serveHub(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers.authorization === `Bearer ${TOKEN}`) log.hubAuth += 1;
  const url = req.url ?? '';
  if (url === `/api/datasets/${DS}/revision/main`) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sha: SHA }));
  if (url === `/api/datasets/${DS}/tree/${SHA}/models`) {
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([...WEEKS.map((w) => ({ type: 'directory', path: `models/${w}` })), { type: 'file', path: 'models/README.md' }]));
  }
  const m = new RegExp(`^/datasets/${DS}/resolve/${SHA}/models/(\\d{4}-\\d{2}-\\d{2})/models\\.parquet$`).exec(url);
  if (m && files.has(m[1]!)) return void res.writeHead(302, { location: `${cdnUrl}/blob/${m[1]}`, 'x-linked-size': String(files.get(m[1]!)!.length), 'x-repo-commit': SHA }).end();
  res.writeHead(404).end();
}

function serveCdn(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers.authorization) log.cdnAuth += 1;
  const file = files.get((req.url ?? '').split('/').pop() ?? '');
  const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
  if (!file || !m) return void res.writeHead(file ? 200 : 404).end(file);
  log.cdnPaths.add(req.url ?? '');
  const [start, end] = [Number(m[1]), Math.min(Number(m[2]), file.length - 1)];
  const body = file.subarray(start, end + 1);
  log.cdnBytes += body.length;
  res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${file.length}`, 'content-length': String(body.length) }).end(body);
}

const WEEKLY = { id: 'VARCHAR', createdAt: 'TIMESTAMP', downloadsAllTime: 'BIGINT', siblings: 'STRUCT(rfilename VARCHAR)[]' };
let storeDir: string;

beforeAll(async () => {
  const snapshot: FixtureRow[] = Array.from({ length: 50 }, (_, i) => ({ id: `ns${i % 5}/m-${i}`, author: `ns${i % 5}`, createdAt: '2025-01-01T00:00:00Z', pipeline_tag: 'text-generation' }));
  storeDir = await mkdtemp(join(tmpdir(), 'hub-history-fetch-'));
  await importHubSnapshot(await writeSnapshot(snapshot), storeDir);
  for (const [w, week] of WEEKS.entries()) {
    // the snapshot's 50 models and 1,950 others (gone from the snapshot since: not language models)
    const ids = [...snapshot.map((r) => r.id), ...Array.from({ length: 1950 }, (_, i) => `old${i % 7}/gone-${i}`)];
    const rows = ids.map((id, i) => ({
      id, createdAt: '2025-01-01T00:00:00Z', downloadsAllTime: 100 * (w + 1) + i,
      // the wide column a projected read must skip
      siblings: Array.from({ length: 20 }, (_, k) => ({ rfilename: `f-${k}-${Math.sin(i * 31 + k + w).toString(36)}.safetensors` })),
    }));
    files.set(week, await readFile(await writeSnapshot(rows as FixtureRow[], { schema: WEEKLY, rowGroupSize: 500 })));
  }
  hub = createServer(serveHub);
  cdn = createServer(serveCdn);
  hubUrl = await listen(hub);
  cdnUrl = await listen(cdn);
});
afterAll(async () => {
  await new Promise((r) => hub.close(r));
  await new Promise((r) => cdn.close(r));
});

test('the two latest weekly snapshots, projected, folded into the history', async () => {
  const result = await fetchHubHistory({ endpoint: hubUrl, storeDir, snapshots: 2, token: TOKEN, backoffMs: 1 });
  expect(result.manifest.weeks.map((w) => [w.week, w.rows])).toEqual([['2026-09-23', 2000], ['2026-09-30', 2000]]);
  // only the two latest files were read, and far from whole
  expect([...log.cdnPaths].sort()).toEqual(['/blob/2026-09-23', '/blob/2026-09-30']);
  expect(result.bytesDownloaded).toBe(log.cdnBytes);
  expect(log.cdnBytes).toBeLessThan(result.bytesOfFiles * 0.4);
  expect(log.cdnAuth).toBe(0);
  expect(log.hubAuth).toBeGreaterThan(0);
  // each model +100 over the week: the 50 language models 5,000; all 2,000 models 200,000
  const store = await HubStore.open(storeDir);
  try {
    expect((await historyRows(store, DEFAULT_HUB_QUERY))!.weeks).toEqual([{ week: '2026-09-30', downloads: 5000, models: 50, clipped: 0, unknown: 0 }]);
    expect((await historyRows(store, { ...DEFAULT_HUB_QUERY, scope: 'all' }))!.weeks[0]).toMatchObject({ downloads: 200_000, models: 2000 });
  } finally {
    store.close();
  }
  expect((await readdir(storeDir)).filter((f) => f.endsWith('.part') || f.endsWith('.part.json'))).toEqual([]);
});

test('the weeks a tree listing shows, folders or files', () => {
  expect(weeksListed([{ path: 'models/2026-09-30' }, { path: 'models/2026-09-23/models.parquet' }, { path: 'models/README.md' }, { path: 'spaces/2026-09-30' }])).toEqual(['2026-09-23', '2026-09-30']);
  expect(weeksListed(null)).toEqual([]);
});

test('one snapshot is not a history', async () => {
  await expect(fetchHubHistory({ endpoint: hubUrl, storeDir, snapshots: 1 })).rejects.toThrow(/2 weekly snapshots at least/);
});
