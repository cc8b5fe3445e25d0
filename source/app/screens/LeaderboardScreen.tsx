// Leaderboard (issue 4 screen 2, analyses.md §5): the table of entries with sort by any
// column, the search line, the filter panel and a model's detail. The table model is built
// once per dataset (shared with print through leaderboardTable), queried once per query
// change, and only the window of rows on screen is formatted and reaches Ink. The state is
// the store's (state/leaderboard-state.ts); this component only draws it.
import { plural } from '../../render/format-number.js';
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { ScreenProps } from './screen-props.js';
import { writeText } from '../../views/write-text.js';
import { querySummaryParts } from '../../views/leaderboard-query-view.js';
import { tableFrame } from '../../views/leaderboard-columns.js';
import { filtersSummary } from '../../views/leaderboard-filters.js';
import { cellText, fit } from '../../render/text-width.js';
import { makeTheme } from '../../render/theme.js';
import { formatInteger } from '../../render/format-number.js';
import { clampOffset } from '../state/scroll.js';
import {
  buildLeaderboardModel, builtLeaderboardModel, comparedMarks, compareViewOf, detailOf, detailViewOf, frequencyOf, FREQUENCY_CHROME, leaderboardFrame, readyDetailOf, type LeaderboardModel,
} from '../state/screen-models.js';
import { frequencyLines, frequencyTitle } from '../../views/frequency-view.js';
import { columnPickerLines } from '../../views/column-layout.js';
import { whereText } from '../../views/leaderboard-where.js';
import { SearchLine } from '../components/SearchLine.js';
import { FilterPanel } from '../components/FilterPanel.js';
import { ModelDetail } from '../components/ModelDetail.js';
import { cachedText } from '../services/view-cache.js';

export { LEADERBOARD_CHROME } from '../state/screen-models.js';

/** The table model: at once when built or small, else after a first frame that says so. */
function useLeaderboardModel(props: ScreenProps): LeaderboardModel | null {
  const { dataset } = props.env;
  const ready = builtLeaderboardModel(dataset);
  const [, setBuilt] = useState(0);
  useEffect(() => {
    if (ready) return undefined;
    const timer = setTimeout(() => {
      buildLeaderboardModel(dataset);
      setBuilt((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [dataset, ready]);
  return ready;
}

export function LeaderboardScreen(props: ScreenProps): React.JSX.Element {
  const model = useLeaderboardModel(props);
  const { env } = props;
  if (model === null) {
    const text = `Leaderboard · building the table of ${formatInteger(env.dataset.entries.length)} entries…`;
    return (
      <Box flexDirection="column" width={env.width} height={env.height}>
        <Text wrap="truncate">{makeTheme({ color: env.color }).paint('header', fit(text, env.width))}</Text>
      </Box>
    );
  }
  const s = props.state.screens.leaderboard;
  if (s.picker) return <Picker {...props} model={model} />;
  if (s.freq) return <FrequencyTable {...props} model={model} />;
  if (s.compare) return <Compare {...props} model={model} />;
  return s.detail ? <Detail {...props} model={model} /> : <Table {...props} model={model} />;
}

function Lines(props: { lines: readonly string[]; width: number; height: number }): React.JSX.Element {
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      {props.lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}

/** The frequency table of a column (Shift-F): its title, then the window of its rows. */
function FrequencyTable(props: ScreenProps & { model: LeaderboardModel }): React.JSX.Element {
  const { env, model } = props;
  const s = props.state.screens.leaderboard;
  const f = frequencyOf(model, s, env.height);
  if (!f) return <Lines lines={['(no such column)']} width={env.width} height={env.height} />;
  const room = Math.max(1, env.height - FREQUENCY_CHROME);
  const cursor = Math.max(0, Math.min(s.freq!.cursor, f.rows.length - 1));
  const offset = clampOffset(cursor, s.freq!.offset, f.rows.length, room);
  const theme = makeTheme({ color: env.color });
  const title = theme.paint('header', fit(cellText(`${frequencyTitle(f)} · Enter: those rows`), env.width));
  return <Lines lines={[title, ...frequencyLines(f, { width: env.width, color: env.color, offset, count: room, cursor })]} width={env.width} height={env.height} />;
}

/** The column picker (C): every column, shown or hidden, in the order drawn. */
function Picker(props: ScreenProps & { model: LeaderboardModel }): React.JSX.Element {
  const { env, model } = props;
  const s = props.state.screens.leaderboard;
  const lines = columnPickerLines(model.columns, s.layout, s.picker!.cursor, env.height).map((line) => fit(cellText(line), env.width));
  return <Lines lines={lines} width={env.width} height={env.height} />;
}

/** The marked models side by side (=): the compare view's lines, scrolled. */
function Compare(props: ScreenProps & { model: LeaderboardModel }): React.JSX.Element {
  const { env, model } = props;
  const s = props.state.screens.leaderboard;
  const first = s.compare!.first ?? 0;
  const view = cachedText(compareViewOf(model, comparedMarks(s), s.filters.includeFlagged), env.width, env.color);
  // scrolled sideways: a line says how many models are to the left
  const lines = first > 0 ? [`← ${first} marked model${first === 1 ? '' : 's'} to the left (← h · → l scroll the models)`, ...view] : view;
  const offset = Math.max(0, Math.min(s.compare!.offset, lines.length - env.height));
  return <Lines lines={lines.slice(offset, offset + env.height)} width={env.width} height={env.height} />;
}

function Detail(props: ScreenProps & { model: LeaderboardModel }): React.JSX.Element {
  const { env, model } = props;
  const s = props.state.screens.leaderboard;
  const { key, offset } = s.detail!;
  const ready = readyDetailOf(model, key, s.filters.includeFlagged);
  const [, setLate] = useState(0);
  useEffect(() => {
    if (ready !== undefined) return undefined;
    const timer = setTimeout(() => {
      detailOf(model, key, s.filters.includeFlagged);
      setLate((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [model, key, s.filters.includeFlagged, ready]);
  const lines = ready ? cachedText(detailViewOf(ready), env.width, env.color) : [];
  const missing =
    ready === undefined
      ? `building the lineage of ${formatInteger(model.table.rows.length)} entries…`
      : ready === null
        ? `“${key}” is no longer in the table (Esc: back)`
        : null;
  return <ModelDetail lines={lines} offset={offset} width={env.width} height={env.height} color={env.color} missing={missing} />;
}

function Table(props: ScreenProps & { model: LeaderboardModel }): React.JSX.Element {
  const { env, model } = props;
  const { width, height, color } = env;
  const s = props.state.screens.leaderboard;
  const frame = leaderboardFrame(model, s, height);
  const { result, count, room } = frame;
  // only the window of rows on screen is formatted
  const cursor = Math.max(0, Math.min(s.cursor, count - 1));
  const first = clampOffset(cursor, s.offset, count, room);
  const rows = result.window(first, room);
  const table = tableFrame(frame.shown.columns, frame.shown.widths, rows, {
    width,
    color,
    selected: frame.column,
    sort: result.query.sort,
    cursor: count > 0 && !s.panel ? cursor - first : null, // the panel has the focus: no › in the table
  });
  const theme = makeTheme({ color });
  const parts = querySummaryParts(model.table, result, s.filters);
  const position = count > 0 ? ` · row ${formatInteger(cursor + 1)}` : '';
  const where = s.where.length > 0 ? ` · ${whereText(s.where)}` : '';
  const marked = s.marks.length > 0 ? ` · ${formatInteger(s.marks.length)} marked (=)` : '';
  const title = fit(cellText(`Leaderboard${where} · ${parts.join(' · ')}${position}${marked}`), width);
  const more = [table.left > 0 ? `◂ ${plural(table.left, 'column')}` : '', table.right > 0 ? `${plural(table.right, 'column')} ▸` : ''].filter(Boolean).join(' · ');
  // search warnings first: they explain a surprising result; then why nothing matched
  const warnings = result.search.warnings;
  const merges = result.notes.find((n) => n.text === 'merges hidden')?.count ?? 0;
  const none = count === 0 ? (merges > 0 ? `no model matches — ${formatInteger(merges)} merges are hidden (m shows them)` : 'no model matches') : '';
  const notes = result.notes.filter((n) => !warnings.includes(n.text) && n.text !== 'merges hidden').map((n) => `${formatInteger(n.count)} ${n.text}`);
  const footer = fit(cellText([...warnings, none, more, ...notes].filter(Boolean).join(' · ')), width);
  const nOfM = `${formatInteger(result.shown)} of ${formatInteger(result.total)}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">{theme.paint('header', title)}</Text>
      <SearchLine width={width} color={color} editing={s.editing !== null} search={s.search} count={nOfM} hint={filtersSummary(s.filters) === '' ? '' : `filters: ${filtersSummary(s.filters)} (f)`} />
      {s.panel ? <FilterPanel items={model.items} filters={s.filters} panel={s.panel} width={width} height={frame.panelHeight} color={color} /> : null}
      {table.lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      <Text wrap="truncate">{theme.paint('muted', footer)}</Text>
    </Box>
  );
}

/** The detail's lines at a width (for print-equals-screen tests). */
export function detailLines(model: LeaderboardModel, key: string, width: number): string[] {
  const detail = detailOf(model, key, false);
  return detail ? writeText(detailViewOf(detail), { width, color: false }) : [];
}
