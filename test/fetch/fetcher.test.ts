// Whole fetches in-process against the fake Hub, into real temp caches: counts, the metadata
// request plan, gone repos, the token, resume, refresh/TTL, failed items, revision changes,
// file imports, the lock.
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheStore } from '../../source/cache/store.js';
import { emptyLeaderboard } from '../../source/cache/schema.js';
import { FakeHub, loadFixtures, type FakeHubOptions } from '../fake-hub/server.js';
import { completedOf, fetchInto, itemsOf, readCache, statusCounts, tempDir, withoutTimes } from './helpers.js';

const fixtures = loadFixtures();
const repoIds = [...new Set(fixtures.leaderboard.rows.map((r) => String(r.fullname)))].filter((id) => /^[\w.-]+(\/[\w.-]+)?$/.test(id));
const onHub = new Set(fixtures.models.map((m) => m.id.toLowerCase()));
const withHistory = new Set(Object.keys(fixtures.commits).map((k) => k.toLowerCase()));
const expectedInfoOk = repoIds.filter((id) => onHub.has(id.toLowerCase())).length;
const expectedCommitsOk = repoIds.filter((id) => withHistory.has(id.toLowerCase())).length;

let hub: FakeHub;
const start = async (options: FakeHubOptions = {}): Promise<FakeHub> => (hub = await FakeHub.start(options));
afterEach(async () => hub?.close());

describe('fetch', () => {
  it('fills the cache: every row, model info and commit activity, gone repos recorded', async () => {
    await start({ maxListPage: 5, maxCommitPage: 50 });
    const dir = await tempDir();
    const { events } = await fetchInto(hub, dir, { rowsPageSize: 10 });
    const cache = await readCache(dir);
    const lb = cache['leaderboard.json'];
    expect(lb.entries).toHaveLength(fixtures.leaderboard.rows.length - 1);
    expect(lb.problems).toEqual([{ index: fixtures.leaderboard.rows.length - 1, reason: '"not a repo id!" is not a Hub repository id' }]);
    expect([lb.generation, lb.revision, lb.origin, lb.complete, lb.total]).toEqual(['v2', 'rev-1', 'viewer', true, fixtures.leaderboard.rows.length]);
    expect(lb.columns).toEqual(fixtures.leaderboard.features.map((f) => f.name));
    expect(hub.count('rows')).toBe(Math.ceil(fixtures.leaderboard.rows.length / 10));

    const models = itemsOf(cache, 'models.json');
    expect(Object.keys(models).sort()).toEqual(repoIds.map((id) => id.toLowerCase()).sort());
    expect(statusCounts(models)).toEqual({ ok: expectedInfoOk, gone: repoIds.length - expectedInfoOk });
    expect(models['alpha/m6'].status).toBe('ok'); // not in its namespace's author listing: the search found it
    expect(models['beta/b3'].status).toBe('ok'); // the one left over: a single request found it
    expect(models['epsilon/x1']).toMatchObject({ status: 'gone', message: 'not on the Hub (missing or private)' });
    expect(models['zeta/not-on-board']).toBeUndefined();
    expect(models['alpha/m1'].value).toMatchObject({ id: 'alpha/m1', author: 'alpha', library: 'transformers', safetensorsTotal: 7_241_732_096 });

    const commits = itemsOf(cache, 'commits.json');
    expect(statusCounts(commits)).toEqual({ ok: expectedCommitsOk, gone: repoIds.length - expectedCommitsOk });
    expect(commits['delta/d1'].status).toBe('ok'); // a history outlives the model info
    expect(commits['alpha/m1'].value.commits).toBe(fixtures.commits['alpha/m1']!.count);
    expect(commits['alpha/m1'].value.authors).toContain('system'); // raw authors: the analyses drop system accounts

    const completed = await completedOf(dir);
    for (const stage of ['leaderboard', 'info', 'commits']) expect(completed[stage]).not.toBeNull();
    const ends = events.filter((e) => e.type === 'stage-end').map((e) => (e as { stage: string }).stage);
    expect(ends).toEqual(['leaderboard', 'info', 'commits']);
    expect(events.at(-1)).toMatchObject({ type: 'done', interrupted: false });
  });

  it('batches metadata: one listing per namespace with several repos, single requests otherwise', async () => {
    await start();
    const dir = await tempDir();
    await fetchInto(hub, dir);
    const lists = hub.requests.filter((r) => r.route === 'model_list').map((r) => new URL(r.path, hub.url).searchParams);
    expect(lists.map((q) => q.get('author') ?? `search:${q.get('search')}`).sort()).toEqual(
      ['alpha', 'beta', 'epsilon', 'zeta', 'search:alpha/', 'search:epsilon/'].sort(),
    );
    const singles = hub.requests.filter((r) => r.route === 'model').map((r) => r.path.split('?')[0]!.slice('/api/models/'.length));
    expect(singles.sort()).toEqual(['beta/b3', 'delta/d1', 'eta/e1', 'gamma/g1', 'gpt2']);
    expect(lists.every((q) => q.getAll('expand').length >= 10 && !q.has('full'))).toBe(true);
  });

  it('sends the token as a bearer header, reads 404 as gone, and never writes the token', async () => {
    await start();
    const dir = await tempDir();
    const token = 'hf_TOPSECRETtoken0123456789';
    await fetchInto(hub, dir, { token });
    expect(hub.requests.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
    const cache = await readCache(dir);
    expect(itemsOf(cache, 'models.json')['delta/d1'].status).toBe('gone');
    expect(itemsOf(cache, 'commits.json')['eta/e1']).toMatchObject({ status: 'gone', message: 'no commit history on the Hub (HTTP 404)' });
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toContain('TOPSECRET');
  });

  it('an interrupted fetch resumes without re-fetching what is done, and ends with the same cache', async () => {
    await start({ latencyMs: 15 });
    const clean = await tempDir();
    await fetchInto(hub, clean, { concurrency: 2 });
    hub.requests.length = 0;

    const dir = await tempDir();
    const controller = new AbortController();
    const first = fetchInto(hub, dir, { concurrency: 2, signal: controller.signal });
    while (hub.count('commits') < 8) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('stop'));
    const { result } = await first;
    expect(result.interrupted).toBe(true);
    const partial = itemsOf(await readCache(dir), 'commits.json');
    const done = Object.keys(partial);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(repoIds.length);

    hub.requests.length = 0;
    await fetchInto(hub, dir, { concurrency: 2 });
    expect(hub.count('rows')).toBe(0); // the table was complete
    expect(hub.count('model') + hub.count('model_list')).toBe(0); // so was the metadata
    const again = hub.requests.filter((r) => r.route === 'commits').map((r) => r.path.split('/commits/')[0]!.slice('/api/models/'.length).toLowerCase());
    expect(again.filter((key) => done.includes(key))).toEqual([]);
    expect(withoutTimes(await readCache(dir))).toEqual(withoutTimes(await readCache(clean)));
  });

  it('resumes the table at nextOffset when the revision is unchanged, and restarts it when it changed', async () => {
    await start({ latencyMs: 10 });
    const dir = await tempDir();
    hub.addFault({ route: 'rows', match: (u) => u.searchParams.get('offset') === '20', times: 1, action: { kind: 'delay', ms: 3000 } });
    const controller = new AbortController();
    const run = fetchInto(hub, dir, { rowsPageSize: 10, concurrency: 1, signal: controller.signal, only: ['leaderboard'] });
    while (hub.count('rows') < 3) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('stop'));
    await run;
    const partial = (await readCache(dir))['leaderboard.json'];
    expect([partial.complete, partial.nextOffset]).toEqual([false, 20]);

    hub.requests.length = 0;
    await fetchInto(hub, dir, { rowsPageSize: 10, only: ['leaderboard'] });
    expect(hub.requests.map((r) => new URL(r.path, hub.url).searchParams.get('offset'))).toEqual(['20']);
    const resumed = (await readCache(dir))['leaderboard.json'];
    expect(resumed.complete).toBe(true);
    expect(resumed.entries.map((e: { index: number }) => e.index)).toEqual(fixtures.leaderboard.rows.slice(0, -1).map((_, i) => i));

    // a new revision of the table while a read was half done: read from the start
    const store = await CacheStore.open(dir);
    store.setLeaderboard({ ...store.leaderboard, complete: false, nextOffset: 10, entries: store.leaderboard.entries.slice(0, 10), problems: [] });
    await store.flush();
    await hub.close();
    await start({ revision: 'rev-2' });
    await fetchInto(hub, dir, { rowsPageSize: 10, only: ['leaderboard'] });
    const offsets = hub.requests.map((r) => new URL(r.path, hub.url).searchParams.get('offset'));
    expect(offsets.slice(0, 2)).toEqual(['10', '0']);
    const restarted = (await readCache(dir))['leaderboard.json'];
    expect([restarted.revision, restarted.complete, restarted.entries.length]).toEqual(['rev-2', true, fixtures.leaderboard.rows.length - 1]);
  });

  it('reads on past pages shorter than asked (a server with a smaller page size)', async () => {
    await start({ maxRowsPage: 7 });
    const dir = await tempDir();
    await fetchInto(hub, dir, { only: ['leaderboard'] });
    const lb = (await readCache(dir))['leaderboard.json'];
    expect([lb.complete, lb.entries.length + lb.problems.length]).toEqual([true, fixtures.leaderboard.rows.length]);
  });

  it('skips fresh items; --refresh and an expired TTL fetch them again', async () => {
    await start();
    const dir = await tempDir();
    await fetchInto(hub, dir);
    hub.requests.length = 0;
    const { events } = await fetchInto(hub, dir);
    expect(hub.count()).toBe(0);
    expect(events.find((e) => e.type === 'stage-skip')).toMatchObject({ stage: 'leaderboard' });
    expect(events.find((e) => e.type === 'stage-start' && e.stage === 'info')).toMatchObject({ total: 0, cached: repoIds.length });

    await fetchInto(hub, dir, { refresh: true, only: ['info'] });
    expect(hub.count('model') + hub.count('model_list')).toBeGreaterThan(0);
    hub.requests.length = 0;
    await fetchInto(hub, dir, { ttlDays: 0, only: ['commits'] });
    expect(hub.count('commits')).toBe(repoIds.length);
  });

  it('stores an item whose retries run out as an error, retries it at the end of the stage and on the next run', async () => {
    await start();
    const dir = await tempDir();
    hub.addFault({ route: 'commits', match: (u) => u.pathname.includes('/gamma/g1/'), times: Infinity, action: { kind: 'status', status: 503 } });
    const { events, result } = await fetchInto(hub, dir, { client: { backoff: { baseMs: 2, capMs: 5, maxAttempts: 3 } } });
    expect(hub.requests.filter((r) => r.path.includes('/gamma/g1/commits')).length).toBe(6); // 3 attempts, twice
    const commits = itemsOf(await readCache(dir), 'commits.json');
    expect(commits['gamma/g1']).toMatchObject({ status: 'error', message: 'HTTP 503 after 3 attempts' });
    expect(events.filter((e) => e.type === 'item-error')).toHaveLength(2);
    expect(result.errors).toBe(1);
    expect((await completedOf(dir)).commits ?? null).toBeNull();

    hub.faults.length = 0;
    hub.requests.length = 0;
    await fetchInto(hub, dir);
    expect(hub.requests.map((r) => r.path.split('?')[0])).toEqual(['/api/models/gamma/g1/commits/main']);
    expect(itemsOf(await readCache(dir), 'commits.json')['gamma/g1'].status).toBe('ok');
  });

  it('rides out 429s, 503s, resets and bad bodies during a whole fetch', async () => {
    await start({ rateLimit: { quota: 25, windowMs: 1000 } });
    const clean = await tempDir();
    await fetchInto(hub, clean);
    await hub.close();
    await start({ rateLimit: { quota: 25, windowMs: 1000 } });
    for (const kind of ['reset', 'truncate', 'malformed'] as const) hub.addFault({ times: 2, action: { kind } });
    hub.addFault({ route: 'commits', times: 3, action: { kind: 'status', status: 503 } });
    hub.addFault({ route: 'model_list', times: 1, action: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } } });
    const dir = await tempDir();
    const { events } = await fetchInto(hub, dir);
    expect(events.some((e) => e.type === 'paused')).toBe(true);
    expect(withoutTimes(await readCache(dir))).toEqual(withoutTimes(await readCache(clean)));
  });

  it('leaves an imported leaderboard alone and fetches metadata for its entries', async () => {
    await start();
    const dir = await tempDir();
    const store = await CacheStore.open(dir, { dataset: 'local/board' });
    const entries = (await (async () => {
      const other = await tempDir();
      await fetchInto(hub, other, { only: ['leaderboard'] });
      return (await readCache(other))['leaderboard.json'].entries;
    })()).slice(0, 4);
    store.setLeaderboard({ ...emptyLeaderboard(), origin: 'file:/data/board.csv', generation: 'v2', complete: true, total: 4, entries, fetchedAt: new Date().toISOString() });
    await store.flush();
    hub.requests.length = 0;
    const { events } = await fetchInto(hub, dir, { dataset: null }); // the most recent: the import
    expect(events[0]).toMatchObject({ type: 'start', dataset: 'local/board', chosen: 'recent' });
    expect(hub.count('rows')).toBe(0);
    expect(events.find((e) => e.type === 'stage-skip')).toMatchObject({ stage: 'leaderboard', reason: expect.stringContaining('imported from /data/board.csv') });
    const cache = await readCache(dir);
    expect(cache['leaderboard.json'].origin).toBe('file:/data/board.csv');
    // the entries' three repos, and beta/b1: a base alpha/m2's card declares that is not a row
    expect(new Set(entries.map((e: { key: string }) => e.key))).toEqual(new Set(['alpha/m1', 'alpha/m2', 'alpha/m3']));
    expect(Object.keys(itemsOf(cache, 'models.json')).sort()).toEqual(['alpha/m1', 'alpha/m2', 'alpha/m3', 'beta/b1']);

    // the v2 table is a dataset of its own: the import stays as it was
    await fetchInto(hub, dir, { only: ['leaderboard'] });
    expect((await readCache(dir, 'open-llm-leaderboard/contents'))['leaderboard.json'].origin).toBe('viewer');
    expect((await readCache(dir, 'local/board'))['leaderboard.json'].entries).toHaveLength(4);
  });

  it('writes in batches, not one file rewrite per item', async () => {
    await start({ latencyMs: 5 });
    const flush = vi.spyOn(CacheStore.prototype, 'flush');
    await fetchInto(hub, await tempDir(), { flushEveryMs: 2000, concurrency: 2 });
    const items = 2 * repoIds.length;
    expect(flush.mock.calls.length).toBeGreaterThan(0);
    expect(flush.mock.calls.length).toBeLessThan(items / 4);
    flush.mockRestore();
  });

  it('a reader never sees a half-written file, even with a flush every few milliseconds', async () => {
    await start({ latencyMs: 5 });
    const dir = await tempDir();
    let reads = 0;
    let failures = 0;
    let running = true;
    const reader = (async () => {
      while (running) {
        const names = (await readdir(dir, { recursive: true }).catch(() => [])).filter((n) => n.endsWith('.json'));
        for (const name of names) {
          try {
            JSON.parse(await readFile(join(dir, name), 'utf8'));
            reads += 1;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') failures += 1;
          }
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const flush = vi.spyOn(CacheStore.prototype, 'flush');
    await fetchInto(hub, dir, { flushEveryMs: 1, concurrency: 2 });
    running = false;
    await reader;
    expect(flush.mock.calls.length).toBeGreaterThan(20);
    expect(reads).toBeGreaterThan(50);
    expect(failures).toBe(0);
    flush.mockRestore();
  });

  it('keeps a second fetcher off the cache, and takes over the lock of a dead one', async () => {
    await start({ latencyMs: 50 });
    const dir = await tempDir();
    const first = fetchInto(hub, dir);
    while (hub.count() === 0) await new Promise((r) => setTimeout(r, 5));
    await expect(fetchInto(hub, dir)).rejects.toThrow(/in use by another hubscope fetch \(pid \d+\)/);
    await first;

    const stale = await tempDir();
    await mkdir(stale, { recursive: true });
    await writeFile(join(stale, '.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    await fetchInto(hub, stale, { only: ['leaderboard'] });
    expect((await readdir(stale)).includes('.lock')).toBe(false);
  });
});
