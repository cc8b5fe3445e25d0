// A host that cannot be reached at all is told within seconds (issue 9 item 10), against real
// sockets on 127.0.0.1: a closed port (refused) and a black hole (connect timeout) give
// HostUnreachable, with the default timeouts, well within 10 s; a server that accepts and
// never answers, one that answers 503, and one that answered before going away keep the retry
// policy (they are slow or in trouble, not unreachable).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient, HttpError } from '../../source/fetch/http-client.js';
import { isUnreachable } from '../../source/fetch/problems.js';
import { GaveUpOnHost, HostUnreachable } from '../../source/fetch/refused.js';
import { blackHole, closedPort, failingServer, silentServer, type Condition } from '../net/conditions.js';

let condition: Condition | null = null;
let client: HubClient | null = null;
afterEach(async () => {
  await client?.close();
  await condition?.close();
  client = null;
  condition = null;
});

/** The failure of one GET and how long it took, with the client's retry reports. */
async function failure(url: string, options: Parameters<typeof HubClient.create>[0] = {}): Promise<{ error: unknown; ms: number; retries: string[] }> {
  const retries: string[] = [];
  client = HubClient.create({ ...options, onRetry: (host, problem, n, of) => retries.push(`${host}: ${problem}, ${n} of ${of}`) });
  const started = performance.now();
  const error = await client.getJson(`${url}/rows?dataset=x`).then(
    () => null,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started, retries };
}

describe('unreachable: no connection can be made', () => {
  it('a closed port: HostUnreachable after 3 refused attempts, in about a second (default options)', async () => {
    condition = await closedPort();
    const { error, ms, retries } = await failure(condition.url);
    expect(error).toBeInstanceOf(HostUnreachable);
    const u = error as HostUnreachable;
    expect(u.host).toBe(condition.host);
    expect(u.problem).toBe('connection refused');
    expect(u.attempts).toBe(3);
    expect(ms).toBeLessThan(3_000);
    expect(retries).toEqual([]); // no "retrying … attempt N of 8" on the way
    // the host is given up: the next request fails at once, with the same error
    const again = performance.now();
    await expect(client!.getJson(`${condition.url}/other`)).rejects.toBe(error);
    expect(performance.now() - again).toBeLessThan(50);
  });

  it('a black hole (SYNs dropped): HostUnreachable from connect timeouts within 10 s (default 4 s connect timeout)', async () => {
    condition = await blackHole();
    const { error, ms } = await failure(condition.url);
    expect(error).toBeInstanceOf(HostUnreachable);
    expect((error as HostUnreachable).problem).toMatch(/no connection within the connect timeout \(UND_ERR_CONNECT_TIMEOUT\)/);
    expect((error as HostUnreachable).attempts).toBe(2); // 2 × 4 s passes the 5 s budget
    expect(ms).toBeGreaterThan(7_500);
    expect(ms).toBeLessThan(10_000);
  }, 20_000);

  it('tells the kinds of failure apart: no connection vs. an answer that did not come', () => {
    const coded = (code: string): Error => Object.assign(new Error(code), { code });
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(isUnreachable(coded(code)), code).toBe(true);
    }
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'EPIPE']) {
      expect(isUnreachable(coded(code)), code).toBe(false);
    }
    // several addresses tried (happy eyeballs): unreachable only when every one was
    expect(isUnreachable(Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ENETUNREACH')]), {}))).toBe(true);
    expect(isUnreachable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNRESET')]))).toBe(false);
  });
});

describe('not unreachable: slow, failing or gone-away hosts keep the retry policy', () => {
  it('a server that accepts and never answers: every attempt times out, then the usual give-up (not HostUnreachable)', async () => {
    condition = await silentServer();
    const { error, retries } = await failure(condition.url, { headersTimeoutMs: 300, backoff: { maxAttempts: 4, baseMs: 5, capMs: 10 } });
    expect(error).toBeInstanceOf(GaveUpOnHost);
    expect(error).not.toBeInstanceOf(HostUnreachable);
    expect((error as Error).message).toMatch(/^gave up on 127\.0\.0\.1:\d+: timeout \(UND_ERR_HEADERS_TIMEOUT\) on all 4 attempts/);
    expect(retries).toHaveLength(3); // every retry reported, as before
  });

  it('a server answering 503: all 8 attempts, then an HTTP error for that request', async () => {
    const server = await failingServer();
    condition = server;
    const { error } = await failure(server.url, { backoff: { baseMs: 5, capMs: 10 } });
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect(server.requests()).toBe(8);
  });

  it('a host that answered in this run and then refuses: a blip, retried 8 times, not unreachable', async () => {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = HubClient.create({ backoff: { baseMs: 5, capMs: 10 } });
    expect((await client.getJson(`${url}/a`)).body).toEqual({ ok: true });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 20)); // /b begins after /a's answer
    const error = await client.getJson(`${url}/b`).catch((e: unknown) => e);
    // the whole policy ran: the usual give-up after 8 attempts (host-health.ts), not the fast verdict
    expect(error).toBeInstanceOf(GaveUpOnHost);
    expect(error).not.toBeInstanceOf(HostUnreachable);
    expect((error as Error).message).toMatch(/^gave up on 127\.0\.0\.1:\d+: connection refused on all 8 attempts over \d+ s/);
  });
});
