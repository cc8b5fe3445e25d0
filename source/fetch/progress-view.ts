// Draws fetch events for a person, on stderr: on a TTY one bar updated in place
//   [#####.....] info 1,234/2,345  52/s  ETA 0:21  errors 3
// otherwise plain lines (stage start and end, progress about once a second, the first item
// errors of each stage, pauses). Fatal errors are left to the CLI's one-line error.
import type { FetchEvent, Stage } from './events.js';
import { HUBSCOPE } from '../text/command.js';

const BAR = 20;
const PLAIN_EVERY_MS = 1000;
const TTY_EVERY_MS = 100;
const ERRORS_SHOWN = 5;

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

type Progress = Extract<FetchEvent, { type: 'progress' }>;

/** Bytes as MB with one decimal ("12.3 MB"). */
export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The one-line bar for a progress event; a file's download (the Hub snapshot) shows its bytes
 *  and rows: `[####......] snapshot download 12.3/40.1 MB  rows 1,000,000/3,100,000  8.1 MB/s`. */
export function barLine(p: Progress, pausedUntil: number | null, now = Date.now(), retrying: string | null = null): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(share * BAR);
  const file = p.bytesTotal !== undefined;
  const parts = file
    ? [`${p.stage} ${p.phase ?? ''}`.trim(), ...(p.bytesTotal! > 0 ? [`${megabytes(p.bytes ?? 0).replace(' MB', '')}/${megabytes(p.bytesTotal!)}`] : []), ...(p.rowsTotal ? [`rows ${fmt(p.rows ?? 0)}/${fmt(p.rowsTotal)}`] : [])]
    : [`${p.stage} ${fmt(p.done)}/${fmt(p.total)}`];
  if (p.rate !== null) parts.push(file ? `${megabytes(p.rate)}/s` : `${p.rate >= 10 ? fmt(p.rate) : p.rate.toFixed(1)}/s`);
  if (p.etaSeconds !== null) parts.push(`ETA ${clock(p.etaSeconds)}`);
  if (p.errors > 0) parts.push(`errors ${fmt(p.errors)}`);
  if (pausedUntil !== null && pausedUntil > now) parts.push(`paused ${clock((pausedUntil - now) / 1000)}`);
  if (retrying !== null) parts.push(`retrying: ${retrying}`);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${parts.join('  ')}`;
}

/** "datasets-server.example: connection refused, attempt 3 of 8" */
export function retryText(e: Extract<FetchEvent, { type: 'retrying' }>): string {
  return `${e.host}: ${e.problem}, attempt ${e.attempt} of ${e.of}`;
}

/** Stages that count rows of a table, not items (the leaderboard's, LMArena's). */
const TABLE_STAGES: readonly Stage[] = ['leaderboard', 'table'];

function stageEndLine(e: Extract<FetchEvent, { type: 'stage-end' }>): string {
  if (e.detail !== undefined) return `${e.stage}: done, ${e.detail} in ${clock(e.seconds)}`;
  const rows = TABLE_STAGES.includes(e.stage);
  const unit = rows ? 'rows' : 'items';
  const detail = rows ? '' : ` (ok ${fmt(e.ok)}, gone ${fmt(e.gone)}, errors ${fmt(e.errors)})`;
  return `${e.stage}: done, ${fmt(e.done)} ${unit}${detail} in ${clock(e.seconds)}`;
}

export interface ProgressView {
  (event: FetchEvent): void;
  /** Ends the bar line, if one is drawn. */
  close(): void;
}

export function progressView(stream: NodeJS.WritableStream & { isTTY?: boolean }, tty = stream.isTTY === true, now: () => number = Date.now): ProgressView {
  let lastDraw = 0;
  let barShown = false;
  let last: Progress | null = null;
  let pausedUntil: number | null = null;
  let retrying: string | null = null;
  let lastRetryLine = Number.NEGATIVE_INFINITY;
  const shownErrors = new Map<Stage, number>();
  const hiddenErrors = new Map<Stage, number>();

  const line = (text: string): void => {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
    stream.write(`${text}\n`);
  };
  const drawBar = (force: boolean): void => {
    if (!last) return;
    const t = now();
    if (!force && t - lastDraw < TTY_EVERY_MS) return;
    lastDraw = t;
    stream.write(`\r\x1b[2K${barLine(last, pausedUntil, t, retrying)}`);
    barShown = true;
  };

  const view = ((event: FetchEvent): void => {
    switch (event.type) {
      case 'stage-start': {
        const cached = event.cached > 0 ? ` (${fmt(event.cached)} already cached)` : '';
        if (event.detail !== undefined) {
          line(`${event.stage}: ${event.detail}`);
          last = null;
          return;
        }
        line(`${event.stage}: ${fmt(event.total)} ${event.stage === 'leaderboard' ? 'rows' : 'to fetch'}${cached}`);
        last = null;
        return;
      }
      case 'stage-skip':
        line(`${event.stage}: skipped, ${event.reason}`);
        return;
      case 'note':
        line(`${event.stage}: ${event.message}`);
        if (tty) drawBar(true);
        return;
      case 'progress': {
        if (last === null || event.done > last.done) retrying = null; // requests get through again
        // a file's new phase (footer, download, each ingest step) is a line of its own off a TTY
        const newPhase = event.phase !== undefined && event.phase !== last?.phase;
        last = event;
        if (tty) drawBar(newPhase);
        else if (newPhase || now() - lastDraw >= PLAIN_EVERY_MS) {
          lastDraw = now();
          line(barLine(event, pausedUntil, now()).replace(/^\[[#.]*\] /, ''));
        }
        return;
      }
      case 'item-error': {
        const shown = shownErrors.get(event.stage) ?? 0;
        if (shown < ERRORS_SHOWN) {
          shownErrors.set(event.stage, shown + 1);
          line(`${event.stage}: ${event.key}: ${event.message}`);
          if (tty) drawBar(true);
        } else hiddenErrors.set(event.stage, (hiddenErrors.get(event.stage) ?? 0) + 1);
        return;
      }
      case 'paused':
        pausedUntil = event.untilMs;
        if (tty) drawBar(true);
        else line(`paused ${clock((event.untilMs - now()) / 1000)}: ${event.reason}`);
        return;
      case 'retrying': {
        retrying = retryText(event);
        if (tty && last) drawBar(true);
        else if (now() - lastRetryLine >= PLAIN_EVERY_MS) {
          // plain lines (and a TTY before the first progress): at most one a second
          lastRetryLine = now();
          line(`retrying: ${retrying}`);
        }
        return;
      }
      case 'stage-end': {
        const hidden = hiddenErrors.get(event.stage) ?? 0;
        line(stageEndLine(event));
        if (hidden > 0) line(`${event.stage}: ${fmt(hidden)} more errors (${HUBSCOPE} status lists them)`);
        last = null;
        return;
      }
      case 'done': {
        const what = event.interrupted ? 'interrupted' : 'fetch done';
        line(`${what} in ${clock(event.seconds)}: ${fmt(event.requests)} requests, ${fmt(event.retries)} retries, ${fmt(event.rateLimited)} rate-limited`);
        return;
      }
      default:
        return;
    }
  }) as ProgressView;
  view.close = () => {
    if (barShown) stream.write('\n');
    barShown = false;
  };
  return view;
}
