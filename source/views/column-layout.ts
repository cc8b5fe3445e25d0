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


/** The column picker's lines: a header, then one line per column in the order drawn, `[x]`
 *  shown, `[ ]` hidden, the cursor's line marked ›; a window of `height` lines that keeps the
 *  cursor in view. */
export function columnPickerLines(columns: ReadonlyArray<{ id: string; title: string }>, layout: ColumnLayout, cursor: number, height: number): string[] {
  const titles = new Map(columns.map((c) => [c.id, c.title]));
  const ids = orderedIds(columns.map((c) => c.id), layout);
  const hidden = new Set(layout.hidden);
  const shown = ids.filter((id) => id === 'repo' || !hidden.has(id)).length;
  const header = `Columns · ${shown} of ${ids.length} shown · Space show/hide · K/J (Shift-↑/↓) move · Esc done`;
  const room = Math.max(1, height - 1);
  const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), ids.length - room));
  const lines = ids.slice(first, first + room).map((id, i) => {
    const at = first + i;
    const box = id === 'repo' ? '[x]' : hidden.has(id) ? '[ ]' : '[x]';
    const note = id === 'repo' ? ' (always first)' : '';
    return `${at === cursor ? '›' : ' '} ${box} ${titles.get(id) ?? id}${note}`;
  });
  return [header, ...lines];
}
