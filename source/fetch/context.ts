// What every stage of a fetch works with.
import type { CacheStore } from '../cache/store.js';
import type { FreshnessRule } from '../cache/freshness.js';
import type { EventSink } from './events.js';
import type { Flusher } from './flusher.js';
import type { HubClient } from './http-client.js';
import { redactSecrets } from '../text/redact.js';
import { GaveUpOnHost } from './refused.js';

export interface StageContext {
  client: HubClient;
  store: CacheStore;
  hubUrl: string;
  datasetsServerUrl: string;
  /** The token, for a stage that downloads files itself (file-download.ts sends it to the
   *  two origins above only). */
  token: string | null;
  emit: EventSink;
  signal: AbortSignal;
  flusher: Flusher;
  freshness: FreshnessRule;
  /** Tasks run at once (the client bounds requests in flight on its own). */
  concurrency: number;
}

/** A failure as one short line for the cache and the events (never a header or a token:
 *  redacted before it is cut short). */
export function problemText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text.replace(/\s+/g, ' ').trim()).slice(0, 240) || 'unknown error';
}

/** Rethrows what ends the whole fetch rather than one item (a host given up). */
export function rethrowFatal(error: unknown): void {
  if (error instanceof GaveUpOnHost) throw error;
}
