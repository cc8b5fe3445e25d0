// A fetch killed with SIGKILL mid-way resumes where it stopped: the restarted run takes over
// the dead process's lock, does not fetch again what the cache already holds, and ends with
// the same cache (timestamps aside) as an uninterrupted run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { FakeHub } from '../fake-hub/server.js';
import { builtCli } from './cli-build.js';
import { fetchInto, itemsOf, readCache, tempDir, withoutTimes } from './helpers.js';
import { hubEnv, runCli, spawnCli } from './run-cli.js';

let cli: string;
let hub: FakeHub;

beforeAll(async () => {
  cli = await builtCli();
}, 120_000);
afterEach(async () => hub?.close());

const repoOf = (path: string): string => path.split('/commits/')[0]!.slice('/api/models/'.length).toLowerCase();

it('resumes after kill -9 and ends with the cache of an uninterrupted run', async () => {
  hub = await FakeHub.start({ latencyMs: 120 });
  const args = (dir: string): string[] => ['fetch', '--cache', dir, '--concurrency', '1', '--events', 'json'];

  const clean = await tempDir();
  await fetchInto(hub, clean, { concurrency: 8 }); // the uninterrupted run, in-process (same code)

  const dir = await tempDir();
  const { child, done } = spawnCli(cli, args(dir), hubEnv(hub.url));
  // wait until a batch of commit activity has reached the disk, then kill
  for (;;) {
    await new Promise((r) => setTimeout(r, 25));
    const cache = existsSync(join(dir, 'commits.json')) ? await readCache(dir).catch(() => null) : null;
    if (cache && Object.keys(itemsOf(cache, 'commits.json')).length >= 2) break;
  }
  child.kill('SIGKILL');
  expect((await done).signal).toBe('SIGKILL');
  expect(existsSync(join(dir, '.lock'))).toBe(true); // left behind by the dead process

  const kept = Object.keys(itemsOf(await readCache(dir), 'commits.json'));
  const total = Object.keys(itemsOf(await readCache(clean), 'commits.json')).length;
  expect(kept.length).toBeLessThan(total);
  hub.requests.length = 0;
  const resumed = await runCli(cli, args(dir), hubEnv(hub.url));
  expect(resumed.code).toBe(0);
  expect(hub.count('rows') + hub.count('model') + hub.count('model_list')).toBe(0);
  const refetched = hub.requests.filter((r) => r.route === 'commits').map((r) => repoOf(r.path));
  expect(refetched.filter((key) => kept.includes(key))).toEqual([]);
  expect(new Set(refetched).size).toBe(total - kept.length);
  expect(withoutTimes(await readCache(dir))).toEqual(withoutTimes(await readCache(clean)));
}, 60_000);
