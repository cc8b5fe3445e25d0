// The leaderboard's rows narrowed to values picked in frequency tables (issue 9 item 7: Enter
// on a frequency row opens the rows with that value): the query's rows (analyses.md §5) kept
// in their order when every picked value matches. Pure; the last narrowing per query result
// is remembered (a key and the frame after it ask for the same one).
import type { LeaderboardTable } from '../analysis/leaderboard.js';
import type { LeaderboardView } from '../analysis/leaderboard-query.js';
import { matches, type Match } from '../analysis/frequency.js';

export interface WhereClause {
  column: string;
  match: Match;
  label: string;
}

const last = new WeakMap<LeaderboardView, { key: string; result: LeaderboardView }>();

export function narrowed(table: LeaderboardTable, result: LeaderboardView, where: readonly WhereClause[]): LeaderboardView {
  if (where.length === 0) return result;
  const key = JSON.stringify(where.map((w) => [w.column, w.match]));
  const hit = last.get(result);
  if (hit && hit.key === key) return hit.result;
  const tests = where.map((w) => ({ column: table.columns.find((c) => c.id === w.column), match: w.match }));
  const kept: number[] = [];
  for (const index of result.indices) {
    const row = table.rows[index]!;
    if (tests.every((t) => t.column !== undefined && matches(t.column, t.match, row))) kept.push(index);
  }
  const indices = Int32Array.from(kept);
  const next: LeaderboardView = {
    ...result,
    indices,
    shown: indices.length,
    summary: `${indices.length} of ${result.total}`,
    window: (offset, count) => {
      const from = Math.max(0, offset);
      const to = Math.min(indices.length, from + Math.max(0, count));
      const rows = [];
      for (let i = from; i < to; i += 1) rows.push(table.rows[indices[i]!]!);
      return rows;
    },
  };
  last.set(result, { key, result: next });
  return next;
}

/** The words of the narrowing ("Type = chat · Params 7–8"). */
export function whereText(where: readonly WhereClause[]): string {
  return where.map((w) => w.label).join(' · ');
}
