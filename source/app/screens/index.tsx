// Screen id → component.
import React from 'react';
import type { ScreenProps } from './screen-props.js';
import type { ScreenId } from './screen-list.js';
import { LeaderboardScreen } from './LeaderboardScreen.js';
import { LineageScreen } from './LineageScreen.js';
import { PageScreen } from './PageScreen.js';

const page = (screen: Exclude<ScreenId, 'leaderboard' | 'lineage'>) => {
  const Page = (props: ScreenProps): React.JSX.Element => <PageScreen {...props} screen={screen} />;
  Page.displayName = `PageScreen(${screen})`;
  return Page;
};

export const SCREEN_COMPONENTS: Record<ScreenId, (props: ScreenProps) => React.JSX.Element> = {
  overview: page('overview'),
  leaderboard: LeaderboardScreen,
  authors: page('authors'),
  types: page('types'),
  architectures: page('architectures'),
  lineage: LineageScreen,
  sizes: page('sizes'),
  improvement: page('improvement'),
};
