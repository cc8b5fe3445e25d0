// A whole fetch of ONE dataset, headless: lock the cache, open it on that dataset (the one
// asked for, else the most recently fetched one held, else the default v2 table), run its
// source kind's stages in order (a leaderboard's: leaderboard, info, commits), flush in
// batches, report events. Other datasets' documents are never touched. The same code runs
// under `hubscope fetch` and, as a child process, under the UI.
import { setMaxListeners } from 'node:events';
import { CacheStore } from '../cache/store.js';
import { causeOf } from '../cache/atomic-write.js';
import { DAY_MS } from '../cache/freshness.js';
import type { DatasetRecord } from '../cache/schema.js';
import { DataError } from '../data/errors.js';
import type { StageContext } from './context.js';
import { redactEvent, type EventSink, type Stage } from './events.js';
import { Flusher } from './flusher.js';
import { HubClient, OfflineError, type ClientOptions, type ClientStats } from './http-client.js';
import { acquireLock } from './lock.js';
import { HostUnreachable } from './refused.js';
import { settingFor, unreachableLine } from './unreachable-advice.js';

/** What the fetcher needs of a source kind (source/sources/source.ts SourceKind). */
export interface FetchableSource {
  id: string;
  title: string;
  stages: readonly Stage[];
  fetchParams?: readonly string[];
  runStage(
    stage: Stage,
    ctx: StageContext,
    options: { refresh: boolean; only: readonly Stage[] | null; rowsPageSize?: number; params?: Readonly<Record<string, string>> },
  ): Promise<void>;
}

export interface FetchOptions {
  cacheDir: string;
  /** The dataset to fetch; null: the most recently fetched one the cache holds, else the
   *  default v2 table. */
  dataset: string | null;
  /** The source kind of a dataset (sources/registry.ts sourceFor; given by the caller, as
   *  the kinds sit above fetch in the data flow). */
  sourceFor: (datasetId: string, record: DatasetRecord | null) => FetchableSource;
  /** --only; null for every stage of the dataset's kind. */
  only: Stage[] | null;
  refresh: boolean;
  /** The source kind's own options (`--config text`), by name; refused when the kind of the
   *  dataset does not take them. */
  params?: Readonly<Record<string, string>>;
  ttlDays: number;
  concurrency: number;
  hubUrl: string;
  datasetsServerUrl: string;
  token: string | null;
  offline: boolean;
  signal?: AbortSignal;
  emit: EventSink;
  /** Test hooks: backoff, timeouts. */
  client?: Partial<ClientOptions>;
  flushEveryMs?: number;
  rowsPageSize?: number;
}

export interface FetchResult {
  interrupted: boolean;
  stats: ClientStats;
  /** Items left as errors by this run (retried next time). */
  errors: number;
}

/** A cache write failure as the one-line error (the store's names the file and the cause). */
function writeFailure(failure: unknown, dir: string): DataError {
  if (failure instanceof DataError) return failure;
  return new DataError(`could not write the cache in ${dir}: ${failure instanceof Error ? failure.message : String(failure)}`);
}

/** Runs the fetch. Throws OfflineError when offline (before touching anything), DataError for
 *  a fatal problem (the cache keeps everything fetched up to then). */
export async function runFetch(options: FetchOptions): Promise<FetchResult> {
  if (options.offline) throw new OfflineError();
  const started = Date.now();
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // every request in flight listens to it
  const abort = (): void => controller.abort(options.signal?.reason ?? new Error('interrupted'));
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const release = await acquireLock(options.cacheDir).catch((error: unknown) => {
    // the directory itself cannot be made (a file in the way, no permission): one line
    if (error instanceof DataError || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new DataError(`cannot use the cache at ${options.cacheDir} (${causeOf(error)})`);
  });
  let client: HubClient | null = null;
  let flusher: Flusher | null = null;
  let errors = 0;
  const emit: EventSink = (event) => {
    if (event.type === 'stage-end') errors += event.errors;
    options.emit(redactEvent(event));
  };
  /** The last event and the result, for a fetch that ran to its end or was stopped. */
  const finish = (client: HubClient, interrupted: boolean): FetchResult => {
    emit({
      type: 'done',
      seconds: Math.round((Date.now() - started) / 100) / 10,
      interrupted,
      requests: client.stats.requests,
      retries: client.stats.retries,
      rateLimited: client.stats.rateLimited,
    });
    return { interrupted, stats: client.stats, errors };
  };
  try {
    const store = await CacheStore.open(options.cacheDir, { dataset: options.dataset });
    const source = options.sourceFor(store.datasetId, store.choice.held ? store.record : null);
    const unknown = (options.only ?? []).filter((stage) => !source.stages.includes(stage));
    if (unknown.length > 0) {
      throw new DataError(`--only: ${store.datasetId} is a ${source.title}, whose stages are ${source.stages.join(', ')}; got "${unknown.join(',')}"`, 2);
    }
    const params = options.params ?? {};
    const foreign = Object.keys(params).filter((name) => !(source.fetchParams ?? []).includes(name));
    if (foreign.length > 0) {
      throw new DataError(`${foreign.map((n) => `--${n}`).join(', ')}: not an option of ${store.datasetId} (${source.title})`, 2);
    }
    const stages = source.stages.filter((stage) => options.only === null || options.only.includes(stage));
    if (!store.choice.held) store.record.kind = source.id;
    client = HubClient.create({
      concurrency: options.concurrency,
      token: options.token,
      // the token goes to these two origins and nowhere else (origin-policy.ts)
      trustedOrigins: [options.hubUrl, options.datasetsServerUrl],
      onPause: (untilMs, reason) => emit({ type: 'paused', untilMs, reason }),
      // a first retry is routine; a request failing again, or one that ran out of time (the
      // user has waited a whole timeout already), says the server or network is in trouble
      onRetry: (host, problem, failures, of, timedOut) => {
        if (failures >= 2 || timedOut) emit({ type: 'retrying', host, problem, attempt: failures + 1, of });
      },
      ...options.client,
    });
    flusher = new Flusher(store, options.flushEveryMs ?? 2000, 500, () => controller.abort(new Error('cache write failed')));
    flusher.start();
    const ctx: StageContext = {
      client,
      store,
      hubUrl: options.hubUrl,
      datasetsServerUrl: options.datasetsServerUrl,
      token: options.token,
      emit,
      signal: controller.signal,
      flusher,
      freshness: { now: started, ttlMs: options.ttlDays * DAY_MS, refreshSince: options.refresh ? started : null },
      concurrency: options.concurrency,
    };
    emit({
      type: 'start',
      cache: options.cacheDir,
      stages,
      dataset: store.datasetId,
      kind: source.id,
      chosen: store.choice.how,
      concurrency: options.concurrency,
    });
    for (const stage of stages) {
      if (controller.signal.aborted) break;
      await source.runStage(stage, ctx, { refresh: options.refresh, only: options.only, rowsPageSize: options.rowsPageSize, params });
    }
    await flusher.stop();
    if (flusher.failure) throw writeFailure(flusher.failure, options.cacheDir);
    return finish(client, options.signal?.aborted === true);
  } catch (caught) {
    controller.abort(caught);
    if (flusher) await flusher.stop(); // keep what was fetched before the failure
    if (options.signal?.aborted && client && !flusher?.failure) {
      // stopped by the caller (a signal, the explorer quitting) while a stage was waiting or
      // retrying: an interruption like any other, not a failure
      return finish(client, true);
    }
    // a failed write stops the stages: say the write, not the stop it caused
    const error = flusher?.failure ? writeFailure(flusher.failure, options.cacheDir) : caught;
    if (error instanceof HostUnreachable) {
      // no connection could be made: say so plainly, with what to do (issue 9 item 10)
      const unreachable = { host: error.host, problem: error.problem, setting: settingFor(error.origin, options.datasetsServerUrl) };
      const line = unreachableLine(unreachable);
      emit({ type: 'fatal', message: line, unreachable });
      throw new DataError(line);
    }
    const message = error instanceof Error ? error.message : String(error);
    emit({ type: 'fatal', message });
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await client?.close();
    await release();
  }
}
