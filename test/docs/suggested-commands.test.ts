// Every command the README or a message suggests runs as written from a fresh clone after
// `npm install` (issue 9 item 10): written `npx hubscope …`, which npx resolves to the
// project's own bin (package.json "bin", dist/cli.js, built by "prepare") with no download; and
// each README command line parses — run for real on an empty cache with no network, it ends on
// its own one-line answer (exit 0 or 1), never a usage error (exit 2), an unknown option or an
// unexpected error. The explorer's lines, with no terminal here, stop at "needs a terminal",
// which comes after their options are parsed.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { cliEnv, type CliRun } from '../fetch/run-cli.js';
import { spawn } from 'node:child_process';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The command lines of the README's ```sh blocks, comments and redirections dropped. */
function readmeCommands(): string[] {
  const lines: string[] = [];
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.replace(/\s+#.*$/, '').replace(/\s*>\s*\S+$/, '').trim();
      if (line !== '') lines.push(line);
    }
  }
  return lines;
}

/** Shell words: spaces split, single and double quotes group (what the README uses). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

function run(cli: string, args: string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, ...args], { env: cliEnv(env), cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Message texts in the source that tell the user to run hubscope (not comments). */
function sourceSuggestions(dir: string): Array<{ file: string; line: string }> {
  const found: Array<{ file: string; line: string }> = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      found.push(...sourceSuggestions(path));
      continue;
    }
    if (!/\.tsx?$/.test(entry)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
      // "run hubscope fetch", "use: hubscope print", ": hubscope import", "(see hubscope status)"
      if (/(?:\brun |\buse: |: |\(see |\btry: |, or |, then |= `)hubscope (?:fetch|import|print|status|keys|explore|--help)/.test(line)) found.push({ file: path, line: line.trim() });
    }
  }
  return found;
}

let cli: string;
beforeAll(async () => {
  cli = await builtCli();
}, 120_000);

describe('commands the README and the messages suggest', () => {
  const commands = readmeCommands();
  const hubscope = commands.filter((c) => /\bhubscope\b/.test(c));

  it('are written npx hubscope …, as they run from a clone', () => {
    expect(hubscope.length).toBeGreaterThanOrEqual(20);
    expect(hubscope.filter((c) => !c.startsWith('npx hubscope'))).toEqual([]);
    expect(commands.filter((c) => !/\bhubscope\b/.test(c))).toEqual(['npm install && npm start', 'npm test']);
    // the messages too: no bare "run hubscope …" left in the source's texts
    expect(sourceSuggestions(join(ROOT, 'source'))).toEqual([]);
  });

  it('npx hubscope runs the clone’s own build (no download: --no)', async () => {
    const { stdout } = await promisify(execFile)('npx', ['--no', '--', 'hubscope', '--version'], { cwd: ROOT, env: cliEnv({}) });
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(stdout.trim()).toBe(`hubscope ${version}`);
  }, 60_000);

  it('each README command line parses and ends on its own answer (empty cache, offline)', async () => {
    // each on its own empty cache (an import fills its own)
    const results = await Promise.all(
      hubscope.map(async (line) => {
        const args = words(line).slice(2); // after "npx hubscope"
        const env = { HUBSCOPE_CACHE: await tempDir('hubscope-readme-'), HF_HUB_OFFLINE: '1' };
        return { line, result: await run(cli, args, env, ROOT) };
      }),
    );
    const wrong = results
      .filter(({ line, result }) => {
        const out = result.stderr.trim();
        if (/Unknown option|unexpected error|unknown command|takes |must be/.test(out)) return true;
        if (result.code === 2) return !/needs a terminal/.test(out) || !/^npx hubscope( --| explore|$)/.test(line);
        return result.code !== 0 && result.code !== 1;
      })
      .map(({ line, result }) => `${line} → exit ${result.code}: ${result.stderr.trim()}`);
    expect(wrong).toEqual([]);
    // and they did reach their own checks: the explorer's lines want a terminal, fetch is
    // offline, print finds the cache empty
    const by = (prefix: string) => results.filter((r) => r.line.startsWith(prefix)).map((r) => r.result.stderr.trim());
    expect(by('npx hubscope fetch').every((e) => /offline: HF_HUB_OFFLINE/.test(e))).toBe(true);
    expect(by('npx hubscope print').filter((e) => !/is empty: run npx hubscope fetch or npx hubscope import FILE|has no dataset ".*": it holds no dataset yet/.test(e))).toEqual([]);
    expect(results.filter((r) => /^npx hubscope( --|$)/.test(r.line)).every((r) => /needs a terminal/.test(r.result.stderr))).toBe(true);
  }, 120_000);
});
