// Which leaderboard columns are drawn and in what order, as data (issue 9 item 7, the column
// picker): column ids only, so the screen's state, --restore and the table model
// (leaderboard-columns.ts) share it without sharing code. The repo column stays first and
// shown. Pure.

export interface ColumnLayout {
  /** Ids in the order drawn; ids it does not name follow in the table's order. */
  order: string[];
  /** Ids left out. */
  hidden: string[];
}

/** Every column id in the order drawn: the layout's order first (ids the table has), then the
 *  table's other columns in its order; the repo column first. */
export function orderedIds(columns: readonly string[], layout: ColumnLayout): string[] {
  const known = new Set(columns);
  const named = layout.order.filter((id) => known.has(id) && id !== 'repo');
  const seen = new Set(named);
  return [...(known.has('repo') ? ['repo'] : []), ...named, ...columns.filter((id) => id !== 'repo' && !seen.has(id))];
}

/** The column ids shown, in order. */
export function visibleIds(columns: readonly string[], layout: ColumnLayout): string[] {
  const hidden = new Set(layout.hidden);
  return orderedIds(columns, layout).filter((id) => id === 'repo' || !hidden.has(id));
}

