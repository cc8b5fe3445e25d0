// The Leaderboard's filter panel: one line per item with its state ([x], values), the item
// under the cursor marked with › (and inverted with colour), scrolled to keep it in view.
import React from 'react';
import { Box, Text } from 'ink';
import { itemText } from '../../views/leaderboard-filters.js';
import type { Filters, PanelItem, PanelState } from '../state/leaderboard-state.js';
import { cellText, fit } from '../../render/text-width.js';
import { makeTheme } from '../../render/theme.js';
import { clampOffset } from '../state/scroll.js';

export interface FilterPanelProps {
  items: readonly PanelItem[];
  filters: Filters;
  panel: PanelState;
  width: number;
  height: number;
  color: boolean;
}

/** The panel's lines: a title line, then the window of items around the cursor. */
export function filterPanelLines(props: FilterPanelProps): string[] {
  const { items, panel, width } = props;
  const theme = makeTheme({ color: props.color });
  const room = Math.max(1, props.height - 1);
  const offset = clampOffset(panel.cursor, Math.max(0, panel.cursor - Math.floor(room / 2)), items.length, room);
  const title = panel.error
    ? theme.paint('warning', fit(`Filters — ${panel.error}`, width))
    : theme.paint('header', fit('Filters — ↑↓ move · Space/Enter toggle or edit · Esc/f close', width));
  const lines = [title];
  for (let i = offset; i < Math.min(items.length, offset + room); i += 1) {
    const selected = i === panel.cursor;
    const text = fit(`${selected ? '›' : ' '} ${cellText(itemText(items[i]!, props.filters, panel))}`, width);
    lines.push(selected ? theme.paint('selected', text) : text);
  }
  return lines;
}

export function FilterPanel(props: FilterPanelProps): React.JSX.Element {
  return (
    <Box flexDirection="column" height={props.height}>
      {filterPanelLines(props).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
