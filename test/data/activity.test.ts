import { describe, expect, it } from 'vitest';
import { ActivityBuilder } from '../../source/data/normalise-info.js';
import { DataError } from '../../source/data/errors.js';

const commit = (date: string | null, ...users: string[]) => ({
  id: 'c',
  title: 't',
  date,
  authors: users.map((user) => ({ user, avatar: 'x' })),
});

describe('ActivityBuilder', () => {
  it('folds pages: count, first and last commit, distinct authors sorted', () => {
    const builder = new ActivityBuilder();
    builder.addPage([commit('2024-03-05T10:00:00.000Z', 'zoe', 'amy'), commit('2024-01-02T08:00:00Z', 'amy')]);
    builder.addPage([commit('2024-02-10T00:00:00.000Z', 'bob'), commit('2024-06-01T12:30:00+02:00', 'zoe')]);
    expect(builder.build()).toEqual({
      commits: 4,
      firstCommit: '2024-01-02T08:00:00.000Z',
      lastCommit: '2024-06-01T10:30:00.000Z',
      authors: ['amy', 'bob', 'zoe'],
    });
  });
  it('counts commits without a date or authors, and skips authors without a user', () => {
    const builder = new ActivityBuilder();
    builder.addPage([commit(null), { date: 'not a date', authors: [{ avatar: 'x' }, null, 'bob'] }, { date: '2024-01-01T00:00:00Z' }]);
    expect(builder.build()).toEqual({ commits: 3, firstCommit: '2024-01-01T00:00:00.000Z', lastCommit: '2024-01-01T00:00:00.000Z', authors: [] });
  });
  it('builds an empty summary from no pages or empty pages', () => {
    const builder = new ActivityBuilder();
    expect(builder.build()).toEqual({ commits: 0, firstCommit: null, lastCommit: null, authors: [] });
    builder.addPage([]);
    expect(builder.build().commits).toBe(0);
  });
  it('strips control sequences from author names', () => {
    const builder = new ActivityBuilder();
    builder.addPage([commit('2024-01-01T00:00:00Z', 'ev\u001b[8mil')]);
    expect(builder.build().authors).toEqual(['evil']);
  });
  it('throws a DataError for a page that is not a commit list', () => {
    const builder = new ActivityBuilder();
    expect(() => builder.addPage({ error: 'Repository not found' })).toThrow(new DataError('commit list is not a JSON array'));
    expect(() => builder.addPage(null)).toThrow(DataError);
    expect(() => builder.addPage([commit('2024-01-01T00:00:00Z', 'amy'), 'oops'])).toThrow(new DataError('commit is not a JSON object'));
  });
  it('adds nothing from a bad page, so a retried page is not counted twice', () => {
    const builder = new ActivityBuilder();
    builder.addPage([commit('2024-01-01T00:00:00Z', 'amy')]);
    expect(() => builder.addPage([commit('2023-01-01T00:00:00Z', 'bob'), 7])).toThrow(DataError);
    expect(builder.build()).toEqual({ commits: 1, firstCommit: '2024-01-01T00:00:00.000Z', lastCommit: '2024-01-01T00:00:00.000Z', authors: ['amy'] });
  });
});
