// Reading one cache document: the whole file at once (a Buffer decoded in one go, much
// faster than a streamed utf-8 read), its schema version and shape checked on the raw JSON
// (cache/validate.ts), then decoded. null when the file does not exist. A corrupt file, one
// of the wrong shape or one written by a newer hubscope raises a one-line DataError naming
// it, and is never touched.
import { readFile, stat } from 'node:fs/promises';
import { DataError } from '../data/errors.js';
import { sanitize } from '../text/sanitize.js';
import { decodeLeaderboard } from './codec.js';
import { SCHEMA_VERSION, type LeaderboardDoc } from './schema.js';
import { isObject, itemsProblem, leaderboardProblem, metaProblem } from './validate.js';

export type DocumentKind = 'meta' | 'leaderboard' | 'items';

const PROBLEMS: Record<DocumentKind, (raw: Record<string, unknown>) => string | null> = {
  meta: metaProblem,
  leaderboard: leaderboardProblem,
  items: itemsProblem,
};

export function corrupt(path: string, error: unknown): DataError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new DataError(
    `cache file ${sanitize(path)} is corrupt (${sanitize(String(reason))}); it was left as it is: move it aside to start that part over`,
  );
}

export async function readDocument<T>(path: string, kind: DocumentKind, decode: (raw: never) => T): Promise<T | null> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw corrupt(path, 'a directory, not a file');
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(buffer.toString('utf8'));
  } catch (error) {
    throw corrupt(path, error);
  }
  if (!isObject(raw)) throw corrupt(path, 'not a JSON object');
  const schema = raw.schema;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) throw corrupt(path, 'no schema version');
  if (schema > SCHEMA_VERSION) {
    throw new DataError(
      `cache file ${sanitize(path)} was written by a newer hubscope (schema ${schema}; this one reads ${SCHEMA_VERSION}): ` +
        'upgrade hubscope or use another --cache directory',
    );
  }
  const problem = PROBLEMS[kind](raw);
  if (problem !== null) throw corrupt(path, problem);
  try {
    return decode(raw as never);
  } catch (error) {
    throw corrupt(path, error);
  }
}

/** The last leaderboard table readTable decoded, with the identity of the file it came from. */
let lastTable: { path: string; identity: string; table: LeaderboardDoc } | null = null;

/**
 * A leaderboard table, decoded — or the one decoded last time when the file is the same
 * (same inode, size and modification time: tables are replaced by rename, so a rewrite is a
 * new inode). The explorer reads the table for its first frame and then the whole cache: the
 * second read takes the table it already has instead of decoding (and holding) it twice.
 * The table is never changed after decoding by a reader, so datasets can share it; a writer
 * (CacheStore) reads its own copy with `fresh`.
 */
export async function readTable(path: string, fresh = false): Promise<LeaderboardDoc | null> {
  let identity: string;
  try {
    const s = await stat(path);
    identity = `${s.ino}/${s.size}/${s.mtimeMs}`;
  } catch {
    return readDocument(path, 'leaderboard', decodeLeaderboard); // missing: says so as usual
  }
  if (!fresh && lastTable && lastTable.path === path && lastTable.identity === identity) return lastTable.table;
  const table = await readDocument(path, 'leaderboard', decodeLeaderboard);
  if (!fresh) lastTable = table ? { path, identity, table } : null;
  return table;
}
