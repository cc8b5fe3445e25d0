// A screen's panel: what the generic explorer (SourceApp) shows above a screen's view, and
// the keys it takes first (the Frontier screen's date cursor and top 20). Panels are listed
// here by `kind:screen`; a screen without one is its view, scrolled. Pure except for the
// registry itself.
import type { KeyBinding } from './source-keys.js';
import type { PanelReducer } from './source-state.js';
import { frontierPanel } from './frontier-panel.js';

export interface PanelRender {
  /** Lines above the scrolling text (not scrolled). */
  top: string[];
  /** Lines shown in place of the view (scrolled by the app), or null: the view. */
  body: string[] | null;
  /** Which text `body` is, so that each keeps its own scroll offset. */
  bodyKey: string | null;
}

export interface BoundPanel<S = unknown> extends PanelReducer<S> {
  keys: readonly KeyBinding[];
  initial: S;
  render(state: S, options: { width: number; color: boolean }): PanelRender;
}

export interface ScreenPanel {
  keys: readonly KeyBinding[];
  /** The panel over one dataset's data, for a body `height` lines high. */
  bind(data: unknown, height: number): BoundPanel<any>;
}

export const PANELS: Readonly<Record<string, ScreenPanel>> = {
  'arena:frontier': frontierPanel,
};

export const panelOf = (kind: string, screen: string): ScreenPanel | null => PANELS[`${kind}:${screen}`] ?? null;
