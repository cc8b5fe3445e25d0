// Spawns the built CLI with a clean environment (no token from the machine running the tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(HF_|HUGGING|HUBSCOPE_|TRANSFORMERS_OFFLINE)/.test(key)) env[key] = value;
  }
  return { ...env, HF_HOME: join(tmpdir(), 'hubscope-test-no-hf-home'), ...extra };
}

export function spawnCli(cli: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [cli, ...args], { env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export const runCli = (cli: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> => spawnCli(cli, args, env).done;

export const hubEnv = (url: string): Record<string, string> => ({ HF_ENDPOINT: url, HUBSCOPE_DATASETS_SERVER: url });
