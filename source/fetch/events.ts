// What a fetch reports while it runs. `hubscope fetch` draws these as a progress bar (TTY) or
// plain lines; `hubscope fetch --events json` writes one per line on stdout for the UI.
//
//   start       {cache, stages, dataset, kind, chosen, concurrency}   once, first; chosen:
//                                         asked (--dataset), recent (the most recently
//                                         fetched one held) or default (an empty cache)
//   stage-start {stage, total, cached}    total: items this run fetches (rows for the
//                                         leaderboard); cached: items already fresh
//   stage-skip  {stage, reason}           the stage does nothing this run, and why
//   note        {stage, message}          what a stage did, in one line (LMArena's table:
//                                         which path it took, parquet or /rows, and why)
//   progress    {stage, done, total, ok, gone, errors, rate, etaSeconds}
//                                         at most ~4 per second; rate in items/s over the
//                                         last seconds (null until known), ETA likewise
//   item-error  {stage, key, message}     one item failed for now (it is retried)
//   paused      {untilMs, reason}         the client stopped sending until untilMs (epoch ms)
//   retrying    {host, problem, attempt, of}   one request failed again (from its 2nd failure
//                                         in a row): the server or network is in trouble
//               a file's download (the Hub snapshot) adds {phase, bytes, bytesTotal, rows,
//               rowsTotal}: done/total are its bytes, phase what it does (resolve, footer,
//               download, ingest: …), rows those whose row groups are all downloaded
//   stage-end   {stage, done, total, ok, gone, errors, seconds}   [detail: one line of what
//                                         the stage did, for a stage that is not items]
//   done        {seconds, interrupted, requests, retries, rateLimited}   once, last
//   fatal       {message, unreachable?}   the fetch cannot go on (also printed on stderr);
//                                         unreachable {host, problem, setting}: no connection
//                                         to that host could be made (issue 9 item 10)

import { redactSecrets } from '../text/redact.js';
import type { Unreachable } from './unreachable-advice.js';

/** A stage's name: each source kind has its own (source/sources; a leaderboard's are
 *  LEADERBOARD_STAGES). */
export type Stage = string;
export const LEADERBOARD_STAGES: readonly Stage[] = ['leaderboard', 'info', 'commits'];

export interface Counts {
  done: number;
  total: number;
  ok: number;
  gone: number;
  errors: number;
}

export type FetchEvent =
  | { type: 'start'; cache: string; stages: Stage[]; dataset: string; kind: string; chosen: 'asked' | 'recent' | 'default'; concurrency: number }
  | { type: 'stage-start'; stage: Stage; total: number; cached: number; detail?: string }
  | { type: 'stage-skip'; stage: Stage; reason: string }
  | { type: 'note'; stage: Stage; message: string }
  | ({ type: 'progress'; stage: Stage; rate: number | null; etaSeconds: number | null } & Counts & Partial<FileProgress>)
  | { type: 'item-error'; stage: Stage; key: string; message: string }
  | { type: 'paused'; untilMs: number; reason: string }
  | { type: 'retrying'; host: string; problem: string; attempt: number; of: number }
  | ({ type: 'stage-end'; stage: Stage; seconds: number; detail?: string } & Counts)
  | { type: 'done'; seconds: number; interrupted: boolean; requests: number; retries: number; rateLimited: number }
  | { type: 'fatal'; message: string; unreachable?: Unreachable };

/** A file download's progress (the Hub snapshot: hub-api.md §12), beside the counts. */
export interface FileProgress {
  phase: string;
  bytes: number;
  bytesTotal: number;
  rows: number;
  rowsTotal: number;
}

export type EventSink = (event: FetchEvent) => void;

/** The event with every text field passed through redactSecrets (issue 7 §5): what a server
 *  said can reach an event's message, problem or reason, the token never does. */
export function redactEvent(event: FetchEvent): FetchEvent {
  switch (event.type) {
    case 'item-error':
      return { ...event, key: redactSecrets(event.key), message: redactSecrets(event.message) };
    case 'stage-start':
    case 'stage-end':
      return event.detail === undefined ? event : { ...event, detail: redactSecrets(event.detail) };
    case 'progress':
      return event.phase === undefined ? event : { ...event, phase: redactSecrets(event.phase) };
    case 'paused':
    case 'stage-skip':
      return { ...event, reason: redactSecrets(event.reason) };
    case 'retrying':
      return { ...event, host: redactSecrets(event.host), problem: redactSecrets(event.problem) };
    case 'fatal':
      return {
        ...event,
        message: redactSecrets(event.message),
        ...(event.unreachable ? { unreachable: { ...event.unreachable, host: redactSecrets(event.unreachable.host), problem: redactSecrets(event.unreachable.problem) } } : {}),
      };
    case 'note':
      return { ...event, message: redactSecrets(event.message) };
    default:
      return event;
  }
}
