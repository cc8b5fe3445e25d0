// Issue 7 item 13: a write that fails (a full disk, no permission) is one line naming the file
// and the cause and leaves nothing behind (no `.*.tmp`, no empty `.lock`); meta.json is only
// written after what it describes; a meta.json of the wrong types is refused, not rewritten;
// a lock held by a reused pid (another process, started at another time) does not block a
// fetch, while a live hubscope still does. Full disks are a tiny tmpfs where the tests may
// mount one (root), and an injected failing writer everywhere.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileSystem } from '../../source/cache/atomic-write.js';
import { CacheStore } from '../../source/cache/store.js';
import { emptyLeaderboard } from '../../source/cache/schema.js';
import { acquireLock, processStart, processStartedAt } from '../../source/fetch/lock.js';
import { FakeHub } from '../fake-hub/server.js';
import { builtCli } from '../fetch/cli-build.js';
import { fetchInto, tempDir } from '../fetch/helpers.js';
import { hubEnv, runCli } from '../fetch/run-cli.js';

let hub: FakeHub;
let cli: string;
beforeAll(async () => {
  [hub, cli] = await Promise.all([FakeHub.start(), builtCli()]);
}, 120_000);
afterAll(async () => hub?.close());

/** Every file under dir (relative paths). */
const files = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
const leftovers = async (dir: string): Promise<string[]> => (await files(dir)).filter((f) => /(^|\/)\.[^/]*\.tmp$|(^|\/)\.lock$/.test(f));

describe('an injected write failure', () => {
  it('one line naming the file and the cause; no temp file; meta.json not written; the next flush retries it', async () => {
    const dir = await tempDir('hubscope-write-');
    await fetchInto(hub, dir, { only: ['leaderboard'] });
    const meta = await readFile(join(dir, 'meta.json'), 'utf8');
    const store = await CacheStore.open(dir);
    store.setLeaderboard({ ...store.leaderboard, revision: 'rev-2', fetchedAt: new Date().toISOString() });
    store.markCompleted('leaderboard', new Date().toISOString());
    const rename = vi.spyOn(fileSystem, 'rename').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const table = join(dir, 'datasets', 'open-llm-leaderboard--contents', 'leaderboard.json');
    await expect(store.flush()).rejects.toThrow(`could not write ${table} (no space left on the device, ENOSPC); the file was left as it was`);
    rename.mockRestore();
    expect(await leftovers(dir)).toEqual([]);
    expect(await readFile(join(dir, 'meta.json'), 'utf8')).toBe(meta); // it would describe a table not on disk
    await store.flush();
    expect(JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')).datasets['open-llm-leaderboard/contents'].revision).toBe('rev-2');
    expect((await CacheStore.open(dir)).leaderboard.revision).toBe('rev-2');
  });

  it('a stage marked complete is not recorded when its data could not be written (the fetch says the file)', async () => {
    const dir = await tempDir('hubscope-write-');
    const rename = vi.spyOn(fileSystem, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('commits.json')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      const { rename: real } = await import('node:fs/promises');
      return real(from, to);
    });
    try {
      await expect(fetchInto(hub, dir)).rejects.toThrow(`could not write ${join(dir, 'commits.json')} (permission denied, EACCES); the file was left as it was`);
    } finally {
      rename.mockRestore();
    }
    expect(await leftovers(dir)).toEqual([]);
    const completed = (await CacheStore.open(dir)).record.completed;
    expect(completed.leaderboard).not.toBeNull();
    expect(completed.commits ?? null).toBeNull();
    expect(existsSync(join(dir, 'commits.json'))).toBe(false);
  });
});

describe('cache files are checked on read', () => {
  it('a meta.json with wrong-typed values is refused with one line naming it, and not rewritten', async () => {
    const dir = await tempDir('hubscope-write-');
    await fetchInto(hub, dir, { only: ['leaderboard'] });
    const path = join(dir, 'meta.json');
    const meta = JSON.parse(await readFile(path, 'utf8'));
    meta.datasets['open-llm-leaderboard/contents'].fetchedAt = 1_717_000_000;
    const text = JSON.stringify(meta);
    await writeFile(path, text);
    const csv = join(dir, 'x.csv');
    await writeFile(csv, 'fullname,IFEval,BBH,MATH Lvl 5,GPQA,MUSR,MMLU-PRO\nacme/one,1,2,3,4,5,6\n');
    for (const args of [['fetch'], ['status'], ['print', 'overview'], ['import', csv]]) {
      const run = await runCli(cli, [...args, '--cache', dir], hubEnv(hub.url));
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toBe(
        `hubscope: cache file ${path} is corrupt (datasets["open-llm-leaderboard/contents"].fetchedAt is a number, not a time); ` +
          'it was left as it is: move it aside to start that part over\n',
      );
    }
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('a folder name that would leave datasets/ is refused', async () => {
    const dir = await tempDir('hubscope-write-');
    await fetchInto(hub, dir, { only: ['leaderboard'] });
    const path = join(dir, 'meta.json');
    const meta = JSON.parse(await readFile(path, 'utf8'));
    meta.datasets['open-llm-leaderboard/contents'].dir = '../../etc';
    await writeFile(path, JSON.stringify(meta));
    await expect(CacheStore.open(dir)).rejects.toThrow(/meta\.json is corrupt \(datasets\["open-llm-leaderboard\/contents"\]\.dir is not a folder name\)/);
  });
});

describe('the lock', () => {
  it('a live process with the lock\'s pid but another start time is not its owner: the fetch takes the lock over', async () => {
    const dir = await tempDir('hubscope-lock-');
    const other = spawn('sleep', ['30']); // alive, and not a hubscope
    try {
      await new Promise((r) => setTimeout(r, 50));
      const start = processStart(other.pid!);
      expect(start).toMatch(/^\d+$/);
      await writeFile(join(dir, '.lock'), JSON.stringify({ pid: other.pid, start: String(Number(start) + 12345), command: 'fetch' }));
      await fetchInto(hub, dir, { only: ['leaderboard'] });
      expect(existsSync(join(dir, '.lock'))).toBe(false);
    } finally {
      other.kill();
    }
  });

  it('a live hubscope (its pid and its start time) still blocks; an empty or half-written lock does not', async () => {
    const dir = await tempDir('hubscope-lock-');
    const live = spawn('sleep', ['30']);
    try {
      await new Promise((r) => setTimeout(r, 50));
      await writeFile(join(dir, '.lock'), JSON.stringify({ pid: live.pid, start: processStart(live.pid!), command: 'fetch' }));
      await expect(acquireLock(dir)).rejects.toThrow(`in use by another hubscope fetch (pid ${live.pid})`);
    } finally {
      live.kill();
    }
    for (const text of ['', '{"pid": 12']) {
      await writeFile(join(dir, '.lock'), text);
      const release = await acquireLock(dir);
      expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid, command: 'fetch', start: processStart(process.pid) });
      await release();
    }
    expect(await files(dir)).toEqual([]);
  });

  it('reads the start time after the command name, whatever it holds', () => {
    const stat = '4242 (a (weird) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10';
    expect(processStart(4242, () => stat)).toBe('987654');
    expect(processStart(4242, () => { throw new Error('no /proc'); })).toBeNull();
  });
});

// A tiny tmpfs: a real full disk. Needs root (mount); elsewhere the injected failures above
// stand for it.
const canMount = ((): boolean => {
  if (process.getuid?.() !== 0 || process.platform !== 'linux') return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!canMount)('a full disk (tmpfs)', () => {
  let mountPoint: string;
  beforeAll(async () => {
    mountPoint = await tempDir('hubscope-tmpfs-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
  });
  afterAll(async () => {
    execFileSync('umount', [mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  /** Leaves about `free` bytes on the tmpfs. */
  const fill = async (dir: string, free: number): Promise<void> => {
    await mkdir(dir);
    try {
      await writeFile(join(dir, 'filler'), Buffer.alloc(64 * 1024 - free, 1));
    } catch {
      // ENOSPC: full
    }
  };

  it('fetch: one line naming the file that did not fit and ENOSPC; no temp file, no lock left', async () => {
    const cache = join(mountPoint, 'fetch');
    await fill(cache, 12 * 1024); // room for the lock and the table, not for the rest
    const run = await runCli(cli, ['fetch', '--cache', cache], hubEnv(hub.url));
    expect(run.code).toBe(1);
    // the progress lines, then the one line of the failure
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^hubscope: could not write ${cache}/\\S+ \\(no space left on the device, ENOSPC\\); the file was left as it was$`));
    expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect(await leftovers(cache)).toEqual([]);
    await rm(cache, { recursive: true, force: true });
  });

  it('a disk too full for the lock itself: one line, and no empty .lock', async () => {
    const cache = join(mountPoint, 'full');
    await fill(cache, 0);
    const run = await runCli(cli, ['fetch', '--cache', cache], hubEnv(hub.url));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`hubscope: could not write ${cache}/.lock (no space left on the device, ENOSPC); the file was left as it was\n`);
    expect((await files(cache)).filter((f) => f !== 'filler')).toEqual([]);
    await rm(cache, { recursive: true, force: true });
  });
});

describe('a lock written by an older hubscope (pid and time only)', () => {
  it('a process that started after the lock was written has a reused pid: taken over; one started before still blocks', async () => {
    const dir = await tempDir('hubscope-lock-');
    const other = spawn('sleep', ['30']);
    try {
      await new Promise((r) => setTimeout(r, 50));
      // this process's own start, read from /proc, is within a second of what Node says
      expect(Math.abs(processStartedAt(process.pid)! - (Date.now() - process.uptime() * 1000))).toBeLessThan(1500);
      await writeFile(join(dir, '.lock'), JSON.stringify({ pid: other.pid, startedAt: new Date(Date.now() - 3_600_000).toISOString() }));
      const release = await acquireLock(dir); // `sleep` started an hour after that lock: not its owner
      await release();
      await writeFile(join(dir, '.lock'), JSON.stringify({ pid: other.pid, startedAt: new Date().toISOString() }));
      await expect(acquireLock(dir)).rejects.toThrow(`in use by another hubscope fetch (pid ${other.pid})`);
    } finally {
      other.kill();
    }
  });
});
