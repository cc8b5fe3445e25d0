// The Lineage screen's rows: the base-model list (analyses.md §2, Fig. 6) and the derivative
// tree of one base as the rows shown under the expanded nodes, with branch shapes (├─ └─),
// relation, type, score, date, params and child count (+N when collapsed). Each defines its
// columns once on the table model (render/table-model.ts) and the widths measured once per
// list or tree (so columns stay put while scrolling): the screen and `print lineage` draw
// the same lines from them (the tree drawn once). Pure.
import type { BaseModelRow, DerivativeNode } from '../analysis/base-models.js';
import { formatInteger, formatParams, formatScore } from '../render/format-number.js';
import { measureColumns, type Column } from '../render/table-model.js';

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
export function visibleRows(root: DerivativeNode, expanded: ReadonlySet<string>, limit = Number.POSITIVE_INFINITY): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: Array<{ node: DerivativeNode; up: number | null; indent: string; last: boolean }> = [{ node: root, up: null, indent: '', last: true }];
  while (stack.length > 0 && rows.length < limit) {
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

/** The widest cell per column, measured once per tree or list (so columns stay put while
 *  scrolling and expanding, and print lays it out as the screen does). */
export interface TreeTable {
  columns: Column<TreeRow>[];
  widths: number[];
  /** Relations are stated somewhere in the tree (v1 metadata states none: no column). */
  relations: boolean;
}

/** The tree's columns (defined once: the screen and `print lineage` draw them). */
export function treeColumns(relations: boolean): Column<TreeRow>[] {
  const kids = (row: TreeRow): string => {
    const n = row.node.children.length;
    return n === 0 ? '–' : row.open ? formatInteger(n) : `+${formatInteger(n)}`;
  };
  return [
    { id: 'model', title: 'Model', align: 'left', width: { kind: 'fill', min: 20, share: 0.3 }, keep: true, text: (r) => r.prefix + r.node.repo, value: (r) => r.node.repo },
    ...(relations ? [{ id: 'relation', title: 'Relation', align: 'left' as const, width: { kind: 'natural' as const }, text: (r: TreeRow) => r.node.relation ?? 'base' }] : []),
    { id: 'type', title: 'Type', align: 'left', width: { kind: 'natural', max: 10 }, text: (r) => (r.node.inView ? r.node.type ?? '' : 'off board') },
    { id: 'score', title: 'Score', align: 'right', width: { kind: 'natural' }, text: (r) => (r.node.score === null ? '–' : formatScore(r.node.score)), value: (r) => r.node.score },
    { id: 'created', title: 'Created', align: 'left', width: { kind: 'natural' }, text: (r) => dayText(r.node), value: (r) => r.node.day },
    { id: 'params', title: 'Params', align: 'right', width: { kind: 'natural' }, text: (r) => (r.node.inView ? formatParams(r.node.params) : '–'), value: (r) => r.node.params },
    { id: 'kids', title: 'Kids', align: 'right', width: { kind: 'natural' }, text: kids, value: (r) => r.node.children.length },
  ];
}

/** Columns and widths of a tree, measured over all its nodes once, each id as deep as it
 *  sits (its branch characters: 3 columns a level). */
export function treeTable(root: DerivativeNode): TreeTable {
  const nodes = allNodes(root);
  const relations = nodes.some((n) => n.relation !== null && n.relation !== 'unknown');
  const columns = treeColumns(relations);
  const rows = nodes.map((node): TreeRow => ({ node, prefix: '   '.repeat(node.depth), open: node.children.length > 0, up: null }));
  return { columns, widths: measureColumns(columns, rows), relations };
}

/** Every row of the tree, each node expanded (print draws these, the first `limit`). */
export function expandedRows(root: DerivativeNode, limit = Number.POSITIVE_INFINITY): TreeRow[] {
  const all = new Set(allNodes(root).filter((n) => n.children.length > 0).map((n) => n.key));
  return visibleRows(root, all, limit);
}

/** One tree row's cells as drawn. */
export function treeCells(row: TreeRow, relations: boolean): string[] {
  return treeColumns(relations).map((c) => c.text(row));
}

/** The base-model list's columns (the screen's list and `print lineage`). */
export const LIST_COLUMNS: Column<BaseModelRow>[] = [
  { id: 'base', title: 'Base model', align: 'left', width: { kind: 'fill', min: 24, share: 0.3 }, keep: true, text: (r) => r.repo },
  { id: 'family', title: 'Family', align: 'left', width: { kind: 'natural', max: 10 }, text: (r) => r.family },
  { id: 'declaring', title: 'Declaring', align: 'right', width: { kind: 'natural' }, text: (r) => formatInteger(r.count), value: (r) => r.count },
  { id: 'descendants', title: 'Descendants', align: 'right', width: { kind: 'natural' }, text: (r) => formatInteger(r.descendants), value: (r) => r.descendants },
  { id: 'score', title: 'Own score', align: 'right', width: { kind: 'natural' }, text: (r) => (r.onLeaderboard ? formatScore(r.score) : 'not on board'), value: (r) => r.score },
];

/** One base model's cells in the list. */
export function listCells(row: BaseModelRow): string[] {
  return LIST_COLUMNS.map((c) => c.text(row));
}

/** The widest cell per list column, measured once per list. */
export function listWidths(rows: readonly BaseModelRow[]): number[] {
  return measureColumns(LIST_COLUMNS, rows);
}

/** The bases whose id contains the find text (case-insensitive; '' keeps all). */
export function findBases(rows: readonly BaseModelRow[], find: string): BaseModelRow[] {
  const text = find.trim().toLowerCase();
  return text === '' ? [...rows] : rows.filter((r) => r.key.includes(text) || r.repo.toLowerCase().includes(text));
}
