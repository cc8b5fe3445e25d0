// `hubscope import FILE`: loads a leaderboard table from CSV/TSV, JSON, JSONL or parquet into
// the cache. The whole file is read and normalised before the cache is opened, so a bad file
// (or a corrupt cache) leaves the cache exactly as it was. Model info and commits are kept.
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { UsageError, parse } from './args.js';
import { DataError } from '../data/errors.js';
import { CacheStore, cacheDir } from '../cache/store.js';
import { SCHEMA_VERSION, type LeaderboardDoc } from '../cache/schema.js';
import { INVERTIBLE_FLAGS, type InvertibleFlag } from '../data/normalise-row.js';
import { sanitize } from '../text/sanitize.js';
import { FORMATS, type ImportFormat } from '../import/format.js';
import { readTable } from '../import/read-table.js';
import { toLeaderboard, type LeaderboardImport } from '../import/leaderboard.js';
import { count } from '../import/numbers.js';

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
 *  as a one-line DataError; the store's own DataErrors (corrupt, newer) pass through. Writes
 *  are atomic renames, so a failed write leaves the previous files whole. */
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

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'import needs a FILE (hubscope import FILE)' : 'import takes one FILE');
  }
  const file = positionals[0]!;
  const format = formatOption(values.format);
  const delimiter = delimiterOption(values.delimiter);
  const invert = invertFlagsOption(values['invert-flags']);
  const dataset = values.dataset?.trim() ? sanitize(values.dataset.trim()) : null;

  const table = await readTable(file, { format, delimiter });
  if (delimiter !== undefined && table.format !== 'csv' && table.format !== 'tsv') {
    throw new UsageError(`--delimiter applies to csv and tsv; ${sanitize(file)} reads as ${table.format}`);
  }
  const label = sanitize(file);
  const result = toLeaderboard(table, label, { invert, skipBadRows: values['skip-bad-rows'] === true });
  for (const note of [...table.notes, ...result.notes]) process.stderr.write(`hubscope: ${label}: ${note}\n`);

  // Only now touch the cache: a corrupt cache throws here, before anything is written.
  const dir = cacheDir(values.cache);
  const store = await cacheIo(dir, 'read', () => CacheStore.open(dir));
  const doc = documentOf(result, file, dataset, table.revision);
  store.setLeaderboard(doc);
  if (doc.fetchedAt) store.markCompleted('leaderboard', doc.fetchedAt);
  await cacheIo(dir, 'write', () => store.flush());

  const repos = new Set(result.entries.map((e) => e.key)).size;
  process.stdout.write(
    `imported ${count(result.entries.length)} ${result.entries.length === 1 ? 'entry' : 'entries'} ` +
      `(${count(repos)} ${repos === 1 ? 'repo' : 'repos'}, ${result.generation}) ` +
      `from ${sanitize(basename(file))} into ${shownDir(dir)}\n`,
  );
  return 0;
}
