// `hubscope fetch` when the Hub cannot be reached (issue 9 item 10), the built CLI against real
// sockets on 127.0.0.1: one line on stderr saying so and what to do, exit 1, within 10 s, the
// cache untouched; the JSON events carry the host, the problem and the variable to set. A
// server that accepts and never answers is not "unreachable": the fetch keeps trying.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from './cli-build.js';
import { tempDir } from './helpers.js';
import { hubEnv, runCli, spawnCli } from './run-cli.js';
import { closedPort, silentServer, type Condition } from '../net/conditions.js';

let cli: string;
let condition: Condition | null = null;
beforeAll(async () => {
  cli = await builtCli();
}, 120_000);
afterEach(async () => {
  await condition?.close();
  condition = null;
});

const ADVICE = /^hubscope: cannot reach 127\.0\.0\.1:\d+: connection refused — no network, or the server is down\. Nothing cached was changed, and hubscope works offline on what the cache holds\. To do: run npx hubscope fetch again when online, set HUBSCOPE_DATASETS_SERVER to a server you can reach, or load a table from a file: npx hubscope import FILE$/;

describe('hubscope fetch with the Hub unreachable', () => {
  it('a closed port: one line of advice on stderr, exit 1, within 10 s, the cache as it was', async () => {
    condition = await closedPort();
    const cache = await tempDir();
    // a cache holding a table already (imported): nothing of it may change
    const imported = await runCli(cli, ['import', join(import.meta.dirname, '..', 'fixtures', 'import', 'v2-array.json'), '--cache', cache]);
    expect(imported.code, imported.stderr).toBe(0);
    const before = await readFile(join(cache, 'meta.json'), 'utf8');
    const started = performance.now();
    const run = await runCli(cli, ['fetch', '--cache', cache], hubEnv(condition.url));
    const seconds = (performance.now() - started) / 1000;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(ADVICE);
    expect(lines.filter((l) => l.startsWith('hubscope: '))).toHaveLength(1);
    expect(run.stderr).not.toMatch(/retrying|attempt \d of 8/);
    expect(seconds).toBeLessThan(10);
    expect(await readFile(join(cache, 'meta.json'), 'utf8')).toBe(before);
  });

  it('--events json: the fatal event names the host, the problem and the variable to set', async () => {
    condition = await closedPort();
    const run = await runCli(cli, ['fetch', '--cache', await tempDir(), '--events', 'json'], hubEnv(condition.url));
    expect(run.code).toBe(1);
    const events = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const fatal = events.find((e) => e.type === 'fatal');
    expect(fatal.unreachable).toEqual({ host: condition.host, problem: 'connection refused', setting: 'HUBSCOPE_DATASETS_SERVER' });
    expect(`hubscope: ${fatal.message}`).toMatch(ADVICE);
    expect(events.map((e) => e.type)).not.toContain('retrying');
  });

  it('a server that accepts and never answers is slow, not unreachable: still fetching after 10 s', async () => {
    condition = await silentServer();
    const { child, done } = spawnCli(cli, ['fetch', '--cache', await tempDir(), '--events', 'json'], hubEnv(condition.url));
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    expect(child.exitCode).toBeNull(); // still waiting on the answer (30 s headers timeout)
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(143);
    expect(run.stdout).not.toContain('"fatal"');
    expect(run.stderr).not.toMatch(/cannot reach/);
  }, 30_000);
});
