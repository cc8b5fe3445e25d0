// `status`'s report over a real cache: counts per condition (ok, gone, error, missing, stale),
// freshness ages, first errors; and its text rendering.
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../source/cache/store.js';
import { emptyLeaderboard } from '../../source/cache/schema.js';
import { buildReport } from '../../source/cache/report.js';
import { conditionOf, DAY_MS } from '../../source/cache/freshness.js';
import { normaliseRows } from '../../source/data/normalise-row.js';
import { ago, renderDetail } from '../../source/sources/leaderboard-status.js';
import { tempDir } from '../fetch/helpers.js';

const NAMES = ['fullname', 'Flagged', 'IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO'];

async function storeWith(): Promise<CacheStore> {
  const store = await CacheStore.open(await tempDir(), { dataset: 'x/y' });
  const rows = ['a/one', 'a/two', 'b/three', 'b/four', 'c/five', 'a/one'].map((fullname, i) => ({ fullname, Flagged: i === 1 }));
  const { entries, generation } = normaliseRows(rows, NAMES);
  store.setLeaderboard({ ...emptyLeaderboard(), dataset: 'x/y', origin: 'viewer', revision: 'r1', generation, complete: true, total: 6, entries, fetchedAt: new Date(Date.now() - 2 * DAY_MS).toISOString() });
  const now = new Date().toISOString();
  const old = new Date(Date.now() - 10 * DAY_MS).toISOString();
  store.putInfo('a/one', { status: 'ok', fetchedAt: now });
  store.putInfo('a/two', { status: 'gone', message: 'not on the Hub', fetchedAt: now });
  store.putInfo('b/three', { status: 'error', message: 'HTTP 503 after 8 attempts', fetchedAt: now });
  store.putInfo('b/four', { status: 'ok', fetchedAt: old });
  store.putInfo('unrelated/repo', { status: 'ok', fetchedAt: now }); // not on the board: not counted
  await store.flush();
  return store;
}

describe('status report', () => {
  it('counts each condition over the distinct leaderboard repos', async () => {
    const report = buildReport(await storeWith(), 7);
    expect(report.info).toMatchObject({ ok: 1, gone: 1, error: 1, missing: 1, stale: 1 });
    expect(report.commits).toMatchObject({ ok: 0, missing: 5 });
    expect(report.leaderboard).toMatchObject({ entries: 6, distinctRepos: 5, flagged: 1, complete: true, dataset: 'x/y' });
    expect(report.leaderboard.ageSeconds).toBeGreaterThanOrEqual(2 * 86400 - 5);
    expect(report.errors).toEqual([{ stage: 'info', key: 'b/three', message: 'HTTP 503 after 8 attempts' }]);
  });

  it('a longer TTL makes the old item fresh again', async () => {
    expect(buildReport(await storeWith(), 30).info).toMatchObject({ ok: 2, stale: 0 });
  });

  it('renders the counts and the errors as text', async () => {
    const text = renderDetail(buildReport(await storeWith(), 7)).join('\n');
    expect(text).toContain('v2 table, x/y from the dataset viewer @ r1');
    expect(text).toContain('(2 days ago)');
    expect(text).toMatch(/model info\s+ok 1 {2}gone 1 {2}error 1 {2}missing 1 {2}stale 1/);
    expect(text).toContain('info b/three: HTTP 503 after 8 attempts');
  });

  it('says when a dataset has no table yet', async () => {
    const store = await CacheStore.open(await tempDir());
    expect(renderDetail(buildReport(store, 7))[0]).toBe('leaderboard  none yet');
  });

  it('error items are never fresh; refreshSince makes older items stale', () => {
    const now = Date.now();
    const rule = { now, ttlMs: DAY_MS, refreshSince: null };
    expect(conditionOf({ status: 'error', fetchedAt: new Date(now).toISOString() }, rule)).toBe('error');
    expect(conditionOf({ status: 'gone', fetchedAt: new Date(now - 1000).toISOString() }, rule)).toBe('gone');
    expect(conditionOf({ status: 'ok', fetchedAt: new Date(now - 1000).toISOString() }, { ...rule, refreshSince: now })).toBe('stale');
    expect(conditionOf(undefined, rule)).toBe('missing');
    expect(ago(90)).toBe('1 minute ago');
    expect(ago(3 * 86400 + 5)).toBe('3 days ago');
  });
});
