// Imports hubscope's own TypeScript modules into a benchmark script, from a clean clone after
// `npm ci`: esbuild (already a dependency: it is the build) bundles the modules asked for
// into one ES module under .tmp/hubscope-bench/ (ignored by git; two levels down, so the
// modules find package.json as they do from source/ and dist/), and that module is imported.
// The package's build bundles the CLI only (dist/cli.js and its chunks), so a benchmark that
// wants the cache code, say, cannot import dist/…; it imports the sources, which always exist
// and follow every change (bench/synth-cache.mjs writes its cache through source/cache).
//
//   const { CacheStore } = await loadSource({ CacheStore: 'source/cache/store.ts' });
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The named exports of source modules, by name: `{ name: 'source/path.ts' }`. */
export async function loadSource(exports) {
  const lines = Object.entries(exports).map(([name, path]) => `export { ${name} } from ${JSON.stringify(`./${path}`)};`);
  const out = join(ROOT, '.tmp', 'hubscope-bench');
  mkdirSync(out, { recursive: true });
  const file = join(out, `source-${process.pid}-${Date.now()}.mjs`);
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external', // lowdb, undici, … from node_modules, as the app loads them
    outfile: file,
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true }); // loaded: the file is not needed any more
  }
}
