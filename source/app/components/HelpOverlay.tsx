// `?`: every key of the current screen, generated from the key map, grouped by mode; it
// scrolls (↑↓ PgUp PgDn) when it is taller than the window (80×24).
import React from 'react';
import { Box, Text } from 'ink';
import { bindingsFor, keysLabel, type Binding } from '../keys/keymap.js';
import type { ScreenId } from '../screens/screen-list.js';
import { screenTitle } from '../screens/screen-list.js';
import { fitLine } from './fit-line.js';
import { helpEntry } from './help-entry.js';

const MODE_TITLE: Record<string, string> = {
  '': 'on the screen',
  help: 'in this help',
  command: 'on the : command line',
  search: 'on the search line',
  filters: 'in the filter panel',
  field: 'in a filter field',
  detail: "in a model's details",
  find: 'in the finder',
  picker: 'in the family picker',
  'picker-add': 'adding a family',
  threshold: 'in the threshold prompt',
};

export function helpLines(screen: ScreenId, width: number): string[] {
  const bindings = bindingsFor(screen);
  const keyWidth = Math.max(...bindings.map((b) => keysLabel(b).length)) + 2;
  const lines = [`Keys on ${screenTitle(screen)} (? or Esc closes; ↑↓ PgUp PgDn scroll)`];
  const groups = new Map<string, Binding[]>();
  for (const b of bindings) {
    const mode = b.mode ?? '';
    groups.set(mode, [...(groups.get(mode) ?? []), b]);
  }
  for (const [mode, list] of groups) {
    lines.push('', MODE_TITLE[mode] ?? mode);
    for (const b of list) lines.push(...helpEntry(keysLabel(b), keyWidth, b.description, width));
  }
  return lines;
}

export function HelpOverlay(props: { screen: ScreenId; width: number; height: number; offset: number }): React.JSX.Element {
  const all = helpLines(props.screen, props.width);
  const offset = Math.max(0, Math.min(props.offset, all.length - props.height));
  const lines = all.slice(offset, offset + props.height);
  if (all.length > props.height) lines[0] = fitLine(`${all[0]} · lines ${offset + 1}–${offset + lines.length} of ${all.length}`, props.width);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
