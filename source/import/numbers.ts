// Counts as the summary lines print them: 6,610.
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** `1 row`, `2 rows`. */
export { plural } from '../render/format-number.js';
