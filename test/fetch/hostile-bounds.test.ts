// Every input bounded (issue 7 §6–8, §11) against the hostile server: absurd totals refused
// with one line, a whole-response deadline that a one-byte-at-a-time body cannot dodge, a host
// that never answers given up in bounded time with the cache kept, bodies capped, pagination
// ended, and control sequences kept out of what is stored.
import { sourceFor } from '../../source/sources/registry.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchCommitActivity } from '../../source/fetch/commits-source.js';
import { storedHeaderValue } from '../../source/fetch/header-value.js';
import { HubClient } from '../../source/fetch/http-client.js';
import { MAX_PAGES_WITHOUT_TOTAL } from '../../source/fetch/limits.js';
import { listModels } from '../../source/fetch/model-info-source.js';
import { GaveUpOnHost, RefusedAnswer } from '../../source/fetch/refused.js';
import { DataError } from '../../source/data/errors.js';
import { loadFixtures } from '../fake-hub/server.js';
import { C1_TEXT, CONTROL_TEXT, HostileServer } from '../hostile-server/server.js';
import { completedOf, fetchInto, itemsOf, readCache, tempDir } from './helpers.js';

let hostile: HostileServer;
let client: HubClient | null = null;
const fixtures = loadFixtures();

afterEach(async () => {
  await client?.close();
  client = null;
  await hostile?.close();
});

const newClient = (extra: Parameters<typeof HubClient.create>[0] = {}): HubClient =>
  (client = HubClient.create({ trustedOrigins: [hostile.url], backoff: { baseMs: 2, capMs: 5, maxAttempts: 2 }, ...extra }));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('absurd totals', () => {
  it('num_rows_total 1e12: the fetch stops with one line at once, without sizing anything from it', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'rows', behaviour: { kind: 'absurd-total' } });
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const failure = await fetchInto(hostile, await tempDir()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as Error).message).toBe(
      'the row count of "open-llm-leaderboard/contents" (num_rows_total): the server reports 1,000,000,000,000, more than 10,000,000; refused as absurd',
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(hostile.count('rows')).toBe(1);
  });

  it('X-Total-Count 1e12 fails that commit history with one line', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'commits', behaviour: { kind: 'absurd-total' } });
    await expect(fetchCommitActivity(newClient(), hostile.url, 'alpha/m1')).rejects.toThrow(
      'the commit count (X-Total-Count): the server reports 1,000,000,000,000, more than 1,000,000; refused as absurd',
    );
  });
});

describe('deadlines', () => {
  it('a body sent one byte at a time fails at the whole-response deadline (the silence timeout never trips)', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'model', behaviour: { kind: 'slowloris', intervalMs: 100 } });
    const c = newClient({ deadlineMs: 1000 });
    const started = Date.now();
    const failure = await c.getJson(`${hostile.url}/api/models/gamma/g1`).catch((error: unknown) => error);
    const seconds = (Date.now() - started) / 1000;
    expect(failure).toBeInstanceOf(GaveUpOnHost);
    expect((failure as Error).message).toMatch(/^gave up on 127\.0\.0\.1:\d+: no complete answer within 1 s on all 2 attempts over [23] s/);
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThan(4);
  });

  it('a host that never answers: told after the first timeout, given up within attempts × deadline, the cache kept', async () => {
    hostile = await HostileServer.start();
    const dir = await tempDir();
    await fetchInto(hostile, dir, { only: ['leaderboard'] });
    hostile.on({ route: 'model_list', behaviour: { kind: 'silent' } });
    hostile.on({ route: 'model', behaviour: { kind: 'silent' } });
    const started = Date.now();
    const run = fetchInto(hostile, dir, { client: { deadlineMs: 800, backoff: { baseMs: 2, capMs: 5, maxAttempts: 3 } } });
    const failure = await run.catch((error: unknown) => error);
    const seconds = (Date.now() - started) / 1000;
    expect(failure).toBeInstanceOf(GaveUpOnHost);
    expect((failure as Error).message).toMatch(/^gave up on 127\.0\.0\.1:\d+: no complete answer within 0\.8 s on all 3 attempts/);
    expect(seconds).toBeLessThan(3 * 0.8 + 1.5); // 3 attempts × the deadline, and the backoff
    // every request in flight fails on its own deadline; later ones are not even sent
    expect(hostile.count('model_list') + hostile.count('model')).toBeLessThanOrEqual(3 * 4);
    const cache = await readCache(dir);
    expect(cache['leaderboard.json'].entries).toHaveLength(fixtures.leaderboard.rows.length - 1);
    expect((await completedOf(dir)).info ?? null).toBeNull();
  });

  it('the retrying event comes after the first timed-out attempt, not the second', async () => {
    hostile = await HostileServer.start();
    const dir = await tempDir();
    await fetchInto(hostile, dir, { only: ['leaderboard'] });
    hostile.on({ route: 'model_list', behaviour: { kind: 'silent' } });
    hostile.on({ route: 'model', behaviour: { kind: 'silent' } });
    const started = Date.now();
    let firstRetry: number | null = null;
    let event: unknown = null;
    const { runFetch } = await import('../../source/fetch/fetcher.js');
    await runFetch({
      cacheDir: dir,
      dataset: 'open-llm-leaderboard/contents',
      sourceFor,
      only: ['info'],
      refresh: false,
      ttlDays: 7,
      concurrency: 1,
      hubUrl: hostile.url,
      datasetsServerUrl: hostile.url,
      token: null,
      offline: false,
      emit: (e) => {
        if (e.type === 'retrying' && firstRetry === null) {
          firstRetry = Date.now() - started;
          event = e;
        }
      },
      client: { deadlineMs: 600, backoff: { baseMs: 2, capMs: 5, maxAttempts: 4 } },
    }).catch(() => undefined);
    expect(event).toMatchObject({ attempt: 2, of: 4, problem: 'no complete answer within 0.6 s' });
    expect(firstRetry!).toBeLessThan(1200);
  });
});

describe('body caps', () => {
  it('a body far over the cap is refused without being read whole', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'model', behaviour: { kind: 'huge-body', bytes: 200 * 1024 * 1024 } });
    const c = newClient({ maxBodyBytes: 1024 * 1024 });
    const failure = await c.getJson(`${hostile.url}/api/models/gamma/g1`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RefusedAnswer);
    expect((failure as Error).message).toBe(`the answer from ${new URL(hostile.url).host} is larger than 1 MB; refused`);
    expect(hostile.count('model')).toBe(1); // not retried
    expect(hostile.hugeBytesSent).toBeLessThan(50 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap is refused before the body is read', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'model', behaviour: { kind: 'huge-body', bytes: 8 * 1024 * 1024, contentLength: true } });
    const c = newClient({ maxBodyBytes: 1024 * 1024 });
    await expect(c.getJson(`${hostile.url}/api/models/gamma/g1`)).rejects.toThrow('is larger than 1 MB; refused');
  });

  it('the default cap is 64 MB', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'model', behaviour: { kind: 'huge-body', bytes: 65 * 1024 * 1024 } });
    await expect(newClient().getJson(`${hostile.url}/api/models/gamma/g1`)).rejects.toThrow('is larger than 64 MB; refused');
  });
});

describe('pagination ends', () => {
  it('a Link to a new page on every response (no total): stopped at the bound, with one line', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'commits', behaviour: { kind: 'link-new' } });
    await expect(fetchCommitActivity(newClient(), hostile.url, 'alpha/m1')).rejects.toThrow(
      `the commit list goes on past ${MAX_PAGES_WITHOUT_TOTAL} pages, the most read without a total; stopped`,
    );
    expect(hostile.count('commits')).toBe(MAX_PAGES_WITHOUT_TOTAL);
  });

  it('with X-Total-Count: stopped past what the total implies (ceil(total / page size) + 2 pages)', async () => {
    hostile = await HostileServer.start({ maxCommitPage: 10 });
    hostile.on({ route: 'commits', behaviour: { kind: 'link-new', keepTotal: true } });
    const total = fixtures.commits['alpha/m1']!.count; // pages of 10
    const bound = Math.ceil(total / 10) + 2;
    await expect(fetchCommitActivity(newClient(), hostile.url, 'alpha/m1')).rejects.toThrow(
      `the commit list goes on past ${bound} pages, what its total of ${total} implies; stopped`,
    );
    expect(hostile.count('commits')).toBe(bound);
  });

  it('a model listing that links on forever: stopped at the bound', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'model_list', behaviour: { kind: 'link-new' } });
    const pages = async (): Promise<number> => {
      let n = 0;
      for await (const _ of listModels(newClient(), hostile.url, { author: 'zeta' })) n += 1;
      return n;
    };
    await expect(pages()).rejects.toThrow(`the model listing goes on past ${MAX_PAGES_WITHOUT_TOTAL} pages`);
    expect(hostile.count('model_list')).toBe(MAX_PAGES_WITHOUT_TOTAL);
  });

  it('a Link back to the same page: stopped at the second visit', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'commits', behaviour: { kind: 'link-repeat' } });
    await expect(fetchCommitActivity(newClient(), hostile.url, 'alpha/m1')).rejects.toThrow('the commit list links back to a page already read (after 1 pages); stopped');
    expect(hostile.count('commits')).toBe(1);
  });
});

describe('control sequences', () => {
  it('X-Revision is stored sanitised and bounded', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'rows', behaviour: { kind: 'control-text' } });
    const dir = await tempDir();
    await fetchInto(hostile, dir, { only: ['leaderboard'] });
    expect((await readCache(dir))['leaderboard.json'].revision).toBe('rev-1');
  });

  it('storedHeaderValue keeps printable characters, at most 100', () => {
    expect(storedHeaderValue(CONTROL_TEXT)).toBe('rev-1');
    expect(storedHeaderValue(C1_TEXT)).toBe('rev-1');
    expect(storedHeaderValue('a'.repeat(500))).toBe('a'.repeat(100));
    expect(storedHeaderValue('r\u00e9v\u2028x')).toBe('rvx');
    expect(storedHeaderValue('\u001b[2J')).toBeNull();
    expect(storedHeaderValue(undefined)).toBeNull();
  });

  it.each([
    ['X-Error-Message (C1 CSI, OSC)', false, 'HTTP 400: bad rev-1 request'],
    ['the body (ESC]0;…BEL, CSI)', true, 'HTTP 400: bad rev-1 body'],
  ])('error texts with control sequences in %s are stored sanitised', async (_name, bodyOnly, expected) => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'model', behaviour: { kind: 'control-text', status: 400, bodyOnly } });
    hostile.on({ route: 'commits', behaviour: { kind: 'control-text', status: 400, bodyOnly } });
    const dir = await tempDir();
    await fetchInto(hostile, dir);
    const cache = await readCache(dir);
    const messages = [...Object.values(itemsOf(cache, 'models.json')), ...Object.values(itemsOf(cache, 'commits.json'))]
      .map((item: { message?: string }) => item.message)
      .filter((m): m is string => m !== undefined && m.startsWith('HTTP 400'));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).not.toMatch(CONTROL);
      expect(message).toBe(expected);
    }
  });

  it('a header carrying ESC or BEL is not HTTP: the page is retried, then the fetch stops with one line', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'rows', behaviour: { kind: 'raw-control-header' } });
    const failure = await fetchInto(hostile, await tempDir(), { client: { backoff: { baseMs: 2, capMs: 5, maxAttempts: 2 } } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GaveUpOnHost);
    expect((failure as Error).message).toMatch(/^gave up on 127\.0\.0\.1:\d+: malformed HTTP answer \(Invalid header value char\) on all 2 attempts/);
    expect((failure as Error).message).not.toMatch(CONTROL);
  });
});
