// Runs the fetcher beside the UI as a child process (`hubscope fetch --events json`) and
// folds its JSON-line events into a state the status bar shows. A child process, not a
// worker: the fetch's JSON parsing and cache writes never compete with the UI's event loop,
// a crash in one cannot take the other down, and it is the very command users run headless.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { retryText } from '../../fetch/progress-view.js';
import type { Unreachable } from '../../fetch/unreachable-advice.js';

export interface FetchState {
  running: boolean;
  stage: string | null;
  done: number;
  total: number;
  rate: number | null;
  etaSeconds: number | null;
  errors: number;
  /** Recent item errors and fatal messages, newest last (bounded). */
  messages: string[];
  /** Set when the fetch ended: its exit code. */
  exitCode: number | null;
  pausedUntil: number | null;
  /** A request failing again and again, until requests get through ("host: problem, attempt
   *  n of m"): with no network this is all there is to show. */
  retrying: string | null;
  /** A file's download (the Hub snapshot: done/total are bytes): what it does now and its rows
   *  (fetch/events.ts FileProgress); absent for a stage of items. */
  file?: { phase: string; rows: number; rowsTotal: number };
  /** No connection to the Hub (or the dataset viewer) could be made: which host and why
   *  (fetch/unreachable-advice.ts says it). */
  unreachable: Unreachable | null;
}

export const IDLE: FetchState = {
  running: false,
  stage: null,
  done: 0,
  total: 0,
  rate: null,
  etaSeconds: null,
  errors: 0,
  messages: [],
  exitCode: null,
  pausedUntil: null,
  retrying: null,
  unreachable: null,
};

type Listener = (state: FetchState, event: Record<string, unknown> | null) => void;

/** The built CLI: dist/cli.js, found from this module in the bundle (dist/chunks/), in a
 *  plain compile (dist/app/services/), or from source (source/app/services/: the project's dist/). */
export function cliPath(): string {
  for (const candidate of ['../cli.js', './cli.js', '../../cli.js', '../../../dist/cli.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function unreachableOf(value: unknown): Unreachable | null {
  if (!value || typeof value !== 'object') return null;
  const u = value as Record<string, unknown>;
  if (typeof u.host !== 'string' || typeof u.problem !== 'string') return null;
  return { host: u.host, problem: u.problem, setting: u.setting === 'HUBSCOPE_DATASETS_SERVER' ? 'HUBSCOPE_DATASETS_SERVER' : 'HF_ENDPOINT' };
}

/** Folds one event into the state (pure). */
export function reduceFetchEvent(state: FetchState, event: Record<string, unknown>): FetchState {
  const type = event.type;
  const stage = typeof event.stage === 'string' ? event.stage : state.stage;
  const message = typeof event.message === 'string' ? event.message : null;
  const keep = (list: string[], item: string | null): string[] => (item ? [...list, item].slice(-50) : list);
  switch (type) {
    case 'stage-start':
      return { ...state, running: true, stage, done: 0, total: num(event.total) ?? 0, rate: null, etaSeconds: null, file: undefined };
    case 'progress': {
      const done = num(event.done) ?? state.done;
      const file = typeof event.phase === 'string' ? { phase: event.phase, rows: num(event.rows) ?? 0, rowsTotal: num(event.rowsTotal) ?? 0 } : undefined;
      return {
        ...state,
        file,
        running: true,
        stage,
        done,
        total: num(event.total) ?? state.total,
        rate: num(event.rate),
        etaSeconds: num(event.etaSeconds),
        errors: num(event.errors) ?? state.errors,
        pausedUntil: null,
        retrying: done > state.done ? null : state.retrying, // requests get through again
      };
    }
    case 'item-error':
      return {
        ...state,
        messages: keep(state.messages, `${String(event.key ?? '')}: ${message ?? 'error'}`),
      };
    case 'paused':
      return { ...state, pausedUntil: num(event.untilMs) };
    case 'retrying':
      return {
        ...state,
        retrying: retryText({ type: 'retrying', host: String(event.host ?? ''), problem: String(event.problem ?? ''), attempt: num(event.attempt) ?? 0, of: num(event.of) ?? 0 }),
      };
    case 'stage-end':
      return { ...state, stage, done: num(event.done) ?? state.total, etaSeconds: 0, retrying: null };
    case 'fatal':
      return { ...state, messages: keep(state.messages, message ?? 'fetch failed'), unreachable: unreachableOf(event.unreachable) ?? state.unreachable };
    case 'done':
      return { ...state, running: false, etaSeconds: 0, retrying: null };
    default:
      return state;
  }
}

export class FetchController {
  private child: ChildProcess | null = null;
  private listeners = new Set<Listener>();
  state: FetchState = IDLE;

  constructor(
    private readonly cacheDir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly extraArgs: string[] = [],
    /** The hubscope CLI to run (default: the one this module belongs to). */
    private readonly cli: string = cliPath(),
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: Record<string, unknown> | null): void {
    for (const listener of this.listeners) listener(this.state, event);
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts a fetch unless one runs. `refresh` re-fetches everything. */
  start(refresh = false): void {
    if (this.child) return;
    const args = [this.cli, 'fetch', '--events', 'json', '--cache', this.cacheDir, ...this.extraArgs];
    if (refresh) args.push('--refresh');
    const child = spawn(process.execPath, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.state = { ...IDLE, running: true, errors: 0, messages: [] };
    this.emit(null);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        return; // not an event line
      }
      if (event && typeof event === 'object') {
        this.state = reduceFetchEvent(this.state, event as Record<string, unknown>);
        this.emit(event as Record<string, unknown>);
      }
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.on('close', (code, signal) => {
      this.child = null;
      const failed = code !== 0 && signal === null;
      const last = stderr.trim().split('\n').pop();
      // the CLI's error line repeats the fatal event's message: kept once
      const known = last !== undefined && this.state.messages.some((m) => last === `hubscope: ${m}`);
      this.state = {
        ...this.state,
        running: false,
        exitCode: code ?? (signal ? 128 : 1),
        messages: failed && last && !known ? [...this.state.messages, last].slice(-50) : this.state.messages,
      };
      this.emit({ type: 'exit', code, signal });
    });
  }

  /** Stops a running fetch cleanly (SIGTERM: it flushes the cache and exits); SIGKILL after a
   *  grace period. Resolves when the child has exited. */
  stop(graceMs = 5000): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
