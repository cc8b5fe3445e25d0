// What each screen shows, derived from the store's state and the dataset: pure functions,
// remembered per dataset/table, read by both the key handlers (row counts, room, the row under
// the cursor) and the screens that draw them, so a key handled before React renders reads the
// same facts the next frame shows.
import { plural } from '../../render/format-number.js';
import type { Dataset } from '../../data/model.js';
import type { View, ViewId, ViewOptions } from '../../views/view.js';
import { defaultMode } from '../../views/view-options.js';
import { leaderboardTable } from '../../views/leaderboard-view.js';
import { columnWidths, leaderboardColumns, type LeaderboardColumn } from '../../views/leaderboard-columns.js';
import { panelItems, type PanelItem } from '../../views/leaderboard-filters.js';
import { modelDetailView } from '../../views/model-detail-view.js';
import { findBases, listWidths, treeTable, visibleRows, type TreeRow, type TreeTable } from '../../views/lineage-tree.js';
import {
  allBaseModels, DEFAULT_SCORE_THRESHOLD, derivativeTree, hasBaseModels, leaderboardQuery, modelDetailOf,
  type BaseModelRow, type BaseModelsResult, type DerivativeTreeResult, type LeaderboardRow, type LeaderboardTable, type LeaderboardView, type ModelDetail, type Period,
} from '../../views/screen-data.js';
import { cachedAnchoredText, cachedText, cachedView, screenOptions } from '../services/view-cache.js';
import type { Anchor } from '../../views/write-text.js';
import { fetchDetailsView } from '../services/fetch-details.js';
import type { FetchState } from '../services/fetch-controller.js';
import { initialPicker, chosenSpecs } from './family-picker.js';
import { queryOf, visibleIds, type ColumnLayout, type LeaderboardState } from './leaderboard-state.js';
import { narrowed } from '../../views/leaderboard-where.js';
import { windowOptions, windowText, type DateWindow } from '../../views/date-window.js';
import { compareRowsView, rowOf } from '../../views/compare-view.js';
import { frequency, type Frequency } from '../../views/frequency-view.js';
import type { LineageState } from './lineage-state.js';
import type { AppState, ScreenStates } from './app-state.js';
import type { ScreenId } from '../screens/screen-list.js';
import { unreachableLines } from '../../fetch/unreachable-advice.js';

/** What a screen is drawn in. */
export interface Env {
  dataset: Dataset;
  /** The body's size (the screen's own lines). */
  width: number;
  height: number;
  color: boolean;
  /** The clock, read once per dataset load. */
  now: Date;
  period: Period;
  fetchState?: FetchState;
  /** The datasets the cache holds (`:dataset` completes over them). */
  datasets?: readonly string[];
}

// ---- leaderboard (analyses.md §5)

/** Lines around the table's rows: title, search line, table header and rule, footer. */
export const LEADERBOARD_CHROME = 5;

export interface LeaderboardModel {
  dataset: Dataset;
  table: LeaderboardTable;
  columns: LeaderboardColumn[];
  widths: number[];
  items: PanelItem[];
}

const lbModels = new WeakMap<Dataset, LeaderboardModel>();

/** The table model of a dataset (built once: about a second on 100,000 entries). */
export function buildLeaderboardModel(dataset: Dataset): LeaderboardModel {
  let model = lbModels.get(dataset);
  if (!model) {
    const table = leaderboardTable(dataset);
    const columns = leaderboardColumns(table);
    model = { dataset, table, columns, widths: columnWidths(table, columns), items: panelItems(table) };
    lbModels.set(dataset, model);
  }
  return model;
}

/** The model when built already (a key before it is built does nothing). */
export function builtLeaderboardModel(dataset: Dataset): LeaderboardModel | null {
  return lbModels.get(dataset) ?? (dataset.entries.length <= 20_000 ? buildLeaderboardModel(dataset) : null);
}

/** The columns drawn (the layout's, in its order; the repo cell marked ✓ when the model is
 *  marked for comparison) and their widths. */
export interface ShownColumns {
  columns: LeaderboardColumn[];
  widths: number[];
}

const MARK = '✓ ';
const shownCache = new WeakMap<LeaderboardModel, { layout: ColumnLayout; marks: readonly string[]; shown: ShownColumns }>();

export function shownColumns(model: LeaderboardModel, s: Pick<LeaderboardState, 'layout' | 'marks'>): ShownColumns {
  const hit = shownCache.get(model);
  if (hit && hit.layout === s.layout && hit.marks === s.marks) return hit.shown;
  const at = new Map(model.columns.map((c, i) => [c.id, i]));
  const ids = visibleIds(model.columns.map((c) => c.id), s.layout);
  const marked = new Set(s.marks);
  const columns = ids.map((id) => {
    const c = model.columns[at.get(id)!]!;
    if (id !== 'repo' || marked.size === 0) return c;
    return { ...c, text: (r: LeaderboardRow) => (marked.has(r.key) ? MARK : '  ') + c.text(r) };
  });
  const shown = { columns, widths: ids.map((id) => model.widths[at.get(id)!]! + (id === 'repo' && marked.size > 0 ? MARK.length : 0)) };
  shownCache.set(model, { layout: s.layout, marks: s.marks, shown });
  return shown;
}

export interface LeaderboardFrame {
  result: LeaderboardView;
  count: number;
  panelHeight: number;
  /** Rows of the table on screen. */
  room: number;
  /** The selected column (index into the shown columns). */
  column: number;
  shown: ShownColumns;
}

export function leaderboardFrame(model: LeaderboardModel, s: LeaderboardState, height: number): LeaderboardFrame {
  const result = narrowed(model.table, leaderboardQuery(model.table, queryOf(s)), s.where);
  const shown = shownColumns(model, s);
  const panelHeight = s.panel ? Math.min(model.items.length + 1, Math.max(4, Math.floor((height - LEADERBOARD_CHROME) / 2))) : 0;
  return {
    result,
    count: result.shown,
    panelHeight,
    room: Math.max(1, height - LEADERBOARD_CHROME - panelHeight),
    column: Math.min(s.column, shown.columns.length - 1),
    shown,
  };
}

const compares = new WeakMap<LeaderboardModel, { marks: readonly string[]; includeFlagged: boolean; view: View }>();

const firsts = new WeakMap<readonly string[], Map<number, readonly string[]>>();

/** The marked models the comparison draws: from the first one scrolled to (← →), the same
 *  array for the same marks and scroll, so the view below is remembered. */
export function comparedMarks(s: Pick<LeaderboardState, 'marks' | 'compare'>): readonly string[] {
  const first = Math.min(s.compare?.first ?? 0, Math.max(0, s.marks.length - 1));
  if (first === 0) return s.marks;
  let byFirst = firsts.get(s.marks);
  if (!byFirst) firsts.set(s.marks, (byFirst = new Map()));
  let shown = byFirst.get(first);
  if (!shown) byFirst.set(first, (shown = s.marks.slice(first)));
  return shown;
}

/** The comparison of the marked models (in the order marked), remembered per marks. */
export function compareViewOf(model: LeaderboardModel, marks: readonly string[], includeFlagged: boolean): View {
  const hit = compares.get(model);
  if (hit && hit.marks === marks && hit.includeFlagged === includeFlagged) return hit.view;
  const rows = marks.map((key) => rowOf(model.table, key, includeFlagged)).filter((r): r is LeaderboardRow => r !== null);
  const view = compareRowsView(model.table, rows, includeFlagged);
  compares.set(model, { marks, includeFlagged, view });
  return view;
}

/** Lines of the frequency table around its rows: title, header, rule. */
export const FREQUENCY_CHROME = 3;
const frequencies = new WeakMap<Int32Array, Map<string, Frequency>>();

/** The frequency table open on the leaderboard (over the rows its query shows), computed once
 *  per query and column. */
export function frequencyOf(model: LeaderboardModel, s: LeaderboardState, height: number): Frequency | null {
  if (!s.freq) return null;
  const column = model.table.columns.find((c) => c.id === s.freq!.column);
  if (!column) return null;
  const { result } = leaderboardFrame(model, s, height);
  let byColumn = frequencies.get(result.indices);
  if (!byColumn) frequencies.set(result.indices, (byColumn = new Map()));
  let f = byColumn.get(column.id);
  if (!f) byColumn.set(column.id, (f = frequency(model.table.rows, result.indices, column)));
  return f;
}

/** Rows above which the first detail of a table is computed after a frame. */
export const DEFER_DETAIL_ABOVE = 20_000;
const details = new WeakMap<LeaderboardTable, Map<string, ModelDetail | null>>();
const detailKey = (key: string, includeFlagged: boolean): string => `${includeFlagged ? 1 : 0}${key}`;

/** One model's detail, computed once per table (the first one builds the lineage graph). */
export function detailOf(model: LeaderboardModel, key: string, includeFlagged: boolean): ModelDetail | null {
  let byKey = details.get(model.table);
  if (!byKey) details.set(model.table, (byKey = new Map()));
  const k = detailKey(key, includeFlagged);
  if (!byKey.has(k)) byKey.set(k, modelDetailOf(model.dataset, model.table, key, includeFlagged));
  return byKey.get(k)!;
}

/** The detail when it can be had at once: computed before, or the table is small (undefined:
 *  it is to be computed after a frame). */
export function readyDetailOf(model: LeaderboardModel, key: string, includeFlagged: boolean): ModelDetail | null | undefined {
  const byKey = details.get(model.table);
  const k = detailKey(key, includeFlagged);
  if (byKey?.has(k)) return byKey.get(k)!;
  if (model.table.rows.length <= DEFER_DETAIL_ABOVE || (byKey?.size ?? 0) > 0) return detailOf(model, key, includeFlagged);
  return undefined;
}

const detailViews = new WeakMap<ModelDetail, View>();
export function detailViewOf(detail: ModelDetail): View {
  let view = detailViews.get(detail);
  if (!view) detailViews.set(detail, (view = modelDetailView(detail)));
  return view;
}

// ---- lineage (analyses.md §2)

/** Lines above the lineage table: title and hint/finder. */
export const LINEAGE_CHROME = 2;

export interface LineageModel {
  bases: BaseModelsResult | null;
  listed: BaseModelRow[];
  /** The list's column widths (measured once per list). */
  widths: number[];
  tree: DerivativeTreeResult | null;
  table: TreeTable | null;
  rows: TreeRow[];
  listHeight: number;
  listRoom: number;
  treeRoom: number;
}

let lastFind: { bases: BaseModelsResult; find: string; listed: BaseModelRow[] } | null = null;
const widthsOf = new WeakMap<BaseModelsResult, number[]>();
const tables = new WeakMap<DerivativeTreeResult, TreeTable>();
let lastRows: { tree: DerivativeTreeResult; expanded: ReadonlySet<string>; rows: TreeRow[] } | null = null;

/** Rows a list of `height` lines shows: less the header and the rule. */
export function treeListRoom(height: number): number {
  return Math.max(1, height - 2);
}

export function lineageModel(dataset: Dataset, s: LineageState, width: number, height: number, compute = false): LineageModel {
  const bases = compute || hasBaseModels(dataset) || dataset.entries.length <= 20_000 ? allBaseModels(dataset) : null;
  let listed: BaseModelRow[] = [];
  if (bases) {
    if (!lastFind || lastFind.bases !== bases || lastFind.find !== s.find) lastFind = { bases, find: s.find, listed: findBases(bases.top, s.find) };
    listed = lastFind.listed;
  }
  let widths = bases ? widthsOf.get(bases) : undefined;
  if (bases && !widths) widthsOf.set(bases, (widths = listWidths(bases.top)));
  const tree = s.tree ? derivativeTree(dataset, s.tree.base) : null;
  let table = tree ? tables.get(tree) ?? null : null;
  if (tree && !table) tables.set(tree, (table = treeTable(tree.root)));
  let rows: TreeRow[] = [];
  if (tree && s.tree) {
    if (!lastRows || lastRows.tree !== tree || lastRows.expanded !== s.tree.expanded) lastRows = { tree, expanded: s.tree.expanded, rows: visibleRows(tree.root, s.tree.expanded) };
    rows = lastRows.rows;
  }
  const listHeight = Math.max(3, height - LINEAGE_CHROME);
  return {
    bases,
    listed,
    widths: widths ?? [],
    tree,
    table,
    rows,
    listHeight,
    listRoom: treeListRoom(listHeight),
    treeRoom: table ? treeListRoom(listHeight) : 1,
  };
}

// ---- the screens that show one view's text

export type PageScreen = Exclude<ScreenId, 'leaderboard' | 'lineage'>;

export interface Page {
  view: View;
  /** Lines above the view (the options in force), not scrolled. */
  header: string[];
  /** Rows left for the view's lines under the header (and the picker). */
  room: number;
}

const scoreText = (score: string | null): string => `score: ${score ?? 'average'} (b: next)`;
const barsText = (bars: 'counts' | 'shares' | null): string => (bars === null ? 'counts and shares' : `${bars} only`) + ' (v)';

/** The options in force as the view builders take them (only what differs from the defaults
 *  the warm-up builds, so the opening view is the cached one). */
function optionsOf(screen: PageScreen, screens: ScreenStates, env: Env, window: DateWindow | null): Partial<ViewOptions> {
  if (window && WINDOWED.has(screen)) return { ...optionsOf(screen, screens, env, null), ...windowOptions(window) };
  switch (screen) {
    case 'authors':
      return screens.authors.owners ? { authors: 'namespace' } : {};
    case 'types': {
      const s = screens.types;
      return { ...(s.score === null ? {} : { score: s.score }), ...(s.bars === null ? {} : { bars: s.bars }) };
    }
    case 'architectures':
      return screens.architectures.bars === null ? {} : { bars: screens.architectures.bars };
    case 'sizes': {
      const s = screens.sizes;
      const threshold = DEFAULT_SCORE_THRESHOLD[env.dataset.generation];
      return { ...(s.threshold === null || s.threshold === threshold ? {} : { threshold: s.threshold }), ...(s.score === null ? {} : { score: s.score }) };
    }
    case 'improvement': {
      const s = screens.improvement;
      const families = chosenSpecs(s.picker);
      const allPresets = families.length === s.picker.items.length && s.picker.items.every((i) => i.on) && s.picker.items.length === initialPicker().items.length;
      return {
        ...(allPresets || families.length === 0 ? {} : { families }),
        ...(s.normalised ? { normalised: true } : {}),
        ...(s.percent ? { percent: true } : {}),
        ...(s.mode === null || s.mode === defaultMode(env.dataset) ? {} : { mode: s.mode }),
        ...(s.score === null ? {} : { score: s.score }),
      };
    }
    case 'overview':
      return {};
  }
}

/** The screens with a window of dates. */
export const WINDOWED: ReadonlySet<PageScreen> = new Set(['types', 'architectures', 'sizes', 'improvement']);

function headerOf(screen: PageScreen, screens: ScreenStates, env: Env, window: DateWindow | null): string[] {
  const lines = headerLines(screen, screens, env);
  if (!WINDOWED.has(screen)) return lines;
  return [...lines, `window: ${windowText(window)} ([ ] move · { } narrow/widen · 0 every date)`];
}

function headerLines(screen: PageScreen, screens: ScreenStates, env: Env): string[] {
  const period = `period: ${env.period} (p)`;
  switch (screen) {
    case 'overview':
      return [
        screens.overview.details ? 'Fetch and cache details (Esc: back to the overview)' : 'Enter: fetch and cache details',
        // the Hub cannot be reached: said at the top, with what to do (issue 9 item 10)
        ...(env.fetchState?.unreachable && !screens.overview.details ? unreachableLines(env.fetchState.unreachable, env.width) : []),
      ];
    case 'authors': {
      const who = screens.authors.owners ? 'commit authors, namespace owners standing in (o: commit authors only)' : 'commit authors (o: let namespace owners stand in)';
      return [`${period} · authors: ${who}`];
    }
    case 'types':
      return [`${period} · ${scoreText(screens.types.score)} · bars: ${barsText(screens.types.bars)}`];
    case 'architectures':
      return [`${period} · bars: ${barsText(screens.architectures.bars)}`];
    case 'sizes': {
      const s = screens.sizes;
      const threshold = s.threshold ?? DEFAULT_SCORE_THRESHOLD[env.dataset.generation];
      if (s.prompt !== null) return [`score threshold (now ${threshold}; 0–100, Enter applies, Esc cancels): ${s.prompt}█`];
      // why the value typed was refused comes first: it is what the line is for now
      return [`${s.error ? `${s.error} · ` : ''}${scoreText(s.score)} · threshold for "params needed": ${threshold} (t: change)`];
    }
    case 'improvement': {
      const s = screens.improvement;
      const mode = s.mode ?? defaultMode(env.dataset);
      const unit = s.normalised ? 'normalised by ln(1 + n(d))' : s.percent ? '% of the reference score' : 'score points';
      const formed = mode === 'lineage' ? 'presets by lineage' : 'presets by name pattern';
      return [`${plural(chosenSpecs(s.picker).length, 'family', 'families')} · ${formed} (m) · ${unit} (n, u) · ${scoreText(s.score)} · f: families`];
    }
  }
}

const VIEW_OF: Record<PageScreen, ViewId> = { overview: 'overview', authors: 'authors', types: 'types', architectures: 'architectures', sizes: 'sizes', improvement: 'improvement' };

/** Lines the family picker takes above the Improvement view while open. */
export function pickerHeight(s: ScreenStates['improvement'], height: number): number {
  return s.pickerOpen ? Math.min(s.picker.items.length + 2, Math.max(6, Math.floor(height / 2))) : 0;
}

export function pageOf(screen: PageScreen, state: AppState, env: Env): Page {
  const { screens } = state;
  const view =
    screen === 'overview' && screens.overview.details
      ? fetchDetailsView(env.dataset, env.fetchState)
      : cachedView(VIEW_OF[screen], env.dataset, screenOptions(env.period, env.now, optionsOf(screen, screens, env, state.window)));
  const header = headerOf(screen, screens, env, state.window);
  const picker = screen === 'improvement' ? pickerHeight(screens.improvement, env.height) : 0;
  return { view, header, room: Math.max(1, env.height - header.length - picker) };
}

/** The page's lines (the view as `print` writes it at this width). */
export function pageLines(page: Page, env: Env): string[] {
  return cachedText(page.view, env.width, env.color);
}

/** The lines of the page's drillable rows (an author, a size bin, a period: issue 9 item 5). */
export function pageAnchors(page: Page, env: Env): Anchor[] {
  return cachedAnchoredText(page.view, env.width, env.color).anchors;
}

/** The drillable row selected on a page, when it is on screen: `row` indexes the anchors. */
export function selectedAnchor(anchors: readonly Anchor[], row: number | null | undefined, offset: number, room: number): Anchor | null {
  if (row === null || row === undefined) return null;
  const anchor = anchors[row];
  return anchor && anchor.line >= offset && anchor.line < offset + room ? anchor : null;
}
