// A newcomer's first minute with no network (issue 9 item 10): the real explorer in tmux on an
// empty cache, the Hub and the dataset viewer pointed at a closed port on 127.0.0.1. Within
// 10 s of the start it must say plainly that the Hub cannot be reached, that it works offline
// on the cache, and what to do (r, the variable, npx hubscope import FILE); r tries again; e
// exports under the cache's exports/, not into the current directory. A server that accepts
// and never answers is slow, not unreachable: no such message after 10 s.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { closedPort, silentServer, type Condition } from '../net/conditions.js';

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let cli: string;
let session: string | null = null;
let condition: Condition | null = null;
beforeAll(async () => {
  cli = await builtCli();
}, 120_000);
afterEach(async () => {
  if (session) execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  session = null;
  await condition?.close();
  condition = null;
});

const screen = (): string => execFileSync('tmux', ['capture-pane', '-p', '-t', session!], { encoding: 'utf8' }).trimEnd();
const keys = (...k: string[]): void => void execFileSync('tmux', ['send-keys', '-t', session!, ...k]);

async function waitFor(test: (s: string) => boolean, ms: number): Promise<{ screen: string; ms: number }> {
  const started = performance.now();
  for (;;) {
    const s = screen();
    if (test(s)) return { screen: s, ms: performance.now() - started };
    if (performance.now() - started > ms) throw new Error(`not on screen within ${ms} ms:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the explorer in tmux (W×H) in `cwd` on `cache`, with both hosts at `url`; returns
 *  the clock reading of the start. */
function start(url: string, cwd: string, cache: string, width: number, height: number): number {
  session = `hubscope-first-minute-${process.pid}-${Math.round(performance.now())}`;
  const command = `cd ${cwd} && CI=true TERM=xterm-256color HF_TOKEN= HF_ENDPOINT=${url} HUBSCOPE_DATASETS_SERVER=${url} ${process.execPath} ${cli} --cache ${cache}; sleep 30`;
  const at = performance.now();
  execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', String(width), '-y', String(height), command]);
  return at;
}

describe.skipIf(!hasTmux)('the first minute with no network (tmux)', () => {
  it.each([
    [80, 24],
    [120, 40],
  ])('at %i×%i: says within 10 s that the Hub cannot be reached and what to do; r retries; e exports under the cache', async (width, height) => {
    condition = await closedPort();
    const cwd = await tempDir('hubscope-cwd-');
    const cache = join(await tempDir('hubscope-first-'), 'cache');
    const began = start(condition.url, cwd, cache, width, height);
    // Both the message and the status bar: tmux can be captured while a frame is half painted
    // (the message drawn, the status bar not yet), so the wait asks for the whole frame.
    const whole = (s: string): boolean =>
      s.includes('The Hub cannot be reached') && (s.split('\n').at(-1) ?? '').includes('offline: cannot reach');
    const seen = await waitFor(whole, 10_000);
    const latency = performance.now() - began;
    console.log(`unreachable message on screen ${Math.round(latency)} ms after the start (${width}×${height})`);
    expect(latency).toBeLessThan(10_000);
    const lines = seen.screen.split('\n');
    expect(seen.screen).toContain(`The Hub cannot be reached: ${condition.host}: connection refused.`);
    expect(seen.screen).toContain('The explorer works offline on what the cache holds');
    expect(seen.screen).toMatch(/r retries · set HUBSCOPE_DATASETS_SERVER to a server you can reach/);
    expect(seen.screen).toContain('npx hubscope import FILE loads a leaderboard table from a file.');
    expect(lines.at(-1)).toContain(`offline: cannot reach ${condition.host} · r retries`); // the status bar
    expect(seen.screen).not.toMatch(/attempt \d of 8|fetch failed/);
    // r: a new fetch, told again at once
    keys('r');
    await waitFor((s) => s.includes('fetch started'), 5_000);
    await waitFor((s) => !s.includes('fetch started') && s.includes('offline: cannot reach'), 10_000);
    // e: under the cache's exports/, nothing in the current directory
    keys('e');
    const exported = await waitFor((s) => (s.split('\n').at(-1) ?? '').includes('exported to '), 5_000);
    const files = readdirSync(join(cache, 'exports'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^hubscope-overview-\d{8}-\d{6}\.md$/);
    expect(exported.screen.split('\n').at(-1)).toContain('exported to ');
    expect(exported.screen).toContain(files[0]!);
    expect(readdirSync(cwd)).toEqual([]);
    keys('q');
    await waitFor((s) => !s.includes('Overview'), 5_000);
    expect(existsSync(join(cache, '.lock'))).toBe(false);
  }, 60_000);

  it('a server that accepts and never answers is not "unreachable": still fetching after 10 s', async () => {
    condition = await silentServer();
    const cwd = await tempDir('hubscope-cwd-');
    const cache = join(await tempDir('hubscope-first-'), 'cache');
    start(condition.url, cwd, cache, 100, 30);
    await waitFor((s) => s.includes('fetch starting'), 5_000);
    await new Promise((r) => setTimeout(r, 10_000));
    const s = screen();
    expect(s).not.toContain('cannot be reached');
    expect(s).not.toContain('cannot reach');
    expect(s.split('\n').at(-1)).toContain('fetch starting');
  }, 40_000);
});
