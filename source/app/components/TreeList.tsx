// A windowed table for the Lineage screen (the base-model list and the derivative tree): the
// layout comes from the widest cells (steady while scrolling), only the rows in the window
// are formatted (cellsOf) and drawn, the row under the cursor gets the › gutter (inverted with
// colour). One <Text> per line.
import React from 'react';
import { Box, Text } from 'ink';
import { layoutTable, renderTable, type Cell, type TableColumn } from '../../render/table.js';
import { clampOffset } from '../state/scroll.js';
import { treeListRoom } from '../state/screen-models.js';

export interface TreeListProps {
  columns: readonly TableColumn[];
  /** The widest cell of each column (a layout row). */
  widest: readonly Cell[];
  count: number;
  cellsOf: (index: number) => Cell[];
  cursor: number;
  offset: number;
  width: number;
  /** Lines for the header, the rule and the rows. */
  height: number;
  color: boolean;
}

export { treeListRoom };

/** The lines drawn: header, rule, then the rows of the window around the cursor. */
export function treeListLines(props: TreeListProps): string[] {
  const layout = layoutTable(props.columns, [[...props.widest]], { width: props.width, cursor: true });
  const room = treeListRoom(props.height, layout.hidden.length > 0);
  const cursor = Math.max(0, Math.min(props.cursor, props.count - 1));
  const first = clampOffset(cursor, props.offset, props.count, room);
  const rows: Cell[][] = [];
  for (let i = first; i < Math.min(props.count, first + room); i += 1) rows.push(props.cellsOf(i));
  return renderTable(props.columns, rows, {
    width: props.width,
    color: props.color,
    layout,
    cursor: props.count > 0 ? cursor - first : null,
  });
}

export function TreeList(props: TreeListProps): React.JSX.Element {
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
