// Flag columns stored negated (the v1 snapshot's Flagged, Merged, MoE): the explicit list
// (--invert-flags), or detection (data/normalise-row.ts detectInvertedFlags) told on stderr.
import { Columns } from '../data/columns.js';
import {
  countFlagged,
  detectInvertedFlags,
  type InvertibleFlag,
  type RawRow,
} from '../data/normalise-row.js';
import { count } from './numbers.js';

export interface FlagDecision {
  invert: InvertibleFlag[];
  /** One-line notes for stderr. */
  notes: string[];
}

/** The columns to read inverted: the explicit list when given, else detection (said so). */
export function decideInversion(
  rows: readonly RawRow[],
  names: readonly string[],
  explicit: InvertibleFlag[] | undefined,
): FlagDecision {
  const columns = new Columns(names);
  if (explicit !== undefined) {
    const missing = explicit.filter((flag) => columns.find(flag) === undefined);
    const notes = missing.length === 0 ? [] : [`--invert-flags: the file has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'}`];
    return { invert: explicit, notes };
  }
  const invert = detectInvertedFlags(rows, names);
  if (invert.length === 0) return { invert, notes: [] };
  const { column: flagged, trues, known } = countFlagged(rows, names)!; // detection found the column
  const [verb, them, asThey] = invert.length === 1 ? ['looks', 'it', 'it as it is'] : ['look', 'them', 'them as they are'];
  return {
    invert,
    notes: [
      `${invert.join(', ')} ${verb} stored negated (${count(trues)} of ${count(known)} rows read ${flagged}=True): ` +
        `reading ${them} inverted; --invert-flags none keeps ${asThey}`,
    ],
  };
}
