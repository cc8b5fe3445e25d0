// The Frontier screen's panel (analyses.md §7), above the frontier view: a date cursor (← → or
// [ ]) over the publication dates, that date's frontier in one line and its top 20 with
// licence classes (↑ ↓ select); Enter opens the selected model's rating history across dates
// in place of the view (each date on its own scale: its place that day and the gap to the best
// model across the licence line), Esc goes back. Pure: state in, state or lines out.
import type { ArenaDataset } from '../../data/arena-dataset.js';
import { frontierPanelData, modelHistory, topOfDate, type FrontierDate, type FrontierPanelData, type ModelHistory } from '../../views/frontier-panel-data.js';
import { layoutTable, renderTable, type Cell, type TableColumn } from '../../render/table.js';
import { renderLinePlot } from '../../render/line-plot.js';
import { makeTheme } from '../../render/theme.js';
import { formatRating, lagText, marginText, plural } from '../../views/frontier-text.js';
import { fitLine } from '../components/fit-line.js';
import { clampOffset } from '../state/scroll.js';
import type { KeyBinding } from './source-keys.js';
import type { BoundPanel, PanelRender, ScreenPanel } from './panels.js';

export const TOP_K = 20;

export interface FrontierPanelState {
  /** Index into the dates (ascending). */
  date: number;
  /** Place selected in the date's top list (0-based), and the list's first visible place. */
  selected: number;
  offset: number;
  /** The model (key) whose rating history is open, or null. */
  history: string | null;
}

export const FRONTIER_KEYS: readonly KeyBinding[] = [
  { command: 'date-prev', keys: ['left', '[', 'h'], label: '← [ h', description: 'the previous publication date' },
  { command: 'date-next', keys: ['right', ']', 'l'], label: '→ ] l', description: 'the next publication date' },
  { command: 'date-first', keys: ['{'], label: '{', description: 'the first publication date' },
  { command: 'date-last', keys: ['}'], label: '}', description: 'the last publication date' },
  { command: 'down', keys: ['down', 'j'], label: '↓ j', description: "the date's top 20: select the next model (in a rating history: scroll)" },
  { command: 'up', keys: ['up', 'k'], label: '↑ k', description: "the date's top 20: select the previous model (in a rating history: scroll)" },
  { command: 'open', keys: ['enter'], label: 'Enter', description: "open the selected model's rating history across dates" },
  { command: 'back', keys: ['escape'], label: 'Esc', description: "back from the rating history to the date's top 20" },
];

const prepare = (data: ArenaDataset): FrontierPanelData => frontierPanelData(data);

/** The list rows shown for a body of `height` lines (the rest is the view below). */
export const listRows = (height: number, count: number): number => Math.max(0, Math.min(count, TOP_K, Math.max(3, height - 15)));

/** The reducer over one dataset. */
export function frontierReducer(data: ArenaDataset, height: number): { initial: FrontierPanelState; handle(state: FrontierPanelState, command: string): FrontierPanelState | null } {
  const { index } = prepare(data);
  const last = Math.max(0, index.dates.length - 1);
  const count = (date: number) => Math.min(TOP_K, index.byDate.get(index.dates[date] ?? '')?.length ?? 0);
  const moveDate = (state: FrontierPanelState, date: number): FrontierPanelState => {
    const d = Math.max(0, Math.min(last, date));
    const selected = Math.max(0, Math.min(state.selected, count(d) - 1));
    return { ...state, date: d, selected, offset: clampOffset(selected, state.offset, count(d), listRows(height, count(d))) };
  };
  const select = (state: FrontierPanelState, selected: number): FrontierPanelState => {
    const n = count(state.date);
    const s = Math.max(0, Math.min(n - 1, selected));
    return { ...state, selected: s, offset: clampOffset(s, state.offset, n, listRows(height, n)) };
  };
  return {
    initial: { date: last, selected: 0, offset: 0, history: null },
    handle(state, command) {
      if (state.history !== null) {
        // the history scrolls as the app's text (up, down, pages: not ours); Esc goes back
        if (command === 'back') return { ...state, history: null };
        return FRONTIER_KEYS.some((b) => b.command === command) && command !== 'up' && command !== 'down' ? state : null;
      }
      switch (command) {
        case 'date-prev':
          return moveDate(state, state.date - 1);
        case 'date-next':
          return moveDate(state, state.date + 1);
        case 'date-first':
          return moveDate(state, 0);
        case 'date-last':
          return moveDate(state, last);
        case 'down':
          return select(state, state.selected + 1);
        case 'up':
          return select(state, state.selected - 1);
        case 'open': {
          const row = topOfDate(index, index.dates[state.date] ?? '', TOP_K)[state.selected];
          return row ? { ...state, history: row.row.key } : state;
        }
        case 'back':
          return state;
        default:
          return null;
      }
    },
  };
}

const TOP_COLUMNS: TableColumn[] = [
  { title: '#', align: 'right' },
  { title: 'Model', flex: true, minWidth: 12, maxWidth: 40 },
  { title: 'Organisation', maxWidth: 16 },
  { title: 'Licence class', maxWidth: 18 },
  { title: 'Licence', maxWidth: 22 },
  { title: 'Rating', align: 'right' },
  { title: '95 % CI', align: 'right' },
  { title: 'Votes', numeric: true },
  { title: 'First seen' },
];

const named = (m: FrontierDate['bestOpen']): string => (m === null ? '–' : `${m.model} ${formatRating(m.rating)}`);

function dateLine(point: FrontierDate | undefined): string {
  if (!point) return '';
  const both = `best proprietary ${named(point.bestProprietary)} · best open ${named(point.bestOpen)}`;
  if (point.gap === null || point.lag === null) return `${both} · ${point.missing ?? 'no frontier point'}`;
  return `${both} · gap ${formatRating(point.gap.points)}, ${marginText(point.gap)} the margin · lag ${lagText(point.lag)}`;
}

/** The date's panel: cursor line, frontier line, top list. */
export function topLines(data: ArenaDataset, state: FrontierPanelState, width: number, height: number, color: boolean): string[] {
  const { index, byDate } = prepare(data);
  const date = index.dates[state.date];
  if (date === undefined) return ['No publication dates yet.'];
  const theme = makeTheme({ color });
  const top = topOfDate(index, date, TOP_K);
  const n = listRows(height, top.length);
  const cursor = `◀ ${date} ▶  date ${state.date + 1} of ${index.dates.length} · top ${top.length} of ${plural(index.byDate.get(date)!.length, 'model')}  (← → [ ] date · ↑ ↓ select · Enter: rating history)`;
  const rows: Cell[][] = top.map((t) => [t.place, t.row.model, t.row.organisation ?? '–', t.licenceClass + (t.row.licenceKnown ? '' : ' (?)'), t.row.licence ?? '–', formatRating(t.row.rating), t.row.lower !== null && t.row.upper !== null ? `${formatRating(t.row.lower)}–${formatRating(t.row.upper)}` : '–', t.row.votes, t.firstSeen]);
  const layout = layoutTable(TOP_COLUMNS, rows, { width, cursor: true });
  const offset = Math.min(state.offset, Math.max(0, top.length - n));
  const table = renderTable(TOP_COLUMNS, rows.slice(offset, offset + n), { width, color, layout, cursor: state.selected - offset, noteHidden: false });
  const more = top.length > n ? theme.paint('muted', fitLine(`  places ${offset + 1}–${offset + n} of ${top.length} (↑ ↓)`, width)) : '';
  return [theme.paint('accent', fitLine(cursor, width)), fitLine(dateLine(byDate.get(date)), width), ...table, more].filter((line, i, all) => line !== '' || i < all.length - 1);
}

const HISTORY_COLUMNS = (rival: string): TableColumn[] => [
  { title: 'Date' },
  { title: 'Rating', align: 'right' },
  { title: '95 % CI', align: 'right' },
  { title: 'Votes', numeric: true },
  { title: 'Place', align: 'right' },
  { title: rival, flex: true, minWidth: 12, maxWidth: 40 },
  { title: 'Its rating', align: 'right' },
  { title: 'Difference', align: 'right' },
];

/** A model's rating history, as the lines shown in place of the view. */
export function historyLines(history: ModelHistory, width: number, color: boolean): string[] {
  const open = history.licenceClass !== 'proprietary';
  const rival = open ? 'Best proprietary that day' : 'Best open that day';
  const signed = (n: number) => (n > 0 ? `+${formatRating(n)}` : formatRating(n));
  const rows: Cell[][] = history.points.map((p) => [
    p.date,
    formatRating(p.rating),
    p.lower !== null && p.upper !== null ? `${formatRating(p.lower)}–${formatRating(p.upper)}` : '–',
    p.votes,
    `${p.place} of ${p.of}`,
    p.rival?.model ?? '–',
    formatRating(p.rival?.rating),
    p.rival ? signed(p.rival.difference) : '–',
  ]);
  const plot =
    history.points.length > 1
      ? renderLinePlot(
          [
            { name: history.model, points: history.points.map((p) => ({ x: p.date, y: p.rating })), step: true },
            { name: rival.toLowerCase(), points: history.points.map((p) => ({ x: p.date, y: p.rival?.rating ?? null })), step: true },
          ],
          { width, color, height: 8, xType: 'date', yLabel: 'rating (each date on its own scale)', xLabel: 'publication date' },
        )
      : [];
  return [...plot, ...(plot.length > 0 ? [''] : []), ...renderTable(HISTORY_COLUMNS(rival), rows, { width, color, noteHidden: false })];
}

export const frontierPanel: ScreenPanel = {
  keys: FRONTIER_KEYS,
  bind(raw: unknown, height: number): BoundPanel<FrontierPanelState> {
    const data = raw as ArenaDataset;
    const reducer = frontierReducer(data, height);
    return {
      keys: FRONTIER_KEYS,
      initial: reducer.initial,
      handle: reducer.handle,
      render(state, { width, color }): PanelRender {
        if (state.history !== null) {
          const history = modelHistory(prepare(data).index, state.history);
          if (history !== null) {
            const title = `Rating history of ${history.model} (${history.organisation ?? '?'}) · ${history.licence ?? 'no licence'}: ${history.licenceClass} · first seen ${history.firstSeen} · on ${plural(history.points.length, 'date')} · Esc back`;
            return { top: [makeTheme({ color }).paint('accent', fitLine(title, width)), ''], body: historyLines(history, width, color), bodyKey: `history:${state.history}` };
          }
        }
        return { top: [...topLines(data, state, width, height, color), ''], body: null, bodyKey: null };
      },
    };
  },
};
