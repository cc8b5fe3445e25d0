// Every cache document is checked before it is used: the fields a reader relies on must have
// their types (a meta.json whose times are numbers is refused, not read as "iso.slice is not
// a function" and then rewritten), and a data file must carry its layout marker. Each check
// returns the first problem in words, or null. The rows themselves are checked as they are
// decoded (cache/codec.ts).
import { ENTRY_LAYOUT, ITEMS_LAYOUT } from './codec.js';
import { DATASET_DIR_PATTERN } from './schema.js';

type Raw = Record<string, unknown>;

export const isObject = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/** null or a string that reads as a time. */
function time(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return `${where} is ${typeName(value)}, not a time`;
  return Number.isNaN(Date.parse(value)) ? `${where} is "${value.slice(0, 40)}", not a time` : null;
}

function optionalString(value: unknown, where: string): string | null {
  return value === null || value === undefined || typeof value === 'string' ? null : `${where} is ${typeName(value)}, not text`;
}

function completion(value: unknown, where: string): string | null {
  if (!isObject(value)) return `${where} is ${typeName(value)}, not an object`;
  for (const [stage, at] of Object.entries(value)) {
    const problem = time(at, `${where}.${stage}`);
    if (problem) return problem;
  }
  return null;
}

/** meta.json, schema 1 (one `completed` record) or 2 (the `datasets` index). */
export function metaProblem(raw: Raw): string | null {
  if (typeof raw.writtenBy !== 'string') return `writtenBy is ${typeName(raw.writtenBy)}, not text`;
  if (raw.schema === 1) return completion(raw.completed, 'completed');
  if (!isObject(raw.datasets)) return `datasets is ${typeName(raw.datasets)}, not an object`;
  const dirs = new Set<string>();
  for (const [id, record] of Object.entries(raw.datasets)) {
    const at = `datasets["${id.slice(0, 80)}"]`;
    if (!isObject(record)) return `${at} is ${typeName(record)}, not an object`;
    if (typeof record.kind !== 'string' || record.kind === '') return `${at}.kind is ${typeName(record.kind)}, not a source kind`;
    if (typeof record.dir !== 'string' || !DATASET_DIR_PATTERN.test(record.dir)) return `${at}.dir is not a folder name`;
    if (dirs.has(record.dir)) return `${at}.dir "${record.dir}" is another dataset's folder too`;
    dirs.add(record.dir);
    for (const field of ['generation', 'origin', 'revision'] as const) {
      const problem = optionalString(record[field], `${at}.${field}`);
      if (problem) return problem;
    }
    const problem = time(record.fetchedAt, `${at}.fetchedAt`) ?? completion(record.completed, `${at}.completed`);
    if (problem) return problem;
  }
  return null;
}

/** A leaderboard table: its layout marker and the header fields. */
export function leaderboardProblem(raw: Raw): string | null {
  if (raw.layout !== ENTRY_LAYOUT) return `no "${ENTRY_LAYOUT}" layout marker`;
  if (!Array.isArray(raw.entries)) return 'entries is not a list';
  if (!Array.isArray(raw.problems)) return 'problems is not a list';
  if (!Array.isArray(raw.columns) || !raw.columns.every((c) => typeof c === 'string')) return 'columns is not a list of names';
  if (!Array.isArray(raw.benchmarks) || !raw.benchmarks.every((c) => typeof c === 'string')) return 'benchmarks is not a list of names';
  if (!Array.isArray(raw.strings) || !raw.strings.every((c) => typeof c === 'string')) return 'strings is not a list of text';
  for (const field of ['total', 'nextOffset'] as const) {
    if (typeof raw[field] !== 'number' || !Number.isInteger(raw[field]) || (raw[field] as number) < 0) return `${field} is not a row count`;
  }
  if (typeof raw.complete !== 'boolean') return `complete is ${typeName(raw.complete)}, not true or false`;
  if (raw.generation !== null && raw.generation !== 'v1' && raw.generation !== 'v2') return 'generation is not v1, v2 or null';
  for (const field of ['dataset', 'revision', 'origin'] as const) {
    const problem = optionalString(raw[field], field);
    if (problem) return problem;
  }
  for (const p of raw.problems) {
    if (!isObject(p) || typeof p.index !== 'number' || typeof p.reason !== 'string') return 'a row problem is not {index, reason}';
  }
  return time(raw.fetchedAt, 'fetchedAt');
}

/** models.json or commits.json: the layout marker, the string table and the item rows. */
export function itemsProblem(raw: Raw): string | null {
  if (raw.layout !== ITEMS_LAYOUT) return `no "${ITEMS_LAYOUT}" layout marker`;
  if (!Array.isArray(raw.items)) return 'items is not a list';
  if (!Array.isArray(raw.strings) || !raw.strings.every((c) => typeof c === 'string')) return 'strings is not a list of text';
  return null;
}
