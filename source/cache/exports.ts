// Where `e` (export) writes (issue 9 item 9): under the cache's own `exports/` folder by
// default, or the folder `--export-dir` names — never the current directory, which is the git
// work tree when the explorer runs from a clone (the cache folder is git-ignored). The folder
// is made when missing; when it cannot be, the error is one line naming it and the cause.
// A file is never overwritten: two exports in the same second get `-2`, `-3`, ….
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../data/errors.js';
import { sanitize } from '../text/sanitize.js';
import { causeOf } from './atomic-write.js';

/** The default export folder of a cache. */
export function defaultExportDir(cacheDir: string): string {
  return join(resolve(cacheDir), 'exports');
}

/** The folder `e` writes to: `--export-dir` (resolved) when given, else the cache's exports/. */
export function exportDirOf(option: string | undefined, cacheDir: string): string {
  return option !== undefined && option.trim() !== '' ? resolve(option) : defaultExportDir(cacheDir);
}

export class ExportDirError extends DataError {
  constructor(dir: string, reason: unknown) {
    const code = (reason as NodeJS.ErrnoException | null)?.code;
    const cause = code === 'EEXIST' ? 'a file of that name is in the way' : causeOf(reason);
    super(`cannot create the export folder ${sanitize(dir)} (${cause})`);
    this.name = 'ExportDirError';
  }
}

/** Makes the folder (and its parents) when missing; ExportDirError when it cannot. */
export async function ensureExportDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'EEXIST' });
  } catch (error) {
    throw new ExportDirError(dir, error);
  }
}

const stampOf = (now: Date): string => now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Writes `hubscope-<view>-<YYYYMMDD-HHMMSS>.md` into `dir` (made when missing) and returns
 *  the absolute path written; `file` (`:export FILE`) names the file instead, relative to
 *  `dir`, and is written over when it exists (the user named it). A DataError of one line
 *  when the folder or the file cannot be written. */
export async function exportMarkdown(dir: string, viewId: string, markdown: string, now: Date, file?: string): Promise<string> {
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  if (file !== undefined) {
    const path = resolve(dir, file);
    await ensureExportDir(dirname(path));
    try {
      await writeFile(path, text, 'utf8');
      return path;
    } catch (error) {
      throw new DataError(`could not write the export ${sanitize(path)} (${causeOf(error)})`);
    }
  }
  const folder = resolve(dir);
  await ensureExportDir(folder);
  const base = `hubscope-${viewId.replace(/[^a-z0-9-]/gi, '-')}-${stampOf(now)}`;
  for (let n = 1; ; n += 1) {
    const path = join(folder, n === 1 ? `${base}.md` : `${base}-${n}.md`);
    try {
      await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && n < 100) continue;
      throw new DataError(`could not write the export ${sanitize(path)} (${causeOf(error)})`);
    }
  }
}
