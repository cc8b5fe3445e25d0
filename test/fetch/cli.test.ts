// `hubscope fetch` and `hubscope status` as a user runs them (the built CLI, spawned): offline
// opens no socket, the JSON event stream, plain progress lines, usage errors, SIGTERM.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeHub, loadFixtures } from '../fake-hub/server.js';
import { builtCli } from './cli-build.js';
import { itemsOf, readCache, tempDir } from './helpers.js';
import { hubEnv, runCli, spawnCli } from './run-cli.js';
import { failingServer } from '../net/conditions.js';

let cli: string;
let hub: FakeHub;
const fixtures = loadFixtures();
const rows = fixtures.leaderboard.rows;
const repoKeys = new Set(rows.slice(0, -1).map((r) => String(r.fullname).toLowerCase())); // the last row's id is invalid
const onHub = [...repoKeys].filter((k) => fixtures.models.some((m) => m.id.toLowerCase() === k)).length;
const flagged = rows.filter((r) => r.Flagged === true).length;

beforeAll(async () => {
  cli = await builtCli();
}, 120_000);
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await hub?.close();
  for (const server of servers.splice(0)) await server.close();
});

describe('hubscope fetch (CLI)', () => {
  it.each([
    ['HF_HUB_OFFLINE=1', [], { HF_HUB_OFFLINE: '1' }],
    ['--offline', ['--offline'], {}],
  ])('with %s exits non-zero with one "offline" line and opens no socket', async (_name, args, env) => {
    hub = await FakeHub.start();
    const dir = join(await tempDir(), 'cache');
    const run = await runCli(cli, ['fetch', '--cache', dir, ...args], { ...hubEnv(hub.url), ...env });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^hubscope: offline: /);
    expect(hub.connections).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });

  it('--events json writes one event per line on stdout, first start, last done', async () => {
    hub = await FakeHub.start();
    const dir = await tempDir();
    const run = await runCli(cli, ['fetch', '--cache', dir, '--events', 'json'], hubEnv(hub.url));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; stage?: string });
    expect(events[0]).toMatchObject({ type: 'start', stages: ['leaderboard', 'info', 'commits'], concurrency: 8 });
    expect(events.at(-1)).toMatchObject({ type: 'done', interrupted: false });
    expect(events.filter((e) => e.type === 'stage-end').map((e) => e.stage)).toEqual(['leaderboard', 'info', 'commits']);
    const lastInfo = events.filter((e) => e.type === 'stage-end' && e.stage === 'info')[0] as unknown as Record<string, number>;
    expect(lastInfo.done).toBe(lastInfo.total);
    expect(lastInfo.ok + lastInfo.gone).toBe(lastInfo.total);
  });

  it('prints plain progress lines on stderr when not on a terminal, and status tells the counts', async () => {
    hub = await FakeHub.start();
    const dir = await tempDir();
    const run = await runCli(cli, ['fetch', '--cache', dir, '--only', 'leaderboard,info'], hubEnv(hub.url));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^leaderboard: done, ${rows.length} rows`, 'm'));
    expect(run.stderr).toMatch(new RegExp(`^info: done, ${repoKeys.size} items \\(ok ${onHub}, gone ${repoKeys.size - onHub}, errors 0\\)`, 'm'));
    expect(run.stderr).not.toContain('\x1b[');
    expect(hub.count('commits')).toBe(0);

    const status = await runCli(cli, ['status', '--cache', dir]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('v2 table, open-llm-leaderboard/contents from the dataset viewer @ rev-1');
    expect(status.stdout).toContain(`${rows.length - 1} entries, ${repoKeys.size} distinct repos, ${flagged} flagged, 1 row problems`);
    expect(status.stdout).toMatch(new RegExp(`model info\\s+ok ${onHub}  gone ${repoKeys.size - onHub}  error 0  missing 0  stale 0`));
    expect(status.stdout).toMatch(new RegExp(`commits\\s+ok 0  gone 0  error 0  missing ${repoKeys.size}  stale 0`));
    const json = JSON.parse((await runCli(cli, ['status', '--cache', dir, '--format', 'json'])).stdout);
    expect(json.info).toMatchObject({ ok: onHub, gone: repoKeys.size - onHub, error: 0, missing: 0 });
    expect(json.leaderboard).toMatchObject({ entries: rows.length - 1, distinctRepos: repoKeys.size, problems: 1, complete: true, generation: 'v2' });
  });

  it.each([
    [['--only', 'bogus'], /--only takes/],
    [['--concurrency', '0'], /--concurrency must be an integer/],
    [['--events', 'xml'], /--events takes "json"/],
    [['--datasets-server', 'ftp://x'], /must be an http\(s\) URL/],
    [['--frobnicate'], /Unknown option/],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const run = await runCli(cli, ['fetch', '--cache', await tempDir(), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('on SIGTERM stops, keeps what it fetched, releases the lock and exits 143', async () => {
    hub = await FakeHub.start({ latencyMs: 60 });
    const dir = await tempDir();
    const { child, done } = spawnCli(cli, ['fetch', '--cache', dir, '--concurrency', '1', '--events', 'json'], hubEnv(hub.url));
    while (hub.count('commits') < 4) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(143);
    const cache = await readCache(dir);
    expect(Object.keys(itemsOf(cache, 'commits.json')).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(itemsOf(cache, 'models.json')).length).toBe(repoKeys.size);
    expect(await readdir(dir)).not.toContain('.lock');
    expect(run.stdout.trim().split('\n').map((l) => JSON.parse(l)).at(-1)).toMatchObject({ type: 'done', interrupted: true });
  });

  it('on SIGTERM while retrying a server in trouble (503 on every request): an interruption, not an error', async () => {
    const dir = await tempDir();
    // a server that answers is alive: retried with backoff (a refused connection is told at
    // once instead: test/fetch/unreachable-cli.test.ts)
    const busy = await failingServer();
    servers.push(busy);
    const { child, done } = spawnCli(cli, ['fetch', '--cache', dir, '--events', 'json'], hubEnv(busy.url));
    // the trouble is reported while it lasts: a retrying event, from a request's second failure
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('"retrying"')) resolve();
      });
    });
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(143);
    expect(run.stderr).not.toMatch(/unexpected error/);
    const events = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).not.toContain('fatal');
    expect(events.find((e) => e.type === 'retrying')).toMatchObject({ host: busy.host, attempt: 3, of: 8 });
    expect(events.find((e) => e.type === 'retrying').problem).toBe('HTTP 503');
    expect(events.at(-1)).toMatchObject({ type: 'done', interrupted: true });
    expect(await readdir(dir)).not.toContain('.lock');
  });
});
