// A whole fetch, headless: lock the cache, open it, run the stages in order (leaderboard,
// info, commits), flush in batches, report events. The same code runs under `hubscope fetch`
// and, as a child process, under the UI.
import { setMaxListeners } from 'node:events';
import { CacheStore } from '../cache/store.js';
import { DAY_MS } from '../cache/freshness.js';
import { DataError } from '../data/errors.js';
import type { StageContext } from './context.js';
import { STAGES, redactEvent, type EventSink, type Stage } from './events.js';
import { Flusher } from './flusher.js';
import { HubClient, OfflineError, type ClientOptions, type ClientStats } from './http-client.js';
import { acquireLock } from './lock.js';
import { commitsStage } from './stage-commits.js';
import { infoStage } from './stage-info.js';
import { leaderboardStage } from './stage-leaderboard.js';

export interface FetchOptions {
  cacheDir: string;
  dataset: string;
  /** --dataset was given: fetch the table even over a file import. */
  datasetExplicit: boolean;
  /** --only; null for every stage. */
  only: Stage[] | null;
  refresh: boolean;
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
  const stages = options.only ?? [...STAGES];
  const release = await acquireLock(options.cacheDir);
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
    const store = await CacheStore.open(options.cacheDir);
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
      emit,
      signal: controller.signal,
      flusher,
      freshness: { now: started, ttlMs: options.ttlDays * DAY_MS, refreshSince: options.refresh ? started : null },
      concurrency: options.concurrency,
    };
    emit({ type: 'start', cache: options.cacheDir, stages, dataset: options.dataset, concurrency: options.concurrency });
    for (const stage of stages) {
      if (controller.signal.aborted) break;
      if (stage === 'leaderboard') {
        const origin = store.leaderboard.origin;
        if (origin?.startsWith('file:') && options.only === null && !options.datasetExplicit) {
          emit({
            type: 'stage-skip',
            stage,
            reason: `the leaderboard was imported from ${origin.slice(5)}; pass --dataset ID or --only leaderboard to fetch it from the dataset viewer`,
          });
          continue;
        }
        await leaderboardStage(ctx, { dataset: options.dataset, refresh: options.refresh, pageSize: options.rowsPageSize });
      } else {
        if (store.leaderboard.entries.length === 0) {
          emit({ type: 'stage-skip', stage, reason: 'no leaderboard in the cache: fetch or import one first' });
          continue;
        }
        await (stage === 'info' ? infoStage(ctx) : commitsStage(ctx));
      }
    }
    await flusher.stop();
    if (flusher.failure) throw new DataError(`could not write the cache in ${options.cacheDir}: ${String((flusher.failure as Error).message ?? flusher.failure)}`);
    return finish(client, options.signal?.aborted === true);
  } catch (error) {
    controller.abort(error);
    if (flusher) await flusher.stop(); // keep what was fetched before the failure
    if (options.signal?.aborted && client && !flusher?.failure) {
      // stopped by the caller (a signal, the explorer quitting) while a stage was waiting or
      // retrying: an interruption like any other, not a failure
      return finish(client, true);
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
