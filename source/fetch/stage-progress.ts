// Counts for one stage, turned into progress events: done/total, ok/gone/errors, a rate over
// the last ten seconds and the ETA it gives. Progress events are throttled; stage-end is not.
import type { Counts, EventSink, Stage } from './events.js';

const EMIT_EVERY_MS = 250;
const RATE_WINDOW_MS = 10_000;

export type ItemOutcome = 'ok' | 'gone' | 'error';

export class StageProgress {
  ok = 0;
  gone = 0;
  errors = 0;
  /** Units done that are not items (leaderboard rows). */
  private units = 0;
  private readonly started: number;
  private lastEmit = 0;
  private readonly samples: Array<[number, number]> = [];

  constructor(
    readonly stage: Stage,
    public total: number,
    private readonly emit: EventSink,
    private readonly now: () => number = Date.now,
    private readonly startDone = 0,
  ) {
    this.started = now();
    this.samples.push([this.started, this.done]);
  }

  get done(): number {
    return this.startDone + this.units + this.ok + this.gone + this.errors;
  }

  /** One item finished. */
  record(outcome: ItemOutcome, key?: string, message?: string): void {
    if (outcome === 'ok') this.ok += 1;
    else if (outcome === 'gone') this.gone += 1;
    else {
      this.errors += 1;
      if (key !== undefined) this.emit({ type: 'item-error', stage: this.stage, key, message: message ?? 'error' });
    }
    this.tick();
  }

  /** An item that had failed earlier in this run finished again (the end-of-stage retry). */
  rerecord(outcome: ItemOutcome, key?: string, message?: string): void {
    this.errors -= 1;
    this.record(outcome, key, message);
  }

  /** Units of work that are not items (rows of the table). */
  advance(units: number): void {
    this.units += units;
    this.tick();
  }

  private rate(now: number): number | null {
    while (this.samples.length > 1 && now - this.samples[0]![0] > RATE_WINDOW_MS) this.samples.shift();
    const [t0, d0] = this.samples[0]!;
    const seconds = (now - t0) / 1000;
    if (seconds < 0.5) return null;
    return (this.done - d0) / seconds;
  }

  private tick(force = false): void {
    const now = this.now();
    const last = this.samples[this.samples.length - 1]!;
    if (now - last[0] >= 250) this.samples.push([now, this.done]);
    if (!force && now - this.lastEmit < EMIT_EVERY_MS) return;
    this.lastEmit = now;
    const rate = this.rate(now);
    const left = Math.max(0, this.total - this.done);
    const etaSeconds = rate !== null && rate > 0 ? Math.round(left / rate) : left === 0 ? 0 : null;
    this.emit({
      type: 'progress',
      stage: this.stage,
      ...this.counts(),
      rate: rate === null ? null : Math.round(rate * 10) / 10,
      etaSeconds,
    });
  }

  private counts(): Counts {
    return { done: this.done, total: this.total, ok: this.ok, gone: this.gone, errors: this.errors };
  }

  start(cached: number): void {
    this.emit({ type: 'stage-start', stage: this.stage, total: this.total, cached });
  }

  end(): void {
    this.tick(true);
    this.emit({
      type: 'stage-end',
      stage: this.stage,
      ...this.counts(),
      seconds: Math.round((this.now() - this.started) / 100) / 10,
    });
  }
}
