// `hubscope fetch`: one dataset into the cache (fetch/fetcher.ts) — the one --dataset names,
// else the most recently fetched one the cache holds, else the default v2 table — through its
// source kind's stages (a leaderboard: the table, then model metadata, then commit histories).
// Progress on stderr (a bar on a TTY, plain lines otherwise), or one JSON event per line on
// stdout with --events json. SIGINT/SIGTERM stop sending, flush what was fetched and exit
// 130/143; a second signal exits at once.
import { cacheDir } from '../cache/store.js';
import { DATASET_ID } from '../cache/meta.js';
import { DEFAULT_TTL_DAYS } from '../cache/freshness.js';
import { DEFAULT_DATASET, readSettings } from '../env.js';
import type { FetchEvent, Stage } from '../fetch/events.js';
import { runFetch } from '../fetch/fetcher.js';
import { DEFAULT_CONCURRENCY } from '../fetch/http-client.js';
import { fmt, progressView } from '../fetch/progress-view.js';
import { SOURCES, sourceFor } from '../sources/registry.js';
import { UsageError, intOption, numberOption, parse } from './args.js';
import { safeJson } from '../text/safe-output.js';

/** --only: stage names of some source kind (the fetcher checks them against the dataset's). */
function parseOnly(value: string | undefined): Stage[] | null {
  if (value === undefined) return null;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const known = [...new Set(SOURCES.flatMap((s) => s.stages))];
  const bad = names.filter((n) => !known.includes(n));
  if (names.length === 0 || bad.length > 0) {
    throw new UsageError(`--only takes a comma-separated list of ${known.join(', ')}; got "${value}"`);
  }
  return names;
}


function checkUrl(value: string, what: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${what} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${what} must be an http(s) URL, got "${value}"`);
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    dataset: { type: 'string' },
    'datasets-server': { type: 'string' },
    only: { type: 'string' },
    refresh: { type: 'boolean' },
    ttl: { type: 'string' },
    concurrency: { type: 'string' },
    events: { type: 'string' },
    offline: { type: 'boolean' },
    // LMArena (sources/arena.ts, hub-api.md §13): the table of the dataset to keep
    config: { type: 'string' },
    split: { type: 'string' },
    category: { type: 'string' },
    revision: { type: 'string' },
    history: { type: 'string' },
  });
  const only = parseOnly(values.only);
  const ttlDays = numberOption(values.ttl, 'ttl', DEFAULT_TTL_DAYS);
  if (ttlDays < 0) throw new UsageError(`--ttl must be a number of days ≥ 0, got "${values.ttl}"`);
  const concurrency = intOption(values.concurrency, 'concurrency', DEFAULT_CONCURRENCY);
  if (concurrency > 64) throw new UsageError('--concurrency must be at most 64');
  if (values.events !== undefined && values.events !== 'json') throw new UsageError(`--events takes "json", got "${values.events}"`);
  if (values.dataset !== undefined && !DATASET_ID.test(values.dataset)) {
    throw new UsageError(`--dataset must be a dataset id such as ${DEFAULT_DATASET}, got "${values.dataset}"`);
  }
  const params: Record<string, string> = {};
  for (const name of ['config', 'split', 'category'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    if (!/^[\w.-]{1,100}$/.test(value)) throw new UsageError(`--${name} takes a name of letters, digits, "_", "-" or ".", got "${value}"`);
    params[name] = value;
  }
  // the Hub snapshot's own options (hub-api.md §12): the fetcher refuses them for other kinds
  if (values.revision !== undefined) {
    if (!/^[\w][\w.\/-]{0,99}$/.test(values.revision)) throw new UsageError(`--revision takes a commit sha or a branch name, got "${values.revision}"`);
    params.revision = values.revision;
  }
  if (values.history !== undefined) {
    const history = intOption(values.history, 'history', 2, 2);
    if (history > 520) throw new UsageError('--history takes at most 520 weekly snapshots');
    params.history = String(history);
  }
  if (values['datasets-server'] !== undefined) checkUrl(values['datasets-server'], '--datasets-server');
  const settings = readSettings(process.env, { datasetsServer: values['datasets-server'], offline: values.offline });
  if (!settings.offline) {
    checkUrl(settings.hubUrl, 'HF_ENDPOINT');
    checkUrl(settings.datasetsServerUrl, 'HUBSCOPE_DATASETS_SERVER');
  }

  const json = values.events === 'json';
  const view = json ? null : progressView(process.stderr);
  const emit = (event: FetchEvent): void => {
    if (json) process.stdout.write(`${safeJson(event)}\n`);
    else if (event.type === 'start') {
      // which dataset, when none was named (the events carry it as `chosen`)
      if (event.chosen === 'recent') process.stderr.write(`fetching ${event.dataset} (most recently fetched; --dataset to choose)\n`);
      if (event.chosen === 'default') process.stderr.write(`fetching ${event.dataset} (the default; --dataset to choose)\n`);
    } else view!(event);
  };

  const controller = new AbortController();
  let signalCode = 0;
  const onSignal = (name: NodeJS.Signals): void => {
    if (signalCode !== 0) process.exit(signalCode); // second signal: no more waiting
    signalCode = name === 'SIGINT' ? 130 : 143;
    controller.abort(new Error(`stopped by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', () => controller.abort(new Error('stdout closed'))); // the reader went away

  try {
    const result = await runFetch({
      cacheDir: cacheDir(values.cache),
      dataset: values.dataset ?? null,
      sourceFor,
      only,
      refresh: values.refresh === true,
      params,
      ttlDays,
      concurrency,
      hubUrl: settings.hubUrl,
      datasetsServerUrl: settings.datasetsServerUrl,
      token: settings.token,
      offline: settings.offline,
      signal: controller.signal,
      emit,
    });
    view?.close();
    if (result.interrupted) return signalCode || 130;
    if (result.errors > 0 && !json) {
      process.stderr.write(`${fmt(result.errors)} items failed for now; they are retried on the next hubscope fetch\n`);
    }
    return 0;
  } finally {
    view?.close();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
