// The Lineage screen's reducer and rows, without Ink.
import { describe, expect, it } from 'vitest';
import { INITIAL_LINEAGE, lineageReducer as reduce, restoredLineage, type LineageState, type NodeInfo } from '../../source/app/state/lineage-state.js';
import { findBases, listCells, treeCells, treeTable, visibleRows } from '../../source/views/lineage-tree.js';
import { baseModels, derivativesOf } from '../../source/analysis/base-models.js';
import { baseListView, treeView } from '../../source/views/lineage-screen-view.js';
import { writeMarkdown } from '../../source/views/write-markdown.js';
import { buildDataset } from '../analysis/build-dataset.js';

const node = (patch: Partial<NodeInfo>): NodeInfo => ({ key: 'a/b', parent: true, open: false, up: 0, ...patch });
const inTree = (patch: Partial<NonNullable<LineageState['tree']>> = {}): LineageState =>
  ({ ...INITIAL_LINEAGE, tree: { base: 'Base/Root', cursor: 2, offset: 0, expanded: new Set(['base/root']), ...patch } });

describe('lineage reducer: the list', () => {
  it('moves in the list, from where it is drawn when the list shrank', () => {
    let s = reduce(INITIAL_LINEAGE, { type: 'list-move', command: 'page-down', count: 50, room: 10 });
    expect(s.list).toEqual({ cursor: 10, offset: 1 });
    s = reduce({ ...s, list: { cursor: 40, offset: 35 } }, { type: 'list-move', command: 'up', count: 5, room: 10 });
    expect(s.list).toEqual({ cursor: 3, offset: 0 });
  });

  it('finds as you type; Enter keeps it, Esc puts back the find from before, Esc on the list clears', () => {
    let s = reduce({ ...INITIAL_LINEAGE, list: { cursor: 4, offset: 0 } }, { type: 'find-open' });
    expect(s.finding).toEqual({ before: '' });
    s = reduce(s, { type: 'find-edit', text: 'mistral' });
    expect([s.find, s.list.cursor]).toEqual(['mistral', 0]);
    expect(reduce(s, { type: 'find-keep' })).toMatchObject({ find: 'mistral', finding: null });
    expect(reduce(s, { type: 'find-cancel' })).toMatchObject({ find: '', finding: null });
    const kept = reduce(s, { type: 'find-keep' });
    expect(reduce(kept, { type: 'find-clear' }).find).toBe('');
    expect(reduce(INITIAL_LINEAGE, { type: 'find-edit', text: 'x' })).toBe(INITIAL_LINEAGE);
    expect(reduce(INITIAL_LINEAGE, { type: 'find-clear' })).toBe(INITIAL_LINEAGE);
  });
});

describe('lineage reducer: the tree', () => {
  it('opens a base with its root expanded (first level shown), moves, closes back to the list', () => {
    let s = reduce({ ...INITIAL_LINEAGE, list: { cursor: 3, offset: 0 } }, { type: 'tree-open', base: 'Base/Root', root: 'base/root' });
    expect(s.tree).toMatchObject({ base: 'Base/Root', cursor: 0, offset: 0 });
    expect([...s.tree!.expanded]).toEqual(['base/root']);
    s = reduce(s, { type: 'tree-move', command: 'down', count: 3, room: 10 });
    expect(s.tree!.cursor).toBe(1);
    s = reduce(s, { type: 'tree-close' });
    expect(s.tree).toBeNull();
    expect(s.list.cursor).toBe(3);
    expect(reduce(s, { type: 'tree-move', command: 'down', count: 3, room: 10 })).toBe(s);
  });

  it('expands a collapsed parent, not a leaf nor an open node', () => {
    const s = reduce(inTree(), { type: 'expand', node: node({}) });
    expect(s.tree!.expanded.has('a/b')).toBe(true);
    expect(reduce(inTree(), { type: 'expand', node: node({ parent: false }) }).tree!.expanded.has('a/b')).toBe(false);
    const open = inTree({ expanded: new Set(['base/root', 'a/b']) });
    expect(reduce(open, { type: 'expand', node: node({ open: true }) })).toBe(open);
  });

  it('collapses an open node; on a leaf or a collapsed node, goes to its parent', () => {
    const open = inTree({ expanded: new Set(['base/root', 'a/b']) });
    expect(reduce(open, { type: 'collapse', node: node({ open: true }) }).tree!.expanded.has('a/b')).toBe(false);
    expect(reduce(inTree(), { type: 'collapse', node: node({ parent: false, up: 1 }) }).tree!.cursor).toBe(1);
    expect(reduce(inTree(), { type: 'collapse', node: node({ up: 0 }) }).tree!.cursor).toBe(0);
    const root = inTree({ cursor: 0 });
    expect(reduce(root, { type: 'collapse', node: node({ parent: false, up: null }) })).toBe(root);
  });

  it('toggles with Enter', () => {
    let s = reduce(inTree(), { type: 'toggle', node: node({}) });
    expect(s.tree!.expanded.has('a/b')).toBe(true);
    s = reduce(s, { type: 'toggle', node: node({ open: true }) });
    expect(s.tree!.expanded.has('a/b')).toBe(false);
    expect(reduce(s, { type: 'toggle', node: node({ parent: false }) })).toBe(s);
  });

  it('comes back with the finder closed', () => {
    expect(restoredLineage({ ...INITIAL_LINEAGE, find: 'x', finding: { before: '' } })).toMatchObject({ find: 'x', finding: null });
  });
});

// base/root ← mid/ft (finetune) ← leaf/a (quantized), leaf/c (adapter) ← leaf/d; other/x ← base/root
const dataset = buildDataset({
  entries: [
    { repo: 'base/root', type: 'pretrained', score: 40 },
    { repo: 'mid/ft', type: 'chat', score: 57 },
    { repo: 'leaf/a', score: 50 },
    { repo: 'leaf/c', score: null },
    { repo: 'leaf/d', score: 60, params: 13 },
    { repo: 'other/x', score: 44 },
  ],
  info: {
    'mid/ft': { tags: ['base_model:finetune:base/root'], created: '2024-01-01' },
    'leaf/a': { tags: ['base_model:quantized:mid/ft'] },
    'leaf/c': { tags: ['base_model:adapter:mid/ft'] },
    'leaf/d': { bases: ['leaf/c'] },
    'other/x': { bases: ['base/root'] },
  },
});

describe('lineage rows', () => {
  const tree = derivativesOf(dataset, 'base/root');

  it('shows the rows under the expanded nodes with their branches and parents', () => {
    const rows = visibleRows(tree.root, new Set(['base/root']));
    expect(rows.map((r) => r.prefix + r.node.repo)).toEqual(['base/root', '├─ mid/ft', '└─ other/x']);
    expect(rows.map((r) => [r.open, r.up])).toEqual([[true, null], [false, 0], [false, 0]]);
    const deeper = visibleRows(tree.root, new Set(['base/root', 'mid/ft', 'leaf/c']));
    expect(deeper.map((r) => r.prefix + r.node.repo)).toEqual([
      'base/root',
      '├─ mid/ft',
      '│  ├─ leaf/c',
      '│  │  └─ leaf/d',
      '│  └─ leaf/a',
      '└─ other/x',
    ]);
    expect(deeper.map((r) => r.up)).toEqual([null, 0, 1, 2, 1, 0]);
  });

  it('gives each row relation, type, score, date, params and +N children when collapsed', () => {
    const table = treeTable(tree.root);
    expect(table.relations).toBe(true);
    expect(table.columns.map((c) => c.title)).toEqual(['Model', 'Relation', 'Type', 'Score', 'Created', 'Params', 'Kids']);
    const rows = visibleRows(tree.root, new Set(['base/root']));
    expect(treeCells(rows[0]!, true)).toEqual(['base/root', 'base', 'pretrained', '40.00', '–', '7 B', '2']);
    expect(treeCells(rows[1]!, true)).toEqual(['├─ mid/ft', 'finetune', 'chat', '57.00', '2024-01-01', '7 B', '+2']);
    expect(treeCells(rows[2]!, true)).toEqual(['└─ other/x', 'unknown', 'fine-tuned', '44.00', '–', '7 B', '–']);
  });

  it('lists base models most declared first and narrows them by id', () => {
    const bases = baseModels(dataset, { top: Number.POSITIVE_INFINITY });
    expect(bases.top.map((b) => b.repo)).toEqual(['base/root', 'mid/ft', 'leaf/c']);
    expect(listCells(bases.top[0]!)).toEqual(['base/root', 'LLaMA', '2', '5', '40.00']);
    expect(findBases(bases.top, ' LEAF ').map((b) => b.repo)).toEqual(['leaf/c']);
    expect(findBases(bases.top, '')).toHaveLength(3);
  });
});

describe('lineage views for copy and export', () => {
  it('the list as narrowed, and the tree as expanded on screen', () => {
    const bases = baseModels(dataset, { top: Number.POSITIVE_INFINITY });
    const list = baseListView(bases, findBases(bases.top, 'leaf'), 'leaf');
    expect(list.summary).toBe('1 of 3 base models · find “leaf”');
    expect(writeMarkdown(list, dataset)).toContain('| leaf/c | LLaMA | 1 | 1 | – |');
    const tree = derivativesOf(dataset, 'base/root');
    const rows = visibleRows(tree.root, new Set(['base/root', 'mid/ft']));
    const view = treeView(tree, rows, treeTable(tree.root));
    expect(view.summary).toBe('base base/root · 5 derivatives · 5 rows expanded');
    const markdown = writeMarkdown(view, dataset);
    expect(markdown).toContain('| ├─ mid/ft | finetune | chat | 57.00 | 2024-01-01 | 7 B | 2 |');
    expect(markdown).toContain('| │  └─ leaf/a | quantized |');
    expect(markdown).toContain('by relation');
  });
});
