// The views of an LMArena dataset by id, for the source plug-in registry to hand to `print`
// and the explorer: (dataset, options) → View, pure, like views/registry.ts for leaderboards.
import type { ArenaDataset } from '../data/arena-dataset.js';
import type { View, ViewOptions } from './view.js';
import { arenaOverviewView } from './arena-overview-view.js';
import { frontierView } from './frontier-view.js';

export const ARENA_VIEW_IDS = ['overview', 'frontier'] as const;

export type ArenaViewId = (typeof ARENA_VIEW_IDS)[number];

export type ArenaViewBuilder = (dataset: ArenaDataset, options: ViewOptions) => View;

export const ARENA_VIEWS: Record<ArenaViewId, ArenaViewBuilder> = {
  overview: arenaOverviewView,
  frontier: frontierView,
};

export { arenaHeader } from './arena-summary.js';
