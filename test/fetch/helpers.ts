// Shared by the fetch tests: temp cache dirs, an in-process fetch against a FakeHub with fast
// retries, and cache snapshots without their timestamps.
import { CacheStore } from '../../source/cache/store.js';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchEvent } from '../../source/fetch/events.js';
import { runFetch, type FetchOptions, type FetchResult } from '../../source/fetch/fetcher.js';
import type { FakeHub } from '../fake-hub/server.js';
import { sourceFor } from '../../source/sources/registry.js';

export const tempDir = (prefix = 'hubscope-test-'): Promise<string> => mkdtemp(join(tmpdir(), prefix));

export const FAST_RETRIES = { backoff: { baseMs: 5, capMs: 40 } };

export async function fetchInto(
  hub: Pick<FakeHub, 'url'>,
  cacheDir: string,
  overrides: Partial<FetchOptions> = {},
): Promise<{ result: FetchResult; events: FetchEvent[] }> {
  const events: FetchEvent[] = [];
  const result = await runFetch({
    cacheDir,
    dataset: 'open-llm-leaderboard/contents',
    sourceFor,
    only: null,
    refresh: false,
    ttlDays: 7,
    concurrency: 4,
    hubUrl: hub.url,
    datasetsServerUrl: hub.url,
    token: null,
    offline: false,
    emit: (event) => events.push(event),
    client: FAST_RETRIES,
    flushEveryMs: 100,
    ...overrides,
  });
  return { result, events };
}

/** The cache's documents by name, decoded from their compact on-disk layout (cache/codec.ts)
 *  by the store itself: meta.json, models.json, commits.json, and as 'leaderboard.json' the
 *  table of one dataset (`dataset`, default: the most recently fetched). */
export async function readCache(dir: string, dataset?: string): Promise<Record<string, any>> {
  const names = new Set(await readdir(dir));
  const store = await CacheStore.open(dir, { dataset: dataset ?? null });
  const docs: Record<string, unknown> = {
    'meta.json': store.metaDoc,
    'models.json': store.models,
    'commits.json': store.commits,
  };
  if (store.choice.held) docs['leaderboard.json'] = store.leaderboard;
  return Object.fromEntries(Object.entries(docs).filter(([name]) => name === 'leaderboard.json' || names.has(name)));
}

/** The completion times of a dataset's stages (meta.json), the most recent one's by default. */
export async function completedOf(dir: string, dataset?: string): Promise<Record<string, string | null>> {
  const store = await CacheStore.open(dir, { dataset: dataset ?? null });
  return store.record.completed;
}

const TIME_KEYS = new Set(['fetchedAt', 'completed', 'writtenBy']);

/** A deep copy without the fields that record when (or by which build) something was written. */
export function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !TIME_KEYS.has(k))
        .map(([k, v]) => [k, withoutTimes(v)]),
    );
  }
  return value;
}

export const itemsOf = (cache: Record<string, any>, file: 'models.json' | 'commits.json'): Record<string, any> => cache[file]?.items ?? {};

export function statusCounts(items: Record<string, { status: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of Object.values(items)) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return counts;
}
