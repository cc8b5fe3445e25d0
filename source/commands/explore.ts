// `hubscope` / `hubscope explore`: the Ink explorer on ONE dataset of the cache — the one
// --dataset names, else the most recently fetched, else (an empty cache) the default v2
// table. The first frame is drawn from the cache before any network; unless offline, a fetch
// of that same dataset (the child always gets --dataset) runs beside the UI as a child
// process when it is empty, incomplete or stale, and `r` refreshes it, never another.
import React from 'react';
import { render, type Instance } from 'ink';
import { appendFileSync } from 'node:fs';
import { cacheDir, loadDataset } from '../cache/store.js';
import { DAY_MS, DEFAULT_TTL_DAYS } from '../cache/freshness.js';
import { chooseDataset, heldList, readIndex } from '../cache/meta.js';
import { ensureExportDir, exportDirOf } from '../cache/exports.js';
import { DataError } from '../data/errors.js';
import type { Dataset } from '../data/model.js';
import { DEFAULT_DATASET, readSettings } from '../env.js';
import { sourceFor } from '../sources/registry.js';
import { leaderboardSource } from '../sources/leaderboard.js';
import { sanitize } from '../text/sanitize.js';
import { App, type OpenedDataset } from '../app/App.js';
import { SourceApp, type FrameInfo } from '../app/source/SourceApp.js';
import type { SourceKind } from '../sources/source.js';
import { FetchController } from '../app/services/fetch-controller.js';
import { loadState, saveState } from '../app/services/ui-state-file.js';
import { SCREENS, type ScreenId } from '../app/screens/screen-list.js';
import { UsageError, parse } from './args.js';
import { HUBSCOPE } from '../text/command.js';
import { monochromeTerm } from '../render/terminal.js';

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';

/** Fetch at start when there is nothing, a half-done table, or a table older than the TTL. */
export function wantsFetch(dataset: Dataset, now: number, ttlDays = DEFAULT_TTL_DAYS): boolean {
  const fetched = dataset.source.leaderboardFetchedAt;
  if (dataset.entries.length === 0 || !fetched) return true;
  if (!dataset.source.infoFetchedAt || !dataset.source.commitsFetchedAt) return true;
  return now - Date.parse(fetched) > ttlDays * DAY_MS;
}

// HUBSCOPE_TRACE=FILE: start-up marks, key and frame times (ms since process start) for bench/ui.
const trace = process.env.HUBSCOPE_TRACE;

function mark(what: string): void {
  if (trace) appendFileSync(trace, `${JSON.stringify({ t: performance.now(), type: 'mark', what })}\n`);
}

/** Colour unless NO_COLOR, TERM=dumb or a monochrome terminal (xterm-mono, vt100-mono, …). */
function colorFor(noColor: boolean): boolean {
  return !noColor && !monochromeTerm(process.env.TERM);
}

/** The generic explorer (app/source/SourceApp) on a dataset of another kind than the
 *  leaderboard: its screens, the same background fetch (of that dataset only), q and r. */
async function exploreSource(
  kind: SourceKind<any>,
  dir: string,
  dataset: string,
  offline: boolean,
  values: { 'no-fetch'?: boolean; 'datasets-server'?: string; screen?: string },
): Promise<number> {
  // only what the first frame needs (the Hub snapshot: its manifest; DuckDB opens for the views)
  const initial = await kind.read(dir, dataset, { firstFrame: true });
  mark('source read');
  const extra: string[] = ['--dataset', dataset];
  if (values['datasets-server']) extra.push('--datasets-server', values['datasets-server']);
  const fetcher = offline ? null : new FetchController(dir, process.env, extra);
  const fetchedAt = kind.label(initial).fetchedAt;
  const stale = fetchedAt === null || Date.now() - Date.parse(fetchedAt) > DEFAULT_TTL_DAYS * DAY_MS;
  const autoFetch = fetcher !== null && !values['no-fetch'] && (kind.isEmpty(initial) || stale);
  const color = colorFor(readSettings(process.env).noColor);
  // HUBSCOPE_TRACE: keys, and each frame with what it shows (the screen, its view drawn or not)
  const record = (line: object): void => {
    if (trace) appendFileSync(trace, `${JSON.stringify(line)}\n`);
  };
  if (trace) process.stdin.on('data', (data: Buffer) => record({ t: performance.now(), type: 'key', key: data.toString('utf8') }));
  let frame: FrameInfo | null = null;
  process.stdout.write(ALT_SCREEN_ON);
  const instance = render(
    React.createElement(SourceApp<any>, {
      kind, initial, reload: () => kind.read(dir, dataset), fetcher, autoFetch, color, startScreen: values.screen,
      onFrame: trace ? (f: FrameInfo) => (frame = f) : undefined,
    }),
    {
      exitOnCtrlC: false,
      maxFps: 60,
      onRender: trace
        ? ({ renderTime }) => record({ t: performance.now(), type: 'render', renderTime, ...frame, rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed })
        : undefined,
    },
  );
  return untilExit(instance, fetcher, () => process.stdout.write(ALT_SCREEN_OFF));
}

export async function run(argv: string[]): Promise<number> {
  mark('explore loaded');
  const { values } = parse(argv, {
    offline: { type: 'boolean' },
    dataset: { type: 'string' },
    'datasets-server': { type: 'string' },
    'export-dir': { type: 'string' },
    screen: { type: 'string' },
    'no-fetch': { type: 'boolean' },
    restore: { type: 'boolean' },
  });
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(`the explorer needs a terminal; for text output use: ${HUBSCOPE} print VIEW`);
  }
  const start = values.screen as ScreenId | undefined;
  const dir = cacheDir(values.cache);
  const settings = readSettings(process.env, { datasetsServer: values['datasets-server'], offline: values.offline });
  // the dataset on screen (a corrupt or newer meta.json stops here with its one-line error)
  const index = await readIndex(dir);
  const choice = chooseDataset(index.meta, values.dataset, DEFAULT_DATASET);
  if (choice.how === 'asked' && !choice.held && (settings.offline || values['no-fetch'])) {
    throw new DataError(`the cache at ${sanitize(dir)} has no dataset "${sanitize(choice.id)}": it ${heldList(index.meta)}`);
  }
  const kind = sourceFor(choice.id, index.meta.datasets[choice.id]);
  if (kind.id !== 'leaderboard') {
    if (!kind.screens || kind.screens.length === 0) {
      throw new DataError(`the explorer does not show a ${kind.title} yet: ${HUBSCOPE} print VIEW --dataset ${sanitize(choice.id)}`);
    }
    if (start !== undefined && !kind.screens.some((s) => s.id === start)) {
      throw new UsageError(`--screen takes one of ${kind.screens.map((s) => s.id).join(', ')} for ${sanitize(choice.id)}`);
    }
    return exploreSource(kind, dir, choice.id, settings.offline, values);
  }
  if (start !== undefined && !SCREENS.some((s) => s.id === start)) {
    throw new UsageError(`--screen takes one of ${SCREENS.map((s) => s.id).join(', ')}`);
  }
  // `e` writes under the cache's exports/ (or --export-dir, made now so that a folder that
  // cannot be made is one line before the screen opens), never into the current directory
  const exportDir = exportDirOf(values['export-dir'], dir);
  if (values['export-dir'] !== undefined) await ensureExportDir(exportDir);
  const dataset = choice.id;
  const load = (): Promise<Dataset> => leaderboardSource.read(dir, dataset);
  // the first frame is drawn from the leaderboard alone; the app reads the rest right after
  // (a corrupt or newer cache file stops here, or there, with its one-line error)
  const initial = await loadDataset(dir, { dataset, leaderboardOnly: true });
  mark('leaderboard read');

  // the background fetch (and `r`) fetch the dataset on screen, never another
  const extra: string[] = ['--dataset', dataset];
  if (values['datasets-server']) extra.push('--datasets-server', values['datasets-server']);
  const fetcher = settings.offline ? null : new FetchController(dir, process.env, extra);
  const autoFetch = fetcher !== null && !values['no-fetch'] && wantsFetch(initial, Date.now());
  // `:dataset ID`: another leaderboard table the cache holds, read as this one was (its own
  // background fetch for `r`, never started by itself)
  const held = Object.keys(index.meta.datasets).filter((id) => sourceFor(id, index.meta.datasets[id]).id === 'leaderboard');
  const openDataset = async (id: string): Promise<OpenedDataset> => {
    if (!held.includes(id)) throw new DataError(`the cache holds no leaderboard table "${sanitize(id)}"`);
    const args = ['--dataset', id, ...(values['datasets-server'] ? ['--datasets-server', values['datasets-server']] : [])];
    return {
      initial: await leaderboardSource.read(dir, id),
      reload: () => leaderboardSource.read(dir, id),
      fetcher: settings.offline ? null : new FetchController(dir, process.env, args),
    };
  };
  // --restore: every screen as the last session left it (ui-state.json beside the cache)
  const restored = values.restore ? loadState(dir) : null;

  const record = (line: object): void => {
    if (trace) appendFileSync(trace, `${JSON.stringify(line)}\n`);
  };
  if (trace) process.stdin.on('data', (data: Buffer) => record({ t: performance.now(), type: 'key', key: data.toString('utf8') }));

  process.stdout.write(ALT_SCREEN_ON);
  const restore = (): void => {
    process.stdout.write(ALT_SCREEN_OFF);
  };
  const color = colorFor(settings.noColor);
  const instance = render(
    React.createElement(App, {
      initial,
      reload: load,
      fetcher,
      autoFetch,
      color,
      exportDir,
      writeRaw: (text: string) => process.stdout.write(text),
      startScreen: start,
      initialState: restored ? (start ? { ...restored, screen: start } : restored) : undefined,
      datasets: held,
      openDataset,
      onQuit: (state) => {
        try {
          saveState(dir, state);
        } catch (error) {
          process.stderr.write(`hubscope: the explorer's state could not be saved (${error instanceof Error ? error.message : String(error)})\n`);
        }
      },
    }),
    {
      exitOnCtrlC: false,
      maxFps: 60,
      onRender: trace
        ? ({ renderTime }) => record({ t: performance.now(), type: 'render', renderTime, rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed })
        : undefined,
    },
  );
  return untilExit(instance, fetcher, restore);
}

/** Waits for the explorer to end (q, or SIGTERM/SIGHUP: the background fetch stopped first),
 *  then leaves the alternate screen. Both explorers (App, SourceApp) end this way. */
async function untilExit(instance: Instance, fetcher: FetchController | null, restore: () => void): Promise<number> {
  const stop = (): void => {
    void fetcher?.stop().then(() => instance.unmount());
  };
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await instance.waitUntilExit();
  } finally {
    restore();
  }
  return 0;
}
