// The snapshot's download gives up in bounded time on a server that trickles its body (issue 10,
// README "Giving up"; hub-projected-copy.ts RANGE_DEADLINE): a real loopback server answers a
// Range with 206 and then one byte every 50 ms; with a short bound the copy stops with one
// line naming the range and keeps the bytes that came (the journal: a later run starts after
// them).
import { afterEach, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createDownloader } from '../../source/fetch/file-download.js';
import { projectedCopy } from '../../source/fetch/hub-projected-copy.js';
import { RangeFile } from '../../source/fetch/hub-range-file.js';
import { DataError } from '../../source/data/errors.js';
import { tempDir } from './helpers.js';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

it('a trickled range is given up after its bound, with one line, keeping what came', async () => {
  const size = 4000;
  server = createServer((req, res) => {
    const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range));
    const from = Number(m?.[1] ?? 0);
    const to = Number(m?.[2] ?? size - 1);
    res.writeHead(206, { 'content-range': `bytes ${from}-${to}/${size}`, 'content-length': String(to - from + 1) });
    const timer = setInterval(() => res.write(Buffer.from([0x50])), 50);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/blob`;
  const dir = await tempDir();
  const path = join(dir, 'models.parquet.part');
  const files = createDownloader({ trustedOrigins: [], backoff: { baseMs: 5, capMs: 10 } });
  const started = Date.now();
  const error = await projectedCopy({ files, url, sha: 'a'.repeat(40), size, path, name: 'cfahlgren1/hub-stats/models.parquet', deadline: { baseMs: 400, minBytesPerSecond: 1e9 } }).catch((e: unknown) => e);
  await files.close();
  const seconds = (Date.now() - started) / 1000;
  expect(error).toBeInstanceOf(DataError);
  expect((error as Error).message).toMatch(/^cfahlgren1\/hub-stats\/models\.parquet: gave up on a range of 4000 bytes after 0 s \((\d+) came; slower than \d+ KB\/s\); the bytes fetched are kept, run fetch again to resume$/);
  const came = Number(/\((\d+) came/.exec((error as Error).message)![1]);
  expect(came).toBeGreaterThan(0);
  expect(seconds).toBeLessThan(5);
  // the journal kept what came: the next run starts after it
  const copy = await RangeFile.open(path, 'a'.repeat(40), size);
  expect(copy.bytesDone([[0, size]])).toBe(came);
  await copy.close();
}, 20_000);
