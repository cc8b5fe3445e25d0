// Lineage (issue 4 screen 6, analyses.md §2): the list of base models (most declared first,
// `/` narrows it by id), and the derivative tree of the one picked (Enter): children,
// grandchildren, … with relation, type, score, date, params and child count; → expands, ←
// collapses, Enter toggles, Esc goes back. Only the rows on screen are formatted and drawn.
// State is the pure reducer of lineage-state.ts, kept per app across remounts.
import React, { useEffect, useMemo } from 'react';
import { Box, Text, type Key } from 'ink';
import type { ScreenProps } from './screen-props.js';
import { allBaseModels, derivativeTree, hasBaseModels } from '../../views/screen-data.js';
import type { View } from '../../views/view.js';
import type { Dataset } from '../../data/model.js';
import { fit, cellText } from '../../render/text-width.js';
import { makeTheme } from '../../render/theme.js';
import { formatInteger } from '../../render/format-number.js';
import { commandFor, keyName } from '../keys/keymap.js';
import { editText, promptAction } from '../keys/text-edit.js';
import { SCROLL_COMMANDS, type ScrollCommand } from '../state/scroll.js';
import { INITIAL_LINEAGE, lineageReducer, restoredLineage, type LineageAction, type LineageState, type NodeInfo } from '../state/lineage-state.js';
import { findBases, listCells, listWidest, LIST_COLUMNS, treeCells, treeTable, visibleRows, type TreeRow } from '../../views/lineage-tree.js';
import { baseListView, treeView } from '../../views/lineage-screen-view.js';
import { useReducerRef } from '../state/use-reducer-ref.js';
import { useDeferred } from '../hooks/use-deferred.js';
import { useLatestInput } from '../keys/use-latest-input.js';
import { TreeList, treeListRoom } from '../components/TreeList.js';
import { layoutTable } from '../../render/table.js';

/** Lines above the table: title and hint/finder. */
const CHROME = 2;

const memory = new WeakMap<object, LineageState>();

const READING: View = { id: 'lineage', title: 'Lineage', summary: 'reading the base models…', blocks: [], data: null };

const nodeInfo = (rows: readonly TreeRow[], index: number): NodeInfo | null => {
  const row = rows[index];
  return row ? { key: row.node.key, parent: row.node.children.length > 0, open: row.open, up: row.up } : null;
};

export function LineageScreen(props: ScreenProps): React.JSX.Element {
  const { dataset, width, height, color } = props;
  const [state, dispatch, latest] = useReducerRef(lineageReducer, () => {
    const saved = memory.get(props.onView);
    return saved ? restoredLineage(saved) : INITIAL_LINEAGE;
  });
  useEffect(() => void memory.set(props.onView, state), [state]);
  // the find line turns the app's keys off while open: the key handler, the only place the
  // state changes, says so at once; a restored state has no find line open
  useEffect(() => () => {
    props.setCapture(false);
  }, []);

  const bases = useDeferred(dataset, hasBaseModels, allBaseModels)?.value ?? null;
  const listed = useMemo(() => (bases ? findBases(bases.top, state.find) : []), [bases, state.find]);
  const widest = useMemo(() => listWidest(bases?.top ?? []), [bases]);
  const base = state.tree?.base ?? null;
  const tree = useMemo(() => (base === null ? null : derivativeTree(dataset, base)), [dataset, base]);
  const table = useMemo(() => (tree ? treeTable(tree.root) : null), [tree]);
  const rows = useMemo(() => (tree && state.tree ? visibleRows(tree.root, state.tree.expanded) : []), [tree, state.tree?.expanded]);
  const listHeight = Math.max(3, height - CHROME);
  const hidden = (columns: typeof LIST_COLUMNS, cells: readonly unknown[]): boolean =>
    layoutTable(columns, [cells as string[]], { width, cursor: true }).hidden.length > 0;
  const listRoom = treeListRoom(listHeight, hidden(LIST_COLUMNS, widest));
  const treeRoom = table ? treeListRoom(listHeight, hidden(table.columns, table.widest)) : 1;

  const view = useMemo(
    () => (tree && table ? treeView(tree, rows, table) : bases ? baseListView(bases, listed, state.find) : READING),
    [tree, table, rows, bases, listed, state.find],
  );
  useEffect(() => {
    props.onView(view);
  }, [view]);

  useLatestInput(
    (input, key) => {
      onKey(input, key);
      props.setCapture(latest.current.finding !== null); // at once: the next key may come before React renders
    },
    { isActive: props.active },
  );

  function onKey(input: string, key: Key): void {
    const s = latest.current;
    if (s.finding) {
      const edit = editText(s.find, input, key);
      dispatch(promptAction<LineageAction>(edit, { cancel: { type: 'find-cancel' }, apply: { type: 'find-keep' }, edit: (text) => ({ type: 'find-edit', text }) }));
      return;
    }
    const command = commandFor(keyName(input, key), 'lineage');
    if (command === undefined) return;
    if (s.tree) {
      const node = nodeInfo(rows, Math.min(s.tree.cursor, rows.length - 1));
      if (SCROLL_COMMANDS.has(command)) dispatch({ type: 'tree-move', command: command as ScrollCommand, count: rows.length, room: treeRoom });
      else if (command === 'back') dispatch({ type: 'tree-close' });
      else if (node && command === 'expand') dispatch({ type: 'expand', node });
      else if (node && command === 'collapse') dispatch({ type: 'collapse', node });
      else if (node && command === 'pick') dispatch({ type: 'toggle', node });
      return;
    }
    if (SCROLL_COMMANDS.has(command)) dispatch({ type: 'list-move', command: command as ScrollCommand, count: listed.length, room: listRoom });
    else if (command === 'search') dispatch({ type: 'find-open' });
    else if (command === 'back') dispatch({ type: 'find-clear' });
    else if (command === 'pick' || command === 'expand') {
      const picked = listed[Math.min(s.list.cursor, listed.length - 1)];
      if (picked) dispatch({ type: 'tree-open', base: picked.repo, root: picked.key });
    }
  }

  const theme = makeTheme({ color });
  if (state.tree && tree && table) {
    const root = tree.root;
    const title = `Lineage of ${root.repo} · ${tree.family} · ${formatInteger(root.children.length)} children, ${formatInteger(root.descendants)} derivatives in all · ${formatInteger(rows.length)} rows shown`;
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text wrap="truncate">{theme.paint('header', fit(cellText(title), width))}</Text>
        <Text wrap="truncate">{theme.paint('muted', fit('→ l expand · ← h collapse or go up · Enter toggle · Esc back to the list · ? keys', width))}</Text>
        <TreeList
          columns={table.columns}
          widest={table.widest}
          count={rows.length}
          cellsOf={(i) => treeCells(rows[i]!, table.relations)}
          cursor={state.tree.cursor}
          offset={state.tree.offset}
          width={width}
          height={listHeight}
          color={color}
        />
      </Box>
    );
  }
  if (bases === null) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text wrap="truncate">{theme.paint('header', fit(`Lineage · reading the base models of ${formatInteger(dataset.entries.length)} entries…`, width))}</Text>
      </Box>
    );
  }
  const count = `${formatInteger(listed.length)} of ${formatInteger(bases.bases)} base models`;
  const title = `Lineage · ${count} · ${formatInteger(bases.declaring)} of ${formatInteger(bases.models)} models declare a base`;
  const second = state.finding
    ? `find: ${state.find}█  ${count} · Enter keeps · Esc shows all`
    : state.find.trim() !== ''
      ? `find “${state.find}” · ${count} (/ edits, Esc clears) · Enter opens the tree`
      : '/ find a base model · Enter opens its derivative tree · ? keys';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">{theme.paint('header', fit(cellText(title), width))}</Text>
      <Text wrap="truncate">{state.finding ? fit(cellText(second), width) : theme.paint('muted', fit(cellText(second), width))}</Text>
      {listed.length === 0 ? (
        <Text wrap="truncate">{fit(bases.bases === 0 ? 'no model in view declares a base model' : 'no base model matches', width)}</Text>
      ) : (
        <TreeList
          columns={LIST_COLUMNS}
          widest={widest}
          count={listed.length}
          cellsOf={(i) => listCells(listed[i]!)}
          cursor={state.list.cursor}
          offset={state.list.offset}
          width={width}
          height={listHeight}
          color={color}
        />
      )}
    </Box>
  );
}
