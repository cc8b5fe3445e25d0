// The token stays home (issue 7 §4): against the hostile server, a redirect or a Link to a
// second loopback origin is refused and nothing is sent there; the token goes only to the
// trusted origins; a download-mode policy follows a cross-origin redirect without it.
import { afterEach, describe, expect, it } from 'vitest';
import { fetchCommitActivity } from '../../source/fetch/commits-source.js';
import { HubClient } from '../../source/fetch/http-client.js';
import { OriginPolicy } from '../../source/fetch/origin-policy.js';
import { RefusedAnswer } from '../../source/fetch/refused.js';
import { HostileServer, Witness } from '../hostile-server/server.js';
import { fetchInto, itemsOf, readCache, statusCounts, tempDir } from './helpers.js';

const TOKEN = 'hf_CANARYcanary0123456789abcdef';
let hostile: HostileServer;
let witness: Witness;
let client: HubClient | null = null;

async function setup(): Promise<void> {
  hostile = await HostileServer.start();
  witness = await Witness.start();
}

afterEach(async () => {
  await client?.close();
  client = null;
  await hostile?.close();
  await witness?.close();
});

const newClient = (extra: Parameters<typeof HubClient.create>[0] = {}): HubClient =>
  (client = HubClient.create({ token: TOKEN, trustedOrigins: [hostile.url], backoff: { baseMs: 2, capMs: 5, maxAttempts: 2 }, ...extra }));

describe('the token stays home', () => {
  it('a commit page whose Link points to another loopback host: nothing goes there, each item fails with one line', async () => {
    await setup();
    hostile.on({ route: 'commits', behaviour: { kind: 'link', target: `${witness.url}/api/models/alpha/m1/commits/main?p=1` } });
    const dir = await tempDir();
    await fetchInto(hostile, dir, { token: TOKEN });
    expect(witness.requests).toEqual([]);
    const commits = itemsOf(await readCache(dir), 'commits.json');
    const errors = Object.values(commits).filter((c: { status: string }) => c.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const item of errors) {
      expect(item.message).toBe(`the next-page Link from ${new URL(hostile.url).host} points to another origin (${new URL(witness.url).host}): refused`);
    }
    // the Hub itself got the token on every request
    expect(hostile.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it.each([
    ['another port on another loopback address', () => witness.url],
    ['the same server under another host name (localhost)', () => hostile.otherOriginUrl],
  ])('a redirect to %s is refused for an API call: no request is sent there', async (_name, to) => {
    await setup();
    hostile.on({ route: 'model', behaviour: { kind: 'redirect', to: to() } });
    const c = newClient();
    const failure = await c.getJson(`${hostile.url}/api/models/gamma/g1`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RefusedAnswer);
    expect((failure as Error).message).toBe(`a redirect from ${new URL(hostile.url).host} to another origin (${new URL(to()).host}): refused, the token stays with ${new URL(hostile.url).host}`);
    expect(witness.requests).toEqual([]);
    expect(hostile.otherOriginRequests).toEqual([]);
  });

  it('a Link to a non-http(s) scheme fails the item with one line', async () => {
    await setup();
    hostile.on({ route: 'commits', behaviour: { kind: 'link', target: 'file:///etc/passwd' } });
    const c = newClient();
    await expect(fetchCommitActivity(c, hostile.url, 'alpha/m1')).rejects.toThrow(/points to a non-http\(s\) file: URL: refused$/);
  });

  it('sends the token only to the trusted origins', async () => {
    await setup();
    const c = newClient();
    await c.getJson(`${hostile.url}/api/models/gamma/g1`);
    await c.getJson(`${witness.url}/api/models/gamma/g1`);
    expect(hostile.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(witness.requests).toHaveLength(1);
    expect(witness.requests[0]!.authorization).toBeUndefined();
  });

  it('a download-mode client follows a redirect to a CDN on another origin, without the token', async () => {
    await setup();
    hostile.on({ route: 'model', behaviour: { kind: 'redirect', to: witness.url } });
    const c = newClient({ crossOriginRedirects: 'follow-without-token' });
    const response = await c.getJson(`${hostile.url}/api/models/gamma/g1`);
    expect(response.body).toEqual({ id: 'witness/model', author: 'witness' });
    expect(response.url).toBe(`${witness.url}/api/models/gamma/g1`);
    expect(hostile.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(witness.requests.map((r) => r.authorization)).toEqual([undefined]);
  });

  it('follows at most a handful of same-origin redirects', async () => {
    await setup();
    hostile.on({ route: 'model', behaviour: { kind: 'redirect', to: hostile.url } }); // to itself, forever
    const c = newClient();
    await expect(c.getJson(`${hostile.url}/api/models/gamma/g1`)).rejects.toThrow(`more than 5 redirects from ${new URL(hostile.url).host}`);
    expect(hostile.count('model')).toBe(6);
  });
});

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['https://huggingface.co', 'https://datasets-server.huggingface.co/']);
  const from = new URL('https://huggingface.co/api/models/a/b');

  it('carries the token to the trusted origins only (scheme, host and port all count)', () => {
    expect(policy.carriesToken(new URL('https://huggingface.co/api/models'))).toBe(true);
    expect(policy.carriesToken(new URL('https://datasets-server.huggingface.co/rows'))).toBe(true);
    expect(policy.carriesToken(new URL('http://huggingface.co/api/models'))).toBe(false);
    expect(policy.carriesToken(new URL('https://huggingface.co:8443/api/models'))).toBe(false);
    expect(policy.carriesToken(new URL('https://cdn-lfs.huggingface.co/x'))).toBe(false);
    expect(policy.carriesToken(new URL('https://huggingface.co.evil.example/api'))).toBe(false);
  });

  it('resolves a relative Location (a renamed repo) and refuses another origin or scheme', () => {
    expect(policy.redirectTarget(from, '/api/models/a/c', 0, 5).href).toBe('https://huggingface.co/api/models/a/c');
    expect(() => policy.redirectTarget(from, 'https://evil.example/x', 0, 5)).toThrow('to another origin (evil.example): refused');
    expect(() => policy.redirectTarget(from, 'ftp://huggingface.co/x', 0, 5)).toThrow('non-http(s) ftp: URL');
    expect(() => policy.redirectTarget(from, undefined, 0, 5)).toThrow('without a Location');
    expect(() => policy.redirectTarget(from, '/x', 5, 5)).toThrow('more than 5 redirects');
    const downloads = new OriginPolicy(['https://huggingface.co'], 'follow-without-token');
    const cdn = downloads.redirectTarget(from, 'https://cdn-lfs.huggingface.co/f', 0, 5);
    expect([cdn.href, downloads.carriesToken(cdn)]).toEqual(['https://cdn-lfs.huggingface.co/f', false]);
  });
});

describe('a whole fetch with the token, against a hostile Hub', () => {
  it('keeps every cached item apart from the ones the hostile answers failed', async () => {
    await setup();
    hostile.on({ route: 'model', match: (u) => u.pathname.endsWith('/gamma/g1'), behaviour: { kind: 'redirect', to: witness.url } });
    const dir = await tempDir();
    await fetchInto(hostile, dir, { token: TOKEN });
    const models = itemsOf(await readCache(dir), 'models.json');
    expect(models['gamma/g1']).toMatchObject({ status: 'error', message: expect.stringContaining('to another origin') });
    expect(statusCounts(models).ok).toBeGreaterThan(10);
    expect(witness.requests).toEqual([]);
  });
});
