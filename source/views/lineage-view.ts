// The Lineage view: analyses.md §2 "Models per base model" [Fig. 6], opened on one base model:
// its derivative tree (children, grandchildren, … each with relation, type, score, date and
// params), counts per relation and type, and the models-per-base table to pick another from.
// Default base: the most-declared one. Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { baseModels, derivativesOf, RELATIONS, type DerivativeNode, type DerivativeTreeResult } from '../analysis/base-models.js';
import { renderTable } from '../render/table.js';
import { formatInteger, formatParams, formatScore } from '../render/format-number.js';
import type { Note } from '../analysis/result.js';
import type { Cell, RenderOptions, TableColumn, View, ViewOptions } from './view.js';
import { chart, figures, heading, notesBlock, selectionSummary, type FigureRow } from './view-blocks.js';
import { baseModelsTable } from './base-models-view.js';

/** Nodes drawn at most (a popular base has hundreds of derivatives; the rest is counted). */
export const MAX_TREE_NODES = 500;

interface TreeLine {
  node: DerivativeNode;
  parent: DerivativeNode | null;
  /** Branch characters before the repo id, per ancestor level. */
  branches: Array<'pipe' | 'space' | 'tee' | 'last'>;
}

/** Pre-order rows with their branch shapes (iterative: no recursion limit on deep chains). */
export function treeLines(root: DerivativeNode, limit = MAX_TREE_NODES): TreeLine[] {
  const lines: TreeLine[] = [];
  const stack: Array<{ node: DerivativeNode; parent: DerivativeNode | null; indent: Array<'pipe' | 'space'>; last: boolean }> = [
    { node: root, parent: null, indent: [], last: true },
  ];
  while (stack.length > 0 && lines.length < limit) {
    const { node, parent, indent, last } = stack.pop()!;
    lines.push({ node, parent, branches: parent === null ? [] : [...indent, last ? 'last' : 'tee'] });
    const below: Array<'pipe' | 'space'> = parent === null ? [] : [...indent, last ? 'space' : 'pipe'];
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      stack.push({ node: node.children[i]!, parent: node, indent: below, last: i === node.children.length - 1 });
    }
  }
  return lines;
}

const BRANCH_UNICODE = { pipe: '│  ', space: '   ', tee: '├─ ', last: '└─ ' };
const BRANCH_ASCII = { pipe: '|  ', space: '   ', tee: '|- ', last: '`- ' };

const dayText = (node: DerivativeNode): string => (node.day === null ? '–' : node.dateFloor ? `≤${node.day}` : node.day);

function drawTree(lines: readonly TreeLine[], options: RenderOptions): string[] {
  const chars = options.unicode === false ? BRANCH_ASCII : BRANCH_UNICODE;
  // v1 metadata states no relation: a column of "unknown" says nothing, so it goes.
  const relations = lines.some(({ node }) => node.relation !== null && node.relation !== 'unknown');
  const columns: TableColumn[] = [
    { title: 'Model', flex: true, minWidth: 24 },
    ...(relations ? [{ title: 'Relation' }] : []),
    { title: 'Type', maxWidth: 10 },
    { title: 'Score', align: 'right' },
    { title: 'Created' },
    { title: 'Params', align: 'right' },
    { title: 'Desc.', numeric: true },
  ];
  const rows: Cell[][] = lines.map(({ node, branches }) => [
    branches.map((b) => chars[b]).join('') + node.repo,
    ...(relations ? [node.relation ?? 'base'] : []),
    node.inView ? node.type : 'not on board',
    node.score === null ? '–' : formatScore(node.score),
    dayText(node),
    node.inView ? formatParams(node.params) : '–',
    node.descendants,
  ]);
  return renderTable(columns, rows, options);
}

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
  const bases = baseModels(dataset, { includeFlagged: options.includeFlagged, top: options.top });
  const base = options.base?.trim() || bases.top[0]?.repo || null;
  const tree = base === null ? null : derivativesOf(dataset, base, { includeFlagged: options.includeFlagged });
  const lines = tree === null ? [] : treeLines(tree.root);
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
            chart('derivative tree: type, score, creation day, params, descendants of each', (o) => drawTree(lines, o)),
          ]
        : []),
      heading(`Models per base model — top ${bases.top.length} (print lineage --base REPO opens another)`),
      baseModelsTable(bases),
      notesBlock(notes),
    ],
    data: { base, tree, baseModels: bases },
    csv: {
      columns: ['depth', 'model', 'parent', 'relation', 'on_leaderboard', 'type', 'score', 'created', 'date_floor', 'params', 'descendants'],
      rows: lines.map(({ node, parent }) => [
        node.depth, node.repo, parent?.repo ?? null, node.relation, node.inView ? 'yes' : 'no', node.type, node.score, node.day,
        node.dateFloor ? 'yes' : 'no', node.params, node.descendants,
      ]),
    },
  };
}
