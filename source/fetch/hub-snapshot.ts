// Fetches the Hub-wide snapshot (hub-api.md §12; issue 10 "Source") with column projection:
// resolve the dataset's sha (or pin --revision), the file's size from `tree`, then the resolver's
// 302 to the CDN; read the parquet footer with a Range, then only the column chunks hubscope
// needs (columns.ts), each written at its own offset into a sparse local copy; DuckDB then reads
// that copy with projection and never touches the holes. A cut body resumes with `Range:
// bytes=N-`; a killed run resumes from the copy's journal. `importHubSnapshot` loads a local file.
import { mkdir, open, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { parquetMetadataAsync, type FileMetaData } from 'hyparquet';
import { DataError } from '../data/errors.js';
import { redactSecrets } from '../text/redact.js';
import { HubClient } from './http-client.js';
import { HttpError } from './http-client.js';
import { createDownloader, type FileDownloader } from './file-download.js';
import { RangeFile, missingParts, type Range } from './hub-range-file.js';
import { coalesceRanges, planColumns, planProblem, type ChunkInfo, type ColumnPlan } from '../hub/columns.js';
import { ingestSnapshot } from '../hub/ingest.js';
import { HUB_DATASET, HUB_FILE, MANIFEST_NAME, readManifest, type HubManifest } from '../hub/manifest.js';

export interface HubProgress {
  stage: 'resolve' | 'footer' | 'download' | 'ingest' | 'done';
  bytes: number;
  bytesTotal: number;
  /** Rows whose row groups are fully downloaded, of all rows. */
  rows: number;
  rowsTotal: number;
  /** A short line for the stage (e.g. "lineage: roots, cycles …"). */
  detail?: string;
}

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

const FOOTER_FETCH = 1 << 16;

/** Column chunks of every row group, from the footer. */
export function chunksOf(metadata: FileMetaData): ChunkInfo[] {
  const out: ChunkInfo[] = [];
  metadata.row_groups.forEach((group, rowGroup) => {
    for (const column of group.columns) {
      const meta = column.meta_data;
      if (!meta) continue;
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
      out.push({ rowGroup, path: meta.path_in_schema.join('.'), start, length: Number(meta.total_compressed_size) });
    }
  });
  return out;
}

function text(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
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
  const api = HubClient.create({ token: options.token ?? null, concurrency: 2 });
  const files = createDownloader({
    token: options.token ?? null, trustedOrigins: [options.endpoint], connections: options.concurrency ?? 4,
    backoff: { baseMs: options.backoffMs ?? 200, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) },
  });
  let downloaded = 0;
  try {
    progress({ stage: 'resolve', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0 });
    const target = await resolveFile(api, files, options, dataset, file);
    const previous = await readManifest(join(options.storeDir, MANIFEST_NAME));
    if (previous && previous.sha === target.sha && !options.refresh) {
      return { manifest: previous, upToDate: true, plan: null, requests: 2 + files.stats.requests, resumed: 0, bytesDownloaded: 0 };
    }
    await mkdir(options.storeDir, { recursive: true });
    const copy = await RangeFile.open(join(options.storeDir, `${file}.${target.sha.slice(0, 12)}.part`), target.sha, target.size);
    try {
      // the missing parts of a range, each streamed to its own offset of the sparse copy; a
      // part that fails for good keeps what came (the journal), and the run says to resume
      const fetchRange = async (range: Range, onBytes: (n: number) => void): Promise<void> => {
        for (const part of missingParts(range, copy.covered)) {
          let at = part[0];
          try {
            await files.getRange(target.url, part[0], part[1], async (offset, bytes) => {
              await copy.write(offset, bytes);
              at = offset + bytes.length;
              downloaded += bytes.length;
              onBytes(bytes.length);
            }, options.signal);
          } catch (error) {
            if (options.signal?.aborted) throw options.signal.reason;
            if (at > part[0]) await copy.markDone([part[0], at]);
            if (error instanceof DataError) throw error;
            throw new DataError(`${file}: download failed (${text(error)}); the bytes fetched are kept, run fetch again to resume`);
          }
          await copy.markDone(part);
        }
      };

      // the footer: the last 64 KiB (more when the metadata is longer)
      progress({ stage: 'footer', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0 });
      const tailStart = Math.max(0, target.size - FOOTER_FETCH);
      await fetchRange([tailStart, target.size], () => undefined);
      const reader = { byteLength: target.size, slice: async (start: number, end = target.size) => {
        await fetchRange([start, end], () => undefined);
        const buffer = Buffer.alloc(end - start);
        const handle = await open(copy.path, 'r');
        try {
          await handle.read(buffer, 0, end - start, start);
        } finally {
          await handle.close();
        }
        return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length);
      } };
      let metadata: FileMetaData;
      try {
        metadata = await parquetMetadataAsync(reader, { initialFetchSize: FOOTER_FETCH });
      } catch (error) {
        if (error instanceof DataError) throw error;
        throw new DataError(`${dataset}/${file}: not a parquet file (${text(error)}); nothing was changed`);
      }
      const plan = planColumns(chunksOf(metadata));
      const problem = planProblem(plan);
      if (problem) throw new DataError(`${dataset}/${file}: ${problem}; nothing was changed`);

      // the needed chunks, a few ranges at once
      const ranges = coalesceRanges(plan.chunks);
      const rowsTotal = Number(metadata.num_rows);
      const groupRows = metadata.row_groups.map((g) => Number(g.num_rows));
      const groupRanges = groupRows.map((_, g) => plan.chunks.filter((c) => c.rowGroup === g).map((c) => [c.start, c.start + c.length] as Range));
      const bytesTotal = ranges.reduce((s, [a, b]) => s + b - a, 0);
      let bytes = copy.bytesDone(ranges);
      const rowsDone = () => groupRanges.reduce((s, rs, g) => (copy.bytesDone(rs) === rs.reduce((t, [a, b]) => t + b - a, 0) ? s + groupRows[g]! : s), 0);
      let lastReport = 0;
      const report = (force = false) => {
        const now = Date.now();
        if (!force && now - lastReport < 200) return;
        lastReport = now;
        progress({ stage: 'download', bytes, bytesTotal, rows: rowsDone(), rowsTotal });
      };
      report(true);
      let next = 0;
      const worker = async () => {
        while (next < ranges.length) {
          const range = ranges[next++]!;
          await fetchRange(range, (n) => {
            bytes += n;
            report();
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, ranges.length) }, worker));
      report(true);
      await copy.close();

      progress({ stage: 'ingest', bytes, bytesTotal, rows: rowsTotal, rowsTotal });
      const manifest = await ingestSnapshot(copy.path, options.storeDir, {
        dataset, file, sha: target.sha, origin: 'hub', size: target.size, bytesDownloaded: downloaded, fetchedAt: new Date().toISOString(),
      }, plan, { onStep: (detail) => progress({ stage: 'ingest', bytes, bytesTotal, rows: rowsTotal, rowsTotal, detail }) });
      await copy.remove();
      progress({ stage: 'done', bytes, bytesTotal, rows: manifest.rows, rowsTotal });
      return { manifest, upToDate: false, plan, requests: 2 + files.stats.requests, resumed: files.stats.retries, bytesDownloaded: downloaded };
    } finally {
      await copy.close().catch(() => undefined);
    }
  } finally {
    await files.close();
    await api.close();
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
