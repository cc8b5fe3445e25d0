// A corrupt cache file, or one written by a newer schema, stops `fetch` and `status` with one
// line and a non-zero exit, before any request, and is left byte for byte as it was.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CacheStore } from '../../source/cache/store.js';
import { FakeHub } from '../fake-hub/server.js';
import { builtCli } from '../fetch/cli-build.js';
import { fetchInto, tempDir } from '../fetch/helpers.js';
import { hubEnv, runCli } from '../fetch/run-cli.js';

let cli: string;
let hub: FakeHub;

beforeAll(async () => {
  cli = await builtCli();
}, 120_000);
afterEach(async () => hub?.close());

const cases: Array<[string, string, string, RegExp]> = [
  ['a truncated models.json', 'models.json', '{"schema":1,"items":{"a/b":{"status":"ok"', /models\.json is corrupt .*left as it is/],
  ['a commits.json that is not an object', 'commits.json', '[1,2,3]', /commits\.json is corrupt \(not a JSON object\)/],
  ['a meta.json from a newer schema', 'meta.json', '{"schema":99,"writtenBy":"hubscope/9.0.0","completed":{}}', /written by a newer hubscope \(schema 99/],
];

describe('a damaged cache', () => {
  it.each(cases)('%s: fetch and status exit 1 with one line, no request, file unchanged', async (_name, file, text, message) => {
    hub = await FakeHub.start();
    const dir = await tempDir();
    await fetchInto(hub, dir, { only: ['leaderboard'] });
    await writeFile(join(dir, file), text);
    const before = await readFile(join(dir, file));
    const table = join('datasets', 'open-llm-leaderboard--contents', 'leaderboard.json');
    const others = await Promise.all([table].filter((f) => f !== file).map((f) => readFile(join(dir, f))));
    hub.requests.length = 0;

    for (const args of [['fetch', '--cache', dir], ['status', '--cache', dir]]) {
      const run = await runCli(cli, args, hubEnv(hub.url));
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    }
    expect(hub.count()).toBe(0);
    expect(await readFile(join(dir, file))).toEqual(before);
    expect(await Promise.all([table].filter((f) => f !== file).map((f) => readFile(join(dir, f))))).toEqual(others);
  });

  it('CacheStore.open refuses the newer schema without writing anything', async () => {
    const dir = await tempDir();
    const text = '{"schema":3,"items":{}}';
    await writeFile(join(dir, 'models.json'), text);
    await expect(CacheStore.open(dir)).rejects.toThrow(/newer hubscope/);
    expect(await readFile(join(dir, 'models.json'), 'utf8')).toBe(text);
  });
});
