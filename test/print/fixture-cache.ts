// A cache built from the fake Hub's fixtures through the real path (the fetcher against the
// fake Hub, written by the cache store), and the built CLI to run `print` on it.
import { FakeHub, loadFixtures } from '../fake-hub/server.js';
import { builtCli } from '../fetch/cli-build.js';
import { fetchInto, tempDir } from '../fetch/helpers.js';
import { runCli, type CliRun } from '../fetch/run-cli.js';

export const fixtures = loadFixtures();

/** Fetches every stage of the fixtures into a new temp cache; returns its directory. */
export async function fixtureCache(): Promise<string> {
  const hub = await FakeHub.start();
  try {
    const dir = await tempDir('hubscope-print-');
    await fetchInto(hub, dir);
    return dir;
  } finally {
    await hub.close();
  }
}

export interface PrintRunner {
  cli: string;
  dir: string;
  print(args: string[], env?: Record<string, string>): Promise<CliRun>;
}

/** Builds the CLI (once, shared with the other CLI tests) and the fixture cache. */
export async function printRunner(): Promise<PrintRunner> {
  const [cli, dir] = await Promise.all([builtCli(), fixtureCache()]);
  return { cli, dir, print: (args, env = {}) => runCli(cli, ['print', ...args, '--cache', dir], env) };
}

/** The escape character: no output of a pipe may hold one. */
export const ESC = '\u001b';

/** Runs several print command lines, a few at a time; results by the joined arguments. */
export async function printAll(runner: PrintRunner, lines: string[][], concurrency = 4): Promise<Map<string, CliRun>> {
  const out = new Map<string, CliRun>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < lines.length) {
      const args = lines[next++]!;
      out.set(args.join(' '), await runner.print(args));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}
