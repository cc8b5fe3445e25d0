// The stored form of one LMArena table (proposed for the multi-dataset cache: one document
// per dataset under `datasets/<slug>/`): rows grouped per publication date, as arrays of
// values with repeated strings (names, organisations, licences) stored once. Derived fields —
// the lowercased key, the licence class and whether the licence table knows the spelling —
// are not stored but computed again on reading, so a better licence table applies to a cached
// table without a new fetch. `kind` and `schema` mark the document: a document of another
// kind, or written by a newer schema, is refused with one line, never reset.
import { DataError } from './errors.js';
import { classifyLicence } from './licence-class.js';
import type { ArenaRow, RowProblem } from './arena-row.js';
import type { ArenaDataset, ArenaSource } from './arena-dataset.js';
import { HUBSCOPE } from '../text/command.js';

export const ARENA_DOC_KIND = 'lmarena-table';
export const ARENA_DOC_SCHEMA = 1;
/** The order of a stored row's values. */
export const ARENA_DOC_COLUMNS = ['model', 'organisation', 'licence', 'rating', 'lower', 'upper', 'votes', 'rank'] as const;

type StoredRow = [number, number | null, number | null, number, number | null, number | null, number | null, number | null];

export interface ArenaDoc {
  kind: typeof ARENA_DOC_KIND;
  schema: number;
  dataset: string;
  config: string;
  split: string;
  category: string;
  revision: string | null;
  fetchedAt: string | null;
  path: ArenaSource['path'];
  /** The fetch's one line on the path it took. */
  pathReason: string | null;
  columns: readonly string[];
  strings: string[];
  /** Publication date → its rows, in source order. */
  dates: Record<string, StoredRow[]>;
  problems: RowProblem[];
}

export function encodeArenaDoc(dataset: ArenaDataset, pathReason: string | null = null): ArenaDoc {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string | null): number | null => {
    if (s === null) return null;
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      ids.set(s, i);
    }
    return i;
  };
  const dates: Record<string, StoredRow[]> = {};
  for (const row of dataset.rows) {
    (dates[row.date] ??= []).push([id(row.model)!, id(row.organisation), id(row.licence), row.rating, row.lower, row.upper, row.votes, row.rank]);
  }
  const s = dataset.source;
  return {
    kind: ARENA_DOC_KIND,
    schema: ARENA_DOC_SCHEMA,
    dataset: s.dataset,
    config: s.config,
    split: s.split,
    category: s.category,
    revision: s.revision,
    fetchedAt: s.fetchedAt,
    path: s.path,
    pathReason,
    columns: ARENA_DOC_COLUMNS,
    strings,
    dates,
    problems: dataset.problems,
  };
}

const corrupt = (what: string, why: string): DataError => new DataError(`${what} is damaged (${why}); fetch the table again (${HUBSCOPE} fetch --refresh)`);

const isNumberOrNull = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));
const text = (v: unknown): v is string => typeof v === 'string';

/** The dataset a document holds. `what` names the file in messages. */
export function decodeArenaDoc(json: unknown, what = 'the LMArena table in the cache'): ArenaDataset {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw corrupt(what, 'not an object');
  const doc = json as Partial<ArenaDoc>;
  if (doc.kind !== ARENA_DOC_KIND) throw new DataError(`${what} is not an LMArena table (kind ${JSON.stringify(doc.kind ?? null)})`);
  if (typeof doc.schema !== 'number') throw corrupt(what, 'no schema');
  if (doc.schema > ARENA_DOC_SCHEMA) throw new DataError(`${what} was written by a newer hubscope (schema ${doc.schema}, this one reads ${ARENA_DOC_SCHEMA}); update hubscope`);
  if (![doc.dataset, doc.config, doc.split, doc.category].every(text)) throw corrupt(what, 'no dataset, config, split or category');
  if (!Array.isArray(doc.strings) || !doc.strings.every(text)) throw corrupt(what, 'no string table');
  if (doc.dates === null || typeof doc.dates !== 'object' || Array.isArray(doc.dates)) throw corrupt(what, 'no dates');
  const strings = doc.strings;
  const lookup = (i: unknown, nullable: boolean): string | null => {
    if (i === null && nullable) return null;
    if (typeof i !== 'number' || !Number.isInteger(i) || strings[i] === undefined) throw corrupt(what, `string index ${JSON.stringify(i)} out of range`);
    return strings[i]!;
  };
  const rows: ArenaRow[] = [];
  for (const date of Object.keys(doc.dates).sort()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw corrupt(what, `date ${JSON.stringify(date)}`);
    const stored = doc.dates[date];
    if (!Array.isArray(stored)) throw corrupt(what, `rows of ${date}`);
    for (const values of stored) {
      if (!Array.isArray(values) || values.length !== ARENA_DOC_COLUMNS.length) throw corrupt(what, `a row of ${date}`);
      const [m, o, l, rating, lower, upper, votes, rank] = values as unknown[];
      if (typeof rating !== 'number' || !Number.isFinite(rating) || ![lower, upper, votes, rank].every(isNumberOrNull)) throw corrupt(what, `a number of a row of ${date}`);
      const model = lookup(m, false)!;
      const licence = lookup(l, true);
      const verdict = classifyLicence(licence);
      rows.push({
        index: rows.length,
        model,
        key: model.toLowerCase(),
        organisation: lookup(o, true),
        licence,
        licenceClass: verdict.licenceClass,
        licenceKnown: verdict.rule !== null,
        rating,
        lower: lower as number | null,
        upper: upper as number | null,
        votes: votes as number | null,
        rank: rank as number | null,
        category: doc.category!,
        date,
      });
    }
  }
  const problems = Array.isArray(doc.problems) ? doc.problems.filter((p): p is RowProblem => typeof p?.index === 'number' && text(p?.reason)) : [];
  return {
    source: {
      dataset: doc.dataset!,
      config: doc.config!,
      split: doc.split!,
      category: doc.category!,
      revision: typeof doc.revision === 'string' ? doc.revision : null,
      fetchedAt: typeof doc.fetchedAt === 'string' ? doc.fetchedAt : null,
      path: doc.path === 'parquet' || doc.path === 'rows' || doc.path === 'file' ? doc.path : null,
      rowProblems: problems.length,
    },
    rows,
    problems,
  };
}
