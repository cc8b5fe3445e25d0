// analyses.md §0 "Entry" (dedup) and "Flagged": which entries an analysis looks at.
import { describe, expect, it } from 'vitest';
import { dedupEntries, selectModels, selectionNotes } from '../../source/analysis/select.js';
import { joinAll } from '../../source/data/join.js';
import { buildDataset } from './build-dataset.js';

const repos = (dataset: ReturnType<typeof buildDataset>, options = {}) =>
  selectModels(dataset, options).models.map((m) => `${m.entry.repo}#${m.entry.index}`);

describe('selectModels: dedup (§0)', () => {
  it('keeps the entry with the highest average score per repository', () => {
    const dataset = buildDataset({
      entries: [
        { repo: 'org/a', score: 50 },
        { repo: 'org/a', score: 61 },
        { repo: 'org/a', score: 60 },
      ],
    });
    expect(repos(dataset)).toEqual(['org/a#1']);
    expect(selectModels(dataset).excluded).toEqual({ flagged: 0, duplicates: 2 });
  });

  it('breaks a score tie by the later submission', () => {
    const dataset = buildDataset({
      entries: [
        { repo: 'org/a', score: 55, submissionDate: '2024-03-01' },
        { repo: 'org/a', score: 55, submissionDate: '2024-04-01' },
        { repo: 'org/a', score: 55, submissionDate: '2024-02-01' },
      ],
    });
    expect(repos(dataset)).toEqual(['org/a#1']);
  });

  it('breaks a score and submission tie by the first in source order', () => {
    const dataset = buildDataset({
      entries: [
        { repo: 'org/b', score: 40 },
        { repo: 'org/a', score: 55, submissionDate: '2024-03-01' },
        { repo: 'org/a', score: 55, submissionDate: '2024-03-01' },
      ],
    });
    expect(repos(dataset)).toEqual(['org/b#0', 'org/a#1']);
  });

  it('compares repository ids case-insensitively and keeps the kept entry’s spelling', () => {
    const dataset = buildDataset({ entries: [{ repo: 'Org/Model', score: 40 }, { repo: 'org/model', score: 45 }] });
    expect(repos(dataset)).toEqual(['org/model#1']);
  });

  it('prefers any score to a missing one', () => {
    const dataset = buildDataset({ entries: [{ repo: 'org/a', score: null }, { repo: 'org/a', score: 1 }] });
    expect(repos(dataset)).toEqual(['org/a#1']);
  });

  it('keeps every entry when dedup is off, in source order', () => {
    const dataset = buildDataset({ entries: [{ repo: 'org/a', score: 1 }, { repo: 'org/b' }, { repo: 'org/a', score: 2 }] });
    expect(repos(dataset, { dedup: false })).toEqual(['org/a#0', 'org/b#1', 'org/a#2']);
  });

  it('returns kept entries in source order whatever wins', () => {
    const entries = [
      { repo: 'x/1', score: 10 },
      { repo: 'x/2', score: 20 },
      { repo: 'x/1', score: 30 },
    ];
    expect(dedupEntries(buildDataset({ entries }).entries).map((e) => e.index)).toEqual([1, 2]);
  });
});

describe('selectModels: flagged (§0)', () => {
  const dataset = buildDataset({
    entries: [
      { repo: 'org/a', score: 50 },
      { repo: 'org/a', score: 70, flagged: true },
      { repo: 'org/b', score: 10, flagged: true },
    ],
  });

  it('dedups first, then leaves out a repository whose kept entry is flagged (the paper\'s order)', () => {
    // org/a keeps its best entry (70, flagged): the repository is out, its unflagged 50 does not stand in
    expect(repos(dataset)).toEqual([]);
    expect(selectModels(dataset).excluded).toEqual({ flagged: 2, duplicates: 1 });
  });

  it('keeps a repository whose flagged entry lost the dedup', () => {
    const ds = buildDataset({ entries: [{ repo: 'org/a', score: 40, flagged: true }, { repo: 'org/a', score: 60 }, { repo: 'org/c', score: 5 }] });
    expect(repos(ds)).toEqual(['org/a#1', 'org/c#2']);
    expect(selectModels(ds).excluded).toEqual({ flagged: 0, duplicates: 1 });
  });

  it('without dedup, leaves out each flagged entry', () => {
    expect(repos(dataset, { dedup: false })).toEqual(['org/a#0']);
    expect(selectModels(dataset, { dedup: false }).excluded).toEqual({ flagged: 2, duplicates: 0 });
  });

  it('brings them back with the toggle', () => {
    expect(repos(dataset, { includeFlagged: true })).toEqual(['org/a#1', 'org/b#2']);
    expect(selectModels(dataset, { includeFlagged: true }).excluded).toEqual({ flagged: 0, duplicates: 1 });
  });
});

describe('one Model per entry', () => {
  it('is shared by every selection of a dataset and by joinAll (the leaderboard table)', () => {
    const dataset = buildDataset({ entries: [{ repo: 'org/a', score: 50 }, { repo: 'org/a', score: 61 }, { repo: 'org/b', score: 40 }] });
    const kept = selectModels(dataset).models;
    const all = selectModels(dataset, { dedup: false, includeFlagged: true }).models;
    const joined = joinAll(dataset);
    expect(kept.map((m) => m.entry.index)).toEqual([1, 2]);
    expect(kept[0]).toBe(all[1]);
    expect(kept[0]).toBe(joined[1]);
  });
});

describe('selectModels on an empty dataset', () => {
  it('selects nothing and excludes nothing', () => {
    const result = selectModels(buildDataset({ entries: [] }));
    expect(result.models).toEqual([]);
    expect(result.excluded).toEqual({ flagged: 0, duplicates: 0 });
    expect(selectionNotes(result.excluded)).toEqual([]);
  });
});

describe('selectionNotes', () => {
  it('says what was left out, only for non-zero counts', () => {
    const notes = selectionNotes({ flagged: 3, duplicates: 0 });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ count: 3 });
    expect(notes[0]!.text).toMatch(/flagged/);
  });
});
