// The snapshot's fetch against two real HTTP servers on 127.0.0.1 (a Hub and a CDN on another
// origin): column projection asserted by counting the bytes the CDN sent, a body cut short and
// resumed with Range, the token kept off the CDN, and --revision pinning a sha.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parent, writeSnapshot, type FixtureRow } from './snapshot-fixture.js';
import { fetchHubSnapshot, chunksOf } from '../../source/fetch/hub-snapshot.js';
import { planColumns } from '../../source/hub/columns.js';
import { HubStore } from '../../source/hub/store.js';
import { lookupModel } from '../../source/hub/queries-lineage.js';
import { parquetMetadata } from 'hyparquet';

const SHA = 'a'.repeat(40);
let file: Buffer;
let hub: Server;
let cdn: Server;
let hubUrl = '';
let cdnUrl = '';
const log = { cdnBytes: 0, cdnAuth: 0, hubAuth: 0, ranges: [] as string[], cutsLeft: 0 };

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

function serveHub(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers.authorization) log.hubAuth += 1;
  const url = req.url ?? '';
  if (url.startsWith('/api/datasets/cfahlgren1/hub-stats/revision/')) {
    const rev = decodeURIComponent(url.split('/').pop()!);
    if (rev !== 'main' && rev !== SHA) return void res.writeHead(404).end('{"error":"Revision not found"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'cfahlgren1/hub-stats', sha: SHA }));
  } else if (url === `/api/datasets/cfahlgren1/hub-stats/tree/${SHA}`) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ type: 'file', path: 'models.parquet', size: file.length }]));
  } else if (url === `/datasets/cfahlgren1/hub-stats/resolve/${SHA}/models.parquet`) {
    res.writeHead(302, { location: `${cdnUrl}/blob/models.parquet`, 'x-linked-size': String(file.length), 'x-repo-commit': SHA }).end();
  } else res.writeHead(404).end();
}

function serveCdn(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers.authorization) log.cdnAuth += 1;
  const m = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
  if (!m) return void res.writeHead(200).end(file);
  const start = Number(m[1]);
  const end = m[2] === '' ? file.length - 1 : Math.min(Number(m[2]), file.length - 1);
  log.ranges.push(`${start}-${end}`);
  const body = file.subarray(start, end + 1);
  res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${file.length}`, 'content-length': String(body.length) });
  if (log.cutsLeft > 0 && body.length > 2000) {
    // cut the body short mid-transfer and drop the connection
    log.cutsLeft -= 1;
    const half = body.subarray(0, Math.floor(body.length / 2));
    log.cdnBytes += half.length;
    res.write(half, () => res.destroy());
    return;
  }
  log.cdnBytes += body.length;
  res.end(body);
}

beforeAll(async () => {
  const rows: FixtureRow[] = [];
  for (let i = 0; i < 3000; i += 1) {
    rows.push({
      id: `ns${i % 97}/model-${i}`, author: `ns${i % 97}`, createdAt: `2024-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`, downloads: i % 5, pipeline_tag: 'text-generation',
      tags: ['license:mit'], baseModels: i >= 400 && i % 4 === 0 ? { relation: 'finetune', models: [parent(`ns${(i % 400) % 97}/model-${i % 400}`)] } : null,
      // the wide columns a fetch must skip: per-model text that does not compress away
      siblings: Array.from({ length: 12 }, (_, k) => ({ rfilename: `shard-${k}-${(i * 7919 + k * 104729).toString(36)}-${Math.sin(i + k).toString(36)}.safetensors` })),
      cardData: JSON.stringify({ text: Array.from({ length: 20 }, (_, k) => Math.cos(i * 31 + k).toString(36)).join(' ') }),
    });
  }
  const path = await writeSnapshot(rows, { rowGroupSize: 1000 });
  file = await readFile(path);
  hub = createServer(serveHub);
  cdn = createServer(serveCdn);
  hubUrl = await listen(hub);
  cdnUrl = await listen(cdn);
});
afterAll(async () => {
  await new Promise((r) => hub.close(r));
  await new Promise((r) => cdn.close(r));
});

test('reads only the needed column chunks, resumes a cut body, never sends the token to the CDN', async () => {
  const plan = planColumns(chunksOf(parquetMetadata(new Uint8Array(file))));
  expect(plan.skippedLeaves).toEqual(expect.arrayContaining(['siblings.list.element.rfilename', 'cardData']));
  const storeDir = await mkdtemp(join(tmpdir(), 'hub-fetch-'));
  Object.assign(log, { cdnBytes: 0, cdnAuth: 0, hubAuth: 0, ranges: [], cutsLeft: 2 });
  const stages = new Set<string>();
  let lastRows = 0;
  const result = await fetchHubSnapshot({
    endpoint: hubUrl, storeDir, token: 'hf_testtokentesttokentesttoken', backoffMs: 1,
    onProgress: (p) => { stages.add(p.stage); if (p.stage === 'download') lastRows = p.rows; },
  });
  expect(result.manifest).toMatchObject({ rows: 3000, sha: SHA, size: file.length, origin: 'hub' });
  expect(result.resumed).toBe(2);
  // the CDN sent the footer and the needed chunks (the cut halves once more), far from the whole file
  const footer = Math.min(file.length, 1 << 16);
  expect(log.cdnBytes).toBeLessThan(plan.neededBytes * 1.6 + footer);
  expect(log.cdnBytes).toBeLessThan(file.length * 0.5);
  expect(plan.neededBytes).toBeLessThan(plan.allBytes * 0.4);
  expect(result.manifest.bytesDownloaded).toBe(log.cdnBytes);
  expect(log.cdnAuth).toBe(0);
  expect(log.hubAuth).toBeGreaterThan(0);
  expect([...stages]).toEqual(['resolve', 'footer', 'download', 'ingest', 'done']);
  expect(lastRows).toBe(3000);
  // the sparse copy and its journal are gone; the store answers
  expect((await readdir(storeDir)).sort()).toEqual(['hub.duckdb', 'manifest.json']);
  expect((await stat(join(storeDir, 'hub.duckdb'))).size).toBeGreaterThan(0);
  const store = await HubStore.open(storeDir);
  try {
    expect(await lookupModel(store, 'ns20/model-408')).toMatchObject({ relation: 'finetune', parents: ['ns8/model-8'], root_id: 'ns8/model-8' });
  } finally {
    store.close();
  }
  // the same sha again: up to date, nothing downloaded
  const again = await fetchHubSnapshot({ endpoint: hubUrl, storeDir });
  expect(again.upToDate).toBe(true);
  expect(again.bytesDownloaded).toBe(0);
});

test('--revision pins a sha; an unknown one is one clear line', async () => {
  const storeDir = await mkdtemp(join(tmpdir(), 'hub-fetch-'));
  Object.assign(log, { cutsLeft: 0 });
  const pinned = await fetchHubSnapshot({ endpoint: hubUrl, storeDir, revision: SHA });
  expect(pinned.manifest.sha).toBe(SHA);
  const error = await fetchHubSnapshot({ endpoint: hubUrl, storeDir, revision: 'b'.repeat(40), refresh: true }).catch((e: Error) => e);
  expect(String((error as Error).message)).toMatch(/revision b{40} not found/);
  expect(JSON.parse(await readFile(join(storeDir, 'manifest.json'), 'utf8')).sha).toBe(SHA);
});
