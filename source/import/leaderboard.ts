// A read table → the leaderboard's entries: checks the columns, settles inverted flags,
// normalises, and refuses rows without a usable repo id unless told to skip them.
import { DataError } from '../data/errors.js';
import { Columns, detectGeneration } from '../data/columns.js';
import { normaliseRows, type InvertibleFlag, type NormalisedRows } from '../data/normalise-row.js';
import { sanitize } from '../text/sanitize.js';
import { decideInversion } from './flags.js';
import { count, plural } from './numbers.js';
import { placeOf, type Table } from './table.js';

export interface LeaderboardOptions {
  /** Columns stored negated; undefined: detect. */
  invert?: InvertibleFlag[];
  /** Keep the good rows when some have no usable repo id (they are reported). */
  skipBadRows?: boolean;
}

export interface LeaderboardImport extends NormalisedRows {
  /** Column names in source order, sanitised. */
  columns: string[];
  /** Rows read from the source (entries + problems). */
  total: number;
  invert: InvertibleFlag[];
  /** One-line notes for stderr. */
  notes: string[];
}

function shortList(names: readonly string[]): string {
  const shown = names.slice(0, 6).map((n) => sanitize(n).slice(0, 40));
  return shown.join(', ') + (names.length > shown.length ? ', …' : '');
}

/** DataError unless the columns name a repo (fullname or Model) and a generation's benchmarks. */
export function checkColumns(names: readonly string[], label: string): void {
  const columns = new Columns(names);
  let generationKnown = true;
  try {
    detectGeneration(names);
  } catch {
    generationKnown = false;
  }
  if (!generationKnown || columns.find('fullname', 'Model') === undefined) {
    throw new DataError(
      `${label}: no leaderboard columns (need fullname or Model, and the v1 or v2 benchmark columns; ` +
        `found ${plural(names.length, 'column')}${names.length > 0 ? `: ${shortList(names)}` : ''})`,
    );
  }
}

export function toLeaderboard(table: Table, label: string, options: LeaderboardOptions = {}): LeaderboardImport {
  checkColumns(table.columns, label);
  const { invert, notes } = decideInversion(table.rows, table.columns, options.invert);
  const result = normaliseRows(table.rows, table.columns, { invert });
  const { problems } = result;
  if (problems.length > 0) {
    const first = problems[0]!;
    const where = `${placeOf(table, first.index)}: ${first.reason}`;
    const others = problems.length - 1;
    const more = others > 0 ? ` (and ${plural(others, 'more row')} without a usable repo id)` : '';
    if (!options.skipBadRows || result.entries.length === 0) {
      const hint =
        result.entries.length === 0
          ? 'no row has a usable repo id'
          : `nothing imported; --skip-bad-rows imports the other ${count(result.entries.length)}`;
      throw new DataError(`${label}: ${where}${more}; ${hint}`);
    }
    notes.push(`skipped ${plural(problems.length, 'row')} without a usable repo id (first: ${where})`);
  }
  return {
    ...result,
    columns: table.columns.map((name) => sanitize(name)),
    total: table.rows.length,
    invert,
    notes,
  };
}
