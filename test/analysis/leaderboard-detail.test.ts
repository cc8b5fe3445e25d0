// analyses.md §5 detail view: every field, base-model chain up, derivatives down with counts
// per relation, commit activity with system accounts and bots removed.
import { describe, expect, it } from 'vitest';
import { buildLeaderboard } from '../../source/analysis/leaderboard.js';
import { modelDetail } from '../../source/analysis/leaderboard-detail.js';
import { buildDataset } from './build-dataset.js';

// base/root ← mid/ft (finetune) ← leaf/a (quantized), leaf/b (merge, flagged), leaf/c (adapter,
// and its child leaf/d); mid/ft has two entries (precisions).
const dataset = buildDataset({
  entries: [
    { repo: 'base/root', type: 'pretrained', score: 40 },
    { repo: 'Mid/FT', score: 55 },
    { repo: 'mid/ft', score: 57, submissionDate: '2024-02-02' },
    { repo: 'leaf/a', score: 50 },
    { repo: 'leaf/b', score: 70, flagged: true },
    { repo: 'leaf/c', score: null },
    { repo: 'leaf/d', score: 60 },
  ],
  info: {
    'mid/ft': { tags: ['base_model:finetune:base/root'], created: '2024-01-01' },
    'leaf/a': { tags: ['base_model:quantized:mid/ft'] },
    'leaf/b': { tags: ['base_model:merge:mid/ft'] },
    'leaf/c': { tags: ['base_model:adapter:mid/ft'] },
    'leaf/d': { bases: ['leaf/c'] },
  },
  activity: {
    'mid/ft': { authors: ['kim', 'system', 'leaderboard-pr-bot', 'DeployBot'], first: '2024-01-01', last: '2024-03-01', commits: 12 },
  },
  activityStatus: { 'leaf/a': 'gone' },
});
const table = buildLeaderboard(dataset);

describe('modelDetail', () => {
  it('shows the kept entry, every entry of the repo, and its Hub info', () => {
    const detail = modelDetail(dataset, table, 'MID/ft')!;
    expect(detail.row.index).toBe(2);
    expect(detail.model.entry.score).toBe(57);
    expect(detail.entries.map((e) => [e.repo, e.score])).toEqual([
      ['Mid/FT', 55],
      ['mid/ft', 57],
    ]);
    expect(detail.info?.createdAt).toBe('2024-01-01T12:00:00.000Z');
  });

  it('walks the chain up and counts derivatives down by relation (flagged hidden)', () => {
    const detail = modelDetail(dataset, table, 'leaf/d')!;
    expect(detail.ancestors.map((a) => [a.repo, a.depth, a.relation, a.cycle])).toEqual([
      ['leaf/c', 1, 'unknown', false],
      ['mid/ft', 2, 'adapter', false],
      ['base/root', 3, 'finetune', false],
    ]);
    const mid = modelDetail(dataset, table, 'mid/ft')!;
    expect(mid.derivatives.byRelation).toEqual({ finetune: 0, adapter: 1, merge: 0, quantized: 1, unknown: 0 });
    // best score first, nulls last
    expect(mid.derivatives.children.map((c) => [c.repo, c.score])).toEqual([
      ['leaf/a', 50],
      ['leaf/c', null],
    ]);
    expect(mid.derivatives.total).toBe(3); // leaf/a, leaf/c, leaf/d
  });

  it('counts the flagged derivative with the toggle', () => {
    const mid = modelDetail(dataset, table, 'mid/ft', { includeFlagged: true })!;
    expect(mid.derivatives.byRelation.merge).toBe(1);
    expect(mid.derivatives.total).toBe(4);
    expect(mid.derivatives.children[0]).toMatchObject({ repo: 'leaf/b', score: 70, inView: true });
  });

  it('opens a flagged model with its own lineage while flagged rows are hidden', () => {
    const flagged = modelDetail(dataset, table, 'leaf/b')!;
    expect(flagged.row.flagged).toBe(true);
    expect(flagged.ancestors.map((a) => a.repo)).toEqual(['mid/ft', 'base/root']);
    expect(flagged.descendsFromMerge).toBe(true);
  });

  it('gives commit activity with system accounts and bots removed', () => {
    expect(modelDetail(dataset, table, 'mid/ft')!.activity).toEqual({
      status: 'ok',
      commits: 12,
      firstCommit: '2024-01-01T12:00:00.000Z',
      lastCommit: '2024-03-01T12:00:00.000Z',
      authors: ['kim'],
      removed: ['system', 'leaderboard-pr-bot', 'DeployBot'],
    });
    expect(modelDetail(dataset, table, 'leaf/a')!.activity).toMatchObject({ status: 'gone', commits: null, authors: [] });
    expect(modelDetail(dataset, table, 'leaf/c')!.activity.status).toBe('not fetched');
  });

  it('says whether a model descends from a merge', () => {
    expect(modelDetail(dataset, table, 'leaf/d')!.descendsFromMerge).toBe(false);
  });

  it('returns null for a repo not on the table', () => {
    expect(modelDetail(dataset, table, 'nobody/none')).toBeNull();
  });
});
