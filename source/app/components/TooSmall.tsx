// The one frame both explorers (App, SourceApp) draw in a terminal below their minimum size.
import React from 'react';
import { Box, Text } from 'ink';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

export function TooSmall({ columns, rows }: { columns: number; rows: number }): React.JSX.Element {
  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="wrap">
        hubscope needs a window of at least {MIN_COLUMNS}×{MIN_ROWS}; this one is {columns}×{rows}. Please enlarge it (q quits).
      </Text>
    </Box>
  );
}
