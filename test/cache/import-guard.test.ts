// Issue 7 item 9: `import` refuses, before reading, what it must not read (a FIFO with no
// writer, /dev/zero, a directory, a file over the cap: one line each, never a hang), and it
// takes the cache's lock: an import during a fetch stops with one line and writes nothing,
// and a fetch stops while an import holds the cache.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processStart } from '../../source/fetch/lock.js';
import { FakeHub } from '../fake-hub/server.js';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { hubEnv, runCli, spawnCli } from '../fetch/run-cli.js';

const CSV = 'fullname,IFEval,BBH,MATH Lvl 5,GPQA,MUSR,MMLU-PRO\nacme/one,1,2,3,4,5,6\nacme/two,2,3,4,5,6,7\n';

let cli: string;
beforeAll(async () => {
  cli = await builtCli();
}, 120_000);

const refused = async (file: string, message: string): Promise<void> => {
  const cache = join(await tempDir('hubscope-guard-'), 'cache');
  const started = Date.now();
  const run = await runCli(cli, ['import', file, '--cache', cache]);
  expect(Date.now() - started).toBeLessThan(10_000); // never a hang
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`hubscope: ${message}\n`);
  expect(existsSync(cache)).toBe(false); // refused before the cache is touched
};

describe('import refuses, before reading', () => {
  it('a FIFO with no writer', async () => {
    const fifo = join(await tempDir('hubscope-guard-'), 'board.csv');
    execFileSync('mkfifo', [fifo]);
    await refused(fifo, `${fifo}: is a FIFO (named pipe); import reads regular files only`);
  });

  it('/dev/zero and a directory', async () => {
    await refused('/dev/zero', '/dev/zero: is a character device; import reads regular files only');
    const dir = await tempDir('hubscope-guard-');
    await refused(dir, `${dir}: is a directory; import reads regular files only`);
  });

  it('a file over 512 MB (sparse: nothing is written to disk)', async () => {
    const big = join(await tempDir('hubscope-guard-'), 'huge.csv');
    const handle = await open(big, 'w');
    await handle.truncate(600 * 1024 * 1024);
    await handle.close();
    await refused(big, `${big}: the file is 600 MB; import reads files up to 512 MB`);
  });
});

describe('import and fetch take the same lock', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await FakeHub.start({ latencyMs: 100 });
  });
  afterAll(async () => hub?.close());

  it('an import during fetch --refresh stops with one line and writes nothing; after the fetch it goes in', async () => {
    const dir = await tempDir('hubscope-guard-');
    const file = join(dir, 'board.csv');
    await writeFile(file, CSV);
    const cache = join(dir, 'cache');
    const fetch = spawnCli(cli, ['fetch', '--refresh', '--cache', cache, '--concurrency', '2'], hubEnv(hub.url));
    while (!existsSync(join(cache, '.lock'))) await new Promise((r) => setTimeout(r, 10));
    const lock = JSON.parse(await readFile(join(cache, '.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: fetch.child.pid, command: 'fetch' });
    const during = await runCli(cli, ['import', file, '--cache', cache]);
    expect(during.code).toBe(1);
    expect(during.stdout).toBe('');
    expect(during.stderr).toBe(`hubscope: the cache at ${cache} is in use by another hubscope fetch (pid ${fetch.child.pid}); wait for it to end or stop it\n`);
    const fetched = await fetch.done;
    expect(fetched.code, fetched.stderr).toBe(0);
    const meta = JSON.parse(await readFile(join(cache, 'meta.json'), 'utf8'));
    expect(Object.keys(meta.datasets)).toEqual(['open-llm-leaderboard/contents']); // the import wrote nothing
    const after = await runCli(cli, ['import', file, '--cache', cache]);
    expect(after.code, after.stderr).toBe(0);
    expect(Object.keys(JSON.parse(await readFile(join(cache, 'meta.json'), 'utf8')).datasets).sort()).toEqual(['local/board', 'open-llm-leaderboard/contents']);
  }, 60_000);

  it('a fetch while an import holds the cache stops with one line, before any request', async () => {
    const cache = await tempDir('hubscope-guard-');
    // a live process standing for the import: its pid and start time in the lock
    const holder = spawn('sleep', ['30']);
    try {
      await new Promise((r) => setTimeout(r, 50));
      await mkdir(cache, { recursive: true });
      await writeFile(join(cache, '.lock'), JSON.stringify({ pid: holder.pid, start: processStart(holder.pid!), command: 'import' }));
      hub.requests.length = 0;
      const run = await runCli(cli, ['fetch', '--cache', cache], hubEnv(hub.url));
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`hubscope: the cache at ${cache} is in use by another hubscope import (pid ${holder.pid}); wait for it to end or stop it\n`);
      expect(hub.count()).toBe(0);
    } finally {
      holder.kill();
    }
  });
});
