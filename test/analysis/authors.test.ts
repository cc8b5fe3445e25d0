// analyses.md §1 [Fig. 1, 2, 3] and §0 "Authors of a repository". Every expected number is
// worked out by hand from the small datasets below.
import { describe, expect, it } from 'vitest';
import { authorsAnalysis, isSystemAuthor } from '../../source/analysis/authors.js';
import { concentration, countBuckets, gini } from '../../source/analysis/author-stats.js';
import { buildDataset, FLOOR } from './build-dataset.js';

const series = (ts: { series: Array<{ name: string; values: number[] }> }) =>
  Object.fromEntries(ts.series.map((s) => [s.name, s.values]));

// a/one: alice, bob (+ system); a/two: Alice (+ two bots); b/three: bob; c/four and c/five:
// no history (gone / never fetched); d/six: only a bot; e/seven: flagged.
const community = buildDataset({
  entries: [
    { repo: 'a/one' },
    { repo: 'a/two' },
    { repo: 'b/three' },
    { repo: 'c/four' },
    { repo: 'c/five' },
    { repo: 'd/six' },
    { repo: 'e/seven', flagged: true },
  ],
  info: { 'c/four': { created: '2023-02-15' }, 'c/five': { created: FLOOR } },
  activity: {
    'a/one': { authors: ['alice', 'bob', 'system'], first: '2023-01-10' },
    'a/two': { authors: ['Alice', 'leaderboard-pr-bot', 'SomeBot'], first: '2023-02-05' },
    'b/three': { authors: ['bob'], first: '2022-12-30' },
    'd/six': { authors: ['autobot'], first: '2023-03-01' },
    'e/seven': { authors: ['eve'], first: '2023-01-01' },
  },
  activityStatus: { 'c/four': 'gone' },
});

describe('authorsAnalysis: who counts as an author', () => {
  const result = authorsAnalysis(community);

  it('removes system accounts and names ending in bot, compares names case-insensitively', () => {
    expect(result.reposPerAuthor.top).toEqual([
      { author: 'alice', repos: 2, share: 0.5, firstSeen: '2023-01-10' },
      { author: 'bob', repos: 2, share: 0.5, firstSeen: '2022-12-30' },
    ]);
  });

  it('shows an author in the spelling seen most often (ties: the first seen)', () => {
    const spelled = buildDataset({
      entries: [{ repo: 'x/1' }, { repo: 'x/2' }, { repo: 'x/3' }, { repo: 'x/4' }],
      activity: {
        'x/1': { authors: ['tom'], first: '2023-01-01' },
        'x/2': { authors: ['TheBloke', 'Tom'], first: '2023-01-02' },
        'x/3': { authors: ['thebloke', 'Tom'], first: '2023-01-03' },
        'x/4': { authors: ['TheBloke'], first: '2023-01-04' },
      },
    });
    const top = authorsAnalysis(spelled).reposPerAuthor.top.map((a) => [a.author, a.repos]);
    // TheBloke ×2, thebloke ×1; Tom ×2, tom ×1
    expect(top).toEqual([
      ['TheBloke', 3],
      ['Tom', 3],
    ]);
    const tie = buildDataset({ entries: [{ repo: 'y/1' }, { repo: 'y/2' }], activity: { 'y/1': { authors: ['Ann'] }, 'y/2': { authors: ['ann'] } } });
    expect(authorsAnalysis(tie).reposPerAuthor.top.map((a) => a.author)).toEqual(['Ann']);
    // one repository listing two spellings of one user credits them once
    const both = buildDataset({ entries: [{ repo: 'z/1' }], activity: { 'z/1': { authors: ['Ann', 'ann'] } } });
    expect(authorsAnalysis(both).reposPerAuthor.top).toMatchObject([{ author: 'Ann', repos: 1 }]);
  });

  it('adds no authors for repos without history, and says how many by status', () => {
    expect(result.repos).toEqual({
      inView: 6,
      withAuthors: 3,
      withoutHistory: 2,
      withoutHistoryByStatus: { gone: 1, 'not fetched': 1 },
      botsOnly: 1,
      ownerStandIns: 0,
    });
    const notes = result.notes.map((n) => `${n.count} ${n.text}`);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^1 flagged/);
    expect(notes[1]).toMatch(/^2 repositories without commit history add no authors/);
    expect(notes[2]).toMatch(/^1 .*system accounts and bots/);
  });

  it('dates an author by the earliest first commit over their repos, per month', () => {
    // bob: 2022-12-30 (b/three); alice: 2023-01-10 (a/one, earlier than a/two)
    expect(result.overTime.keys).toEqual(['2022-12', '2023-01']);
    expect(series(result.overTime)).toEqual({ new: [1, 1], cumulative: [1, 2] });
  });

  it('counts weeks across the year boundary', () => {
    // Friday 2022-12-30 → week of 2022-12-26; Tuesday 2023-01-10 → week of 2023-01-09
    const weekly = authorsAnalysis(community, { period: 'week' });
    expect(weekly.overTime.keys).toEqual(['2022-12-26', '2023-01-02', '2023-01-09']);
    expect(series(weekly.overTime)).toEqual({ new: [1, 0, 1], cumulative: [1, 1, 2] });
  });

  it('counts authors per repository over repos with a history', () => {
    // a/one: 2 (alice, bob); a/two: 1 (Alice); b/three: 1 (bob)
    expect(result.authorsPerRepo).toEqual({
      counts: [
        { authors: 1, repos: 2 },
        { authors: 2, repos: 1 },
      ],
      repos: 3,
      singleAuthor: 2,
      singleAuthorShare: 2 / 3,
      mean: 4 / 3,
    });
  });

  it('brings the flagged repo back with the toggle', () => {
    const all = authorsAnalysis(community, { includeFlagged: true });
    expect(all.concentration.authors).toBe(3);
    expect(all.reposPerAuthor.top.map((a) => a.author)).toEqual(['alice', 'bob', 'eve']);
  });

  it('can keep bots when asked', () => {
    const withBots = authorsAnalysis(community, { dropBots: false, systemAccounts: [] });
    // + system, leaderboard-pr-bot, SomeBot, autobot
    expect(withBots.concentration.authors).toBe(6);
    expect(withBots.repos.botsOnly).toBe(0);
  });
});

describe('authorsAnalysis: owner fallback', () => {
  it('lets the namespace owner stand in for repos without history, dated by creation', () => {
    const result = authorsAnalysis(community, { ownerFallback: true });
    // c stands in for c/four (created 2023-02-15) and c/five (on the floor)
    expect(result.repos.ownerStandIns).toBe(2);
    expect(result.repos.withAuthors).toBe(5);
    expect(result.reposPerAuthor.top[0]).toEqual({ author: 'alice', repos: 2, share: 2 / 6, firstSeen: '2023-01-10' });
    expect(result.reposPerAuthor.top.find((a) => a.author === 'c')).toEqual({
      author: 'c',
      repos: 2,
      share: 2 / 6,
      firstSeen: '2023-02-15',
    });
    expect(result.overTime.keys).toEqual(['2022-12', '2023-01', '2023-02']);
    expect(series(result.overTime)).toEqual({ new: [1, 1, 1], cumulative: [1, 2, 3] });
    // stand-ins are left out of authors per repository
    expect(result.authorsPerRepo.repos).toBe(3);
    expect(result.notes.some((n) => n.count === 2 && /owner stands in/.test(n.text))).toBe(true);
  });

  it('counts an owner dated only by the floor in the running total, not in a period', () => {
    const dataset = buildDataset({
      entries: [{ repo: 'x/new' }, { repo: 'old/one' }, { repo: 'gpt2' }],
      info: { 'old/one': { created: FLOOR }, gpt2: { created: FLOOR } },
      activity: { 'x/new': { authors: ['xena'], first: '2023-06-01' } },
    });
    const result = authorsAnalysis(dataset, { ownerFallback: true });
    expect(series(result.overTime)).toEqual({ new: [1], cumulative: [2] });
    const notes = result.notes.map((n) => `${n.count} ${n.text}`);
    expect(notes.some((n) => /^1 .*without a namespace/.test(n))).toBe(true);
    expect(notes.some((n) => /^1 authors dated only by a model on the 2022-03-02 floor/.test(n))).toBe(true);
  });
});

describe('authorsAnalysis: concentration', () => {
  // x authored all five repos; p, q, r one each: repos per author 5, 1, 1, 1
  const dataset = buildDataset({
    entries: ['r1', 'r2', 'r3', 'r4', 'r5'].map((name) => ({ repo: `org/${name}` })),
    activity: {
      'org/r1': { authors: ['x', 'p'], first: '2023-01-01' },
      'org/r2': { authors: ['x', 'q'], first: '2023-01-02' },
      'org/r3': { authors: ['x', 'r'], first: '2023-01-03' },
      'org/r4': { authors: ['x'], first: '2023-01-04' },
      'org/r5': { authors: ['x'], first: '2023-01-05' },
    },
  });

  it('gives N, pairs, top-k shares, Gini and Price', () => {
    const result = authorsAnalysis(dataset, { topShares: [1, 2, 10] });
    // pairs 8; top 1: 5/8; top 2: 6/8; top 10 is everyone
    // Gini: sorted 1,1,1,5; Σ i·x = 1+2+3+20 = 26; 2·26/(4·8) − 5/4 = 0.375
    // Price: √4 = 2 authors hold 6/8
    expect(result.concentration).toEqual({
      authors: 4,
      pairs: 8,
      top: [
        { k: 1, authors: 1, pairs: 5, share: 0.625 },
        { k: 2, authors: 2, pairs: 6, share: 0.75 },
        { k: 10, authors: 4, pairs: 8, share: 1 },
      ],
      gini: 0.375,
      price: { sqrtN: 2, k: 2, pairs: 6, share: 0.75 },
    });
  });

  it('buckets repos per author and ranks the top authors', () => {
    const result = authorsAnalysis(dataset, { topAuthors: 2 });
    expect(result.reposPerAuthor.buckets.map((b) => [b.label, b.count, b.share])).toEqual([
      ['1', 3, 0.75],
      ['2', 0, 0],
      ['3–4', 0, 0],
      ['5–9', 1, 0.25],
      ['10–19', 0, 0],
      ['20–49', 0, 0],
      ['50+', 0, 0],
    ]);
    // ties at 1 repo go by name
    expect(result.reposPerAuthor.top.map((a) => [a.author, a.repos])).toEqual([
      ['x', 5],
      ['p', 1],
    ]);
    expect(result.reposPerAuthor.max).toBe(5);
    expect(result.reposPerAuthor.mean).toBe(2);
    expect(result.authorsPerRepo.singleAuthorShare).toBe(0.4);
  });
});

describe('authorsAnalysis on empty and single inputs', () => {
  it('gives zeros and nulls on an empty dataset, without throwing', () => {
    const result = authorsAnalysis(buildDataset({ entries: [] }));
    expect(result.concentration).toEqual({
      authors: 0,
      pairs: 0,
      top: [
        { k: 10, authors: 0, pairs: 0, share: null },
        { k: 200, authors: 0, pairs: 0, share: null },
      ],
      gini: null,
      price: null,
    });
    expect(result.overTime.keys).toEqual([]);
    expect(result.authorsPerRepo).toEqual({ counts: [], repos: 0, singleAuthor: 0, singleAuthorShare: null, mean: null });
    expect(result.reposPerAuthor.top).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('gives Gini 0 and Price 100 % for a single author', () => {
    const dataset = buildDataset({ entries: [{ repo: 'solo/a' }], activity: { 'solo/a': { authors: ['solo'], first: '2024-01-01' } } });
    const result = authorsAnalysis(dataset);
    expect(result.concentration.gini).toBe(0);
    expect(result.concentration.price).toEqual({ sqrtN: 1, k: 1, pairs: 1, share: 1 });
  });

  it('notes an author whose repos have no first-commit date', () => {
    const dataset = buildDataset({ entries: [{ repo: 'u/a' }], activity: { 'u/a': { authors: ['nodate'], first: null } } });
    const result = authorsAnalysis(dataset);
    expect(result.concentration.authors).toBe(1);
    expect(result.overTime.keys).toEqual([]);
    expect(result.notes).toEqual([{ count: 1, text: 'authors without a first-commit date left out of authors over time' }]);
  });
});

describe('author statistics', () => {
  it('computes Gini by hand-checked examples', () => {
    expect(gini([3, 3, 3])).toBe(0);
    // sorted 0,0,1: Σ i·x = 3; 2·3/(3·1) − 4/3 = 2/3
    expect(gini([1, 0, 0])).toBeCloseTo(2 / 3, 12);
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
  });

  it('rounds √N to the nearest whole number for Price', () => {
    // √5 ≈ 2.236 → 2; √7 ≈ 2.646 → 3
    expect(concentration([1, 1, 1, 1, 1], []).price!.k).toBe(2);
    expect(concentration([4, 1, 1, 1, 1, 1, 1], []).price).toEqual({ sqrtN: Math.sqrt(7), k: 3, pairs: 6, share: 0.6 });
  });

  it('buckets by lower edges with an open last bucket', () => {
    expect(countBuckets([1, 2, 2, 7, 60], [1, 2, 3, 10]).map((b) => [b.label, b.upper, b.count])).toEqual([
      ['1', 1, 1],
      ['2', 2, 2],
      ['3–9', 9, 1],
      ['10+', null, 1],
    ]);
  });

  it('tells system accounts and bots from people', () => {
    const system = ['system', 'leaderboard-pr-bot'];
    expect(isSystemAuthor('System', system, true)).toBe(true);
    expect(isSystemAuthor('my-BOT', system, true)).toBe(true);
    expect(isSystemAuthor('botany', system, true)).toBe(false);
    expect(isSystemAuthor('my-bot', system, false)).toBe(false);
    expect(isSystemAuthor('leaderboard-pr-bot', system, false)).toBe(true);
  });
});
