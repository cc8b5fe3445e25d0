// Fetches the Hub-wide snapshot (hub-api.md §12; issue 10 "Source") with column projection:
// resolve the dataset's sha (or pin --revision), the file's size from `tree`, then the resolver's
// 302 to the CDN (file-download.ts `head`); the footer and only the column chunks hubscope needs
// go into a sparse local copy (hub-projected-copy.ts), which the ingest reads. A cut body resumes
// with Range; a killed run resumes from the copy's journal. `importHubSnapshot` loads a local file.
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { DataError } from '../data/errors.js';
import { HttpError, HubClient } from './http-client.js';
import { createDownloader, type FileDownloader } from './file-download.js';
import { projectedCopy, type HubProgress } from './hub-projected-copy.js';
import type { ColumnPlan } from '../hub/columns.js';
import { ingestSnapshot } from '../hub/ingest.js';
import { HUB_DATASET, HUB_FILE, MANIFEST_NAME, readManifest, type HubManifest } from '../hub/manifest.js';

export type { HubProgress } from './hub-projected-copy.js';
export { chunksOf } from './hub-projected-copy.js';

export interface HubFetchOptions {
  endpoint: string;
  storeDir: string;
  dataset?: string;
  file?: string;
  /** Pin a revision (a sha, or a branch); default: the dataset's `main`. */
  revision?: string;
  token?: string | null;
  /** Ranges downloaded at once (default 4). */
  concurrency?: number;
  /** Fetch again even when the store holds this sha already. */
  refresh?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: HubProgress) => void;
  /** Attempts per range before giving up (default 8). */
  maxAttempts?: number;
  backoffMs?: number;
}

export interface HubFetchResult {
  manifest: HubManifest;
  upToDate: boolean;
  plan: ColumnPlan | null;
  requests: number;
  /** Times a range was resumed after a cut body or a failed request. */
  resumed: number;
  bytesDownloaded: number;
}


interface Resolved {
  sha: string;
  size: number;
  url: string;
  etag: string | null;
}

async function resolveFile(api: HubClient, files: FileDownloader, options: HubFetchOptions, dataset: string, file: string): Promise<Resolved> {
  const base = options.endpoint.replace(/\/+$/, '');
  const revision = options.revision ?? 'main';
  const info = await api.getJson(`${base}/api/datasets/${dataset}/revision/${encodeURIComponent(revision)}`, options.signal);
  const sha = (info.body as { sha?: unknown } | null)?.sha;
  if (info.status !== 200 || typeof sha !== 'string' || !/^[0-9a-f]{7,64}$/i.test(sha)) {
    throw new DataError(`${dataset}: revision ${revision} not found on the Hub (HTTP ${info.status})`);
  }
  if (options.revision && /^[0-9a-f]{40}$/i.test(options.revision) && sha.toLowerCase() !== options.revision.toLowerCase()) {
    throw new DataError(`${dataset}: asked for revision ${options.revision}, the Hub answered ${sha}`);
  }
  const tree = await api.getJson(`${base}/api/datasets/${dataset}/tree/${sha}`, options.signal);
  const entry = Array.isArray(tree.body) ? (tree.body as Array<{ path?: string; size?: number; lfs?: { size?: number } }>).find((e) => e.path === file) : undefined;
  const treeSize = entry ? Number(entry.lfs?.size ?? entry.size) : NaN;
  // the resolve route's 302 names the size and the CDN URL (file-download.ts: the token stays
  // on the Hub's origin)
  const head = await files.head(`${base}/datasets/${dataset}/resolve/${sha}/${file}`, options.signal).catch((error: unknown) => {
    if (error instanceof HttpError && error.status !== null && error.status >= 400 && error.status < 500) throw new DataError(`${dataset}: ${file} not found at ${sha.slice(0, 12)} (HTTP ${error.status})`);
    throw error;
  });
  const size = head.size ?? treeSize;
  if (!Number.isFinite(size) || size <= 12) throw new DataError(`${dataset}: the Hub gave no size for ${file}`);
  return { sha, size, url: head.url, etag: head.etag };
}

/** Fetches the snapshot into `storeDir` (the DuckDB file and its manifest). */
export async function fetchHubSnapshot(options: HubFetchOptions): Promise<HubFetchResult> {
  const dataset = options.dataset ?? HUB_DATASET;
  const file = options.file ?? HUB_FILE;
  const progress = (p: HubProgress) => options.onProgress?.(p);
  const api = HubClient.create({ token: options.token ?? null, trustedOrigins: [options.endpoint], concurrency: 2 });
  const files = createDownloader({
    token: options.token ?? null, trustedOrigins: [options.endpoint], connections: options.concurrency ?? 4,
    backoff: { baseMs: options.backoffMs ?? 200, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) },
  });
  let closing: Promise<void> | null = null;
  const closeClients = (): Promise<void> => (closing ??= Promise.all([files.close(), api.close()]).then(() => undefined));
  try {
    progress({ stage: 'resolve', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0 });
    const target = await resolveFile(api, files, options, dataset, file);
    const previous = await readManifest(join(options.storeDir, MANIFEST_NAME));
    if (previous && previous.sha === target.sha && !options.refresh) {
      return { manifest: previous, upToDate: true, plan: null, requests: 2 + files.stats.requests, resumed: 0, bytesDownloaded: 0 };
    }
    await mkdir(options.storeDir, { recursive: true });
    const copy = await projectedCopy({
      files, url: target.url, sha: target.sha, size: target.size, path: join(options.storeDir, `${file}.${target.sha.slice(0, 12)}.part`),
      name: `${dataset}/${file}`, concurrency: options.concurrency, signal: options.signal,
      onProgress: (p) => progress(p),
    });
    const { bytes, bytesTotal, rowsTotal } = copy;
    // the network's part is done: its connections go before the ingest's long run (whose peak
    // RSS is issue 10's bound), not after it
    await closeClients();
    progress({ stage: 'ingest', bytes, bytesTotal, rows: rowsTotal, rowsTotal });
    const manifest = await ingestSnapshot(copy.path, options.storeDir, {
      dataset, file, sha: target.sha, origin: 'hub', size: target.size, bytesDownloaded: copy.downloaded, fetchedAt: new Date().toISOString(),
    }, copy.plan, { onStep: (detail) => progress({ stage: 'ingest', bytes, bytesTotal, rows: rowsTotal, rowsTotal, detail }) });
    await copy.remove();
    progress({ stage: 'done', bytes, bytesTotal, rows: manifest.rows, rowsTotal });
    return { manifest, upToDate: false, plan: copy.plan, requests: 2 + files.stats.requests, resumed: files.stats.retries, bytesDownloaded: copy.downloaded };
  } finally {
    await closeClients();
  }
}

/** Loads a local copy of the snapshot (e.g. a weekly file of hfmlsoc/hub_weekly_snapshots). */
export async function importHubSnapshot(path: string, storeDir: string, options: { dataset?: string; onProgress?: (p: HubProgress) => void } = {}): Promise<HubManifest> {
  const absolute = resolvePath(path);
  const info = await stat(absolute).catch(() => null);
  if (!info?.isFile()) throw new DataError(`${path}: no such file`);
  options.onProgress?.({ stage: 'ingest', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0 });
  return ingestSnapshot(absolute, storeDir, {
    dataset: options.dataset ?? HUB_DATASET, file: HUB_FILE, sha: null, origin: `file:${absolute}`, size: info.size, bytesDownloaded: 0, fetchedAt: new Date().toISOString(),
  }, undefined, { onStep: (detail) => options.onProgress?.({ stage: 'ingest', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0, detail }) });
}
