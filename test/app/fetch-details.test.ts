// The Overview's fetch details count the leaderboard's repos only: the cache also holds the
// declared bases that are not rows (looked up by the info stage), which must not inflate the
// "model info" counts or hide the repos not fetched yet.
import { describe, expect, it } from 'vitest';
import { fetchDetailsView } from '../../source/app/services/fetch-details.js';
import { makeDataset } from '../analysis/make-dataset.js';

describe('fetchDetailsView', () => {
  it('counts model info and histories over the rows, not the bases beside them', () => {
    const dataset = makeDataset([{ repo: 'a/one' }, { repo: 'a/two' }, { repo: 'b/three' }]);
    const at = '2026-01-01T00:00:00.000Z';
    dataset.infoStatus.set('a/one', { status: 'ok', fetchedAt: at });
    dataset.infoStatus.set('a/two', { status: 'gone', message: 'not on the Hub', fetchedAt: at });
    dataset.infoStatus.set('base/old-name', { status: 'ok', fetchedAt: at }); // a declared base, not a row
    dataset.infoStatus.set('base/gone', { status: 'gone', message: 'not on the Hub', fetchedAt: at });
    dataset.activityStatus.set('a/one', { status: 'ok', fetchedAt: at });
    const view = fetchDetailsView(dataset, undefined);
    expect(view.data).toMatchObject({ info: { ok: 1, gone: 1, error: 0 }, commits: { ok: 1, gone: 0, error: 0 } });
    const table = view.blocks.find((b) => b.kind === 'table') as { rows: unknown[][] };
    expect(table.rows).toEqual([
      ['model info', 1, 1, 0, 1],
      ['commit histories', 1, 0, 0, 2],
    ]);
  });
});
