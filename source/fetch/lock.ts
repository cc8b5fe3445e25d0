// One writer per cache (a fetch or an import): a `.lock` file naming its owner — the command,
// the pid and the process's start time — created with its content in one step (written to a
// temp file, then hard-linked to `.lock`, which fails when a lock exists), so there is never
// an empty or half-written lock. A lock whose owner is gone is taken over: its pid is not
// running, or (on Linux, where /proc/PID/stat gives a process's start time) the pid now
// belongs to another process, started at another time — a pid reused after a reboot or a
// SIGKILL must not block fetches forever, while a live hubscope still does. A lock written by
// an older hubscope (pid and time only) is stale when its pid's process started after it.
// Where /proc cannot be read, the pid alone decides.
import { link, mkdir, open, readFile, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CacheWriteError } from '../cache/atomic-write.js';
import { DataError } from '../data/errors.js';
import { sanitize } from '../text/sanitize.js';

export const LOCK_FILE = '.lock';

export type LockOwner = 'fetch' | 'import';

interface LockContent {
  pid: number;
  /** The process's start time in clock ticks after boot (/proc/PID/stat field 22), or null
   *  where it cannot be read. */
  start: string | null;
  command: LockOwner | null;
  /** When the lock was written (epoch ms; every lock has it, older hubscopes' too). */
  writtenAt: number | null;
}

/** Locks this process holds (a pid alone cannot tell two writers in one process apart). */
const held = new Set<string>();

/** A process's start time (field 22 of /proc/PID/stat, after the parenthesised command name,
 *  which may itself hold spaces and parentheses); null without /proc or such a process. */
export function processStart(pid: number, read: (path: string) => string = (path) => readFileSync(path, 'utf8')): string | null {
  try {
    const stat = read(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19]; // field 22 overall: the 20th after pid, comm
    return start !== undefined && /^\d+$/.test(start) ? start : null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a process started (epoch ms) from its start time in clock ticks and the boot time
 *  (/proc/stat btime), at Linux's USER_HZ of 100 ticks a second; null without /proc. */
export function processStartedAt(pid: number, read: (path: string) => string = (path) => readFileSync(path, 'utf8')): number | null {
  const ticks = processStart(pid, read);
  if (ticks === null) return null;
  try {
    const btime = /^btime (\d+)$/m.exec(read('/proc/stat'))?.[1];
    return btime === undefined ? null : Number(btime) * 1000 + Number(ticks) * 10;
  } catch {
    return null;
  }
}

/** A lock's owner starts before it writes its lock: a process that started clearly after the
 *  lock was written cannot be its owner (its pid was reused). */
const STARTED_AFTER_SLACK_MS = 5000;

/** True when the lock's owner still runs: its pid is alive and, when both start times are
 *  known, started when the lock says. A lock of an older hubscope (no start time recorded):
 *  its pid started after the lock was written means another process has that pid now. */
export function ownerAlive(
  owner: LockContent,
  start: (pid: number) => string | null = processStart,
  startedAt: (pid: number) => number | null = processStartedAt,
): boolean {
  if (!running(owner.pid)) return false;
  if (owner.start === null) {
    const began = owner.writtenAt === null ? null : startedAt(owner.pid);
    return began === null || began <= owner.writtenAt! + STARTED_AFTER_SLACK_MS;
  }
  const now = start(owner.pid);
  return now === null || now === owner.start;
}

async function holder(path: string): Promise<LockContent | null> {
  try {
    const raw = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; start?: unknown; command?: unknown; startedAt?: unknown };
    const pid = Number(raw.pid);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    return {
      pid,
      start: typeof raw.start === 'string' && /^\d+$/.test(raw.start) ? raw.start : null,
      command: raw.command === 'fetch' || raw.command === 'import' ? raw.command : null,
      writtenAt: typeof raw.startedAt === 'string' && !Number.isNaN(Date.parse(raw.startedAt)) ? Date.parse(raw.startedAt) : null,
    };
  } catch {
    return null; // unreadable or malformed: stale (a lock is never written half: see above)
  }
}

/** The live hubscope writing to the cache (a fetch or an import), or null: a reader (print)
 *  says its figures may still change while one runs. */
export async function lockOwner(dir: string): Promise<LockOwner | null> {
  const owner = await holder(join(dir, LOCK_FILE));
  return owner !== null && owner.pid !== process.pid && ownerAlive(owner) ? (owner.command ?? 'fetch') : null;
}

/** Creates `path` holding `content` unless it exists (EEXIST then): a hard link of a written
 *  temp file, so the lock is never seen empty; where the file system has no hard links, an
 *  exclusive create and a write (removed again when the write fails). */
async function createLock(path: string, temp: string, content: string): Promise<void> {
  try {
    await link(temp, path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
}

/** Takes the cache's lock; resolves to its release. Throws DataError when a live hubscope
 *  holds it, CacheWriteError when the lock cannot be written (nothing is left behind). */
export async function acquireLock(dir: string, command: LockOwner = 'fetch'): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const temp = join(dir, `.lock.${process.pid}.tmp`);
  const mine = JSON.stringify({ pid: process.pid, start: processStart(process.pid), command, startedAt: new Date().toISOString() });
  try {
    await writeFile(temp, mine);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new CacheWriteError(path, error);
  }
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await createLock(path, temp, mine);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new CacheWriteError(path, error);
        const owner = await holder(path);
        const live = owner !== null && (owner.pid === process.pid ? held.has(path) : ownerAlive(owner));
        if (live) {
          throw new DataError(
            `the cache at ${sanitize(dir)} is in use by another hubscope ${owner.command ?? 'fetch'} (pid ${owner.pid}); wait for it to end or stop it`,
          );
        }
        await unlink(path).catch(() => undefined); // stale: its owner is gone
        continue;
      }
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
    }
    throw new DataError(`could not take the lock ${sanitize(path)}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
