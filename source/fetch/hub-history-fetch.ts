// Fetches the weekly history (`--history N`; hub-api.md §12): the N latest weekly snapshots of
// `hfmlsoc/hub_weekly_snapshots` (`models/YYYY-MM-DD/models.parquet`), each read with column
// projection — the footer and the chunks of id, createdAt and downloadsAllTime only — through
// the same projected copy as the snapshot (hub-projected-copy.ts), then folded into the store's
// history (hub/history.ts: downloads per week as the clipped difference of downloadsAllTime).
// The snapshot store must be there already: the history's lineage is the snapshot's.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../data/errors.js';
import { HttpError, HubClient } from './http-client.js';
import { createDownloader } from './file-download.js';
import { projectedCopy, type HubProgress, type ProjectedCopy } from './hub-projected-copy.js';
import { HISTORY_DATASET, HISTORY_FIELDS, ingestHistory, type HistoryManifest } from '../hub/history.js';

export interface HubHistoryOptions {
  endpoint: string;
  storeDir: string;
  /** How many weekly snapshots (the latest; 2 at least: N snapshots give N − 1 weeks). */
  snapshots: number;
  dataset?: string;
  revision?: string;
  token?: string | null;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: HubProgress) => void;
  backoffMs?: number;
  maxAttempts?: number;
}

export interface HubHistoryResult {
  manifest: HistoryManifest;
  sha: string;
  bytesDownloaded: number;
  /** Bytes of the files read from, in all. */
  bytesOfFiles: number;
  resumed: number;
}

const WEEK_PATH = /^models\/(\d{4}-\d{2}-\d{2})(?:\/models\.parquet)?$/;

/** The snapshot dates a `tree` listing of `models/` shows (folders or their files), ascending. */
export function weeksListed(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [];
  const weeks = new Set<string>();
  for (const e of entries as Array<{ path?: unknown }>) {
    const m = typeof e?.path === 'string' ? WEEK_PATH.exec(e.path) : null;
    if (m) weeks.add(m[1]!);
  }
  return [...weeks].sort();
}

export async function fetchHubHistory(options: HubHistoryOptions): Promise<HubHistoryResult> {
  const dataset = options.dataset ?? HISTORY_DATASET;
  if (!Number.isInteger(options.snapshots) || options.snapshots < 2) throw new DataError('--history needs 2 weekly snapshots at least (N snapshots give N − 1 weeks)', 2);
  const base = options.endpoint.replace(/\/+$/, '');
  const api = HubClient.create({ token: options.token ?? null, trustedOrigins: [options.endpoint], concurrency: 2 });
  const files = createDownloader({
    token: options.token ?? null, trustedOrigins: [options.endpoint], connections: options.concurrency ?? 4,
    backoff: { baseMs: options.backoffMs ?? 200, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) },
  });
  const copies: Array<{ week: string; copy: ProjectedCopy; size: number }> = [];
  try {
    options.onProgress?.({ stage: 'resolve', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0, detail: dataset });
    const revision = options.revision ?? 'main';
    const info = await api.getJson(`${base}/api/datasets/${dataset}/revision/${encodeURIComponent(revision)}`, options.signal);
    const sha = (info.body as { sha?: unknown } | null)?.sha;
    if (info.status !== 200 || typeof sha !== 'string' || !/^[0-9a-f]{7,64}$/i.test(sha)) {
      throw new DataError(`${dataset}: revision ${revision} not found on the Hub (HTTP ${info.status})`);
    }
    const tree = await api.getJson(`${base}/api/datasets/${dataset}/tree/${sha}/models`, options.signal);
    const listed = weeksListed(tree.body);
    if (listed.length < 2) throw new DataError(`${dataset}: ${listed.length} weekly snapshot${listed.length === 1 ? '' : 's'} listed under models/ at ${sha.slice(0, 12)}; the history needs 2`);
    const weeks = listed.slice(-options.snapshots);
    await mkdir(options.storeDir, { recursive: true });
    for (const week of weeks) {
      const path = `models/${week}/models.parquet`;
      const head = await files.head(`${base}/datasets/${dataset}/resolve/${sha}/${path}`, options.signal).catch((error: unknown) => {
        if (error instanceof HttpError && error.status !== null && error.status >= 400 && error.status < 500) throw new DataError(`${dataset}: ${path} not found at ${sha.slice(0, 12)} (HTTP ${error.status})`);
        throw error;
      });
      if (head.size === null || head.size <= 12) throw new DataError(`${dataset}: the Hub gave no size for ${path}`);
      const copy = await projectedCopy({
        files, url: head.url, sha, size: head.size, path: join(options.storeDir, `history-${week}.${sha.slice(0, 12)}.part`),
        name: `${dataset}/${path}`, fields: HISTORY_FIELDS, concurrency: options.concurrency, signal: options.signal,
        onProgress: options.onProgress, detail: `weekly snapshot ${week}`,
      });
      copies.push({ week, copy, size: head.size });
    }
    options.onProgress?.({ stage: 'ingest', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0, detail: `${weeks.length} weekly snapshots` });
    const manifest = await ingestHistory(copies.map((c) => ({ week: c.week, path: c.copy.path })), options.storeDir, {
      dataset, origins: copies.map((c) => `hub:${sha.slice(0, 12)}:models/${c.week}/models.parquet`),
    });
    for (const c of copies) await c.copy.remove();
    options.onProgress?.({ stage: 'done', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0 });
    return {
      manifest, sha,
      bytesDownloaded: copies.reduce((s, c) => s + c.copy.downloaded, 0),
      bytesOfFiles: copies.reduce((s, c) => s + c.size, 0),
      resumed: files.stats.retries,
    };
  } finally {
    await files.close();
    await api.close();
  }
}
