// Screen id → component.
import type React from 'react';
import type { ScreenProps } from '../screen-props.js';
import type { ScreenId } from '../screens.js';
import { OverviewScreen } from './OverviewScreen.js';
import { sectionScreen } from './SectionScreen.js';
import { SizesScreen } from './SizesScreen.js';
import { ImprovementScreen } from './ImprovementScreen.js';

export const SCREEN_COMPONENTS: Record<ScreenId, (props: ScreenProps) => React.JSX.Element> = {
  overview: OverviewScreen,
  leaderboard: sectionScreen('leaderboard', 'leaderboard'),
  authors: sectionScreen('authors', 'authors'),
  types: sectionScreen('types', 'types'),
  architectures: sectionScreen('architectures', 'architectures'),
  lineage: sectionScreen('lineage', 'lineage'),
  sizes: SizesScreen,
  improvement: ImprovementScreen,
};
