// A windowed table for the Lineage screen (the base-model list and the derivative tree), on
// the table model: the layout comes from the widths measured once (steady while scrolling),
// only the rows in the window are formatted and drawn, the row under the cursor gets the ›
// gutter (inverted with colour). One <Text> per line.
import React from 'react';
import { Box, Text } from 'ink';
import { drawTable, layoutColumns, type Column } from '../../render/table-model.js';
import { clampOffset } from '../state/scroll.js';
import { treeListRoom } from '../state/screen-models.js';

export interface TreeListProps<R> {
  columns: readonly Column<R>[];
  /** The widest cell of each column (measured once per list or tree). */
  widths: readonly number[];
  count: number;
  rowAt: (index: number) => R;
  cursor: number;
  offset: number;
  width: number;
  /** Lines for the header, the rule and the rows. */
  height: number;
  color: boolean;
}

export { treeListRoom };

/** The lines drawn: header, rule, then the rows of the window around the cursor. */
export function treeListLines<R>(props: TreeListProps<R>): string[] {
  const layout = layoutColumns(props.columns, props.widths, { width: props.width, gutter: true });
  const room = treeListRoom(props.height);
  const cursor = Math.max(0, Math.min(props.cursor, props.count - 1));
  const first = clampOffset(cursor, props.offset, props.count, room);
  const rows: R[] = [];
  for (let i = first; i < Math.min(props.count, first + room); i += 1) rows.push(props.rowAt(i));
  return drawTable(props.columns, layout, rows, { width: props.width, color: props.color, gutter: true, cursor: props.count > 0 ? cursor - first : null });
}

export function TreeList<R>(props: TreeListProps<R>): React.JSX.Element {
  return (
    <Box flexDirection="column" height={props.height}>
      {treeListLines(props).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
