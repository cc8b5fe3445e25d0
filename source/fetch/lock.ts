// One fetcher per cache: a `.lock` file holding the owner's pid, created exclusively. A lock
// whose pid is no longer running (a fetch killed with -9) is taken over.
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { unlinkSync, readFileSync } from 'node:fs';
import { DataError } from '../data/errors.js';

export const LOCK_FILE = '.lock';

/** Locks this process holds (a pid alone cannot tell two fetchers in one process apart). */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(path: string): Promise<number | null> {
  try {
    const pid = Number((JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

/** Takes the cache's lock; resolves to its release. Throws DataError when a live process
 *  holds it. */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(mine);
      await handle.close();
      held.add(path);
      const onExit = (): void => {
        held.delete(path);
        try {
          if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', onExit);
      return async () => {
        process.removeListener('exit', onExit);
        onExit();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = await holder(path);
      const live = pid === process.pid ? held.has(path) : pid !== null && alive(pid);
      if (live) {
        throw new DataError(`the cache at ${dir} is in use by another hubscope fetch (pid ${pid}); wait for it to end or stop it`);
      }
      await unlink(path).catch(() => undefined); // stale: its owner is gone
    }
  }
  throw new DataError(`could not take the lock ${path}`);
}
