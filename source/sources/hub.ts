// The Hub-wide snapshot as a source kind (issue 10; analyses.md §6; hub-api.md §12): the dataset
// `cfahlgren1/hub-stats`, its `models.parquet` read with column projection into a DuckDB store in
// the dataset's own folder (datasets/<dir>/hub.duckdb beside manifest.json: source/hub). Stages:
// `snapshot` (resolve the sha — or `--revision` — then the footer and the needed column chunks
// with Range, then the ingest) and `history` (`--history N` weekly snapshots of
// hfmlsoc/hub_weekly_snapshots, slim columns: downloads per week). `read` opens the store
// read-only under its memory limit (hub/store.ts: 256 MB, two threads); the views are
// views/hub-registry.ts's, the lineage view with the leaderboard scores the cache holds
// (hub-scores.ts). The HTTP client, the ingest and the store are loaded only when used.
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readIndex } from '../cache/meta.js';
import { DATASETS_DIR, type DatasetRecord } from '../cache/schema.js';
import type { CacheStore } from '../cache/store.js';
import type { FetchEvent } from '../fetch/events.js';
import type { HubProgress } from '../fetch/hub-projected-copy.js';
import { fmt, megabytes } from '../fetch/progress-view.js';
import { HUB_DATASET, HUB_MANIFEST_VERSION, MANIFEST_NAME, STORE_NAME, checkStoreFile, readManifest, type HubManifest } from '../hub/manifest.js';
import type { HubStore } from '../hub/store.js';
import type { HubViewOptions } from '../views/hub-registry.js';
import { HUB_VIEW_IDS, snapshotLabel, type HubViewId } from '../views/hub-view-common.js';
import type { SourceLabel } from '../views/source-label.js';
import type { View, ViewOptions } from '../views/view.js';
import { sanitize } from '../text/sanitize.js';
import { hubStatus, hubSummary, originText } from './hub-status.js';
import type { SourceKind, StageOptions } from './source.js';

export const HUB_STAGES = ['snapshot', 'history'] as const;

/** The store open per dataset folder, and the manifest's stamp it was opened at. */
const opened = new Map<string, { stamp: string; data: HubData }>();

/** What `read` hands the views: the store (null when the folder holds none yet) and where it is. */
export interface HubData {
  cacheDir: string;
  datasetId: string;
  record: DatasetRecord | null;
  manifest: HubManifest | null;
  store: HubStore | null;
  fetching: boolean;
  /** The explorer's first frame (`read` with `firstFrame`): the store is opened only when a
   *  view or panel first asks for it (`storeOf`), so the tab bar, the status bar and the
   *  manifest's label are drawn before DuckDB is loaded (issue 10 "Performance": first frame
   *  ≤ 1 s). Absent: `store` is all there is. */
  open?: () => Promise<HubStore>;
}

/** The data's store, opened now if `read` left that for later (null: no store). */
export async function storeOf(data: HubData): Promise<HubStore | null> {
  if (data.store) return data.store;
  return data.open ? data.open() : null;
}

/** Data a newer manifest replaced (its store is closed once the queries in flight are done). */
const retired = new WeakSet<HubData>();

/** A `read` whose store opens on first use, once (a failed open is tried again next time). */
function lazyOpen(data: HubData, dir: string): HubData {
  let opening: Promise<HubStore> | null = null;
  data.open = () => {
    opening ??= import('../hub/store.js').then(({ HubStore }) => HubStore.open(dir)).then(
      (store) => {
        if (retired.has(data)) setTimeout(() => store.close(), 30_000).unref();
        data.store = store;
        data.manifest = store.manifest;
        return store;
      },
      (error: unknown) => {
        opening = null;
        throw error;
      },
    );
    return opening;
  };
  return data;
}

/** The Hub snapshot's progress (fetch/hub-projected-copy.ts) as fetch events: done/total are
 *  bytes, with the rows of the row groups downloaded, a rate in bytes/s over the last seconds and
 *  the ETA it gives. */
export function fileProgress(stage: string, emit: (event: FetchEvent) => void, now: () => number = Date.now): (p: HubProgress) => void {
  const samples: Array<[number, number]> = [];
  let lastPhase = '';
  let lastEmit = 0;
  return (p) => {
    const phase = p.stage === 'ingest' && p.detail ? `ingest: ${p.detail}` : p.detail && p.stage === 'download' ? `download ${p.detail}` : p.stage;
    const t = now();
    samples.push([t, p.bytes]);
    while (samples.length > 2 && t - samples[0]![0] > 5000) samples.shift();
    if (phase === lastPhase && t - lastEmit < 250 && p.bytes < p.bytesTotal) return;
    lastPhase = phase;
    lastEmit = t;
    const [t0, b0] = samples[0]!;
    const rate = p.stage === 'download' && t - t0 >= 500 ? ((p.bytes - b0) * 1000) / (t - t0) : null;
    const left = Math.max(0, p.bytesTotal - p.bytes);
    emit({
      type: 'progress', stage, done: p.bytes, total: p.bytesTotal, ok: 0, gone: 0, errors: 0,
      rate: rate === null ? null : Math.round(rate), etaSeconds: rate !== null && rate > 0 ? Math.round(left / rate) : null,
      phase, bytes: p.bytes, bytesTotal: p.bytesTotal, rows: p.rows, rowsTotal: p.rowsTotal,
    });
  };
}

const endEvent = (stage: string, started: number, detail: string): FetchEvent => ({
  type: 'stage-end', stage, done: 1, total: 1, ok: 1, gone: 0, errors: 0, seconds: Math.round((Date.now() - started) / 100) / 10, detail,
});

/** What a snapshot's manifest says about its missing optional columns (issue 10: say which, keep
 *  going). */
export function missingText(manifest: HubManifest): string {
  const missing = manifest.columnsMissing;
  return missing.length === 0 ? '' : `; the snapshot has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (what needs ${missing.length > 1 ? 'them' : 'it'} is unknown)`;
}

async function snapshotStage(ctx: Parameters<SourceKind['runStage']>[1], options: StageOptions): Promise<void> {
  const { store } = ctx;
  const { fetchHubSnapshot } = await import('../fetch/hub-snapshot.js');
  const started = Date.now();
  const revision = options.params?.revision;
  ctx.emit({ type: 'stage-start', stage: 'snapshot', total: 0, cached: 0, detail: `${store.datasetId} models.parquet${revision ? ` at ${revision}` : ''}, only the columns hubscope reads` });
  const result = await fetchHubSnapshot({
    endpoint: ctx.hubUrl, storeDir: store.datasetDir, dataset: store.datasetId, token: ctx.token, ...(revision ? { revision } : {}),
    refresh: options.refresh, signal: ctx.signal, onProgress: fileProgress('snapshot', ctx.emit),
  });
  const m = result.manifest;
  // the snapshot's own clients made these requests: the fetch's last line counts them too
  ctx.client.stats.requests += result.requests;
  ctx.client.stats.retries += result.resumed;
  store.describe({ generation: m.snapshotDay, origin: m.origin, revision: m.sha, fetchedAt: m.fetchedAt });
  store.markCompleted('snapshot', m.fetchedAt);
  ctx.emit(endEvent('snapshot', started, result.upToDate
    ? `up to date: ${fmt(m.rows)} models at ${originText(m)}, nothing downloaded${missingText(m)}`
    : `${fmt(m.rows)} models at ${originText(m)} (day ${m.snapshotDay ?? 'unknown'}); ${megabytes(result.bytesDownloaded)} of ${megabytes(m.size)} downloaded (${((result.bytesDownloaded / Math.max(1, m.size)) * 100).toFixed(1)} %), ingest ${m.ingestSeconds.toFixed(1)} s${missingText(m)}`));
}

async function historyStage(ctx: Parameters<SourceKind['runStage']>[1], options: StageOptions): Promise<void> {
  const { store } = ctx;
  const history = options.params?.history === undefined ? undefined : Number(options.params.history);
  if (history === undefined) {
    ctx.emit({ type: 'stage-skip', stage: 'history', reason: 'no --history N (N weekly snapshots of hfmlsoc/hub_weekly_snapshots: downloads per week)' });
    return;
  }
  if (!(await readManifest(join(store.datasetDir, MANIFEST_NAME)))) {
    ctx.emit({ type: 'stage-skip', stage: 'history', reason: `no snapshot of ${store.datasetId} yet: the history's lineage is the snapshot's (fetch the snapshot stage first)` });
    return;
  }
  const { fetchHubHistory } = await import('../fetch/hub-history-fetch.js');
  const started = Date.now();
  ctx.emit({ type: 'stage-start', stage: 'history', total: 0, cached: 0, detail: `the ${history} latest weekly snapshots, columns id, createdAt, downloadsAllTime` });
  const result = await fetchHubHistory({
    endpoint: ctx.hubUrl, storeDir: store.datasetDir, snapshots: history, token: ctx.token, signal: ctx.signal, onProgress: fileProgress('history', ctx.emit),
  });
  ctx.client.stats.retries += result.resumed;
  const at = result.manifest.fetchedAt;
  store.markCompleted('history', at);
  store.describe({}); // meta.json records the completion
  const weeks = result.manifest.weeks.map((w) => w.week);
  ctx.emit(endEvent('history', started, `${weeks.length} weekly snapshots ${weeks[0]} … ${weeks.at(-1)}; ${megabytes(result.bytesDownloaded)} of ${megabytes(result.bytesOfFiles)} downloaded`));
}

/** ViewOptions → the Hub views' options (analyses.md §6: scope, period, top N). */
export function hubOptions(options: ViewOptions): HubViewOptions {
  const out: HubViewOptions = { scope: options.scope ?? 'llm', period: options.period, top: options.top };
  if (options.base !== undefined) out.base = options.base;
  if (options.roots !== undefined && options.roots.length > 0) out.roots = options.roots;
  return out;
}

/** Options of the leaderboard views the Hub views do not take (said rather than ignored). */
const LEADERBOARD_ONLY: Array<[keyof ViewOptions, string]> = [
  ['score', '--score'], ['search', '--search'], ['sort', '--sort'], ['types', '--type'], ['archFamilies', '--arch'], ['sizes', '--size'],
  ['families', '--families'], ['threshold', '--threshold'], ['mode', '--mode'], ['familyThreshold', '--family-threshold'], ['authors', '--authors'],
  ['minParams', '--min-params'], ['maxParams', '--max-params'], ['from', '--from'], ['to', '--to'], ['descending', '--asc/--desc'],
];

export const hubSource: SourceKind<HubData> = {
  id: 'hub-snapshot',
  title: 'Hub-wide snapshot (cfahlgren1/hub-stats)',
  matches: (id) => id.toLowerCase() === HUB_DATASET,

  stages: HUB_STAGES,
  fetchParams: ['revision', 'history'],
  async runStage(stage, ctx, options) {
    if (stage === 'snapshot') await snapshotStage(ctx, options);
    else await historyStage(ctx, options);
  },

  async importFile(store: CacheStore, file: string, options) {
    const { importHubSnapshot } = await import('../fetch/hub-snapshot.js');
    let last = '';
    const m = await importHubSnapshot(file, store.datasetDir, {
      dataset: store.datasetId,
      onProgress: (p) => {
        const line = p.detail ? `ingest: ${p.detail}` : 'ingest';
        if (line !== last) options.onProgress?.((last = line));
      },
    });
    store.describe({ generation: m.snapshotDay, origin: m.origin, revision: m.sha, fetchedAt: m.fetchedAt });
    store.markCompleted('snapshot', m.fetchedAt);
    return `imported ${fmt(m.rows)} Hub models (day ${m.snapshotDay ?? 'unknown'}) from ${sanitize(file.split('/').pop() ?? file)} in ${m.ingestSeconds.toFixed(1)} s${missingText(m)}`;
  },

  async read(cacheDir, datasetId, options = {}) {
    const index = await readIndex(cacheDir);
    const record = index.meta.datasets[datasetId] ?? null;
    const empty: HubData = { cacheDir, datasetId, record, manifest: null, store: null, fetching: options.fetching === true };
    if (!record) return empty;
    const dir = join(cacheDir, DATASETS_DIR, record.dir);
    // (hub/store.ts loads DuckDB: the first frame does without it, so the check is here)
    const exists = await Promise.all([access(join(dir, STORE_NAME)), access(join(dir, MANIFEST_NAME))]).then(() => true, () => false);
    if (!exists) return empty;
    // the explorer reads again while a fetch runs: the same store (and data, so no view is
    // built again) until the manifest changes, never a DuckDB instance per read
    const stamp = await stat(join(dir, MANIFEST_NAME)).then((s) => `${s.mtimeMs}/${s.size}/${s.ino}`, () => '');
    const held = opened.get(dir);
    if (held && held.stamp === stamp) {
      held.data.fetching = options.fetching === true;
      if (!options.firstFrame) await storeOf(held.data);
      return held.data;
    }
    let data: HubData;
    if (options.firstFrame) {
      // the manifest alone (a small JSON file) for the label and the tab bar; DuckDB later
      const manifest = await readManifest(join(dir, MANIFEST_NAME));
      if (!manifest) return empty;
      // a store of an older hubscope: opened now, so its one-line error stops the explorer
      // before the first frame, as without firstFrame
      if (manifest.version < HUB_MANIFEST_VERSION) await (await import('../hub/store.js')).HubStore.open(dir);
      // a damaged store (not a DuckDB file, or not the size the ingest wrote) stops the explorer
      // here too, with the one line print gives, never an error inside the first view
      await checkStoreFile(join(dir, STORE_NAME), manifest);
      data = lazyOpen({ ...empty, manifest }, dir);
    } else {
      const { HubStore } = await import('../hub/store.js');
      const store = await HubStore.open(dir);
      data = { ...empty, store, manifest: store.manifest };
    }
    if (held) {
      retired.add(held.data); // a store still opening is closed when it opens
      setTimeout(() => held.data.store?.close(), 30_000).unref(); // queries in flight finish first
    }
    opened.set(dir, { stamp, data });
    return data;
  },
  label(data): SourceLabel {
    const m = data.manifest;
    return {
      dataset: data.datasetId,
      kind: 'hub-snapshot',
      generation: m?.snapshotDay ? `snapshot ${m.snapshotDay}` : (data.record?.generation ?? null),
      origin: m?.origin ?? data.record?.origin ?? null,
      revision: m?.sha ?? data.record?.revision ?? null,
      fetchedAt: m?.fetchedAt ?? data.record?.fetchedAt ?? null,
    };
  },
  // the manifest says it before the store is open (a first frame's read: `storeOf`)
  isEmpty: (data) => (data.store?.manifest ?? data.manifest)?.rows ? false : true,
  views: HUB_VIEW_IDS,
  // the generic explorer's screens (app/source/SourceApp; Base models and Lineage have panels:
  // app/source/hub-panels.ts)
  screens: [
    { id: 'overview', title: 'Overview', key: '1', viewId: 'overview' },
    { id: 'authors', title: 'Authors', key: '2', viewId: 'authors' },
    { id: 'relations', title: 'Relations', key: '3', viewId: 'relations' },
    { id: 'architectures', title: 'Architectures', key: '4', viewId: 'architectures' },
    { id: 'base-models', title: 'Base models', key: '5', viewId: 'base-models' },
    { id: 'sizes', title: 'Sizes', key: '6', viewId: 'sizes' },
    { id: 'adoption', title: 'Adoption', key: '7', viewId: 'adoption' },
    { id: 'intermediaries', title: 'Intermediaries', key: '8', viewId: 'intermediaries' },
    { id: 'lineage', title: 'Lineage', key: '9', viewId: 'lineage' },
  ],
  async view(id, data, options) {
    const store = await storeOf(data);
    if (!store) throw new Error('hub view of an empty dataset');
    const { hubView } = await import('../views/hub-registry.js');
    const hub = hubOptions(options);
    if (id === 'lineage') {
      if (hub.base === undefined) {
        // no --base: the largest root (as the leaderboard's lineage takes the most declared base)
        const { topRootRows } = await import('../hub/queries-lineage.js');
        const top = await topRootRows(store, { ...hub, top: 1 });
        if (top[0]) hub.base = top[0].id;
      }
      const { leaderboardScores } = await import('./hub-scores.js');
      const scores = await leaderboardScores(data.cacheDir);
      if (scores) hub.scores = scores;
    }
    const view = await hubView(store, id as HubViewId, hub);
    // the header's source line (the label) names the snapshot's day and sha already: the
    // summary keeps the scope, its rows and the coverage
    view.summary = view.summary.replace(` · ${snapshotLabel(store.manifest)}`, '');
    // a Hub view is a View with its own ids (views/hub-view-common.ts)
    return view as unknown as View;
  },
  checkOptions(_data, options) {
    for (const [key, flag] of LEADERBOARD_ONLY) {
      if (options[key] !== undefined) return `${flag} applies to leaderboard datasets, not to ${HUB_DATASET} (its views take --scope, --period, --top, --base, --roots)`;
    }
    if (options.includeFlagged || options.normalised || options.percent || options.showMerges) return `--include-flagged, --normalised, --percent and --show-merges apply to leaderboard datasets, not to ${HUB_DATASET}`;
    return null;
  },

  summary: hubSummary,
  status: hubStatus,
};
