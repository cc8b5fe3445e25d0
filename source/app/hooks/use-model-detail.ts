// One model's detail for the Leaderboard screen (analyses.md §5). The first detail of a big
// table builds its lineage graph (about half a second on 100,000 models): a frame says so
// first and the detail follows; later details come at once (the graph is cached per table).
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../data/model.js';
import { modelDetailOf, type LeaderboardTable, type ModelDetail } from '../../views/screen-data.js';

/** Rows above which the first detail of a table is computed after a frame. */
export const DEFER_DETAIL_ABOVE = 20_000;

/** Tables whose lineage graph is built, per flagged toggle. */
const built = new WeakMap<LeaderboardTable, Set<boolean>>();

export interface DetailResult {
  /** The detail, or null (none open, still building, or the model left the table). */
  detail: ModelDetail | null;
  building: boolean;
}

export function useModelDetail(dataset: Dataset, table: LeaderboardTable, key: string | null, includeFlagged: boolean): DetailResult {
  const compute = (k: string): ModelDetail | null => {
    const detail = modelDetailOf(dataset, table, k, includeFlagged);
    let toggles = built.get(table);
    if (!toggles) built.set(table, (toggles = new Set()));
    toggles.add(includeFlagged);
    return detail;
  };
  const ready = table.rows.length <= DEFER_DETAIL_ABOVE || built.get(table)?.has(includeFlagged) === true;
  const now = useMemo(() => (key !== null && ready ? compute(key) : undefined), [dataset, table, key, includeFlagged]);
  const [late, setLate] = useState<{ key: string; table: LeaderboardTable; includeFlagged: boolean; detail: ModelDetail | null } | null>(null);
  useEffect(() => {
    if (key === null || now !== undefined) return undefined;
    const timer = setTimeout(() => setLate({ key, table, includeFlagged, detail: compute(key) }), 0);
    return () => clearTimeout(timer);
  }, [dataset, table, key, includeFlagged]);
  if (key === null) return { detail: null, building: false };
  if (now !== undefined) return { detail: now, building: false };
  if (late && late.key === key && late.table === table && late.includeFlagged === includeFlagged) return { detail: late.detail, building: false };
  return { detail: null, building: true };
}
