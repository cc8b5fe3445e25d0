// Lineage (issue 4 screen 6, analyses.md §2): the list of base models (most declared first,
// `/` narrows it by id), and the derivative tree of the one picked (Enter): children,
// grandchildren, … with relation, type, score, date, params and child count. Only the rows on
// screen are formatted and drawn. The state is the store's (state/lineage-state.ts); this
// component only draws it.
import { plural } from '../../render/format-number.js';
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { ScreenProps } from './screen-props.js';
import { fit, cellText } from '../../render/text-width.js';
import { makeTheme } from '../../render/theme.js';
import { formatInteger } from '../../render/format-number.js';
import { LIST_COLUMNS } from '../../views/lineage-tree.js';
import { allBaseModels } from '../../views/screen-data.js';
import { lineageModel } from '../state/screen-models.js';
import { TreeList } from '../components/TreeList.js';

export function LineageScreen(props: ScreenProps): React.JSX.Element {
  const { env } = props;
  const { dataset, width, height, color } = env;
  const s = props.state.screens.lineage;
  const model = lineageModel(dataset, s, width, height);
  // the base models of a big dataset take a moment: a first frame says so
  const [, setReady] = useState(0);
  useEffect(() => {
    if (model.bases) return undefined;
    const timer = setTimeout(() => {
      allBaseModels(dataset);
      setReady((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [dataset, model.bases === null]);

  const theme = makeTheme({ color });
  const { bases, tree, table, rows, listed } = model;
  if (s.tree && tree && table) {
    const root = tree.root;
    const title = `Lineage of ${root.repo} · ${tree.family} · ${plural(root.children.length, 'child', 'children')}, ${formatInteger(root.descendants)} derivatives in all · ${formatInteger(rows.length)} rows shown`;
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text wrap="truncate">{theme.paint('header', fit(cellText(title), width))}</Text>
        <Text wrap="truncate">{theme.paint('muted', fit('→ l expand · ← h collapse or go up · Enter toggle · d details · Esc back', width))}</Text>
        <TreeList
          columns={table.columns}
          widths={table.widths}
          count={rows.length}
          rowAt={(i) => rows[i]!}
          cursor={s.tree.cursor}
          offset={s.tree.offset}
          width={width}
          height={model.listHeight}
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
  const second = s.finding
    ? `find: ${s.find}█  ${count} · Enter keeps · Esc shows all`
    : s.find.trim() !== ''
      ? `find “${s.find}” · ${count} (/ edits, Esc clears) · Enter opens the tree`
      : '/ find a base model · Enter opens its derivative tree · d its details';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">{theme.paint('header', fit(cellText(title), width))}</Text>
      <Text wrap="truncate">{s.finding ? fit(cellText(second), width) : theme.paint('muted', fit(cellText(second), width))}</Text>
      {listed.length === 0 ? (
        <Text wrap="truncate">{fit(bases.bases === 0 ? 'no model in view declares a base model' : 'no base model matches', width)}</Text>
      ) : (
        <TreeList
          columns={LIST_COLUMNS}
          widths={model.widths}
          count={listed.length}
          rowAt={(i) => listed[i]!}
          cursor={s.list.cursor}
          offset={s.list.offset}
          width={width}
          height={model.listHeight}
          color={color}
        />
      )}
    </Box>
  );
}
