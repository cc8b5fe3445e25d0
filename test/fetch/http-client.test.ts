// The HTTP client against a real server on 127.0.0.1: headers, retries on 503 / resets /
// truncated and malformed bodies, 401/404, 429 pauses (the whole client), pacing from the
// RateLimit headers, the concurrency bound, offline.
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient, HttpError, OfflineError } from '../../source/fetch/http-client.js';
import { VERSION } from '../../source/version.js';
import { FakeHub, type FakeHubOptions } from '../fake-hub/server.js';

let hub: FakeHub;
let client: HubClient | null = null;

async function setup(options: FakeHubOptions = {}, clientOptions: Parameters<typeof HubClient.create>[0] = {}): Promise<HubClient> {
  hub = await FakeHub.start(options);
  client = HubClient.create({ backoff: { baseMs: 5, capMs: 40 }, trustedOrigins: [hub.url], ...clientOptions });
  return client;
}

afterEach(async () => {
  await client?.close();
  client = null;
  await hub?.close();
});

const modelUrl = (id = 'gamma/g1'): string => `${hub.url}/api/models/${id}`;

describe('HubClient', () => {
  it('sends a User-Agent naming hubscope and its version, and the token as a bearer header to a trusted origin', async () => {
    const c = await setup({}, { token: 'hf_secret123' });
    const response = await c.getJson(modelUrl());
    expect(response.status).toBe(200);
    expect((response.body as { id: string }).id).toBe('gamma/g1');
    expect(hub.requests[0]!.userAgent).toContain(`hubscope/${VERSION}`);
    expect(hub.requests[0]!.authorization).toBe('Bearer hf_secret123');
  });

  it('sends no Authorization header without a token', async () => {
    const c = await setup();
    await c.getJson(modelUrl());
    expect(hub.requests[0]!.authorization).toBeUndefined();
  });

  it.each([
    ['503', { kind: 'status', status: 503 } as const],
    ['408', { kind: 'status', status: 408 } as const],
    ['a connection reset', { kind: 'reset' } as const],
    ['a truncated body', { kind: 'truncate' } as const],
    ['malformed JSON', { kind: 'malformed' } as const],
  ])('retries after %s and returns the good answer', async (_name, action) => {
    const c = await setup();
    hub.addFault({ route: 'model', times: 2, action });
    const response = await c.getJson(modelUrl());
    expect((response.body as { id: string }).id).toBe('gamma/g1');
    expect(hub.count('model')).toBe(3);
    expect(c.stats.retries).toBe(2);
  });

  it('tells each retry: the host, the problem and the how-manyth failure', async () => {
    const retries: Array<[string, string, number, number, boolean]> = [];
    const c = await setup({}, { onRetry: (...args) => retries.push(args), backoff: { baseMs: 5, capMs: 40, maxAttempts: 5 } });
    hub.addFault({ route: 'model', times: 2, action: { kind: 'status', status: 503 } });
    await c.getJson(modelUrl());
    const host = new URL(hub.url).host;
    expect(retries).toEqual([
      [host, 'HTTP 503', 1, 5, false],
      [host, 'HTTP 503', 2, 5, false],
    ]);
  });

  it('retries a request whose answer does not come within the timeout', async () => {
    // undici checks these timeouts on a coarse (about one second) clock
    const c = await setup({}, { headersTimeoutMs: 300 });
    hub.addFault({ route: 'model', action: { kind: 'delay', ms: 4000 } });
    const started = Date.now();
    const response = await c.getJson(modelUrl());
    expect(response.status).toBe(200);
    expect(hub.count('model')).toBe(2);
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it('follows same-origin redirects (a renamed repo), with the token', async () => {
    const c = await setup({}, { token: 'hf_x' });
    hub.addFault({ route: 'model', match: (u) => u.pathname.endsWith('/old-name'), action: { kind: 'status', status: 307, headers: { Location: '/api/models/gamma/g1' } } });
    const response = await c.getJson(modelUrl('gamma/old-name'));
    expect((response.body as { id: string }).id).toBe('gamma/g1');
    expect(response.url).toBe(`${hub.url}/api/models/gamma/g1`);
    expect(hub.requests.map((r) => r.path)).toEqual(['/api/models/gamma/old-name', '/api/models/gamma/g1']);
    expect(hub.requests.map((r) => r.authorization)).toEqual(['Bearer hf_x', 'Bearer hf_x']);
  });

  it('gives up after maxAttempts with a message saying what failed', async () => {
    const c = await setup({}, { backoff: { baseMs: 2, capMs: 5, maxAttempts: 3 } });
    hub.addFault({ route: 'model', times: Infinity, action: { kind: 'status', status: 503 } });
    await expect(c.getJson(modelUrl())).rejects.toThrow(new HttpError('HTTP 503 after 3 attempts', 503));
    expect(hub.count('model')).toBe(3);
  });

  it('does not retry other 4xx answers', async () => {
    const c = await setup();
    hub.addFault({ route: 'model', action: { kind: 'status', status: 400, body: { error: 'bad query' } } });
    await expect(c.getJson(modelUrl())).rejects.toThrow('HTTP 400: bad query');
    expect(hub.count('model')).toBe(1);
  });

  it('hands 401 (anonymous) and 404 (with a token) back with no body', async () => {
    let c = await setup();
    const anonymous = await c.getJson(modelUrl('nobody/nothing'));
    expect([anonymous.status, anonymous.body]).toEqual([401, null]);
    await c.close();
    client = c = HubClient.create({ token: 'hf_x', trustedOrigins: [hub.url] });
    const withToken = await c.getJson(modelUrl('nobody/nothing'));
    expect([withToken.status, withToken.body, withToken.errorMessage]).toEqual([404, null, 'Repository not found']);
  });

  it('on 429 waits for the RateLimit reset time before retrying', async () => {
    const pauses: number[] = [];
    const c = await setup({}, { onPause: (until) => pauses.push(until) });
    hub.addFault({ route: 'model', action: { kind: 'status', status: 429, headers: { RateLimit: '"api";r=0;t=1' } } });
    const started = Date.now();
    await c.getJson(modelUrl());
    expect(hub.count('model')).toBe(2);
    expect(hub.requests[1]!.at - hub.requests[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(pauses).toHaveLength(1);
    expect(pauses[0]! - started).toBeGreaterThanOrEqual(1000);
    expect(c.stats.rateLimited).toBe(1);
  });

  it('on 429 honours Retry-After when there is no RateLimit header', async () => {
    const c = await setup();
    hub.addFault({ route: 'model', action: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } } });
    await c.getJson(modelUrl());
    expect(hub.requests[1]!.at - hub.requests[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('a 429 pauses the whole client: requests started meanwhile wait too', async () => {
    const c = await setup({}, { concurrency: 4 });
    hub.addFault({ route: 'model', match: (u) => u.pathname.endsWith('/g1'), action: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } } });
    const first = c.getJson(modelUrl('gamma/g1'));
    while (hub.count('model') === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50)); // the 429 has been answered
    const others = ['eta/e1', 'beta/b1', 'zeta/z01'].map((id) => c.getJson(modelUrl(id)));
    await Promise.all([first, ...others]);
    const limitedAt = hub.requests[0]!.at;
    const later = hub.requests.slice(1);
    expect(later).toHaveLength(4);
    for (const request of later) expect(request.at - limitedAt).toBeGreaterThanOrEqual(950);
  });

  it('paces requests from RateLimit so a small window is never exceeded', async () => {
    const c = await setup({ rateLimit: { quota: 6, windowMs: 1000 } }, { concurrency: 4 });
    const started = Date.now();
    const ids = Array.from({ length: 16 }, (_, i) => `zeta/z${String((i % 12) + 1).padStart(2, '0')}`);
    await Promise.all(ids.map((id) => c.getJson(modelUrl(id))));
    expect(c.stats.rateLimited).toBe(0);
    expect(hub.count('model')).toBe(16);
    // 16 requests at 6 per window need at least two window resets
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const c = await setup({ latencyMs: 40 }, { concurrency: 3 });
    const ids = Array.from({ length: 9 }, (_, i) => `zeta/z${String(i + 1).padStart(2, '0')}`);
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      ids.map(async (id) => {
        const p = c.getJson(modelUrl(id));
        inFlight += 1;
        await p;
        inFlight -= 1;
      }),
    );
    // measured on the server: arrivals closer than the latency overlap
    for (const r of hub.requests) {
      const overlapping = hub.requests.filter((o) => o.at <= r.at && o.at + 40 > r.at).length;
      peak = Math.max(peak, overlapping);
    }
    expect(inFlight).toBe(0);
    expect(peak).toBeLessThanOrEqual(3);
    expect(hub.connections).toBeLessThanOrEqual(3);
  });

  it('cannot be created offline', async () => {
    hub = await FakeHub.start();
    expect(() => HubClient.create({ offline: true })).toThrow(OfflineError);
    expect(hub.connections).toBe(0);
  });

  it('stops at once when its signal aborts', async () => {
    const c = await setup({ latencyMs: 2000 });
    const controller = new AbortController();
    const pending = c.getJson(modelUrl(), controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 50);
    const started = Date.now();
    await expect(pending).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
