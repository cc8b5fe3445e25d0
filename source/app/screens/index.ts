// Screen id → component.
import type React from 'react';
import type { ScreenProps } from './screen-props.js';
import type { ScreenId } from './screen-list.js';
import { OverviewScreen } from './OverviewScreen.js';
import { sectionScreen } from './SectionScreen.js';
import { LeaderboardScreen } from './LeaderboardScreen.js';
import { LineageScreen } from './LineageScreen.js';
import { SizesScreen } from './SizesScreen.js';
import { ImprovementScreen } from './ImprovementScreen.js';
import { AuthorsScreen } from './AuthorsScreen.js';

export const SCREEN_COMPONENTS: Record<ScreenId, (props: ScreenProps) => React.JSX.Element> = {
  overview: OverviewScreen,
  leaderboard: LeaderboardScreen,
  authors: AuthorsScreen,
  types: sectionScreen('types', 'types', { score: true }),
  architectures: sectionScreen('architectures', 'architectures'),
  lineage: LineageScreen,
  sizes: SizesScreen,
  improvement: ImprovementScreen,
};
