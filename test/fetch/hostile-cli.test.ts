// The built CLI against the hostile server (issue 7 acceptance 2, §5, §6): with HF_TOKEN set to
// a canary and servers echoing the Authorization header, redirecting and linking to a second
// loopback host, the canary reaches no file under the cache, no --events json line, no output
// of `hubscope status`, and no request to the second host; a 1e12 row count ends the fetch with
// one line, no stack trace.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HostileServer, Witness } from '../hostile-server/server.js';
import { builtCli } from './cli-build.js';
import { tempDir } from './helpers.js';
import { hubEnv, runCli } from './run-cli.js';

let cli: string;
let hostile: HostileServer;
let witness: Witness | null = null;

beforeAll(async () => {
  cli = await builtCli();
}, 120_000);
afterEach(async () => {
  await hostile?.close();
  await witness?.close();
  witness = null;
});

/** Every file under dir, recursively, with its content. */
async function filesUnder(dir: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push([path, await readFile(path, 'latin1')]);
  }
  return out;
}

describe('the token never reaches disk or output', () => {
  // not shaped like a Hub token: only the registered secret can catch it
  const CANARY = 'CANARY-7f3a9c-token-value';

  it('servers echo the Authorization header in error texts, redirect and link to a second host', async () => {
    hostile = await HostileServer.start();
    witness = await Witness.start();
    hostile.on({ route: 'model', match: (u) => u.pathname.endsWith('/gamma/g1'), behaviour: { kind: 'redirect', to: witness.url } });
    hostile.on({ route: 'commits', match: (u) => u.pathname.includes('/alpha/'), behaviour: { kind: 'link', target: `${witness.url}/api/models/alpha/m1/commits/main?p=1` } });
    hostile.on({ route: 'model', behaviour: { kind: 'echo-auth', status: 400 } });
    hostile.on({ route: 'model_list', behaviour: { kind: 'echo-auth', status: 422 } });
    hostile.on({ route: 'commits', behaviour: { kind: 'echo-auth', status: 400 } });
    const dir = await tempDir();
    const env = { ...hubEnv(hostile.url), HF_TOKEN: CANARY };
    const fetch = await runCli(cli, ['fetch', '--cache', dir, '--events', 'json'], env);
    const plain = await runCli(cli, ['fetch', '--cache', dir], env); // the retry, with plain progress lines
    const status = await runCli(cli, ['status', '--cache', dir], env);
    const statusJson = await runCli(cli, ['status', '--cache', dir, '--format', 'json'], env);

    // the servers did see it (so the test means something) and echoed it
    expect(hostile.requests.some((r) => r.authorization === `Bearer ${CANARY}`)).toBe(true);
    expect(fetch.code).toBe(0);
    const events = fetch.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; message?: string });
    const itemErrors = events.filter((e) => e.type === 'item-error');
    expect(itemErrors.length).toBeGreaterThan(0);
    expect(itemErrors.some((e) => e.message!.includes('the token in "Bearer [redacted]" was refused'))).toBe(true);
    expect(statusJson.code).toBe(0);
    expect(status.stdout).toContain('[redacted]');

    for (const [name, text] of [
      ['fetch stdout', fetch.stdout],
      ['fetch stderr', fetch.stderr],
      ['second fetch stderr', plain.stderr],
      ['status', status.stdout + status.stderr],
      ['status --format json', statusJson.stdout + statusJson.stderr],
      ...(await filesUnder(dir)),
    ]) {
      expect({ name, leaked: text.includes(CANARY) }).toEqual({ name, leaked: false });
    }
    // nothing went to the second host, with or without the token
    expect(witness.requests).toEqual([]);
    expect(hostile.otherOriginRequests).toEqual([]);
  });

  it('servers echo the token into the data itself (row cells, X-Revision, card fields, commit authors)', async () => {
    hostile = await HostileServer.start();
    hostile.on({ behaviour: { kind: 'echo-auth-data' } });
    const dir = await tempDir();
    const env = { ...hubEnv(hostile.url), HF_TOKEN: CANARY };
    const fetch = await runCli(cli, ['fetch', '--cache', dir, '--events', 'json'], env);
    const status = await runCli(cli, ['status', '--cache', dir, '--format', 'json'], env);
    expect(fetch.code).toBe(0);
    expect(hostile.requests.every((r) => r.authorization === `Bearer ${CANARY}`)).toBe(true);
    expect(JSON.parse(status.stdout).leaderboard).toMatchObject({ revision: 'rev-[redacted]' });
    for (const [name, text] of [['fetch', fetch.stdout + fetch.stderr], ['status', status.stdout + status.stderr], ...(await filesUnder(dir))]) {
      expect({ name, leaked: text.includes(CANARY) }).toEqual({ name, leaked: false });
    }
  });

  it('a fatal error echoing the token (the table is refused): one line on stderr, redacted', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'rows', behaviour: { kind: 'echo-auth', status: 404 } });
    const dir = await tempDir();
    const run = await runCli(cli, ['fetch', '--cache', dir, '--events', 'json'], { ...hubEnv(hostile.url), HF_TOKEN: CANARY });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('the token in "Bearer [redacted]" was refused');
    expect(run.stdout + run.stderr).not.toContain(CANARY);
    const fatal = run.stdout.trim().split('\n').map((line) => JSON.parse(line)).find((e) => e.type === 'fatal');
    expect(fatal.message).toContain('[redacted]');
  });
});

describe('an absurd row count', () => {
  it('num_rows_total 1e12 ends the fetch with one line and exit 1, no stack trace, in seconds', async () => {
    hostile = await HostileServer.start();
    hostile.on({ route: 'rows', behaviour: { kind: 'absurd-total' } });
    const started = Date.now();
    const run = await runCli(cli, ['fetch', '--cache', await tempDir()], hubEnv(hostile.url));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'fetching open-llm-leaderboard/contents (the default; --dataset to choose)',
      'hubscope: the row count of "open-llm-leaderboard/contents" (num_rows_total): the server reports 1,000,000,000,000, more than 10,000,000; refused as absurd',
    ]);
  });
});
