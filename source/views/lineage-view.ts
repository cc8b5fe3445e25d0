// The Lineage view: analyses.md §2 "Models per base model" [Fig. 6], opened on one base model:
// its derivative tree (children, grandchildren, … each with relation, type, score, date and
// params, drawn as the Lineage screen draws it: views/lineage-tree.ts), counts per relation and
// type, and the base-model list of the screen to pick another from.
// Default base: the most-declared one. Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { baseModels, derivativesOf, RELATIONS, type DerivativeNode, type DerivativeTreeResult } from '../analysis/base-models.js';
import { formatInteger, formatScore } from '../render/format-number.js';
import type { Note } from '../analysis/result.js';
import type { View, ViewOptions } from './view.js';
import { figures, heading, notesBlock, selectionSummary, type FigureRow } from './view-blocks.js';
import { expandedRows, LIST_COLUMNS, listWidths, treeTable } from './lineage-tree.js';

/** Nodes drawn at most (a popular base has hundreds of derivatives; the rest is counted). */
export const MAX_TREE_NODES = 500;

const dayText = (node: DerivativeNode): string => (node.day === null ? '–' : node.dateFloor ? `≤${node.day}` : node.day);

/** Derivatives by relation to their parent (when the metadata states one) and by type. */
function countRows(result: DerivativeTreeResult): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const r of RELATIONS) {
    if (result.byRelation[r] > 0) rows.push({ label: r === 'unknown' ? 'relation not stated' : `relation ${r}`, value: formatInteger(result.byRelation[r]) });
  }
  for (const [type, n] of Object.entries(result.byType)) rows.push({ label: `type ${type}`, value: formatInteger(n) });
  return rows;
}

/** The root's own score, or why there is none (analyses.md §0 "Renamed repositories": without
 *  Hub info a base off the leaderboard stays unresolved). */
function ownScoreText(tree: DerivativeTreeResult): string {
  if (tree.root.score !== null) return formatScore(tree.root.score);
  if (tree.onLeaderboard) return 'no score';
  return tree.hubInfo ? 'not on the leaderboard (the Hub knows it)' : 'declared base not on the leaderboard (no Hub info: a rename cannot be told)';
}

/** analyses.md §2 derivative tree as a view. */
export function lineageView(dataset: Dataset, options: ViewOptions): View {
  // every base (the list's widths are measured over all of them, as on the screen); the top N drawn
  const all = baseModels(dataset, { includeFlagged: options.includeFlagged, top: Number.POSITIVE_INFINITY });
  const bases = { ...all, top: all.top.slice(0, options.top) };
  const base = options.base?.trim() || bases.top[0]?.repo || null;
  const tree = base === null ? null : derivativesOf(dataset, base, { includeFlagged: options.includeFlagged });
  // the screen's tree (views/lineage-tree.ts), every node expanded, its first MAX_TREE_NODES rows
  const table = tree === null ? null : treeTable(tree.root);
  const lines = tree === null ? [] : expandedRows(tree.root, MAX_TREE_NODES);
  const notes: Note[] = [...(tree?.notes ?? bases.notes)];
  if (tree !== null && !tree.found) notes.push({ count: 1, text: `“${base}” is neither on the leaderboard nor declared as a base model by a model in view` });
  if (tree !== null && lines.length < tree.root.descendants + 1) {
    notes.push({ count: tree.root.descendants + 1 - lines.length, text: `models of the tree not drawn (the first ${MAX_TREE_NODES} are)` });
  }
  const root = tree?.root;
  return {
    id: 'lineage',
    title: 'Lineage',
    summary: [base === null ? 'no base model declared' : `base ${base}`, ...selectionSummary(options, { top: true })].join(' · '),
    blocks: [
      heading(base === null ? 'Lineage: no model in view declares a base model' : `Lineage of ${root!.repo} [§2]`),
      ...(tree && root
        ? [
            figures([
              { label: 'family', value: `${tree.family} (${tree.familySource})` },
              { label: 'own score', value: ownScoreText(tree) },
              { label: 'created', value: dayText(root) },
              { label: 'derivatives (all levels)', value: formatInteger(root.descendants) },
              { label: 'direct children', value: formatInteger(root.children.length) },
              { label: 'deepest level', value: formatInteger(tree.depth) },
              ...countRows(tree),
            ]),
            { kind: 'grid' as const, title: 'derivative tree: type, score, creation day, params, children of each', grid: { columns: table!.columns, rows: lines, widths: table!.widths, gutter: true, fenced: true } },
          ]
        : []),
      heading(`Base models — ${formatInteger(bases.top.length)} of ${formatInteger(all.bases)} · ${formatInteger(all.declaring)} of ${formatInteger(all.models)} models declare a base (print lineage --base REPO opens another)`),
      { kind: 'grid', grid: { columns: LIST_COLUMNS, rows: bases.top, widths: listWidths(all.top), gutter: true } },
      notesBlock(notes),
    ],
    data: { base, tree, baseModels: bases },
    csv: {
      columns: ['depth', 'model', 'parent', 'relation', 'on_leaderboard', 'type', 'score', 'created', 'date_floor', 'params', 'descendants'],
      rows: lines.map(({ node, up }) => [
        node.depth, node.repo, up === null ? null : lines[up]!.node.repo, node.relation, node.inView ? 'yes' : 'no', node.type, node.score, node.day,
        node.dateFloor ? 'yes' : 'no', node.params, node.descendants,
      ]),
    },
  };
}
