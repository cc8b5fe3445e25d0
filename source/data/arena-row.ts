// One row of LMArena's leaderboard history (hub-api.md §13: `lmarena-ai/leaderboard-dataset`,
// one table per publication date), normalised: sanitised strings, the licence with its class
// (licence-class.ts, analyses.md §7), validated numbers. A row without a model name, a rating
// or a publication date cannot be placed in any table: it becomes a RowProblem (counted and
// shown), never a crash; a bad interval, vote count or rank only loses that value.
import { sanitizeOptional } from '../text/sanitize.js';
import { classifyLicence, type LicenceClass } from './licence-class.js';
import { parseDay, parseNumber, type RawRow, type RowProblem } from './normalise-row.js';

export type { RowProblem } from './normalise-row.js';

/** The dataset's own column names (hub-api.md §13). */
export const ARENA_COLUMNS = {
  model: 'model_name',
  organisation: 'organization',
  licence: 'license',
  rating: 'rating',
  lower: 'rating_lower',
  upper: 'rating_upper',
  votes: 'vote_count',
  rank: 'rank',
  category: 'category',
  date: 'leaderboard_publish_date',
} as const;

/** Columns a table must have to be read at all; the others may be missing (their values are
 *  then null, and the fetch says which were missing). */
export const REQUIRED_ARENA_COLUMNS: readonly string[] = [ARENA_COLUMNS.model, ARENA_COLUMNS.rating, ARENA_COLUMNS.date];

export interface ArenaRow {
  /** Position in source order (0-based). */
  index: number;
  /** Display name as the leaderboard writes it (not a Hub id). */
  model: string;
  /** `model` lowercased: models are compared with this (analyses.md §0). */
  key: string;
  organisation: string | null;
  /** The licence text as written (sanitised), null when empty. */
  licence: string | null;
  licenceClass: LicenceClass;
  /** False when no rule of the licence table knows the spelling (counted as open, restricted). */
  licenceKnown: boolean;
  /** Arena score (Bradley–Terry rating) on this date's scale. */
  rating: number;
  /** 95 % interval; both null unless lower ≤ rating ≤ upper. */
  lower: number | null;
  upper: number | null;
  /** Votes behind the rating: a whole number ≥ 0, else null. */
  votes: number | null;
  /** The leaderboard's rank on that date (ties share a rank): a whole number ≥ 1, else null. */
  rank: number | null;
  /** `overall`, `coding`, …; null when the source has no category column or an empty cell. */
  category: string | null;
  /** Publication date of the table, YYYY-MM-DD. */
  date: string;
}

export interface NormalisedArenaRows {
  rows: ArenaRow[];
  problems: RowProblem[];
  /** Rows whose interval was dropped (missing, or not around the rating). */
  withoutInterval: number;
}

function wholeNumber(value: unknown, min: number): number | null {
  const n = parseNumber(value);
  return n !== null && Number.isInteger(n) && n >= min ? n : null;
}

/** A Date (hyparquet's DATE/TIMESTAMP columns) as ISO text for parseDay; anything else as is. */
function dayOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return parseDay(value);
}

/** One raw row (keyed by the dataset's column names) → an ArenaRow, or the reason it is not one. */
export function normaliseArenaRow(raw: RawRow, index: number): ArenaRow | { problem: string } {
  const c = ARENA_COLUMNS;
  const model = sanitizeOptional(raw[c.model]);
  if (model === null) return { problem: 'no model name' };
  const rating = parseNumber(raw[c.rating]);
  if (rating === null) return { problem: `no rating for "${model.slice(0, 80)}"` };
  const date = dayOf(raw[c.date]);
  if (date === null) return { problem: `no publication date for "${model.slice(0, 80)}"` };
  const licence = sanitizeOptional(raw[c.licence]);
  const verdict = classifyLicence(licence);
  let lower = parseNumber(raw[c.lower]);
  let upper = parseNumber(raw[c.upper]);
  if (lower === null || upper === null || lower > rating || upper < rating) lower = upper = null;
  return {
    index,
    model,
    key: model.toLowerCase(),
    organisation: sanitizeOptional(raw[c.organisation]),
    licence,
    licenceClass: verdict.licenceClass,
    licenceKnown: verdict.rule !== null,
    rating,
    lower,
    upper,
    votes: wholeNumber(raw[c.votes], 0),
    rank: wholeNumber(raw[c.rank], 1),
    category: sanitizeOptional(raw[c.category]),
    date,
  };
}

/** Rows of one source, in order. A second row for the same model, date and category is a
 *  problem (the first is kept): one table lists a model once. */
export function normaliseArenaRows(raws: readonly RawRow[], startIndex = 0): NormalisedArenaRows {
  const rows: ArenaRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  let withoutInterval = 0;
  raws.forEach((raw, i) => {
    const index = startIndex + i;
    const row = normaliseArenaRow(raw, index);
    if ('problem' in row) {
      problems.push({ index, reason: row.problem });
      return;
    }
    const id = `${row.date}\u0000${row.category ?? ''}\u0000${row.key}`;
    if (seen.has(id)) {
      problems.push({ index, reason: `"${row.model.slice(0, 80)}" listed twice on ${row.date}` });
      return;
    }
    seen.add(id);
    if (row.lower === null) withoutInterval += 1;
    rows.push(row);
  });
  return { rows, problems, withoutInterval };
}
