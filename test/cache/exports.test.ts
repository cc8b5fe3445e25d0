// cache/exports.ts and text/path-message.ts (issue 9 item 9): `e` writes under the cache's
// exports/ (or --export-dir), made when missing, never the current directory; a folder that
// cannot be made is one line; the status bar names the file written.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportDirError, defaultExportDir, ensureExportDir, exportDirOf, exportMarkdown } from '../../source/cache/exports.js';
import { pathMessage } from '../../source/text/path-message.js';
import { tempDir } from '../fetch/helpers.js';

const NOW = new Date('2026-03-04T05:06:07Z');

describe('the export folder', () => {
  it('is the cache’s exports/ unless --export-dir names one', () => {
    expect(defaultExportDir('/data/cache')).toBe('/data/cache/exports');
    expect(exportDirOf(undefined, 'rel-cache')).toBe(join(resolve('rel-cache'), 'exports'));
    expect(exportDirOf('out', '/data/cache')).toBe(resolve('out'));
    expect(exportDirOf('  ', '/data/cache')).toBe('/data/cache/exports');
  });

  it('is made when missing (parents too), and the file is named by view and time', async () => {
    const cache = await tempDir('hubscope-exports-');
    const dir = defaultExportDir(cache);
    const path = await exportMarkdown(dir, 'leaderboard', '# table', NOW);
    expect(path).toBe(join(cache, 'exports', 'hubscope-leaderboard-20260304-050607.md'));
    expect(await readFile(path, 'utf8')).toBe('# table\n');
    const deep = join(cache, 'a', 'b', 'c');
    expect(await exportMarkdown(deep, 'sizes', 'x\n', NOW)).toBe(join(deep, 'hubscope-sizes-20260304-050607.md'));
  });

  it('never overwrites: a second export in the same second gets -2', async () => {
    const dir = await tempDir('hubscope-exports-');
    const first = await exportMarkdown(dir, 'types', 'one', NOW);
    const second = await exportMarkdown(dir, 'types', 'two', NOW);
    expect(second).toBe(first.replace(/\.md$/, '-2.md'));
    expect((await readdir(dir)).sort()).toEqual(['hubscope-types-20260304-050607-2.md', 'hubscope-types-20260304-050607.md']);
    expect(await readFile(first, 'utf8')).toBe('one\n');
  });

  it('that cannot be made is one line naming it and the cause', async () => {
    const root = await tempDir('hubscope-exports-');
    const file = join(root, 'a-file');
    await writeFile(file, 'in the way');
    await expect(ensureExportDir(file)).rejects.toThrow(new ExportDirError(file, { code: 'EEXIST' }).message);
    await expect(ensureExportDir(file)).rejects.toThrow(/^cannot create the export folder .*a-file \(a file of that name is in the way\)$/);
    const under = join(file, 'exports');
    const error = await exportMarkdown(under, 'overview', 'x', NOW).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ExportDirError);
    expect((error as Error).message).toMatch(/^cannot create the export folder .*a-file\/exports \(a part of the path is a file, not a directory, ENOTDIR\)$/);
    expect(await readFile(file, 'utf8')).toBe('in the way'); // nothing touched
    await mkdir(join(root, 'ok'));
    await expect(ensureExportDir(join(root, 'ok'))).resolves.toBeUndefined(); // an existing folder is fine
  });
});

describe('pathMessage: the path written, on one status line', () => {
  const path = '/home/someone/projects/hubscope/cache/exports/hubscope-leaderboard-20260304-050607.md';
  it('the absolute path when it fits', () => {
    expect(pathMessage('exported to ', path, 120, '/tmp')).toBe(`exported to ${path}`);
  });
  it('else the path from the current directory, when the file is under it', () => {
    expect(pathMessage('exported to ', path, 80, '/home/someone/projects/hubscope')).toBe('exported to ./cache/exports/hubscope-leaderboard-20260304-050607.md');
  });
  it('else the start and the file name, the middle cut, in the width', () => {
    const line = pathMessage('exported to ', path, 80, '/elsewhere');
    expect(line.length).toBe(80);
    expect(line).toMatch(/^exported to \/home\/someone\/pro.*….*\/hubscope-leaderboard-20260304-050607\.md$/);
  });
});
