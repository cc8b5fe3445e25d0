// `e` on a screen: write the current view as markdown to a file and say where.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** hubscope-<view>-<YYYYMMDD-HHMMSS>.md in `dir`; returns the absolute path written. */
export async function exportMarkdown(dir: string, viewId: string, markdown: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const path = resolve(join(dir, `hubscope-${viewId}-${stamp}.md`));
  await writeFile(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  return path;
}
