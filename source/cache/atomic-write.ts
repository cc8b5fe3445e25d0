// Writing one cache file whole or not at all: the text goes to `.<name>.tmp` beside it, which
// is renamed over the file (a reader sees the old file or the new one, never half of one).
// When any step fails — a full disk, no permission — the temp file is removed and the error
// is one line naming the file and the cause (CacheWriteError); the file itself is unchanged.
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../data/errors.js';
import { sanitize } from '../text/sanitize.js';

/** The file-system calls the writer makes, as an object so that a test can make one fail
 *  (ENOSPC on a disk it cannot fill, EACCES as root). */
export const fileSystem = {
  writeFile: fs.writeFile,
  rename: fs.rename,
  unlink: fs.unlink,
  copyFile: fs.copyFile,
  mkdir: fs.mkdir,
};

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'a directory is in the way',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

/** The cause of a file-system error in words (with its code). */
export function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return CAUSES[code] ? `${CAUSES[code]}, ${code}` : code;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** A cache file could not be written: one line, the file and the cause. */
export class CacheWriteError extends DataError {
  constructor(
    readonly path: string,
    readonly reason: unknown,
  ) {
    super(`could not write ${sanitize(path)} (${causeOf(reason)}); the file was left as it was`);
    this.name = 'CacheWriteError';
  }
}

export const tempPathOf = (path: string): string => join(dirname(path), `.${basename(path)}.tmp`);

async function removeQuietly(path: string): Promise<void> {
  try {
    await fileSystem.unlink(path);
  } catch {
    // never written, or already gone
  }
}

/** Writes `text` to `path` atomically; CacheWriteError when it cannot, with nothing left
 *  behind. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = tempPathOf(path);
  try {
    await fileSystem.writeFile(temp, text);
    await fileSystem.rename(temp, path);
  } catch (error) {
    await removeQuietly(temp);
    throw new CacheWriteError(path, error);
  }
}

/** Copies `from` to `to` atomically (the schema-1 table into its new folder). */
export async function copyAtomic(from: string, to: string): Promise<void> {
  const temp = tempPathOf(to);
  try {
    await fileSystem.copyFile(from, temp);
    await fileSystem.rename(temp, to);
  } catch (error) {
    await removeQuietly(temp);
    throw new CacheWriteError(to, error);
  }
}

/** Creates a directory (and its parents); CacheWriteError naming it when it cannot. */
export async function makeDir(path: string): Promise<void> {
  try {
    await fileSystem.mkdir(path, { recursive: true });
  } catch (error) {
    throw new CacheWriteError(path, error);
  }
}
