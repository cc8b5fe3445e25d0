// A column-projected local copy of a remote parquet file (hub-api.md §12; issue 10 "Source"):
// the footer with a Range, then only the column chunks a field list needs (columns.ts), each
// written at its own offset into a sparse file of the remote size (hub-range-file.ts) through
// the one downloader (file-download.ts). DuckDB then reads that copy with projection and never
// touches the holes. A cut body resumes with Range; a killed run resumes from the copy's journal.
// The Hub snapshot and each weekly file of the history are fetched this way.
import { open } from 'node:fs/promises';
import { parquetMetadataAsync, type FileMetaData } from 'hyparquet';
import { DataError } from '../data/errors.js';
import { redactSecrets } from '../text/redact.js';
import type { FileDownloader } from './file-download.js';
import { RangeFile, missingParts, type Range } from './hub-range-file.js';
import { HUB_FIELDS, coalesceRanges, planColumns, planProblem, type ChunkInfo, type ColumnPlan, type FieldSpec } from '../hub/columns.js';

export interface HubProgress {
  stage: 'resolve' | 'footer' | 'download' | 'ingest' | 'done';
  bytes: number;
  bytesTotal: number;
  /** Rows whose row groups are fully downloaded, of all rows. */
  rows: number;
  rowsTotal: number;
  /** A short line for the stage (e.g. "lineage: roots, cycles …"), or the file being read. */
  detail?: string;
}

const FOOTER_FETCH = 1 << 16;

/** Each part of a range gets this long, plus its size at RANGE_MIN_RATE, before it is given up
 *  (an attempt that hears nothing for 60 s fails anyway: file-download.ts; this bounds a server
 *  that trickles its body): an 8 MB range, about 5 minutes. */
export const RANGE_DEADLINE = { baseMs: 60_000, minBytesPerSecond: 32 * 1024 };

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

const text = (error: unknown): string => redactSecrets(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);

export interface ProjectedCopyRequest {
  files: FileDownloader;
  /** Where the bytes are (the CDN URL the resolve route named), the file's revision and size. */
  url: string;
  sha: string;
  size: number;
  /** The sparse copy's path (its journal beside it). */
  path: string;
  /** For messages: `dataset/file`. */
  name: string;
  fields?: readonly FieldSpec[];
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: HubProgress) => void;
  /** Added to every progress report (e.g. which weekly file). */
  detail?: string;
  /** The give-up bound of a range (tests make it short). */
  deadline?: typeof RANGE_DEADLINE;
}

export interface ProjectedCopy {
  path: string;
  plan: ColumnPlan;
  /** Bytes of the needed ranges on disk, of all needed; bytes downloaded by this run. */
  bytes: number;
  bytesTotal: number;
  downloaded: number;
  rowsTotal: number;
  /** Removes the copy and its journal (once the store holds it). */
  remove(): Promise<void>;
}

export async function projectedCopy(req: ProjectedCopyRequest): Promise<ProjectedCopy> {
  const progress = (p: HubProgress) => req.onProgress?.(req.detail ? { ...p, detail: req.detail } : p);
  const copy = await RangeFile.open(req.path, req.sha, req.size);
  let downloaded = 0;
  try {
    // the missing parts of a range, each streamed to its own offset of the sparse copy; a part
    // that fails for good keeps what came (the journal), and the run says to resume
    const fetchRange = async (range: Range, onBytes: (n: number) => void): Promise<void> => {
      for (const part of missingParts(range, copy.covered)) {
        let at = part[0];
        const bound = req.deadline ?? RANGE_DEADLINE;
        const ms = Math.round(bound.baseMs + ((part[1] - part[0]) / bound.minBytesPerSecond) * 1000);
        const timeout = AbortSignal.timeout(ms);
        try {
          await req.files.getRange(req.url, part[0], part[1], async (offset, bytes) => {
            await copy.write(offset, bytes);
            at = offset + bytes.length;
            downloaded += bytes.length;
            onBytes(bytes.length);
          }, req.signal ? AbortSignal.any([req.signal, timeout]) : timeout);
        } catch (error) {
          if (req.signal?.aborted) throw req.signal.reason;
          if (at > part[0]) await copy.markDone([part[0], at]);
          if (timeout.aborted) {
            throw new DataError(`${req.name}: gave up on a range of ${part[1] - part[0]} bytes after ${Math.round(ms / 1000)} s (${at - part[0]} came; slower than ${Math.round(bound.minBytesPerSecond / 1024)} KB/s); the bytes fetched are kept, run fetch again to resume`);
          }
          if (error instanceof DataError) throw error;
          throw new DataError(`${req.name}: download failed (${text(error)}); the bytes fetched are kept, run fetch again to resume`);
        }
        await copy.markDone(part);
      }
    };

    // the footer: the last 64 KiB (more when the metadata is longer)
    progress({ stage: 'footer', bytes: 0, bytesTotal: 0, rows: 0, rowsTotal: 0 });
    await fetchRange([Math.max(0, req.size - FOOTER_FETCH), req.size], () => undefined);
    const reader = { byteLength: req.size, slice: async (start: number, end = req.size) => {
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
      throw new DataError(`${req.name}: not a parquet file (${text(error)}); nothing was changed`);
    }
    const fields = req.fields ?? HUB_FIELDS;
    const plan = planColumns(chunksOf(metadata), fields);
    const problem = planProblem(plan, fields);
    if (problem) throw new DataError(`${req.name}: ${problem}; nothing was changed`);

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
    await Promise.all(Array.from({ length: Math.min(req.concurrency ?? 4, ranges.length) }, worker));
    report(true);
    await copy.close();
    return { path: copy.path, plan, bytes, bytesTotal, downloaded, rowsTotal, remove: () => copy.remove() };
  } catch (error) {
    await copy.close().catch(() => undefined);
    throw error;
  }
}
