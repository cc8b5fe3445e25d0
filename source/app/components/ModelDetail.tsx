// One model's detail on the Leaderboard screen: the detail View's lines (writeText, the same
// lines print and export use) from a scroll offset, under a one-line header.
import React from 'react';
import { Box, Text } from 'ink';
import { cellText, fit } from '../../render/text-width.js';
import { makeTheme } from '../../render/theme.js';

export interface ModelDetailProps {
  lines: readonly string[];
  offset: number;
  width: number;
  height: number;
  color: boolean;
  /** Shown when the model is no longer in the table (a reload dropped it). */
  missing: string | null;
}

export function ModelDetail(props: ModelDetailProps): React.JSX.Element {
  const theme = makeTheme({ color: props.color });
  const room = Math.max(1, props.height - 1);
  const offset = Math.max(0, Math.min(props.offset, props.lines.length - room));
  const shown = props.lines.slice(offset, offset + room);
  const where = props.lines.length > room ? ` · lines ${offset + 1}–${offset + shown.length} of ${props.lines.length}` : '';
  const header = fit(`Model details · Esc: back · t its tree · ↑↓ PgUp PgDn scroll${where}`, props.width);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text wrap="truncate">{theme.paint('muted', header)}</Text>
      {props.missing !== null ? (
        <Text wrap="truncate">{fit(cellText(props.missing), props.width)}</Text>
      ) : (
        shown.map((line, i) => (
          <Text key={i} wrap="truncate">
            {line === '' ? ' ' : line}
          </Text>
        ))
      )}
    </Box>
  );
}
