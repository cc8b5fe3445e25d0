// LMArena's leaderboard history from the dataset viewer (hub-api.md §13): one config and split
// (`text`/`full` by default), one category (`overall`). The real table holds every category,
// ~1.1 M rows, ~11,000 pages of /rows: so the parquet copy is read first — the viewer's
// `/parquet?dataset=` listing (or the Hub's `/api/datasets/{id}/parquet/{config}/{split}/0.parquet`
// when the viewer does not list it), downloaded through a FileDownloader (the token stays on
// the Hub's and the viewer's hosts), read with column projection, row group by row group.
// `/rows` pages are the fallback, for tables small enough to page through. The viewer's
// `/filter` would do the category cut server-side, but the replay does not serve it, so it is
// not used. The result says which path it took and why.
import { DataError } from '../data/errors.js';
import { ARENA_COLUMNS, REQUIRED_ARENA_COLUMNS, normaliseArenaRows, type ArenaRow, type RowProblem } from '../data/arena-row.js';
import { ARENA_DATASET, type ArenaDataset } from '../data/arena-dataset.js';
import type { RawRow } from '../data/normalise-row.js';
import { sanitize } from '../text/sanitize.js';
import { HttpError, type HubClient } from './http-client.js';
import type { FileDownloader } from './file-download.js';
import { readArenaParquet } from './arena-parquet.js';
import { runPool } from './pool.js';
import { PAGE_SIZE, fetchRowsPage } from './rows-source.js';

export type ArenaPath = 'parquet' | 'rows';

export interface ArenaTableRef {
  dataset: string;
  config: string;
  split: string;
  category: string;
}

export const DEFAULT_ARENA_TABLE: ArenaTableRef = { dataset: ARENA_DATASET, config: 'text', split: 'full', category: 'overall' };

/** /rows is a fallback only up to this many rows (2,000 pages) unless asked for. */
export const MAX_ROWS_FALLBACK = 200_000;

export interface ArenaProgress {
  path: ArenaPath;
  /** Files or pages done, of total (null while unknown). */
  done: number;
  total: number | null;
  unit: 'files' | 'pages';
}

export interface ArenaFetchOptions extends ArenaTableRef {
  hubUrl: string;
  datasetsServerUrl: string;
  client: HubClient;
  downloader: FileDownloader;
  /** 'auto' (default): parquet, then /rows if that fails and the table is small enough. */
  path?: 'auto' | ArenaPath;
  maxRowsFallback?: number;
  /** Pages of /rows in flight (default: the client's concurrency). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ArenaProgress) => void;
}

export interface ArenaFetchResult extends ArenaTableRef {
  path: ArenaPath;
  /** Why this path, in one line ("parquet: 1 file listed by the dataset viewer, 124,694 bytes"). */
  pathReason: string;
  /** The table's revision: the viewer's X-Revision (of /rows, or of the /parquet listing when
   *  it sends one), else the parquet file's commit (X-Repo-Commit of the Hub's redirect, the
   *  `refs/convert/parquet` commit: not the same id as the viewer's). */
  revision: string | null;
  revisionSource: 'viewer' | 'file commit' | null;
  /** The source's columns, and the arena columns it lacks. */
  columns: string[];
  missingColumns: string[];
  /** Rows read from the source (every category), and those of the category kept. */
  rowsRead: number;
  rows: ArenaRow[];
  problems: RowProblem[];
  /** Parquet files read (url as listed, bytes, the hosts of its redirect chain). */
  files: Array<{ url: string; bytes: number; hops: string[] }>;
  /** /rows pages read. */
  pages: number;
}

const enc = encodeURIComponent;
const short = (error: unknown): string => sanitize(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);

interface Listing {
  urls: string[];
  revision: string | null;
  how: string;
  partial: boolean;
}

/** The parquet files of config/split: the viewer's listing, else the Hub's first shard route. */
async function listParquet(options: ArenaFetchOptions): Promise<Listing> {
  const { client, datasetsServerUrl, hubUrl, dataset, config, split, signal } = options;
  const response = await client.getJson(`${datasetsServerUrl}/parquet?dataset=${enc(dataset)}`, signal).catch((error: unknown) => {
    if (error instanceof HttpError) return null;
    throw error;
  });
  const files = (response?.body as { parquet_files?: unknown } | null)?.parquet_files;
  if (Array.isArray(files)) {
    const mine = files
      .filter((f): f is { url: string; filename?: string; config: string; split: string } => typeof f?.url === 'string' && f.config === config && f.split === split)
      .sort((a, b) => String(a.filename ?? a.url).localeCompare(String(b.filename ?? b.url)));
    if (mine.length > 0) {
      const partial = (response!.body as { partial?: unknown }).partial === true;
      return { urls: mine.map((f) => f.url), revision: response!.headers['x-revision'] ?? null, how: 'listed by the dataset viewer', partial };
    }
  }
  // Not listed by the viewer: the Hub's own list of the split's shards, else its route for
  // the first shard (which redirects to the file).
  const base = `${hubUrl}/api/datasets/${dataset.split('/').map(enc).join('/')}/parquet/${enc(config)}/${enc(split)}`;
  const hub = await client.getJson(base, signal).catch((error: unknown) => {
    if (error instanceof HttpError) return null;
    throw error;
  });
  if (Array.isArray(hub?.body) && hub.body.length > 0 && hub.body.every((u) => typeof u === 'string')) {
    return { urls: hub.body as string[], revision: null, how: 'listed by the Hub', partial: false };
  }
  return { urls: [`${base}/0.parquet`], revision: null, how: 'from the Hub\u2019s route for shard 0 (neither the viewer nor the Hub lists the files)', partial: false };
}

async function viaParquet(options: ArenaFetchOptions): Promise<ArenaFetchResult> {
  const listing = await listParquet(options);
  const raws: RawRow[] = [];
  const files: ArenaFetchResult['files'] = [];
  let columns: string[] = [];
  let missing: string[] = [];
  let projected = 0;
  let rowsRead = 0;
  let commit: string | null = null;
  options.onProgress?.({ path: 'parquet', done: 0, total: listing.urls.length, unit: 'files' });
  for (const [i, url] of listing.urls.entries()) {
    const file = await options.downloader.get(url, options.signal);
    commit ??= file.commit;
    const table = await readArenaParquet(file.bytes, options.category, `parquet file ${i + 1} of ${listing.urls.length} of "${options.dataset}"`);
    if (i === 0) [columns, missing, projected] = [table.columns, table.missing, table.projected.length];
    rowsRead += table.rowsRead;
    for (const row of table.rows) raws.push(row);
    files.push({ url, bytes: file.bytes.length, hops: file.hops });
    options.onProgress?.({ path: 'parquet', done: i + 1, total: listing.urls.length, unit: 'files' });
  }
  const { rows, problems } = normaliseArenaRows(raws);
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
  return {
    ...tableRef(options),
    path: 'parquet',
    pathReason:
      `parquet: ${count} ${listing.how} (${bytes.toLocaleString('en-US')} bytes), ${projected} of ${columns.length} columns read` +
      (listing.partial ? '; the viewer says its conversion is partial' : ''),
    revision: listing.revision ?? commit,
    revisionSource: listing.revision !== null ? 'viewer' : commit !== null ? 'file commit' : null,
    columns,
    missingColumns: missing,
    rowsRead,
    rows,
    problems,
    files,
    pages: 0,
  };
}

const tableRef = (o: ArenaTableRef): ArenaTableRef => ({ dataset: o.dataset, config: o.config, split: o.split, category: o.category });

async function viaRows(options: ArenaFetchOptions, reason: string, limit: number | null): Promise<ArenaFetchResult> {
  const { client, datasetsServerUrl, dataset, config, split, signal } = options;
  const table = { config, split };
  const page = (offset: number) =>
    fetchRowsPage(client, datasetsServerUrl, dataset, offset, signal, PAGE_SIZE, table).catch((error: unknown) => {
      if (error instanceof DataError && /not available/.test(error.message)) {
        throw new DataError(`"${dataset}" config "${config}" split "${split}" is not available from the dataset viewer at ${datasetsServerUrl}; check --dataset, --config and --split`);
      }
      throw error;
    });
  const first = await page(0);
  const lacking = REQUIRED_ARENA_COLUMNS.filter((c) => !first.columns.includes(c));
  if (lacking.length > 0) throw new DataError(`"${dataset}" (${config}/${split}) has no column ${lacking.map((c) => `"${c}"`).join(', ')}: not an LMArena table`);
  if (limit !== null && first.total > limit) {
    throw new DataError(
      `${reason}, and reading "${dataset}" through /rows would take ${Math.ceil(first.total / PAGE_SIZE).toLocaleString('en-US')} pages ` +
        `(${first.total.toLocaleString('en-US')} rows, over the fallback limit of ${limit.toLocaleString('en-US')}); try again later`,
    );
  }
  const offsets: number[] = [];
  for (let offset = first.rows.length; offset < first.total && first.rows.length > 0; offset += PAGE_SIZE) offsets.push(offset);
  const pages = new Map<number, RawRow[]>([[0, first.rows]]);
  const total = offsets.length + 1;
  options.onProgress?.({ path: 'rows', done: 1, total, unit: 'pages' });
  await runPool(
    offsets,
    options.concurrency ?? client.concurrency,
    async (offset) => {
      const next = await page(offset);
      if (next.revision !== first.revision) throw new DataError(`the table "${dataset}" changed while it was read (revision ${first.revision} → ${next.revision}); try again`);
      pages.set(offset, next.rows);
      options.onProgress?.({ path: 'rows', done: pages.size, total, unit: 'pages' });
    },
    signal,
  );
  if (signal?.aborted) throw signal.reason;
  const wanted = options.category.toLowerCase();
  const all = [...pages.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows);
  const hasCategory = first.columns.includes(ARENA_COLUMNS.category);
  const kept = hasCategory ? all.filter((row) => String(row[ARENA_COLUMNS.category] ?? '').trim().toLowerCase() === wanted) : all;
  const { rows, problems } = normaliseArenaRows(kept);
  return {
    ...tableRef(options),
    path: 'rows',
    pathReason: `rows: ${reason}; ${pages.size.toLocaleString('en-US')} pages of /rows`,
    revision: first.revision,
    revisionSource: first.revision !== null ? 'viewer' : null,
    columns: first.columns,
    missingColumns: Object.values(ARENA_COLUMNS).filter((c) => !first.columns.includes(c)),
    rowsRead: all.length,
    rows,
    problems,
    files: [],
    pages: pages.size,
  };
}

/** The arena table of one config/split/category. Throws DataError when neither path can read
 *  it (one line saying why), rethrows the signal's reason when aborted. */
export async function fetchArenaTable(options: ArenaFetchOptions): Promise<ArenaFetchResult> {
  const path = options.path ?? 'auto';
  if (path === 'rows') return viaRows(options, 'asked for (--path rows)', null);
  try {
    return await viaParquet(options);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (!(error instanceof DataError || error instanceof HttpError)) throw error;
    if (path === 'parquet') throw new DataError(`could not read the parquet copy of "${options.dataset}" (${short(error)})`);
    return viaRows(options, `the parquet copy could not be read (${short(error)})`, options.maxRowsFallback ?? MAX_ROWS_FALLBACK);
  }
}

/** The in-memory dataset of a fetch; `fetchedAt` is the fetch's own clock reading (ISO). */
export function arenaDatasetOf(result: ArenaFetchResult, fetchedAt: string): ArenaDataset {
  return {
    source: { ...tableRef(result), revision: result.revision, fetchedAt, path: result.path, rowProblems: result.problems.length },
    rows: result.rows,
    problems: result.problems,
  };
}
