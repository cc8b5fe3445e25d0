// Leaderboard (issue 4 screen 2, analyses.md §5): the table of entries with sort by any
// column, the search line, the filter panel and a model's detail. The table model is built
// once per dataset (shared with print through leaderboardTable), queried once per query
// change, and only the window of rows on screen is formatted and reaches Ink. State is the
// pure reducer of leaderboard-state.ts; it outlives the component (help overlay, screen
// switches) in a per-app memory.
import React, { useEffect, useMemo } from 'react';
import { Box, Text, type Key } from 'ink';
import type { ScreenProps } from './screen-props.js';
import type { Dataset } from '../../data/model.js';
import { leaderboardTable } from '../../views/leaderboard-view.js';
import { leaderboardQuery, type LeaderboardTable } from '../../views/screen-data.js';
import { writeText } from '../../views/write-text.js';
import { cellText, fit } from '../../render/text-width.js';
import { makeTheme } from '../../render/theme.js';
import { formatInteger } from '../../render/format-number.js';
import { commandFor, commandForMode, keyName } from '../keys/keymap.js';
import { editText, promptAction } from '../keys/text-edit.js';
import { clampOffset, SCROLL_COMMANDS, type ScrollCommand } from '../state/scroll.js';
import { INITIAL_STATE, leaderboardReducer, queryOf, restored, type LeaderboardAction, type LeaderboardState } from '../state/leaderboard-state.js';
import { columnWidths, screenColumns, tableFrame } from '../../views/leaderboard-columns.js';
import { panelItems } from '../../views/leaderboard-filters.js';
import { queryView, querySummary } from '../../views/leaderboard-query-view.js';
import { modelDetailView } from '../../views/model-detail-view.js';
import { useReducerRef } from '../state/use-reducer-ref.js';
import { useDeferred } from '../hooks/use-deferred.js';
import { useModelDetail } from '../hooks/use-model-detail.js';
import { useLatestInput } from '../keys/use-latest-input.js';
import { SearchLine } from '../components/SearchLine.js';
import { FilterPanel } from '../components/FilterPanel.js';
import { ModelDetail } from '../components/ModelDetail.js';

/** Lines around the rows: title, search line, table header and rule, footer. */
export const LEADERBOARD_CHROME = 5;
const HINT = '/ search · f filters · ←→ column · s sort · Enter details · ? keys';

/** State kept per app (its onView callback lives as long as the app) across remounts. */
const memory = new WeakMap<object, LeaderboardState>();

/** Datasets whose table is built (leaderboardTable caches it per dataset). */
const built = new WeakSet<Dataset>();
function tableOf(dataset: Dataset): LeaderboardTable {
  const table = leaderboardTable(dataset);
  built.add(dataset);
  return table;
}

export function LeaderboardScreen(props: ScreenProps): React.JSX.Element {
  // the table of 100,000 entries takes about a second: a first frame says so
  const loaded = useDeferred(props.dataset, (d) => built.has(d), tableOf);
  if (loaded === null) {
    const text = `Leaderboard · building the table of ${formatInteger(props.dataset.entries.length)} entries…`;
    return (
      <Box flexDirection="column" width={props.width} height={props.height}>
        <Text wrap="truncate">{makeTheme({ color: props.color }).paint('header', fit(text, props.width))}</Text>
      </Box>
    );
  }
  return <LeaderboardBody {...props} dataset={loaded.dataset} table={loaded.value} />;
}

function isCapturing(state: LeaderboardState): boolean {
  return state.editing !== null || (state.panel?.editing ?? null) !== null;
}

/** The screen over a built table (the dataset is the table's). */
function LeaderboardBody(props: ScreenProps & { table: LeaderboardTable }): React.JSX.Element {
  const { dataset, width, height, color, table } = props;
  const columns = useMemo(() => screenColumns(table), [table]);
  const widths = useMemo(() => columnWidths(table, columns), [table, columns]);
  const items = useMemo(() => panelItems(table), [table]);
  const [state, dispatch, latest] = useReducerRef(leaderboardReducer, () => {
    const saved = memory.get(props.onView);
    return saved ? restored(saved) : INITIAL_STATE;
  });
  useEffect(() => void memory.set(props.onView, state), [state]);

  // text prompts turn the app's keys off while open: the key handler, the only place the state
  // changes, says so at once (the next key may come before React renders); a restored state
  // has no prompt open, and leaving the screen turns them back on
  useEffect(() => () => {
    props.setCapture(false);
  }, []);

  const query = useMemo(() => queryOf(state), [state.search, state.filters, state.sort]);
  const result = useMemo(() => leaderboardQuery(table, query), [table, query]);
  const count = result.shown;
  const panelHeight = state.panel ? Math.min(items.length + 1, Math.max(4, Math.floor((height - LEADERBOARD_CHROME) / 2))) : 0;
  const room = Math.max(1, height - LEADERBOARD_CHROME - panelHeight);
  const column = Math.min(state.column, columns.length - 1);

  const { detail, building } = useModelDetail(dataset, table, state.detail?.key ?? null, state.filters.includeFlagged);
  const detailView = useMemo(() => (detail ? modelDetailView(detail) : null), [detail]);
  const detailLines = useMemo(() => (detailView ? writeText(detailView, { width, color }) : []), [detailView, width, color]);
  const view = useMemo(() => detailView ?? queryView(table, result, columns, state.filters), [detailView, table, result, columns]);
  useEffect(() => {
    props.onView(view);
  }, [view]);

  useLatestInput(
    (input, key) => {
      onKey(input, key);
      props.setCapture(isCapturing(latest.current));
    },
    { isActive: props.active },
  );

  function onKey(input: string, key: Key): void {
    const s = latest.current;
    const name = keyName(input, key);
    if (s.editing) {
      const edit = editText(s.search, input, key);
      dispatch(promptAction<LeaderboardAction>(edit, { cancel: { type: 'search-cancel' }, apply: { type: 'search-apply' }, edit: (text) => ({ type: 'search-edit', text }) }));
      return;
    }
    if (s.panel?.editing) {
      const edit = editText(s.panel.editing.text, input, key);
      dispatch(promptAction<LeaderboardAction>(edit, { cancel: { type: 'field-cancel' }, apply: { type: 'field-apply' }, edit: (text) => ({ type: 'field-edit', text }) }));
      return;
    }
    if (s.detail) {
      const command = commandFor(name, 'leaderboard');
      if (command !== undefined && SCROLL_COMMANDS.has(command)) {
        dispatch({ type: 'detail-scroll', command: command as ScrollCommand, count: detailLines.length, room: Math.max(1, height - 1) });
      } else if (command === 'back') dispatch({ type: 'detail-close' });
      return;
    }
    if (s.panel) {
      const command = commandForMode(name, 'leaderboard', 'filters');
      const by = { up: -1, down: 1, 'page-up': -5, 'page-down': 5, top: -Infinity, bottom: Infinity }[command ?? ''];
      if (by !== undefined) dispatch({ type: 'panel-move', by, count: items.length });
      else if (command === 'panel-pick') dispatch({ type: 'panel-pick', item: items[s.panel.cursor]! });
      else if (command === 'panel-close') dispatch({ type: 'panel-close' });
      return;
    }
    const command = commandFor(name, 'leaderboard');
    if (command === undefined) return;
    if (SCROLL_COMMANDS.has(command)) {
      dispatch({ type: 'move', command: command as ScrollCommand, count, room });
      return;
    }
    switch (command) {
      case 'column-left':
        dispatch({ type: 'column', by: -1, columns: columns.length });
        break;
      case 'column-right':
        dispatch({ type: 'column', by: 1, columns: columns.length });
        break;
      case 'sort': {
        const c = columns[Math.min(s.column, columns.length - 1)]!;
        dispatch({ type: 'sort', column: c.id, numeric: c.numeric });
        break;
      }
      case 'search':
        dispatch({ type: 'search-open' });
        break;
      case 'filters':
        dispatch({ type: 'panel-open' });
        break;
      case 'open': {
        const cursor = Math.min(s.cursor, count - 1);
        if (cursor >= 0) dispatch({ type: 'detail-open', key: table.rows[result.indices[cursor]!]!.key });
        break;
      }
      case 'back':
        dispatch({ type: 'search-clear' });
        break;
      default:
        break;
    }
  }

  if (state.detail) {
    const missing = building
      ? `building the lineage of ${formatInteger(table.rows.length)} entries…`
      : detail === null
        ? `“${state.detail.key}” is no longer in the table (Esc: back)`
        : null;
    return <ModelDetail lines={detailLines} offset={state.detail.offset} width={width} height={height} color={color} missing={missing} />;
  }

  // only the window of rows on screen is formatted
  const cursor = Math.max(0, Math.min(state.cursor, count - 1));
  const first = clampOffset(cursor, state.offset, count, room);
  const rows = result.window(first, room);
  const frame = tableFrame(columns, widths, rows, {
    width,
    color,
    selected: column,
    sort: result.query.sort,
    cursor: count > 0 && !state.panel ? cursor - first : null, // the panel has the focus: no › in the table
  });
  const theme = makeTheme({ color });
  const nOfM = `${formatInteger(result.shown)} of ${formatInteger(result.total)}`;
  const position = count > 0 ? ` · row ${formatInteger(cursor + 1)}` : '';
  const title = fit(cellText(`Leaderboard · ${querySummary(table, result, state.filters)}${position}`), width);
  const more = [frame.left > 0 ? `◂ ${frame.left} columns` : '', frame.right > 0 ? `${frame.right} columns ▸` : ''].filter(Boolean).join(' · ');
  // search warnings first: they explain a surprising result
  const warnings = result.search.warnings;
  const notes = result.notes.filter((n) => !warnings.includes(n.text)).map((n) => `${formatInteger(n.count)} ${n.text}`);
  const footer = fit(cellText([...warnings, count === 0 ? 'no model matches' : '', more, ...notes].filter(Boolean).join(' · ')), width);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">{theme.paint('header', title)}</Text>
      <SearchLine width={width} color={color} editing={state.editing !== null} search={state.search} count={nOfM} hint={HINT} />
      {state.panel ? <FilterPanel items={items} filters={state.filters} panel={state.panel} width={width} height={panelHeight} color={color} /> : null}
      {frame.lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      <Text wrap="truncate">{theme.paint('muted', footer)}</Text>
    </Box>
  );
}
