// The Lineage screen's rows: the base-model list (analyses.md §2, Fig. 6) and the derivative
// tree of one base as the rows shown under the expanded nodes, with branch shapes (├─ └─),
// relation, type, score, date, params and child count (+N when collapsed). Each gives its
// table columns, one row's cells (only the rows on screen are formatted) and the widest
// cells (measured once per list or tree, so columns stay put while scrolling). Pure.
import type { BaseModelRow, DerivativeNode } from '../analysis/base-models.js';
import { formatInteger, formatParams, formatScore } from '../render/format-number.js';
import type { Cell, TableColumn } from '../render/table.js';
import { cellWidth } from './leaderboard-columns.js';

export interface TreeRow {
  node: DerivativeNode;
  /** Branch characters before the id ('' at the root). */
  prefix: string;
  /** Its children are shown. */
  open: boolean;
  /** Row index of its parent (null at the root). */
  up: number | null;
}

const BRANCH = { pipe: '│  ', space: '   ', tee: '├─ ', last: '└─ ' };

/** The rows in display order (pre-order) under the expanded nodes. Iterative: no recursion
 *  limit on a long chain; the tree is finite (cycles are cut by derivativesOf). */
export function visibleRows(root: DerivativeNode, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: Array<{ node: DerivativeNode; up: number | null; indent: string; last: boolean }> = [{ node: root, up: null, indent: '', last: true }];
  while (stack.length > 0) {
    const { node, up, indent, last } = stack.pop()!;
    const open = expanded.has(node.key) && node.children.length > 0;
    const at = rows.length;
    rows.push({ node, prefix: up === null ? '' : indent + (last ? BRANCH.last : BRANCH.tee), open, up });
    if (!open) continue;
    const below = up === null ? '' : indent + (last ? BRANCH.space : BRANCH.pipe);
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      stack.push({ node: node.children[i]!, up: at, indent: below, last: i === node.children.length - 1 });
    }
  }
  return rows;
}

/** Every node of the tree (for measuring), iteratively. */
function allNodes(root: DerivativeNode): DerivativeNode[] {
  const out: DerivativeNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (const child of node.children) stack.push(child);
  }
  return out;
}

const dayText = (node: DerivativeNode): string => (node.day === null ? '–' : node.dateFloor ? `≤${node.day}` : node.day);

export interface TreeTable {
  columns: TableColumn[];
  /** The widest cell per column (the id column: its title; it is flexible). */
  widest: string[];
  /** Relations are stated somewhere in the tree (v1 metadata states none: no column). */
  relations: boolean;
}

/** Columns and widest cells of a tree, measured over all its nodes once. */
export function treeTable(root: DerivativeNode): TreeTable {
  const nodes = allNodes(root);
  const relations = nodes.some((n) => n.relation !== null && n.relation !== 'unknown');
  const columns: TableColumn[] = [
    { title: 'Model', flex: true, minWidth: 20, align: 'left' },
    ...(relations ? [{ title: 'Relation', align: 'left' as const }] : []),
    { title: 'Type', maxWidth: 10, align: 'left' },
    { title: 'Score', align: 'right' },
    { title: 'Created', align: 'left' },
    { title: 'Params', align: 'right' },
    { title: 'Kids', align: 'right' },
  ];
  const widths = columns.map(() => 0);
  for (const node of nodes) {
    treeCells({ node, prefix: '', open: false, up: null }, relations).forEach((cell, i) => {
      if (i > 0) widths[i] = Math.max(widths[i]!, cellWidth(String(cell ?? '')));
    });
  }
  widths[0] = 200; // the id column takes the room left
  return { columns, widest: widths.map((w) => 'x'.repeat(w)), relations };
}

/** One tree row's cells. */
export function treeCells(row: TreeRow, relations: boolean): Cell[] {
  const { node } = row;
  const kids = node.children.length === 0 ? '–' : row.open ? formatInteger(node.children.length) : `+${formatInteger(node.children.length)}`;
  return [
    row.prefix + node.repo,
    ...(relations ? [node.relation ?? 'base'] : []),
    node.inView ? node.type : 'off board',
    node.score === null ? '–' : formatScore(node.score),
    dayText(node),
    node.inView ? formatParams(node.params) : '–',
    kids,
  ];
}

export const LIST_COLUMNS: TableColumn[] = [
  { title: 'Base model', flex: true, minWidth: 24, align: 'left' },
  { title: 'Family', maxWidth: 10, align: 'left' },
  { title: 'Declaring', align: 'right' },
  { title: 'Descendants', align: 'right' },
  { title: 'Own score', align: 'right' },
];

/** One base model's cells in the list. */
export function listCells(row: BaseModelRow): Cell[] {
  return [row.repo, row.family, formatInteger(row.count), formatInteger(row.descendants), row.onLeaderboard ? formatScore(row.score) : 'not on board'];
}

/** The widest cell per list column, measured once per list. */
export function listWidest(rows: readonly BaseModelRow[]): string[] {
  const widths = LIST_COLUMNS.map(() => 0);
  for (const row of rows) listCells(row).forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cellWidth(String(cell ?? '')))));
  widths[0] = 200;
  return widths.map((w) => 'x'.repeat(w));
}

/** The bases whose id contains the find text (case-insensitive; '' keeps all). */
export function findBases(rows: readonly BaseModelRow[], find: string): BaseModelRow[] {
  const text = find.trim().toLowerCase();
  return text === '' ? [...rows] : rows.filter((r) => r.key.includes(text) || r.repo.toLowerCase().includes(text));
}
