// A leaderboard row (from the dataset viewer or an imported file, keyed by the leaderboard's
// own column names) → an Entry, per analyses.md §0.
import { BENCHMARKS, type BaseRelation, type Entry, type Generation } from './model.js';
import { Columns, detectGeneration } from './columns.js';
import { familyOf, cleanArchitecture } from './architecture.js';
import { parseModelType } from './model-type.js';
import { isRepoId, repoFromLink } from './repo-id.js';
import { sanitizeOptional } from '../text/sanitize.js';

export type RawRow = Record<string, unknown>;

/** The flag columns a source may store negated (the v1 snapshot's scrape does). */
export const INVERTIBLE_FLAGS = ['Flagged', 'Merged', 'MoE'] as const;
export type InvertibleFlag = (typeof INVERTIBLE_FLAGS)[number];

export interface NormaliseOptions {
  /** Flag columns stored negated in the source; their values are flipped. */
  invert?: readonly InvertibleFlag[];
  /** Index of the first row in source order (for paged sources). */
  startIndex?: number;
}

/** A row that could not become an entry, and why. */
export interface RowProblem {
  index: number;
  reason: string;
}

export interface NormalisedRows {
  generation: Generation;
  entries: Entry[];
  problems: RowProblem[];
}

const NULL_STRINGS = new Set(['', 'none', 'null', 'nan', 'n/a']);

export function parseNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  const text = String(value).trim();
  if (NULL_STRINGS.has(text.toLowerCase())) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

export function parseBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 't', 'y'].includes(text)) return true;
  if (['false', '0', 'no', 'f', 'n'].includes(text)) return false;
  return null;
}

/** The day of a date cell (a date or a timestamp) as YYYY-MM-DD; null unless a calendar day. */
export function parseDay(value: unknown): string | null {
  const text = sanitizeOptional(value);
  if (text === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  // Date rolls 2024-02-30 over to March 1st: only a day that round-trips is a calendar day.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day;
}

const RELATIONS: Record<string, BaseRelation> = {
  merge: 'merge',
  merged: 'merge',
  adapter: 'adapter',
  finetune: 'finetune',
  'fine-tune': 'finetune',
  finetuned: 'finetune',
  quantized: 'quantized',
};

/** v2 "Base Model": `id`, `id (Merge)`, the model itself for originals, or `Removed`. A cell
 *  naming the model itself has no base (id null) but keeps its suffix's relation: v2 writes
 *  `own/id (Merge)` for merges (analyses.md §0 "Merge"). */
export function parseBaseModelCell(cell: unknown, repo: string): {
  id: string | null;
  relation: BaseRelation | null;
  removed: boolean;
} {
  const text = sanitizeOptional(cell);
  if (text === null) return { id: null, relation: null, removed: false };
  if (text.toLowerCase() === 'removed') return { id: null, relation: null, removed: true };
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  const id = (match ? match[1]! : text).trim();
  const relation = match ? (RELATIONS[match[2]!.trim().toLowerCase()] ?? 'unknown') : null;
  if (id !== '' && id.toLowerCase() === repo.toLowerCase()) return { id: null, relation, removed: false };
  if (id === '' || !isRepoId(id)) return { id: null, relation: null, removed: false };
  return { id, relation, removed: false };
}

/** Normalises rows that share one column set. Rows without a usable repo id are reported in
 *  `problems` (the caller decides whether that is fatal), never silently dropped. */
export function normaliseRows(
  rows: readonly RawRow[],
  names: readonly string[],
  options: NormaliseOptions = {},
): NormalisedRows {
  const generation = detectGeneration(names);
  const columns = new Columns(names);
  const col = {
    fullname: columns.find('fullname'),
    model: columns.find('Model'),
    evalName: columns.find('eval_name'),
    precision: columns.find('Precision'),
    type: columns.find('Type'),
    weightType: columns.find('Weight type'),
    architecture: columns.find('Architecture'),
    average: columns.find('Average ⬆️', 'Average', 'average'),
    license: columns.find('Hub License', 'License'),
    likes: columns.find('Hub ❤️', 'Likes'),
    params: columns.find('#Params (B)', 'Params (B)', 'params'),
    available: columns.find('Available on the hub'),
    moe: columns.find('MoE'),
    flagged: columns.find('Flagged'),
    merged: columns.find('Merged'),
    sha: columns.find('Model sha'),
    baseModel: columns.find('Base Model'),
    generationDepth: columns.find('Generation'),
    uploadDate: columns.find('Upload To Hub Date'),
    submissionDate: columns.find('Submission Date', 'date'),
  };
  const benchmarkColumns = BENCHMARKS[generation].map((name) => [name, columns.find(name)] as const);
  const invert = new Set(options.invert ?? []);
  const flag = (row: RawRow, column: string | undefined, name: InvertibleFlag): boolean => {
    const value = column === undefined ? null : parseBool(row[column]);
    if (value === null) return false;
    return invert.has(name) ? !value : value;
  };
  const start = options.startIndex ?? 0;
  const entries: Entry[] = [];
  const problems: RowProblem[] = [];

  rows.forEach((row, offset) => {
    const index = start + offset;
    const get = (column: string | undefined): unknown => (column === undefined ? undefined : row[column]);
    let repo = sanitizeOptional(get(col.fullname));
    if (repo === null && col.model !== undefined) {
      const link = sanitizeOptional(get(col.model));
      repo = link === null ? null : (repoFromLink(link) ?? (isRepoId(link) ? link : null));
    }
    if (repo === null) {
      problems.push({ index, reason: 'no repository id (fullname or Model)' });
      return;
    }
    if (!isRepoId(repo)) {
      problems.push({ index, reason: `"${repo.slice(0, 80)}" is not a Hub repository id` });
      return;
    }
    const typeRaw = sanitizeOptional(get(col.type));
    const architecture = cleanArchitecture(sanitizeOptional(get(col.architecture)));
    const params = parseNumber(get(col.params));
    const base = parseBaseModelCell(get(col.baseModel), repo);
    const benchmarks: Record<string, number | null> = {};
    for (const [name, column] of benchmarkColumns) benchmarks[name] = parseNumber(get(column));
    const likes = parseNumber(get(col.likes));
    const depth = parseNumber(get(col.generationDepth));
    entries.push({
      index,
      repo,
      key: repo.toLowerCase(),
      evalName: sanitizeOptional(get(col.evalName)),
      precision: sanitizeOptional(get(col.precision)),
      type: parseModelType(typeRaw),
      typeRaw,
      weightType: sanitizeOptional(get(col.weightType)),
      architecture,
      family: familyOf(architecture),
      score: parseNumber(get(col.average)),
      benchmarks,
      params: params !== null && params > 0 ? params : null,
      license: sanitizeOptional(get(col.license)),
      likes: likes === null ? null : Math.max(0, Math.round(likes)),
      available: parseBool(get(col.available)),
      flagged: flag(row, col.flagged, 'Flagged'),
      merged: flag(row, col.merged, 'Merged'),
      moe: flag(row, col.moe, 'MoE'),
      sha: sanitizeOptional(get(col.sha)),
      baseModel: base.id,
      baseModelRelation: base.relation,
      baseModelRemoved: base.removed,
      generationDepth: depth === null ? null : Math.round(depth),
      uploadDate: parseDay(get(col.uploadDate)),
      submissionDate: parseDay(get(col.submissionDate)),
    });
  });
  return { generation, entries, problems };
}

/** How many rows read true in the Flagged column, of those with a readable value; null
 *  without the column. */
export function countFlagged(rows: readonly RawRow[], names: readonly string[]): { column: string; trues: number; known: number } | null {
  const column = new Columns(names).find('Flagged');
  if (column === undefined) return null;
  let trues = 0;
  let known = 0;
  for (const row of rows) {
    const value = parseBool(row[column]);
    if (value === null) continue;
    known += 1;
    if (value) trues += 1;
  }
  return { column, trues, known };
}

/** Flag columns that look stored negated: the leaderboard never flagged (or marked as merges
 *  or MoE) most of its models, so a column true on over half the rows is read as inverted.
 *  Only Flagged is decisive on its own; Merged and MoE follow it (the known scrape negated all
 *  three together). */
export function detectInvertedFlags(rows: readonly RawRow[], names: readonly string[]): InvertibleFlag[] {
  const flagged = countFlagged(rows, names);
  if (flagged === null || flagged.known === 0 || flagged.trues / flagged.known <= 0.5) return [];
  const columns = new Columns(names);
  return INVERTIBLE_FLAGS.filter((name) => columns.find(name) !== undefined);
}
