// Renamed repositories (hub-api.md §11, analyses.md §0, issue 8 §3) through the fake Hub's
// `renames`: the old id's routes answer 307 with a relative Location under the new id. The
// fetch follows it (same origin), stores the info under the old key with the new `id` (the
// alias the analyses resolve through), asks for the commits under the new id, and looks up the
// declared bases that are not leaderboard rows in a second round.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHub, loadFixtures, type Fixtures } from '../fake-hub/server.js';
import { fetchInto, itemsOf, readCache, tempDir } from './helpers.js';

let hub: FakeHub;
afterEach(async () => hub?.close());

/** The fixtures with gamma/g1 renamed gamma/g1-renamed on the Hub (the leaderboard keeps the
 *  old id), gamma/g1's card declaring the old id of alpha/m1, and one row's Base Model cell
 *  naming the old id of beta/b1 and another a base the Hub does not have. */
function renamedFixtures(): Fixtures {
  const fixtures = structuredClone(loadFixtures());
  const g1 = fixtures.models.find((m) => m.id === 'gamma/g1')!;
  g1.id = 'gamma/g1-renamed';
  g1.cardData = { ...(g1.cardData as object), base_model: ['alpha/old-m1'] };
  fixtures.commits['gamma/g1-renamed'] = fixtures.commits['gamma/g1']!;
  delete fixtures.commits['gamma/g1'];
  const rows = fixtures.leaderboard.rows;
  rows.find((r) => r.fullname === 'zeta/z02')!['Base Model'] = 'beta/old-b1';
  rows.find((r) => r.fullname === 'zeta/z03')!['Base Model'] = 'nobody/gone-base (Merge)';
  return fixtures;
}

const RENAMES = { 'gamma/g1': 'gamma/g1-renamed', 'alpha/old-m1': 'alpha/m1', 'beta/old-b1': 'beta/b1' };
const paths = (route: string): string[] => hub.requests.filter((r) => r.route === route).map((r) => r.path.split('?')[0]!);

describe('renamed repositories', () => {
  it('the fake Hub answers an old id with 307 and a relative Location under the new one', async () => {
    hub = await FakeHub.start({ fixtures: renamedFixtures(), renames: RENAMES });
    const res = await fetch(`${hub.url}/api/models/gamma/g1/commits/main?limit=5`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/api/models/gamma/g1-renamed/commits/main?limit=5');
  });

  it('a renamed row: info under the old key with the new id, commits asked under the new id', async () => {
    hub = await FakeHub.start({ fixtures: renamedFixtures(), renames: RENAMES });
    const dir = await tempDir();
    await fetchInto(hub, dir, { token: 'hf_renamedRENAMED0123456789' });
    const cache = await readCache(dir);
    const info = itemsOf(cache, 'models.json')['gamma/g1'];
    expect(info).toMatchObject({ status: 'ok', value: { id: 'gamma/g1-renamed' } });
    expect(paths('model').filter((p) => p.includes('gamma/'))).toEqual(['/api/models/gamma/g1', '/api/models/gamma/g1-renamed']);
    // the 307 is followed with the token: same origin
    expect(hub.requests.filter((r) => r.path.includes('gamma/')).every((r) => r.authorization === 'Bearer hf_renamedRENAMED0123456789')).toBe(true);
    const commits = itemsOf(cache, 'commits.json')['gamma/g1'];
    expect(commits).toMatchObject({ status: 'ok', value: { commits: loadFixtures().commits['gamma/g1']!.count } });
    expect(paths('commits').filter((p) => p.includes('gamma/'))).toEqual(['/api/models/gamma/g1-renamed/commits/main']);
    expect(itemsOf(cache, 'commits.json')['gamma/g1-renamed']).toBeUndefined();
  });

  it('a commit history fetched before the info follows the 307 itself', async () => {
    hub = await FakeHub.start({ fixtures: renamedFixtures(), renames: RENAMES });
    const dir = await tempDir();
    await fetchInto(hub, dir, { only: ['leaderboard', 'commits'] });
    expect(paths('commits').filter((p) => p.includes('gamma/'))).toEqual(['/api/models/gamma/g1/commits/main', '/api/models/gamma/g1-renamed/commits/main']);
    expect(itemsOf(await readCache(dir), 'commits.json')['gamma/g1']).toMatchObject({ status: 'ok' });
  });

  it('declared bases that are not rows are looked up in a second round, renamed ones followed', async () => {
    hub = await FakeHub.start({ fixtures: renamedFixtures(), renames: RENAMES });
    const dir = await tempDir();
    const { events } = await fetchInto(hub, dir);
    const models = itemsOf(await readCache(dir), 'models.json');
    // card base of gamma/g1, renamed: stored under the old key, with the new id
    expect(models['alpha/old-m1']).toMatchObject({ status: 'ok', value: { id: 'alpha/m1' } });
    // Base Model cell of zeta/z02, renamed
    expect(models['beta/old-b1']).toMatchObject({ status: 'ok', value: { id: 'beta/b1' } });
    // Base Model cell of zeta/z03 (a merge), not on the Hub
    expect(models['nobody/gone-base']).toMatchObject({ status: 'gone', message: 'not on the Hub (missing or private)' });
    // one request each after the main pass, plus the 307's second hop
    const baseRequests = paths('model').filter((p) => /old-|gone-base|\/alpha\/m1$|\/beta\/b1$/.test(p));
    expect(baseRequests).toEqual(
      expect.arrayContaining(['/api/models/alpha/old-m1', '/api/models/alpha/m1', '/api/models/beta/old-b1', '/api/models/beta/b1', '/api/models/nobody/gone-base']),
    );
    expect(baseRequests).toHaveLength(5);
    // the info stage counts them: the rows' repos and the three bases
    const end = events.find((e) => e.type === 'stage-end' && e.stage === 'info') as { total: number; done: number };
    const rows = new Set(renamedFixtures().leaderboard.rows.slice(0, -1).map((r) => String(r.fullname).toLowerCase())).size;
    expect([end.total, end.done]).toEqual([rows + 3, rows + 3]);
    // bases get no commit history: they are not rows
    expect(itemsOf(await readCache(dir), 'commits.json')['alpha/old-m1']).toBeUndefined();
  });

  it('renamed rows an author listing cannot show: taken for gone by the info stage, their alias recorded when the commits follow the 307', async () => {
    const fixtures = structuredClone(loadFixtures());
    for (const id of ['zeta/z05', 'zeta/z06']) {
      fixtures.models.find((m) => m.id === id)!.id = `${id}-renamed`;
      fixtures.commits[`${id}-renamed`] = fixtures.commits[id]!;
      delete fixtures.commits[id];
    }
    hub = await FakeHub.start({ fixtures, renames: { 'zeta/z05': 'zeta/z05-renamed', 'zeta/z06': 'zeta/z06-renamed' } });
    const dir = await tempDir();
    await fetchInto(hub, dir, { only: ['leaderboard', 'info'] });
    // two left over from the zeta listing, so a search listing, which shows only new ids: gone
    expect(itemsOf(await readCache(dir), 'models.json')['zeta/z05']).toMatchObject({ status: 'gone' });
    hub.requests.length = 0;
    await fetchInto(hub, dir);
    const cache = await readCache(dir);
    for (const id of ['zeta/z05', 'zeta/z06']) {
      expect(itemsOf(cache, 'models.json')[id]).toMatchObject({ status: 'ok', value: { id: `${id}-renamed` } });
      expect(itemsOf(cache, 'commits.json')[id]).toMatchObject({ status: 'ok', value: { commits: loadFixtures().commits[id]!.count } });
    }
    // per renamed repo: the history's 307 and its second hop, then one model request
    const zeta = hub.requests.filter((r) => /zeta\/z0[56]/.test(r.path)).map((r) => r.path.split('?')[0]).sort();
    expect(zeta).toEqual([
      '/api/models/zeta/z05-renamed',
      '/api/models/zeta/z05-renamed/commits/main',
      '/api/models/zeta/z05/commits/main',
      '/api/models/zeta/z06-renamed',
      '/api/models/zeta/z06-renamed/commits/main',
      '/api/models/zeta/z06/commits/main',
    ]);
  });

  it('a second run asks for nothing: the bases are fresh in the cache', async () => {
    hub = await FakeHub.start({ fixtures: renamedFixtures(), renames: RENAMES });
    const dir = await tempDir();
    await fetchInto(hub, dir);
    hub.requests.length = 0;
    await fetchInto(hub, dir);
    expect(hub.requests).toEqual([]);
  });
});
