// A screen's panel: what the generic explorer (SourceApp) shows above a screen's view, and
// the keys it takes first (the Frontier screen's date cursor and top 20). Panels are listed
// here by `kind:screen`; a screen without one is its view, scrolled. Pure except for the
// registry itself.
import { SOURCE_KEYS, type KeyBinding } from './source-keys.js';
import type { PanelReducer } from './source-state.js';
import { frontierPanel } from './frontier-panel.js';
import { hubBaseModelsPanel, hubLineagePanel } from './hub-panels.js';
import type { ViewOptions } from '../../views/view.js';

export interface PanelRender {
  /** Lines above the scrolling text (not scrolled). */
  top: string[];
  /** Lines shown in place of the view (scrolled by the app), or null: the view. */
  body: string[] | null;
  /** Which text `body` is, so that each keeps its own scroll offset. */
  bodyKey: string | null;
  /** Options the screen's view is built with (the Hub's Lineage: the base chosen), else the
   *  defaults. Each set of options is its own view (built once, kept). */
  viewOptions?: Partial<ViewOptions>;
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
  'hub-snapshot:base-models': hubBaseModelsPanel,
  'hub-snapshot:lineage': hubLineagePanel,
};

export const panelOf = (kind: string, screen: string): ScreenPanel | null => PANELS[`${kind}:${screen}`] ?? null;

/** The generic explorer's key table (markdown) for the README: each panel's keys, then the
 *  keys of every screen; a test keeps the README's copy in step. */
export function sourceKeyTableMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = ['| Screen | Keys | What it does |', '|---|---|---|'];
  for (const [id, panel] of Object.entries(PANELS)) {
    for (const b of panel.keys) rows.push(`| ${id} | ${cell(b.label ?? b.keys.join(' '))} | ${cell(b.description)} |`);
  }
  for (const b of SOURCE_KEYS) rows.push(`| every screen | ${cell(b.command === 'screen' ? '1–9' : (b.label ?? b.keys.join(' ')))} | ${cell(b.description)} |`);
  return rows.join('\n');
}
