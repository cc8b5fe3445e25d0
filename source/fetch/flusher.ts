// Batched cache writes during a fetch: a flush every `everyMs` or every `everyItems` changed
// items, whichever comes first, one at a time (never one file rewrite per item).
import type { CacheStore } from '../cache/store.js';

export class Flusher {
  private pending = 0;
  private last = Date.now();
  private chain: Promise<void> = Promise.resolve();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  /** The first write failure; the fetch stops on it. */
  failure: unknown = null;

  constructor(
    private readonly store: CacheStore,
    private readonly everyMs = 2000,
    private readonly everyItems = 500,
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.pending > 0 && !this.running) void this.flush();
    }, this.everyMs);
    this.timer.unref();
  }

  /** Notes changed items; starts a flush when the batch is full or old enough. */
  changed(items = 1): void {
    this.pending += items;
    if (this.running) return;
    if (this.pending >= this.everyItems || Date.now() - this.last >= this.everyMs) void this.flush();
  }

  /** Writes what changed (after any flush under way). */
  flush(): Promise<void> {
    this.chain = this.chain.then(async () => {
      this.running = true;
      this.pending = 0;
      this.last = Date.now();
      try {
        await this.store.flush();
      } catch (error) {
        if (this.failure === null) {
          this.failure = error;
          this.onFailure(error);
        }
      } finally {
        this.running = false;
      }
    });
    return this.chain;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
