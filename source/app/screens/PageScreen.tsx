// A screen that shows one view's text (the same lines `hubscope print VIEW` prints), scrolled
// by lines under a header of the options in force: Overview (and its fetch details), Authors,
// Types, Architectures, Sizes, Improvement (with its family picker). Draws only.
import React from 'react';
import { Box, Text } from 'ink';
import type { ScreenProps } from './screen-props.js';
import { pageAnchors, pageLines, pageOf, pickerHeight, selectedAnchor, type PageScreen as PageId } from '../state/screen-models.js';
import { FamilyPicker } from '../components/FamilyPicker.js';

export function PageScreen(props: ScreenProps & { screen: PageId }): React.JSX.Element {
  const { state, env, screen } = props;
  const page = pageOf(screen, state, env);
  const lines = pageLines(page, env);
  const s = screen === 'overview' && state.screens.overview.details ? state.screens.overview.details : state.screens[screen];
  const offset = Math.max(0, Math.min(s.offset, lines.length - page.room));
  const shown = lines.slice(offset, offset + page.room);
  // the drillable row selected (↑/↓ on a table with drill-downs), drawn inverse
  const row = screen === 'overview' && state.screens.overview.details ? null : selectedAnchor(pageAnchors(page, env), (s as { row?: number | null }).row, offset, page.room);
  const more = lines.length > page.room ? ` (${offset + 1}–${Math.min(lines.length, offset + page.room)} of ${lines.length} lines)` : '';
  const picker = screen === 'improvement' ? pickerHeight(state.screens.improvement, env.height) : 0;
  return (
    <Box flexDirection="column" width={env.width} height={env.height}>
      {picker > 0 ? <FamilyPicker state={state.screens.improvement.picker} width={env.width} height={picker} /> : null}
      {page.header.map((line, i) => (
        <Text key={`h${i}`} wrap="truncate">
          {i === 0 && more ? `${line}${more}` : line}
        </Text>
      ))}
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate" inverse={row !== null && row.line === offset + i}>
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
