// `?`: every key of the current screen, generated from the key map.
import React from 'react';
import { Box, Text } from 'ink';
import { bindingsFor, keysLabel } from '../keys/keymap.js';
import type { ScreenId } from '../screens/screen-list.js';
import { screenTitle } from '../screens/screen-list.js';
import { fitLine } from './fit-line.js';

export function helpLines(screen: ScreenId, width: number): string[] {
  const bindings = bindingsFor(screen);
  const keyWidth = Math.max(...bindings.map((b) => keysLabel(b).length)) + 2;
  const lines = [`Keys on ${screenTitle(screen)} (? or Esc closes)`, ''];
  for (const b of bindings) lines.push(fitLine(`  ${keysLabel(b).padEnd(keyWidth)}${b.description}`, width));
  return lines;
}

export function HelpOverlay(props: { screen: ScreenId; width: number; height: number }): React.JSX.Element {
  const lines = helpLines(props.screen, props.width).slice(0, props.height);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
