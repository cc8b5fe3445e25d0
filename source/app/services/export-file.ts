// `e` on a screen: write the current view as markdown to a file and say where.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** hubscope-<view>-<YYYYMMDD-HHMMSS>.md in `dir` (or `file`, `:export FILE`, relative to
 *  `dir`); returns the absolute path written. */
export async function exportMarkdown(dir: string, viewId: string, markdown: string, now: Date, file?: string): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const path = resolve(dir, file ?? join(dir, `hubscope-${viewId}-${stamp}.md`));
  await writeFile(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  return path;
}
