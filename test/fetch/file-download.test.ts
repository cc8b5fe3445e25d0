// The one file downloader (file-download.ts) against two loopback origins, a Hub and a CDN:
// `head` reads a resolve route's redirect without asking the CDN, `getRange` streams a byte
// range and resumes a body cut mid-transfer at the byte it stopped at, a server ignoring Range
// is one clear line, and the token goes to the Hub only (a same-origin redirect keeps it).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createDownloader } from '../../source/fetch/file-download.js';
import { DataError } from '../../source/data/errors.js';

const FILE = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
const TOKEN = 'hf_filedownloadtesttokentoken';
let hub: Server;
let cdn: Server;
let hubUrl = '';
let cdnUrl = '';
const seen = { hub: [] as Array<{ path: string; auth: boolean; method: string }>, cdn: [] as Array<{ range: string; auth: boolean; method: string }>, cuts: 0 };

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));

beforeAll(async () => {
  hub = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.hub.push({ path: req.url ?? '', auth: req.headers.authorization === `Bearer ${TOKEN}`, method: req.method ?? '' });
    if (req.url === '/moved') return void res.writeHead(307, { location: '/resolve/f' }).end();
    if (req.url === '/resolve/f') return void res.writeHead(302, { location: `${cdnUrl}/blob`, 'x-linked-size': String(FILE.length), 'x-repo-commit': 'c0ffee', 'x-linked-etag': '"e1"' }).end();
    if (req.url === '/plain') return void res.writeHead(200).end(FILE);
    res.writeHead(404).end();
  });
  cdn = createServer((req: IncomingMessage, res: ServerResponse) => {
    const range = String(req.headers.range ?? '');
    seen.cdn.push({ range, auth: req.headers.authorization !== undefined, method: req.method ?? '' });
    const m = /^bytes=(\d+)-(\d+)$/.exec(range);
    if (!m) return void res.writeHead(200, { 'content-length': String(FILE.length) }).end(req.method === 'HEAD' ? undefined : FILE);
    const [start, end] = [Number(m[1]), Number(m[2])];
    const body = FILE.subarray(start, end + 1);
    res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${FILE.length}`, 'content-length': String(body.length) });
    if (seen.cuts > 0) {
      seen.cuts -= 1;
      return void res.write(body.subarray(0, 700), () => res.destroy());
    }
    res.end(body);
  });
  hubUrl = await listen(hub);
  cdnUrl = await listen(cdn);
});
afterAll(async () => {
  await new Promise((r) => hub.close(r));
  await new Promise((r) => cdn.close(r));
});

const downloader = () => createDownloader({ token: TOKEN, trustedOrigins: [hubUrl], backoff: { baseMs: 1, capMs: 5, maxAttempts: 4 } });

test('head: a same-origin redirect keeps the token, the resolve route’s 302 names size, commit and the CDN URL; the CDN is not asked', async () => {
  const files = downloader();
  seen.hub.length = 0;
  seen.cdn.length = 0;
  try {
    const head = await files.head(`${hubUrl}/moved`);
    expect(head).toEqual({ url: `${cdnUrl}/blob`, size: 5000, commit: 'c0ffee', etag: '"e1"', hops: [new URL(hubUrl).host, new URL(hubUrl).host, new URL(cdnUrl).host] });
    expect(seen.hub.map((r) => [r.path, r.auth, r.method])).toEqual([['/moved', true, 'HEAD'], ['/resolve/f', true, 'HEAD']]);
    expect(seen.cdn).toEqual([]);
  } finally {
    await files.close();
  }
});

test('getRange: bytes at their offsets, a cut body resumed at the byte it stopped at, no token on the CDN', async () => {
  const files = downloader();
  seen.cdn.length = 0;
  seen.cuts = 2;
  const got = Buffer.alloc(FILE.length);
  const offsets: number[] = [];
  try {
    await files.getRange(`${cdnUrl}/blob`, 1000, 4000, (offset, bytes) => {
      offsets.push(offset);
      Buffer.from(bytes).copy(got, offset);
    });
    expect(got.subarray(1000, 4000).equals(FILE.subarray(1000, 4000))).toBe(true);
    // 3,000 bytes asked; two bodies cut after 700 bytes: the next asks start at 1,700 and 2,400
    expect(seen.cdn.map((r) => r.range)).toEqual(['bytes=1000-3999', 'bytes=1700-3999', 'bytes=2400-3999']);
    expect(seen.cdn.every((r) => !r.auth)).toBe(true);
    expect(offsets[0]).toBe(1000);
    expect(files.stats).toMatchObject({ retries: 2, bytes: 3000 });
  } finally {
    await files.close();
  }
});

test('getRange on a server that ignores Range: one line, no retry', async () => {
  const files = downloader();
  try {
    const error = await files.getRange(`${hubUrl}/plain`, 10, 20, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(/ignores Range requests/);
    expect(files.stats.retries).toBe(0);
  } finally {
    await files.close();
  }
});
