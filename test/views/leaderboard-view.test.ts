// The Leaderboard view (analyses.md §5) on the hand-built sample: N of M, top N rows, sort by
// id or title, filters, merges hidden by default; CSV and JSON carry every matching row.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_OPTIONS, type ViewOptions } from '../../source/views/view.js';
import { leaderboardTable, leaderboardView, resolveSortColumn } from '../../source/views/leaderboard-view.js';
import { writeText } from '../../source/views/write-text.js';
import { sampleDataset } from './sample-dataset.js';

const dataset = sampleDataset();
const build = (options: Partial<ViewOptions> = {}) => leaderboardView(dataset, { ...DEFAULT_VIEW_OPTIONS, ...options });

describe('leaderboard view', () => {
  it('is built once per dataset', () => {
    expect(leaderboardTable(dataset)).toBe(leaderboardTable(dataset));
  });

  it('best first, the merge hidden, top N rows shown and every row in CSV', () => {
    const view = build({ top: 3 });
    // 15 models, heidi/merged-mistral-7b is a merge: 14 of 14
    expect(view.summary).toMatch(/^14 of 14 entries · sorted by Average ▼/);
    const table = view.blocks.find((b) => b.kind === 'grid')!;
    expect(table.kind === 'grid' && table.grid.rows.map((r: { repo: string }) => r.repo)).toEqual(['ivan/big-model-120b', 'frank/mixtral-8x7b-dpo', 'carol/mistral-7b-best']);
    expect(view.csv!.rows).toHaveLength(14);
    expect((view.data as { rows: unknown[] }).rows).toHaveLength(14);
    expect(build({ showMerges: true }).summary).toMatch(/^15 of 15 entries/);
  });

  it('sort columns by id, title or benchmark name; ascending with --asc', () => {
    const table = leaderboardTable(dataset);
    expect(resolveSortColumn(table, 'Average')).toBe('score');
    expect(resolveSortColumn(table, 'ARC')).toBe('bench:ARC');
    expect(resolveSortColumn(table, 'params')).toBe('params');
    expect(resolveSortColumn(table, 'nope')).toBeNull();
    const view = build({ sort: 'params', descending: false, top: 2 });
    expect(view.csv!.rows.slice(0, 2).map((r) => r[1])).toEqual(['microsoft/phi-2', 'grace/phi-2-orange']);
    expect(view.summary).toContain('sorted by Params (B) ▲');
  });

  it('search, type and params filters: N of M', () => {
    const view = build({ search: 'llama', types: ['chat'], maxParams: 10 });
    expect(view.csv!.rows.map((r) => r[1])).toEqual(['erin/llama-2-7b-chat-x']);
    expect(view.summary).toMatch(/^1 of 14 entries .* search “llama”/);
  });

  it('fits 60 columns, naming the columns left out', () => {
    const lines = writeText(build(), { width: 60, color: false });
    expect(lines.some((l) => l.startsWith('(too narrow for: '))).toBe(true);
    expect(lines[lines.findIndex((l) => /^ {2}─+/.test(l)) + 1]).toMatch(/^ {2}ivan\/big-model-120b/);
  });
});
