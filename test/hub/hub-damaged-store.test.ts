// A damaged hub.duckdb beside a valid manifest (issue 10 "Store"; the brief's rule: bad input →
// one-line error, non-zero exit, nothing cached lost): a real cache written by `hubscope import`,
// then its DuckDB file overwritten with random bytes, cut short, or damaged in place. `print
// overview` says so in one line and exits non-zero; the explorer's first read (the manifest only,
// before DuckDB loads) refuses it the same way, so no view shows it; every other file of the cache
// is left byte for byte, and the damaged file too (the next fetch or import replaces it).
import { createHash, randomBytes } from 'node:crypto';
import { openSync, readFileSync, readdirSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, filesOf, removeTempDirs, runCli, tempDir } from '../import/helpers.js';
import { parent, writeSnapshot } from './snapshot-fixture.js';
import { hubSource } from '../../source/sources/hub.js';
import { DataError } from '../../source/data/errors.js';

beforeAll(ensureBuilt, 120_000);
afterAll(removeTempDirs);

const DATASET = 'cfahlgren1/hub-stats';

/** Every file of the cache by its sha256 (a deep comparison of megabytes of Buffer is slow). */
const digests = (cache: string): Record<string, string> =>
  Object.fromEntries(Object.entries(filesOf(cache)).map(([path, bytes]) => [path, createHash('sha256').update(bytes).digest('hex')]));

/** A cache holding an import of a tiny snapshot; returns it and its store's path. */
async function importedCache(): Promise<{ cache: string; store: string }> {
  const file = await writeSnapshot([
    { id: 'org/base', author: 'org', createdAt: '2024-01-01T00:00:00Z', downloads: 5, pipeline_tag: 'text-generation' },
    { id: 'a/tuned', author: 'a', createdAt: '2024-02-01T00:00:00Z', downloads: 2, baseModels: { relation: 'finetune', models: [parent('org/base')] } },
  ]);
  const cache = tempDir('hs-hub-damaged-');
  const imported = runCli(['import', file, '--dataset', DATASET, '--cache', cache]);
  expect(imported.code, imported.stderr).toBe(0);
  const datasets = join(cache, 'datasets');
  const [dir] = readdirSync(datasets);
  const store = join(datasets, dir!, 'hub.duckdb');
  const manifest = JSON.parse(readFileSync(join(datasets, dir!, 'manifest.json'), 'utf8')) as { storeBytes?: number };
  expect(manifest.storeBytes).toBe(statSync(store).size);
  // the store is good before it is damaged: print works on it
  const good = runCli(['print', 'overview', '--dataset', DATASET, '--cache', cache, '--format', 'json']);
  expect(good.code, good.stderr).toBe(0);
  return { cache, store };
}

const damages: Array<[string, (store: string) => void, RegExp]> = [
  ['overwritten with 100,000 random bytes', (store) => writeFileSync(store, randomBytes(100_000)), /not a DuckDB database file/],
  ['cut short', (store) => writeFileSync(store, readFileSync(store).subarray(0, statSync(store).size - 262_144)), /\d+ bytes where the ingest wrote \d+/],
];

describe('a damaged hub.duckdb with a valid manifest', () => {
  for (const [what, damage, why] of damages) {
    test(`${what}: print overview and the explorer's first read refuse it in one line; the cache is left as it was`, async () => {
      const { cache, store } = await importedCache();
      damage(store);
      const before = digests(cache);
      const printed = runCli(['print', 'overview', '--dataset', DATASET, '--cache', cache]);
      expect(printed.code).not.toBe(0);
      expect(printed.stdout).toBe('');
      expect(printed.stderr).toMatch(new RegExp(`^hubscope: ${store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the Hub snapshot store is damaged \\(`));
      expect(printed.stderr).toMatch(why);
      expect(printed.stderr).toContain(`fetch --dataset ${DATASET}`);
      expect(printed.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(printed.stderr).not.toMatch(/\n\s+at /);
      // the explorer (`hubscope --dataset cfahlgren1/hub-stats`) reads with firstFrame before
      // it draws: the same DataError there stops it with the same line (commands/explore.ts)
      const first = hubSource.read(cache, DATASET, { firstFrame: true });
      await expect(first).rejects.toBeInstanceOf(DataError);
      await expect(first).rejects.toThrow(why);
      expect(digests(cache)).toEqual(before);
    }, 60_000);
  }

  test('damaged in place (same size, a block overwritten): the checksum DuckDB finds becomes the same one line', async () => {
    const { cache, store } = await importedCache();
    // every block past the headers (12 KB), so whichever the overview reads fails its checksum;
    // the size and the header's magic bytes stay, so only DuckDB can tell
    const size = statSync(store).size;
    const fd = openSync(store, 'r+');
    try {
      writeSync(fd, randomBytes(size - 12_288), 0, size - 12_288, 12_288);
    } finally {
      closeSync(fd);
    }
    const before = digests(cache);
    const printed = runCli(['print', 'overview', '--dataset', DATASET, '--cache', cache]);
    expect(printed.code).not.toBe(0);
    expect(printed.stderr).toMatch(/^hubscope: .*hub\.duckdb: the Hub snapshot store is damaged \(.*\); fetch or import the snapshot again/);
    expect(printed.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(digests(cache)).toEqual(before);
  }, 60_000);
});
