// The Leaderboard screen's table pieces without Ink: columns and cells, widths measured once,
// the run of columns around the selected one, the window's lines; the filter panel's items;
// the views handed to copy/export (the query's rows, one model's detail).
import { describe, expect, it } from 'vitest';
import { buildLeaderboard } from '../../source/analysis/leaderboard.js';
import { queryLeaderboard } from '../../source/analysis/leaderboard-query.js';
import { modelDetail } from '../../source/analysis/leaderboard-detail.js';
import { columnWidths, columnWindow, screenColumns, tableFrame } from '../../source/views/leaderboard-columns.js';
import { filtersSummary, itemText, panelItems } from '../../source/views/leaderboard-filters.js';
import { DEFAULT_FILTERS } from '../../source/app/state/leaderboard-state.js';
import { queryView } from '../../source/views/leaderboard-query-view.js';
import { modelDetailView } from '../../source/views/model-detail-view.js';
import { displayWidth } from '../../source/render/text-width.js';
import { writeText } from '../../source/views/write-text.js';
import { writeMarkdown } from '../../source/views/write-markdown.js';
import { buildDataset, FLOOR } from '../analysis/build-dataset.js';

const dataset = buildDataset({
  entries: [
    { repo: 'base/root', type: 'pretrained', score: 40, params: 70, benchmarks: { ARC: 61.5 } },
    { repo: 'mid/ft', type: 'chat', score: 57, architecture: 'MistralForCausalLM' },
    { repo: 'Qwen/通义千问-7B', type: 'chat', score: 61, architecture: 'Qwen2ForCausalLM' },
    { repo: 'leaf/a', score: 50, params: 0.5 },
    { repo: 'old/one', score: 30 },
  ],
  info: {
    'mid/ft': { tags: ['base_model:finetune:base/root'], created: '2024-01-01', downloads: 123_456, likes: 12 },
    'leaf/a': { tags: ['base_model:quantized:mid/ft'] },
    'old/one': { created: FLOOR },
  },
  activity: { 'mid/ft': { authors: ['kim', 'system', 'DeployBot'], first: '2024-01-01', last: '2024-03-01', commits: 12 } },
});
const table = buildLeaderboard(dataset);
const columns = screenColumns(table);

describe('leaderboard screen columns', () => {
  it('lists every column of §5 in order with the cells the screen draws', () => {
    expect(columns.map((c) => c.id)).toEqual([
      'repo', 'type', 'family', 'params', 'score',
      'bench:ARC', 'bench:HellaSwag', 'bench:MMLU', 'bench:TruthfulQA', 'bench:Winogrande', 'bench:GSM8K',
      'likes', 'downloads', 'created', 'base',
    ]);
    const cells = (repo: string) => columns.map((c) => c.cell(table.rows.find((r) => r.repo === repo)!));
    expect(cells('mid/ft')).toEqual(['mid/ft', 'chat', 'Mistral', '7 B', '57.00', '–', '–', '–', '–', '–', '–', '12', '123k', '2024-01-01', 'base/root']);
    expect(cells('base/root').slice(3, 6)).toEqual(['70 B', '40.00', '61.50']);
    expect(cells('old/one')[13]).toBe('≤2022-03-02');
    expect(cells('leaf/a')[3]).toBe('0.5 B');
  });

  it('measures each column once: the widest cell by display width, room for "[Title] ▼", capped', () => {
    const widths = columnWidths(table, columns);
    expect(widths[0]).toBe(displayWidth('Qwen/通义千问-7B')); // 16 columns, not 13 characters
    expect(widths[4]).toBe('[Average] ▼'.length);
    expect(widths[13]).toBe(11); // ≤2022-03-02
    expect(columnWidths(table, columns)).toBe(widths);
  });

  it('shows the columns from the first when the selected one fits, else a run ending at it', () => {
    const widths = [30, 10, 10, 10, 10, 10, 10];
    // 60 columns: gutter 2, repo at least 24, room for 34: two columns of 10 + gap
    expect(columnWindow(widths, 0, 60)).toEqual([0, 1, 2]);
    expect(columnWindow(widths, 2, 60)).toEqual([0, 1, 2]);
    expect(columnWindow(widths, 5, 60)).toEqual([0, 4, 5]);
    expect(columnWindow(widths, 6, 60)).toEqual([0, 5, 6]);
    expect(columnWindow(widths, 6, 200)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('draws one window: header with the selection and sort marker, a › row, lines of one width', () => {
    const result = queryLeaderboard(table);
    const widths = columnWidths(table, columns);
    for (const width of [80, 100]) {
      const frame = tableFrame(columns, widths, result.window(0, 3), { width, color: false, selected: 4, sort: result.query.sort, cursor: 1 });
      expect(frame.lines).toHaveLength(5);
      expect(frame.lines[0]).toContain('[Average] ▼');
      expect(frame.lines[2]).toMatch(/^ {2}Qwen\/通义千问-7B/);
      expect(frame.lines[3]).toMatch(/^› mid\/ft/);
      const lineWidths = new Set(frame.lines.map(displayWidth));
      expect(lineWidths.size).toBe(1);
      expect([...lineWidths][0]).toBeLessThanOrEqual(width);
      expect(frame.shown[0]).toBe('repo');
      expect(frame.left + frame.shown.length - 1 + frame.right).toBe(columns.length - 1);
    }
    const right = tableFrame(columns, widths, result.window(0, 3), { width: 80, color: false, selected: 14, sort: result.query.sort, cursor: 0 });
    expect(right.shown.at(-1)).toBe('base');
    expect(right.lines[0]).toContain('[Base model]');
    expect(right.left).toBeGreaterThan(0);
  });
});

describe('filter panel items', () => {
  it('lists toggles, types, sizes, fields, the table families and clear, each with its state', () => {
    const items = panelItems(table);
    expect(items[0]).toEqual({ kind: 'toggle', id: 'showMerges' });
    expect(items.filter((i) => i.kind === 'family').map((i) => (i as { value: string }).value)).toEqual(['LLaMA', 'Mistral', 'Qwen2']);
    expect(items.at(-1)).toEqual({ kind: 'clear' });
    const panel = { cursor: 0, editing: null, error: null };
    const filters = { ...DEFAULT_FILTERS, showMerges: true, params: { min: 3, max: null } };
    expect(itemText(items[0]!, filters, panel)).toMatch(/^\[x\] show merges/);
    expect(itemText({ kind: 'toggle', id: 'includeFlagged' }, filters, panel)).toMatch(/^\[ \] show flagged/);
    expect(itemText({ kind: 'field', id: 'params-min' }, filters, panel)).toContain('params min (B): 3');
    expect(itemText({ kind: 'field', id: 'params-max' }, filters, panel)).toContain('params max (B): any');
    expect(itemText({ kind: 'field', id: 'params-max' }, filters, { ...panel, editing: { field: 'params-max', text: '6' } })).toContain('params max (B): 6█');
    expect(filtersSummary(DEFAULT_FILTERS)).toBe('');
    expect(filtersSummary({ ...filters, types: ['chat'], sizes: ['65-plus'] })).toBe('merges shown · type chat · size 65 B+ · params 3–… B');
  });
});

describe('views for copy and export', () => {
  it('the query: "N of M", the sort and search in the summary, every column', () => {
    const result = queryLeaderboard(table, { search: '@type:chat' });
    const view = queryView(table, result, columns, DEFAULT_FILTERS);
    expect(view.summary).toBe('2 of 5 shown · sorted by Average ▼ · search “@type:chat”');
    const block = view.blocks.find((b) => b.kind === 'table')!;
    expect(block.kind === 'table' && block.rows.map((r) => r[1])).toEqual(['Qwen/通义千问-7B', 'mid/ft']);
    expect(block.kind === 'table' && block.columns).toHaveLength(16);
    expect(writeMarkdown(view, dataset)).toContain('| 1 | Qwen/通义千问-7B | chat |');
  });

  it('the whole filtered table, not a first page: every row the search and filters leave', () => {
    // 5,000 models, every third a chat model: the search leaves 1,667 of them
    const n = 5000;
    const many = buildLeaderboard(buildDataset({ entries: Array.from({ length: n }, (_, i) => ({ repo: `o/m${i}`, type: i % 3 === 0 ? 'chat' : 'fine-tuned', score: i % 100 })) }));
    const result = queryLeaderboard(many, { search: '@type:chat' });
    const chats = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 === 0).length;
    expect(result.shown).toBe(chats);
    const big = queryView(many, result, screenColumns(many), DEFAULT_FILTERS);
    expect(big.summary).toMatch(/^1,667 of 5,000 shown · sorted by Average ▼ · search “@type:chat”$/);
    const rows = big.blocks.find((b) => b.kind === 'table');
    expect(rows?.kind === 'table' && rows.rows).toHaveLength(chats);
    const markdown = writeMarkdown(big, dataset).split('\n');
    const tableLines = markdown.filter((l) => /^\| [\d,]+ \| o\/m\d+ \|/.test(l));
    expect(tableLines).toHaveLength(chats);
    expect(tableLines.at(-1)).toMatch(/^\| 1,667 \| /); // ranked to the last row
  });

  it("a model's detail: every field, the chain up, derivatives by relation, commit activity", () => {
    const view = modelDetailView(modelDetail(dataset, table, 'mid/ft')!);
    expect(view.summary).toBe('mid/ft · chat · score 57.00 · 1 up · 1 down (quantized 1)');
    const text = writeText(view, { width: 100, color: false }).join('\n');
    for (const expected of [
      'Leaderboard entry', 'architecture           Mistral (MistralForCausalLM)', 'Hub',
      'Base-model chain up (1 step)', 'base/root', 'finetune', 'Derivatives down: 1 direct, 1 in all', 'leaf/a', 'quantized',
      'Commit activity', 'commits', '12', 'first commit', '2024-01-01', 'last commit', '2024-03-01', 'authors', '1: kim',
      'system, DeployBot',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/downloads\s+123,456/);
    expect(text).toMatch(/quantized\s+1/);
    expect(text).toMatch(/finetune\s+0/);
  });
});
