// What every stage of a fetch works with.
import type { CacheStore } from '../cache/store.js';
import type { FreshnessRule } from '../cache/freshness.js';
import type { EventSink } from './events.js';
import type { Flusher } from './flusher.js';
import type { HubClient } from './http-client.js';

export interface StageContext {
  client: HubClient;
  store: CacheStore;
  hubUrl: string;
  datasetsServerUrl: string;
  emit: EventSink;
  signal: AbortSignal;
  flusher: Flusher;
  freshness: FreshnessRule;
  /** Tasks run at once (the client bounds requests in flight on its own). */
  concurrency: number;
}

/** A failure as one short line for the cache and the events (never a header or a token). */
export function problemText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 240) || 'unknown error';
}
