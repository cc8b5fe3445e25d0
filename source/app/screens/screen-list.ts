// The explorer's screens, in the order of their number keys.

export const SCREENS = [
  { id: 'overview', title: 'Overview', key: '1' },
  { id: 'leaderboard', title: 'Leaderboard', key: '2' },
  { id: 'authors', title: 'Authors', key: '3' },
  { id: 'types', title: 'Types', key: '4' },
  { id: 'architectures', title: 'Architectures', key: '5' },
  { id: 'lineage', title: 'Lineage', key: '6' },
  { id: 'sizes', title: 'Sizes', key: '7' },
  { id: 'improvement', title: 'Improvement', key: '8' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export function screenIndex(id: ScreenId): number {
  return SCREENS.findIndex((s) => s.id === id);
}

export function screenTitle(id: ScreenId): string {
  return SCREENS[screenIndex(id)]!.title;
}
