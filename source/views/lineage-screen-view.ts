// What the Lineage screen hands the app for copy/export and the status bar: the base-model
// list (as narrowed by the finder) or the derivative tree as expanded on screen. Pure.
import type { BaseModelRow, BaseModelsResult, DerivativeTreeResult } from '../analysis/base-models.js';
import { RELATIONS } from '../analysis/base-models.js';
import { formatInteger, formatScore } from '../render/format-number.js';
import type { View } from './view.js';
import { LIST_COLUMNS, listWidths, type TreeRow, type TreeTable } from './lineage-tree.js';

export function baseListView(bases: BaseModelsResult, shown: readonly BaseModelRow[], find: string): View {
  // a copy or export carries the whole list as narrowed (issue 9 item 9), not a screenful
  const rows = shown;
  const found = find.trim() !== '' ? ` · find “${find.trim()}”` : '';
  return {
    id: 'lineage',
    title: 'Lineage',
    summary: `${formatInteger(shown.length)} of ${formatInteger(bases.bases)} base models${found}`,
    blocks: [
      { kind: 'heading', text: `Base models [§2] — ${formatInteger(bases.declaring)} of ${formatInteger(bases.models)} models declare one` },
      { kind: 'grid', grid: { columns: LIST_COLUMNS, rows, widths: listWidths(bases.top), gutter: true } },
      { kind: 'notes', notes: bases.notes },
    ],
    data: { bases: shown.map((b) => ({ repo: b.repo, family: b.family, count: b.count, byRelation: b.byRelation, descendants: b.descendants, score: b.score })) },
  };
}

export function treeView(tree: DerivativeTreeResult, rows: readonly TreeRow[], table: TreeTable): View {
  const { root } = tree;
  const { columns, widths } = table;
  // every row as expanded on screen (the tree's own cap on nodes drawn applies in lineage-tree)
  const drawn = rows;
  const counts = RELATIONS.filter((r) => tree.byRelation[r] > 0).map((r) => `${r === 'unknown' ? 'relation not stated' : r} ${formatInteger(tree.byRelation[r])}`);
  return {
    id: 'lineage',
    title: 'Lineage',
    summary: `base ${root.repo} · ${formatInteger(root.descendants)} derivatives · ${formatInteger(rows.length)} rows expanded`,
    blocks: [
      { kind: 'heading', text: `Lineage of ${root.repo} [§2]` },
      {
        kind: 'figures',
        rows: [
          { label: 'family', value: `${tree.family} (${tree.familySource})` },
          { label: 'own score', value: root.score === null ? 'not on the leaderboard' : formatScore(root.score) },
          { label: 'direct children', value: formatInteger(root.children.length) },
          { label: 'derivatives (all levels)', value: formatInteger(root.descendants) },
          { label: 'deepest level', value: formatInteger(tree.depth) },
          ...(counts.length > 0 ? [{ label: 'by relation', value: counts.join(', ') }] : []),
        ],
      },
      { kind: 'grid', grid: { columns, rows: drawn, widths, gutter: true, fenced: true } },
      { kind: 'notes', notes: tree.notes },
    ],
    data: { base: root.repo, rows: drawn.map((r) => ({ depth: r.node.depth, repo: r.node.repo, relation: r.node.relation, type: r.node.type, score: r.node.score, day: r.node.day, params: r.node.params, children: r.node.children.length })) },
  };
}
