// A screen that shows one view's text (the same lines `hubscope print VIEW` prints), scrolled
// by the scroll keys. Screens with options wrap it and pass the options in.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { ScreenProps } from './screen-props.js';
import type { View } from '../../views/view.js';
import { cachedText } from '../services/view-cache.js';
import { commandFor, keyName } from '../keys/keymap.js';
import { scroll, SCROLL_COMMANDS, type ScrollCommand } from '../state/scroll.js';
import type { ScreenId } from './screen-list.js';

export interface ViewScreenProps extends ScreenProps {
  screen: ScreenId;
  view: View;
  /** Lines shown above the view (options in force, a picker), not scrolled. */
  header?: string[];
  /** Keys of this screen other than scrolling; return true when handled. */
  onCommand?: (command: string) => boolean;
}

export function ViewScreen(props: ViewScreenProps): React.JSX.Element {
  const { view, width, height, color } = props;
  const lines = useMemo(() => cachedText(view, width, color), [view, width, color]);
  const header = props.header ?? [];
  const room = Math.max(1, height - header.length);
  const [state, setState] = useState({ cursor: 0, offset: 0 });

  useEffect(() => props.onView(view), [view]);

  useInput(
    (input, key) => {
      const command = commandFor(keyName(input, key), props.screen);
      if (command === undefined) return;
      if (SCROLL_COMMANDS.has(command)) {
        setState((s) => scroll(s, command as ScrollCommand, lines.length, room, true));
        return;
      }
      props.onCommand?.(command);
    },
    { isActive: props.active },
  );

  const offset = Math.min(state.offset, Math.max(0, lines.length - room));
  const shown = lines.slice(offset, offset + room);
  const more = lines.length > room ? ` (${offset + 1}–${Math.min(lines.length, offset + room)} of ${lines.length} lines)` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      {header.map((line, i) => (
        <Text key={`h${i}`} wrap="truncate">
          {i === 0 && more ? `${line}${more}` : line}
        </Text>
      ))}
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
