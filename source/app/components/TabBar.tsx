// The screens' tabs. At full width every title shows ("1 Overview 2 Leaderboard …", 99
// columns); narrower, the current screen keeps its title and the others a short name ("1 Over
// 2 Board …"); narrower still, numbers only beside the current title. Never a title cut in
// the middle ("1 Overvi 2 Leaderboa…").
import React from 'react';
import { Box, Text } from 'ink';
import { SCREENS, type ScreenId } from '../screens/screen-list.js';

const SHORT: Record<ScreenId, string> = {
  overview: 'Over', leaderboard: 'Board', authors: 'Auth', types: 'Type', architectures: 'Arch', lineage: 'Lin', sizes: 'Size', improvement: 'Impr',
};

/** Each tab's text at a width (the current one marked with [ ] without colour). */
export function tabTexts(screen: ScreenId, width: number, color: boolean): string[] {
  const make = (name: (s: (typeof SCREENS)[number]) => string): string[] =>
    SCREENS.map((s) => (s.id === screen && !color ? `[${s.key} ${s.title}]` : s.id === screen ? ` ${s.key} ${s.title} ` : ` ${s.key}${name(s) ? ` ${name(s)}` : ''} `));
  const fits = (tabs: string[]): boolean => tabs.reduce((n, t) => n + t.length, 0) <= width;
  for (const tabs of [make((s) => s.title), make((s) => SHORT[s.id]), make(() => '')]) if (fits(tabs)) return tabs;
  return make(() => '');
}

export function TabBar(props: { screen: ScreenId; width: number; color: boolean }): React.JSX.Element {
  const tabs = tabTexts(props.screen, props.width, props.color);
  return (
    <Box width={props.width}>
      {SCREENS.map((s, i) => (
        <Text key={s.id} bold={s.id === props.screen} inverse={s.id === props.screen && props.color} wrap="truncate">
          {tabs[i]}
        </Text>
      ))}
    </Box>
  );
}
