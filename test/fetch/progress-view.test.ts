// The progress display: the TTY bar (drawn in place), plain lines when not a TTY (throttled),
// item errors capped per stage.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { barLine, clock, progressView } from '../../source/fetch/progress-view.js';
import type { FetchEvent } from '../../source/fetch/events.js';

function sink(): { stream: Writable; text: () => string } {
  let out = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) });
  return { stream, text: () => out };
}

const progress = (done: number, extra: Partial<FetchEvent & { type: 'progress' }> = {}): FetchEvent => ({
  type: 'progress', stage: 'info', done, total: 2345, ok: done, gone: 0, errors: 3, rate: 52, etaSeconds: 21, ...extra,
}) as FetchEvent;

describe('progress view', () => {
  it('draws the bar with counts, rate, ETA and errors', () => {
    // 1,234 of 2,345 is 53 %: 11 of 20 cells
    expect(barLine(progress(1234) as never, null)).toBe('[###########.........] info 1,234/2,345  52/s  ETA 0:21  errors 3');
    expect(barLine(progress(2345, { errors: 0, rate: 3.25 }) as never, null)).toBe('[####################] info 2,345/2,345  3.3/s  ETA 0:21');
    expect(barLine(progress(0) as never, 1_000_000 + 12_000, 1_000_000)).toContain('paused 0:12');
    expect(clock(3725)).toBe('1:02:05');
  });

  it('on a TTY redraws one line in place and ends it at stage end', () => {
    let t = 0;
    const { stream, text } = sink();
    const view = progressView(stream, true, () => t);
    view({ type: 'stage-start', stage: 'info', total: 2345, cached: 10 });
    for (let i = 1; i <= 5; i += 1) {
      t += 200;
      view(progress(i * 100));
    }
    view({ type: 'stage-end', stage: 'info', done: 2345, total: 2345, ok: 2000, gone: 340, errors: 5, seconds: 45 });
    const out = text();
    expect(out.split('\r\x1b[2K').length).toBeGreaterThan(5);
    expect(out).toContain('info: 2,345 to fetch (10 already cached)\n');
    expect(out).toContain('info: done, 2,345 items (ok 2,000, gone 340, errors 5) in 0:45\n');
  });

  it('without a TTY prints plain lines at most once a second and the first errors only', () => {
    let t = 0;
    const { stream, text } = sink();
    const view = progressView(stream, false, () => t);
    for (let i = 1; i <= 30; i += 1) {
      t += 100;
      view(progress(i * 10));
    }
    for (let i = 0; i < 8; i += 1) view({ type: 'item-error', stage: 'info', key: `a/m${i}`, message: 'HTTP 503 after 8 attempts' });
    view({ type: 'stage-end', stage: 'info', done: 300, total: 300, ok: 292, gone: 0, errors: 8, seconds: 3 });
    const lines = text().trim().split('\n');
    expect(lines.filter((l) => l.startsWith('info ') && l.includes('/2,345'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes('HTTP 503'))).toHaveLength(5);
    expect(lines).toContain('info: 3 more errors (npx hubscope status lists them)');
    expect(text()).not.toContain('\x1b');
  });

  it('says the fetch is retrying while a server does not answer: a line a second, or in the bar until requests get through', () => {
    let t = 0;
    const plain = sink();
    const view = progressView(plain.stream, false, () => t);
    const retry = (attempt: number): FetchEvent => ({ type: 'retrying', host: 'datasets.example', problem: 'network error (ECONNREFUSED)', attempt, of: 8 });
    view(retry(3));
    t += 400;
    view(retry(4)); // within the second: not printed
    t += 800;
    view(retry(5));
    expect(plain.text().trim().split('\n')).toEqual([
      'retrying: datasets.example: network error (ECONNREFUSED), attempt 3 of 8',
      'retrying: datasets.example: network error (ECONNREFUSED), attempt 5 of 8',
    ]);

    const tty = sink();
    const bar = progressView(tty.stream, true, () => t);
    bar(progress(100));
    bar(retry(3));
    expect(tty.text().split('\r\x1b[2K').at(-1)).toContain('retrying: datasets.example: network error (ECONNREFUSED), attempt 3 of 8');
    t += 500;
    bar(progress(101)); // one got through
    expect(tty.text().split('\r\x1b[2K').at(-1)).not.toContain('retrying');
  });
});
