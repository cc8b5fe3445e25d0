// The three sources against the fake Hub: /rows pages, model listings with cursors, single
// models, commit lists with relative and absolute Links; and the Link parser.
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient } from '../../source/fetch/http-client.js';
import { nextLink } from '../../source/fetch/link.js';
import { fetchRowsPage } from '../../source/fetch/rows-source.js';
import { fetchModelInfo, listModels, listedModel } from '../../source/fetch/model-info-source.js';
import { fetchCommitActivity } from '../../source/fetch/commits-source.js';
import { FakeHub, loadFixtures, type FakeHubOptions } from '../fake-hub/server.js';

let hub: FakeHub;
let client: HubClient;
const fixtures = loadFixtures();

async function setup(options: FakeHubOptions = {}): Promise<void> {
  hub = await FakeHub.start(options);
  client = HubClient.create({ backoff: { baseMs: 5, capMs: 40 }, trustedOrigins: [hub.url] });
}

afterEach(async () => {
  await client?.close();
  await hub?.close();
});

describe('nextLink', () => {
  it('resolves relative and absolute targets against the request URL', () => {
    const base = 'http://h:1/api/models/a/b/commits/main?limit=50';
    expect(nextLink('</api/models/a/b/commits/main?p=1&limit=50>; rel="next"', base)).toBe('http://h:1/api/models/a/b/commits/main?p=1&limit=50');
    expect(nextLink('<http://h:1/api/models?cursor=abc>; rel=next', base)).toBe('http://h:1/api/models?cursor=abc');
    expect(nextLink('<http://h:1/p0>; rel="prev", <http://h:1/p2>; rel="next"', base)).toBe('http://h:1/p2');
    expect(nextLink('<http://h:1/p0>; rel="prev"', base)).toBeNull();
    expect(nextLink(undefined, base)).toBeNull();
  });

  it('refuses a target on another origin or scheme with one line (issue 7 §4)', () => {
    const base = 'http://h:1/api/models/a/b/commits/main?limit=50';
    expect(() => nextLink('<https://x.co/api/models?cursor=abc>; rel=next', base)).toThrow('the next-page Link from h:1 points to another origin (x.co): refused');
    expect(() => nextLink('<https://h:1/p2>; rel="next"', base)).toThrow(/another origin \(h:1\)/); // https is another origin than http
    expect(() => nextLink('<http://h:2/p2>; rel="next"', base)).toThrow(/another origin \(h:2\)/);
    expect(() => nextLink('<file:///etc/passwd>; rel="next"', base)).toThrow('points to a non-http(s) file: URL: refused');
    expect(() => nextLink('<javascript:alert(1)>; rel="next"', base)).toThrow(/non-http\(s\) javascript: URL/);
  });
});

describe('rows source', () => {
  it('reads a page: columns from features, num_rows_total, X-Revision', async () => {
    await setup({ revision: 'abc123' });
    const page = await fetchRowsPage(client, hub.url, 'open-llm-leaderboard/contents', 10, undefined, 10);
    expect(page.columns).toEqual(fixtures.leaderboard.features.map((f) => f.name));
    expect(page.total).toBe(fixtures.leaderboard.rows.length);
    expect(page.rows).toEqual(fixtures.leaderboard.rows.slice(10, 20));
    expect(page.revision).toBe('abc123');
    expect(hub.requests[0]!.path).toContain('offset=10&length=10');
  });

  it('turns an unknown dataset into a one-line DataError', async () => {
    await setup();
    await expect(fetchRowsPage(client, hub.url, 'nobody/nothing', 0)).rejects.toThrow(/dataset "nobody\/nothing" is not available .*HTTP 404.*--dataset/);
  });
});

describe('model info source', () => {
  it('asks for the expand fields and reads one model', async () => {
    await setup();
    const result = await fetchModelInfo(client, hub.url, 'gamma/g1');
    expect(result.kind).toBe('ok');
    const path = hub.requests[0]!.path;
    for (const field of ['author', 'createdAt', 'cardData', 'safetensors', 'library_name']) expect(path).toContain(`expand=${field}`);
    expect(path).not.toContain('full=');
    if (result.kind === 'ok') {
      expect(result.info.safetensorsTotal).toBe(7_241_732_096);
      expect(result.info.cardBaseModels.length).toBeGreaterThan(0);
    }
  });

  it('reads a missing model as gone', async () => {
    await setup();
    expect(await fetchModelInfo(client, hub.url, 'delta/d1')).toEqual({ kind: 'gone', message: 'not on the Hub (missing or private)' });
  });

  it('follows listing cursors to the end', async () => {
    await setup({ maxListPage: 5 });
    const ids: string[] = [];
    for await (const page of listModels(client, hub.url, { author: 'zeta' })) {
      for (const raw of page) ids.push(listedModel(raw)!.info.id);
    }
    const expected = fixtures.models.filter((m) => m.author === 'zeta').map((m) => m.id).sort();
    expect(ids.sort()).toEqual(expected);
    expect(hub.count('model_list')).toBe(Math.ceil(expected.length / 5));
    expect(hub.requests.slice(1).every((r) => r.path.includes('cursor='))).toBe(true);
  });
});

describe('commits source', () => {
  const summary = fixtures.commits['alpha/m1']!;

  it.each([false, true])('follows every page (absolute links: %s) and folds them', async (absolute) => {
    await setup({ maxCommitPage: 50, absoluteCommitLinks: absolute });
    const result = await fetchCommitActivity(client, hub.url, 'alpha/m1');
    expect(hub.count('commits')).toBe(Math.ceil(summary.count / 50));
    expect(result).toEqual({
      kind: 'ok',
      renamedTo: null,
      activity: {
        commits: summary.count,
        firstCommit: new Date(summary.first).toISOString(),
        lastCommit: new Date(summary.last).toISOString(),
        authors: [...summary.authors].sort(),
      },
    });
  });

  it('reads a repo without a history as gone, with the status', async () => {
    await setup();
    expect(await fetchCommitActivity(client, hub.url, 'eta/e1')).toEqual({ kind: 'gone', message: 'no commit history on the Hub (HTTP 401)', renamedTo: null });
  });
});
