// Shared by the import tests: fixture paths, temp dirs, a v2 parquet file written at run time
// (hyparquet-writer; no binary blob in the repo), and the built CLI.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures/import');
export const SNAPSHOT = '/work/shared/data/leaderboard-v1-2024/leaderboard.csv';

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

const made: string[] = [];

export function tempDir(prefix = 'hs-import-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A small v2 table as parquet: strings, doubles, booleans and INT64 (read back as BigInt). */
export function writeV2Parquet(path: string): void {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'eval_name', data: ['delta_Chat-8B_bfloat16', 'eps_Mix-2x7B_float16'], type: 'STRING' },
      { name: 'Type', data: ['💬 chat models (RLHF, DPO, IFT, ...)', '🤝 base merges and moerges'], type: 'STRING' },
      { name: 'Architecture', data: ['LlamaForCausalLM', 'MixtralForCausalLM'], type: 'STRING' },
      { name: 'fullname', data: ['delta/Chat-8B', 'eps/Mix-2x7B'], type: 'STRING' },
      { name: 'Average ⬆️', data: [30.25, 22.5], type: 'DOUBLE' },
      { name: 'Hub ❤️', data: [15n, 3n], type: 'INT64' },
      { name: '#Params (B)', data: [8.03, 12.88], type: 'DOUBLE' },
      { name: 'Flagged', data: [false, true], type: 'BOOLEAN' },
      { name: 'Merged', data: [false, true], type: 'BOOLEAN' },
      { name: 'IFEval', data: [60.5, 40.0], type: 'DOUBLE' },
      { name: 'BBH', data: [28.0, 30.0], type: 'DOUBLE' },
      { name: 'MATH Lvl 5', data: [8.25, 5.0], type: 'DOUBLE' },
      { name: 'GPQA', data: [5.5, 6.0], type: 'DOUBLE' },
      { name: 'MUSR', data: [10.0, 12.0], type: 'DOUBLE' },
      { name: 'MMLU-PRO', data: [29.25, null], type: 'DOUBLE' },
      { name: 'Upload To Hub Date', data: ['2024-05-01', '2024-03-15'], type: 'STRING' },
      { name: 'Generation', data: [1n, 2n], type: 'INT64' },
      { name: 'Base Model', data: ['meta-llama/Meta-Llama-3-8B', 'eps/Parent-7B (Merge)'], type: 'STRING' },
    ],
  });
  writeFileSync(path, new Uint8Array(buffer));
}

/** Every file under a directory, by its path relative to it, as bytes (to prove a cache was
 *  left untouched: datasets/<dir>/leaderboard.json included). */
export function filesOf(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = sub === '' ? entry.name : join(sub, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path));
    }
  };
  walk('');
  return out;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const CLI = join(ROOT, 'dist/cli.js');

/** Builds dist/ when the import command's sources are newer than the built files. */
export function ensureBuilt(): void {
  const built = join(ROOT, 'dist/commands/import.js');
  // any source file: the import command reaches the cache, the sources and the lock too
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  let stale = true;
  try {
    stale = statSync(built).mtimeMs < newest(join(ROOT, 'source'));
  } catch {
    stale = true;
  }
  // tsc emits even when another part of the tree does not typecheck; the check below decides.
  if (stale) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  statSync(built);
}

export function runCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, HUBSCOPE_CACHE: '', HUBSCOPE_DEBUG: '', NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
