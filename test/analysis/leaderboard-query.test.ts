// analyses.md §5: toggles, search, filters, sort and windowing over the leaderboard table.
import { describe, expect, it } from 'vitest';
import { buildLeaderboard } from '../../source/analysis/leaderboard.js';
import { queryLeaderboard, SIZE_PRESETS } from '../../source/analysis/leaderboard-query.js';
import { buildDataset, FLOOR, type EntrySpec } from './build-dataset.js';

const dataset = buildDataset({
  entries: [
    { repo: 'meta/llama-7b', type: 'pretrained', score: 50, params: 7, license: 'other' },
    { repo: 'u/chat-a', type: 'chat', score: 65, params: 7, license: 'mit' },
    { repo: 'u/chat-a', type: 'chat', score: 63, params: 7, flagged: true },
    { repo: 'u/chat-a', type: 'chat', score: 64, params: 7 },
    { repo: 'u/merge-x', type: 'merge', score: 72, params: 7 },
    { repo: 'u/moe', type: 'chat', score: 68, params: 46, moe: true, architecture: 'MixtralForCausalLM' },
    { repo: 'u/gone', type: 'fine-tuned', score: 70, params: 13, available: false },
    { repo: 'u/unsized', type: 'fine-tuned', score: null, params: null, architecture: 'MistralForCausalLM' },
  ],
  info: {
    'meta/llama-7b': { created: FLOOR },
    'u/chat-a': { created: '2024-01-15' },
    'u/moe': { created: '2024-02-01' },
    'u/gone': { created: '2023-12-31' },
  },
});
const table = buildLeaderboard(dataset);
// Tests not about availability hide the unavailable u/gone (the default shows it).
const hiding = (query: Parameters<typeof queryLeaderboard>[1] = {}) => ({ hideUnavailable: true, ...query });
const repos = (query: Parameters<typeof queryLeaderboard>[1] = {}) =>
  [...queryLeaderboard(table, hiding(query)).indices].map((i) => `${table.rows[i]!.repo}#${i}`);

describe('queryLeaderboard: toggles', () => {
  it('dedups, hides flagged entries and merges by default (unavailable models shown); sorts by score', () => {
    const view = queryLeaderboard(table);
    expect([...view.indices].map((i) => `${table.rows[i]!.repo}#${i}`)).toEqual([
      'u/gone#6', 'u/moe#5', 'u/chat-a#1', 'meta/llama-7b#0', 'u/unsized#7',
    ]);
    expect(view.summary).toBe('5 of 5');
    expect(view.notes.map((n) => [n.count, n.text.split(' ')[0]])).toEqual([
      [1, 'flagged'],
      [1, 'duplicate'],
      [1, 'merges'],
    ]);
  });

  it('hides unavailable models on request, with a note', () => {
    const view = queryLeaderboard(table, { hideUnavailable: true });
    expect(repos()).toEqual(['u/moe#5', 'u/chat-a#1', 'meta/llama-7b#0', 'u/unsized#7']);
    expect(view.notes.map((n) => [n.count, n.text.split(' ')[0]])).toContainEqual([1, 'models']);
  });

  it('shows flagged entries with the toggle (a flagged entry that lost the dedup stays hidden as a duplicate)', () => {
    expect(repos({ includeFlagged: true })).toEqual(['u/moe#5', 'u/chat-a#1', 'meta/llama-7b#0', 'u/unsized#7']);
  });

  it('hides a repository whose best entry is flagged, and shows that entry with the toggle (§0: flagged after dedup)', () => {
    const flaggedBest = buildLeaderboard(
      buildDataset({ entries: [{ repo: 'u/x', score: 60 }, { repo: 'u/x', score: 66, flagged: true }, { repo: 'u/y', score: 10 }] }),
    );
    const shown = (query: Parameters<typeof queryLeaderboard>[1]) => [...queryLeaderboard(flaggedBest, query).indices].map((i) => `${flaggedBest.rows[i]!.repo}#${i}`);
    expect(shown({})).toEqual(['u/y#2']);
    expect(shown({ includeFlagged: true })).toEqual(['u/x#1', 'u/y#2']);
  });

  it('shows every entry without dedup', () => {
    expect(repos({ dedup: false })).toEqual(['u/moe#5', 'u/chat-a#1', 'u/chat-a#3', 'meta/llama-7b#0', 'u/unsized#7']);
  });

  it('shows merges and unavailable models, hides MoE, on request', () => {
    expect(repos({ showMerges: true, hideUnavailable: false, hideMoE: true })).toEqual([
      'u/merge-x#4',
      'u/gone#6',
      'u/chat-a#1',
      'meta/llama-7b#0',
      'u/unsized#7',
    ]);
  });
});

describe('queryLeaderboard: search and filters', () => {
  it('says "N of M" with M the rows the toggles leave', () => {
    const view = queryLeaderboard(table, hiding({ search: '@type:chat;llama' }));
    expect(repos({ search: '@type:chat;llama' })).toEqual(['u/moe#5', 'u/chat-a#1', 'meta/llama-7b#0']);
    expect(view.summary).toBe('3 of 4');
  });

  it('passes search warnings on as notes', () => {
    const view = queryLeaderboard(table, hiding({ search: 'chat-a(' }));
    expect(view.shown).toBe(0);
    expect(view.notes.at(-1)!.text).toMatch(/not a valid regex/);
  });

  it('filters by type and by family (case-insensitive)', () => {
    expect(repos({ types: ['chat', 'pretrained'] })).toEqual(['u/moe#5', 'u/chat-a#1', 'meta/llama-7b#0']);
    expect(repos({ families: ['mixtral', 'Mistral'] })).toEqual(['u/moe#5', 'u/unsized#7']);
  });

  it('filters by an inclusive params range, dropping unknown params', () => {
    expect(repos({ params: { min: 7, max: 7 } })).toEqual(['u/chat-a#1', 'meta/llama-7b#0']);
    expect(repos({ params: { min: 8 } })).toEqual(['u/moe#5']);
    const view = queryLeaderboard(table, hiding({ params: { min: 8 } }));
    expect(view.notes.at(-1)).toEqual({ count: 1, text: 'models with unknown params left out by the size filter' });
  });

  it('filters by an inclusive created range, the floor counting as 2022-03-02, dropping undated', () => {
    expect(repos({ created: { from: '2024-01-15', to: '2024-02-01' } })).toEqual(['u/moe#5', 'u/chat-a#1']);
    expect(repos({ created: { to: '2022-03-02' } })).toEqual(['meta/llama-7b#0']);
    // u/unsized has no Hub info, hence no date
    const view = queryLeaderboard(table, hiding({ created: { from: '2020-01-01' } }));
    expect(view.notes.at(-1)).toEqual({ count: 1, text: 'models without a creation date left out by the date filter' });
  });

  it('sorts by any column, nulls last, and falls back to score on an unknown column', () => {
    // 7 B ties in source order
    expect(repos({ sort: { column: 'params', descending: false } })).toEqual(['meta/llama-7b#0', 'u/chat-a#1', 'u/moe#5', 'u/unsized#7']);
    expect(repos({ sort: { column: 'created', descending: true } })).toEqual(['u/moe#5', 'u/chat-a#1', 'meta/llama-7b#0', 'u/unsized#7']);
    const view = queryLeaderboard(table, hiding({ sort: { column: 'nope', descending: false } }));
    expect(view.query.sort).toEqual({ column: 'score', descending: true });
    expect(view.notes.some((n) => /unknown sort column/.test(n.text))).toBe(true);
  });

  it('windows the result, clamped to its ends', () => {
    const view = queryLeaderboard(table, hiding());
    expect(view.window(1, 2).map((r) => r.repo)).toEqual(['u/chat-a', 'meta/llama-7b']);
    expect(view.window(3, 10).map((r) => r.repo)).toEqual(['u/unsized']);
    expect(view.window(-5, 1).map((r) => r.repo)).toEqual(['u/moe']);
    expect(view.window(9, 3)).toEqual([]);
  });

  it('gives "0 of 0" on an empty table', () => {
    const view = queryLeaderboard(buildLeaderboard(buildDataset({ entries: [] })), { search: 'x' });
    expect(view.summary).toBe('0 of 0');
    expect(view.window(0, 10)).toEqual([]);
    expect(view.notes).toEqual([]);
  });
});

describe('size presets', () => {
  const sizes: EntrySpec[] = [3, 3.01, 7, 7.01, 64.9, 65, 70, null].map((params, i) => ({ repo: `s/${i}`, params, score: i }));
  const sized = buildLeaderboard(buildDataset({ entries: sizes }));
  const params = (preset: (typeof SIZE_PRESETS)[number]['id']) =>
    [...queryLeaderboard(sized, { sizes: [preset], sort: { column: 'params', descending: false } }).indices].map(
      (i) => sized.rows[i]!.params,
    );

  it('puts the edges where documented: ≤3, (3, 7], (7, 65), ≥65, unknown', () => {
    expect(params('up-to-3')).toEqual([3]);
    expect(params('3-to-7')).toEqual([3.01, 7]);
    expect(params('7-to-65')).toEqual([7.01, 64.9]);
    expect(params('65-plus')).toEqual([65, 70]);
    expect(params('unknown')).toEqual([null]);
  });

  it('combines presets with OR', () => {
    const view = queryLeaderboard(sized, { sizes: ['up-to-3', '65-plus'] });
    expect(view.summary).toBe('3 of 8');
  });
});

describe('a 100,000-row table', () => {
  it('builds, sorts and queries without materialising rows', () => {
    const entries: EntrySpec[] = Array.from({ length: 100_000 }, (_, i) => ({
      repo: `user${i % 5000}/model-${i}${i % 10 === 0 ? '-chat' : ''}`,
      score: i % 7 === 0 ? null : (i * 37) % 100,
      params: (i % 90) + 1,
      type: i % 10 === 0 ? 'chat' : 'fine-tuned',
    }));
    const big = buildLeaderboard(buildDataset({ entries }));
    const started = performance.now();
    const view = queryLeaderboard(big, { search: '/-chat$/', sizes: ['up-to-3'] });
    const again = queryLeaderboard(big, { search: '@type:chat', sort: { column: 'repo', descending: false } });
    const elapsed = performance.now() - started;
    // i ≡ 0 (mod 10) and (i mod 90) + 1 ≤ 3, i.e. i mod 90 ∈ {0, 1, 2} → i mod 90 = 0: 1,112 values below 100,000
    expect(view.shown).toBe(1112);
    expect(view.total).toBe(100_000);
    expect(again.shown).toBe(10_000);
    expect(view.window(0, 3)).toHaveLength(3);
    expect(elapsed).toBeLessThan(5000);
  });
});
