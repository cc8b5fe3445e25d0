// `hubscope import FILE`: loads a leaderboard table from CSV/TSV, JSON, JSONL or parquet into
// the cache, as one dataset of its own: --dataset ID, else `local/<file name>` (never the id
// of a fetched table). A FIFO, a device, a directory or a file over IMPORT_MAX_BYTES is
// refused before anything is read. The whole file is read and normalised before the cache is
// touched, so a bad file (or a corrupt cache) leaves the cache exactly as it was; then the
// import takes the cache's lock (a fetch and an import never write at once) and writes the
// table. Model info and commits, and every other dataset, are kept.
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { UsageError, parse } from './args.js';
import { DataError } from '../data/errors.js';
import { CacheStore, cacheDir } from '../cache/store.js';
import { DATASET_ID, localIdOf, readIndex } from '../cache/meta.js';
import { SCHEMA_VERSION, type LeaderboardDoc, type MetaDoc } from '../cache/schema.js';
import { acquireLock } from '../fetch/lock.js';
import { INVERTIBLE_FLAGS, type InvertibleFlag } from '../data/normalise-row.js';
import { sanitize } from '../text/sanitize.js';
import { FORMATS, type ImportFormat } from '../import/format.js';
import { readTable } from '../import/read-table.js';
import { toLeaderboard, type LeaderboardImport } from '../import/leaderboard.js';
import { count } from '../import/numbers.js';
import { sourceFor } from '../sources/registry.js';

const OPTIONS = {
  format: { type: 'string' },
  delimiter: { type: 'string' },
  'invert-flags': { type: 'string' },
  dataset: { type: 'string' },
  'skip-bad-rows': { type: 'boolean' },
} as const;

function formatOption(value: string | undefined): ImportFormat | undefined {
  if (value === undefined) return undefined;
  const format = FORMATS.find((f) => f === value.trim().toLowerCase());
  if (!format) throw new UsageError(`--format takes ${FORMATS.join(', ')}; got "${value}"`);
  return format;
}

function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === '\\t' || value.toLowerCase() === 'tab' || value === '\t') return '\t';
  if ([...value].length !== 1 || value === '"' || value === '\n' || value === '\r') {
    throw new UsageError(`--delimiter takes one character (or "tab"); got "${value}"`);
  }
  return value;
}

/** --invert-flags: `none`, or a comma list of Flagged, Merged, MoE (any case). */
export function invertFlagsOption(value: string | undefined): InvertibleFlag[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'none') return [];
  const out: InvertibleFlag[] = [];
  for (const part of value.split(',')) {
    const name = part.trim();
    if (name === '') continue;
    const flag = INVERTIBLE_FLAGS.find((f) => f.toLowerCase() === name.toLowerCase());
    if (!flag) throw new UsageError(`--invert-flags takes "none" or a list of ${INVERTIBLE_FLAGS.join(', ')}; got "${name}"`);
    if (!out.includes(flag)) out.push(flag);
  }
  if (out.length === 0) throw new UsageError(`--invert-flags takes "none" or a list of ${INVERTIBLE_FLAGS.join(', ')}`);
  return out;
}

/** The largest file import reads (the v2 table is about 4 MB as CSV; 512 MB is far above
 *  any leaderboard, and well below what would exhaust memory). */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

const KINDS: Array<[string, (s: Awaited<ReturnType<typeof stat>>) => boolean]> = [
  ['a directory', (s) => s.isDirectory()],
  ['a FIFO (named pipe)', (s) => s.isFIFO()],
  ['a character device', (s) => s.isCharacterDevice()],
  ['a block device', (s) => s.isBlockDevice()],
  ['a socket', (s) => s.isSocket()],
];

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Refuses, before reading, what import must not read: anything but a regular file (a FIFO
 *  with no writer would block for ever, /dev/zero never ends) and files over the cap. A
 *  missing or unreadable file is left to the reader's own one-line messages. */
async function checkFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return;
  }
  const label = sanitize(file);
  if (!info.isFile()) {
    const kind = KINDS.find(([, test]) => test(info))?.[0] ?? 'not a regular file';
    throw new DataError(`${label}: ${kind.startsWith('not') ? kind : `is ${kind}`}; import reads regular files only`);
  }
  if (info.size > IMPORT_MAX_BYTES) {
    throw new DataError(`${label}: the file is ${megabytes(info.size)}; import reads files up to ${megabytes(IMPORT_MAX_BYTES)}`);
  }
}

/** The id an import without --dataset gets: `local/<stem>`, or `local/<stem>-2`… when that id
 *  already holds another file's import (or a fetched table): re-importing the same file
 *  replaces its dataset, a different file never does. */
function importId(meta: MetaDoc, file: string): string {
  const base = localIdOf(file);
  const origin = `file:${resolve(file)}`;
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? base : `${base}-${n}`;
    const record = meta.datasets[id];
    if (!record || record.origin === origin) return id;
  }
}

/** The cache directory as the summary shows it: relative when under the working directory. */
function shownDir(dir: string): string {
  const rel = relative(process.cwd(), dir);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
  return `${shown}/`;
}

function documentOf(result: LeaderboardImport, file: string, dataset: string | null, revision: string): LeaderboardDoc {
  return {
    schema: SCHEMA_VERSION,
    dataset,
    revision,
    origin: `file:${resolve(file)}`,
    generation: result.generation,
    columns: result.columns,
    total: result.total,
    complete: true,
    nextOffset: result.total,
    fetchedAt: new Date().toISOString(),
    entries: result.entries,
    problems: result.problems,
  };
}

/** A file-system failure on the cache directory (not a directory, no permission, disk full)
 *  as a one-line DataError; the store's own DataErrors (corrupt, newer, a write that failed,
 *  naming its file) pass through. Writes are atomic renames, so a failed write leaves the
 *  previous files whole. */
async function cacheIo<T>(dir: string, verb: 'read' | 'write', action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (error instanceof DataError || typeof code !== 'string') throw error;
    const reason = code === 'ENOTDIR' ? 'a part of the path is a file, not a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on the device' : code;
    throw new DataError(`cannot ${verb} the cache at ${sanitize(dir)} (${reason}); nothing was imported`);
  }
}

/** The import of a dataset whose kind loads files itself (the Hub snapshot): a regular file, any
 *  size (the kind reads it bounded); the kind writes the dataset's folder (a new store renamed
 *  over the old only when whole), then meta.json is written. A bad file changes nothing. */
async function importOther(file: string, dataset: string, kind: ReturnType<typeof sourceFor>, cacheOption: string | undefined): Promise<number> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new DataError(`${sanitize(file)}: no such file`);
  }
  if (!info.isFile()) {
    const what = KINDS.find(([, test]) => test(info))?.[0] ?? 'not a regular file';
    throw new DataError(`${sanitize(file)}: ${what.startsWith('not') ? what : `is ${what}`}; import reads regular files only`);
  }
  const dir = cacheDir(cacheOption);
  const release = await cacheIo(dir, 'read', () => acquireLock(dir, 'import'));
  let line: string;
  try {
    const store = await cacheIo(dir, 'read', () => CacheStore.open(dir, { dataset, kind: kind.id }));
    if (store.choice.held && store.record.kind !== kind.id) {
      throw new DataError(`the cache holds ${sanitize(dataset)} as a "${store.record.kind}" dataset, not a ${kind.title}`);
    }
    line = await kind.importFile!(store, file, { onProgress: (step) => process.stderr.write(`${step}\n`) });
    await cacheIo(dir, 'write', () => store.flush());
  } finally {
    await release();
  }
  process.stdout.write(`${line} into ${shownDir(dir)}\n`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'import needs a FILE (hubscope import FILE)' : 'import takes one FILE');
  }
  const file = positionals[0]!;
  const format = formatOption(values.format);
  const delimiter = delimiterOption(values.delimiter);
  const invert = invertFlagsOption(values['invert-flags']);
  const asked = values.dataset?.trim() ? values.dataset.trim() : null;
  if (asked !== null && !DATASET_ID.test(asked)) {
    throw new UsageError(`--dataset must be a dataset id such as owner/name, got "${sanitize(asked)}"`);
  }

  // a dataset id of another source kind (the Hub snapshot: a local models.parquet) is loaded
  // by that kind (SourceKind.importFile), under the same lock
  const kind = asked === null ? null : sourceFor(asked);
  if (kind?.importFile) {
    const leaderboardOnly = Object.entries({ format: values.format, delimiter: values.delimiter, 'invert-flags': values['invert-flags'], 'skip-bad-rows': values['skip-bad-rows'] }).find(([, v]) => v !== undefined);
    if (leaderboardOnly) throw new UsageError(`--${leaderboardOnly[0]} applies to leaderboard tables, not to ${sanitize(asked!)} (a ${kind.title})`);
    return importOther(file, asked!, kind, values.cache);
  }

  await checkFile(file);
  const table = await readTable(file, { format, delimiter });
  if (delimiter !== undefined && table.format !== 'csv' && table.format !== 'tsv') {
    throw new UsageError(`--delimiter applies to csv and tsv; ${sanitize(file)} reads as ${table.format}`);
  }
  const label = sanitize(file);
  const result = toLeaderboard(table, label, { invert, skipBadRows: values['skip-bad-rows'] === true });
  for (const note of [...table.notes, ...result.notes]) process.stderr.write(`hubscope: ${label}: ${note}\n`);

  // Only now touch the cache, under its lock: a corrupt cache throws here, before anything is
  // written; a fetch or another import at work stops the import with one line.
  const dir = cacheDir(values.cache);
  const release = await cacheIo(dir, 'read', () => acquireLock(dir, 'import'));
  let dataset: string;
  try {
    const index = await cacheIo(dir, 'read', () => readIndex(dir));
    dataset = asked ?? importId(index.meta, file);
    const store = await cacheIo(dir, 'read', () => CacheStore.open(dir, { dataset, kind: 'leaderboard' }));
    if (store.choice.held && store.record.kind !== 'leaderboard') {
      throw new DataError(`the cache holds ${sanitize(dataset)} as a "${store.record.kind}" dataset: import a leaderboard table under another --dataset`);
    }
    const doc = documentOf(result, file, dataset, table.revision);
    store.setLeaderboard(doc);
    if (doc.fetchedAt) store.markCompleted('leaderboard', doc.fetchedAt);
    await cacheIo(dir, 'write', () => store.flush());
  } finally {
    await release();
  }
  if (asked === null) process.stderr.write(`hubscope: imported as dataset ${dataset} (--dataset ID names it)\n`);

  const repos = new Set(result.entries.map((e) => e.key)).size;
  process.stdout.write(
    `imported ${count(result.entries.length)} ${result.entries.length === 1 ? 'entry' : 'entries'} ` +
      `(${count(repos)} ${repos === 1 ? 'repo' : 'repos'}, ${result.generation}) ` +
      `from ${sanitize(basename(file))} into ${shownDir(dir)}\n`,
  );
  return 0;
}
