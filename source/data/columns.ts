// Leaderboard column names (hub-api.md §1.1, §2.1), looked up tolerantly: emoji column names
// may or may not carry the U+FE0F variation selector, and files may differ in case.
import { BENCHMARKS, type Generation } from './model.js';
import { DataError } from './errors.js';

/** Canonical form of a column name for lookups. */
export function columnKey(name: string): string {
  return name.replace(/\uFE0F/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Maps canonical names to the names the source actually uses. */
export class Columns {
  private readonly byKey = new Map<string, string>();
  constructor(readonly names: readonly string[]) {
    for (const name of names) this.byKey.set(columnKey(name), name);
  }
  /** The source's own name for a column, or undefined when absent. */
  find(...candidates: string[]): string | undefined {
    for (const candidate of candidates) {
      const found = this.byKey.get(columnKey(candidate));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  has(name: string): boolean {
    return this.byKey.has(columnKey(name));
  }
}

/** v1 or v2, from the benchmark columns present (never from the dataset id). */
export function detectGeneration(names: readonly string[]): Generation {
  const columns = new Columns(names);
  const v2 = BENCHMARKS.v2.filter((b) => columns.has(b)).length;
  const v1 = BENCHMARKS.v1.filter((b) => columns.has(b)).length;
  if (v2 >= 3 && v2 >= v1) return 'v2';
  if (v1 >= 3) return 'v1';
  throw new DataError(
    `cannot tell a v1 from a v2 leaderboard table: expected benchmark columns such as ` +
      `${BENCHMARKS.v1.join(', ')} (v1) or ${BENCHMARKS.v2.join(', ')} (v2)`,
  );
}
