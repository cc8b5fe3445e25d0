// The Improvement screen's family picker (§4): the presets and the user's own families, each
// on or off, and the "add a family" line; its keys are the key map's `picker` mode.
import React from 'react';
import { Box, Text } from 'ink';
import type { PickerState } from '../state/family-picker.js';
import { fitLine } from './fit-line.js';

export function FamilyPicker(props: { state: PickerState; width: number; height: number }): React.JSX.Element {
  const { state } = props;
  const lines = [
    'Families (↑↓ move, Space/Enter toggle, o only this one, a add, Esc done):',
    ...state.items.map((item, i) => `${i === state.cursor ? '›' : ' '} [${item.on ? 'x' : ' '}] ${item.label}${item.label !== item.spec ? `  (${item.spec})` : ''}`),
    state.adding !== null
      ? `› add: ${state.adding}█   (pattern:P[:params[:range]] e.g. pattern:mistral7b:7, or a base repo org/name)`
      : `${state.cursor === state.items.length ? '›' : ' '} + add a family: a name pattern with params, or a base repo`,
    // why the family typed was refused (fix it, or Esc)
    ...(state.adding !== null && state.error ? [`  ✗ ${state.error}`] : []),
  ];
  const start = Math.max(0, Math.min(state.cursor + 1 - Math.floor(props.height / 2), lines.length - props.height));
  return (
    <Box flexDirection="column" height={props.height}>
      {lines.slice(start, start + props.height).map((line, i) => (
        <Text key={i} wrap="truncate">
          {fitLine(line, props.width)}
        </Text>
      ))}
    </Box>
  );
}
