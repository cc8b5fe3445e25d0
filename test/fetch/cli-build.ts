// Builds the CLI once for the tests that spawn it, into node_modules/.cache/hubscope-test (not
// dist/, which others build too), and only when a source file is newer than the last build.
// A mkdir lock keeps parallel test files from building at the same time.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'node_modules', '.cache', 'hubscope-test');
const DIST = join(OUT, 'dist');
const STAMP = join(OUT, 'built-at');
const LOCK = join(OUT, 'lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const fresh = (): boolean =>
  existsSync(STAMP) && existsSync(join(DIST, 'cli.js')) && statSync(STAMP).mtimeMs > newestSource(join(ROOT, 'source'));

/** Path of the built cli.js. */
export async function builtCli(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 60_000) rmdirSync(LOCK); // a crashed builder's lock
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!fresh()) {
      const started = Date.now();
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      // tsc emits even when files outside the fetch path have type errors; cli.js is checked below
      await promisify(execFile)(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', DIST], { cwd: ROOT }).catch(() => undefined);
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      writeFileSync(join(OUT, 'package.json'), JSON.stringify({ name: 'hubscope', version: pkg.version, type: 'module', private: true }));
      if (!existsSync(join(DIST, 'cli.js'))) throw new Error('building the CLI for the tests failed');
      writeFileSync(STAMP, String(started));
      utimesSync(STAMP, started / 1000, started / 1000); // a source saved during the build is newer
    }
  } finally {
    rmdirSync(LOCK);
  }
  return join(DIST, 'cli.js');
}
