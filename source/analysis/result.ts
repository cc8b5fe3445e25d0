// Shapes shared by analysis results. Every result holds its numbers and what was left out.
import type { Period } from './periods.js';

/** Something an analysis left out or assumed, e.g. { count: 412, text: 'models without a
 *  creation date' }. Views show these under the figures. */
export interface Note {
  count: number;
  text: string;
}

/** A note, only when the count is non-zero. */
export function note(notes: Note[], count: number, text: string): void {
  if (count > 0) notes.push({ count, text });
}

/** Values per period for several named series, all on the same period keys. */
export interface TimeSeries {
  period: Period;
  /** Period keys in time order, every period between the first and last present (zero-filled). */
  keys: string[];
  series: Array<{ name: string; values: number[] }>;
}
