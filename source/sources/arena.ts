// LMArena's leaderboard history as a source kind (hub-api.md §13, analyses.md §7): the
// dataset `lmarena-ai/leaderboard-dataset`, one config/split (`text`/`full`) and one category
// (`overall`) of it. One stage, `table`: the parquet copy with column projection, else the
// viewer's /rows pages (fetch/arena-source.ts says which path it took, and the fetch says it
// on a line of its own). Stored in the dataset's own folder (cache schema 2:
// datasets/<dir>/arena.json, the per-date document of data/arena-doc.ts), apart from every
// leaderboard; the Hub's shared per-repository documents are not touched (the arena's names
// are display names, not repo ids). Views: the arena overview and the frontier.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asciiJson } from '../cache/codec.js';
import { makeDir, writeAtomic } from '../cache/atomic-write.js';
import { readIndex } from '../cache/meta.js';
import { DATASETS_DIR, type DatasetRecord } from '../cache/schema.js';
import type { CacheStore } from '../cache/store.js';
import { ARENA_DATASET, arenaSource as emptySource, type ArenaDataset } from '../data/arena-dataset.js';
import { decodeArenaDoc, encodeArenaDoc } from '../data/arena-doc.js';
import { DataError } from '../data/errors.js';
import { frontier } from '../analysis/frontier.js';
import { fmt } from '../fetch/progress-view.js';
import { sanitize } from '../text/sanitize.js';
import { ARENA_VIEWS, ARENA_VIEW_IDS, arenaHeader, type ArenaViewId } from '../views/arena-views.js';
import { frontierHeadline } from '../views/frontier-text.js';
import { when } from './leaderboard-status.js';
import type { SourceKind, StatusDetail, StatusSummary } from './source.js';
import { HUBSCOPE } from '../text/command.js';

/** The dataset's document in its folder. */
export const ARENA_FILE = 'arena.json';

/** The arena's defaults for a dataset not held yet (hub-api.md §13: `text`, `full`, `overall`). */
export const ARENA_DEFAULTS = { config: 'text', split: 'full', category: 'overall' } as const;
export const ARENA_PARAMS = ['config', 'split', 'category'] as const;

/** What the arena views read: the table, and whether a fetch was writing it. */
export interface ArenaData extends ArenaDataset {
  fetching?: boolean;
}

/** The id as the Hub spells it: ids are compared case-insensitively there. */
const canonical = (id: string): string => (id.toLowerCase() === ARENA_DATASET ? ARENA_DATASET : id);

const docPath = (cacheDir: string, record: DatasetRecord): string => join(cacheDir, DATASETS_DIR, record.dir, ARENA_FILE);

/** The stored table of a held dataset, or null when its folder has none yet. A damaged file
 *  (or one written by a newer hubscope) is one line naming it, and is left as it is. */
async function readDoc(path: string): Promise<{ dataset: ArenaDataset; pathReason: string | null } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DataError(`cannot read ${sanitize(path)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError(`cache file ${sanitize(path)} is corrupt (not JSON); it was left as it is: ${HUBSCOPE} fetch --refresh fetches the table again`);
  }
  const dataset = decodeArenaDoc(json, `cache file ${sanitize(path)}`);
  const reason = (json as { pathReason?: unknown }).pathReason;
  return { dataset, pathReason: typeof reason === 'string' ? reason : null };
}

/** The dataset of `id` in the cache at `dir` (empty when not held, or not fetched yet). */
export async function readArena(dir: string, id: string): Promise<ArenaData> {
  const index = await readIndex(dir);
  const record = index.meta.datasets[id];
  const held = record && record.kind === 'arena' ? await readDoc(docPath(dir, record)) : null;
  if (held === null) return { source: emptySource({ dataset: id }), rows: [], problems: [] };
  return { ...held.dataset, source: { ...held.dataset.source, dataset: id } };
}

/** The frontier's headline for a leaderboard's overview (analyses.md §7 answers the paper's
 *  title question): when the cache holds an LMArena dataset, its last date's sentence. null
 *  when it holds none, or the one it holds cannot be read (the overview then only points to
 *  the command). */
export async function frontierPointer(dir: string): Promise<{ dataset: string; headline: string | null } | null> {
  try {
    const index = await readIndex(dir);
    const id = Object.keys(index.meta.datasets).find((d) => index.meta.datasets[d]!.kind === 'arena');
    if (id === undefined) return null;
    const data = await readArena(dir, id);
    return { dataset: id, headline: data.rows.length > 0 ? frontierHeadline(frontier(data)) : null };
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
}

/** The table to fetch: the options given, else what the dataset holds, else the defaults. */
function tableOf(params: Readonly<Record<string, string>>, held: ArenaDataset | null): { config: string; split: string; category: string } {
  const pick = (name: (typeof ARENA_PARAMS)[number]): string => {
    const given = params[name]?.trim();
    if (given !== undefined && given !== '') return given;
    return held?.source[name] ?? ARENA_DEFAULTS[name];
  };
  return { config: pick('config'), split: pick('split'), category: pick('category') };
}

const span = (data: ArenaDataset): { dates: number; first: string | null; last: string | null; models: number } => {
  const dates = [...new Set(data.rows.map((r) => r.date))].sort();
  return { dates: dates.length, first: dates[0] ?? null, last: dates.at(-1) ?? null, models: new Set(data.rows.map((r) => r.key)).size };
};

const ageOf = (iso: string | null, now: number): number | null => {
  const at = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((now - at) / 1000));
};

async function heldData(store: CacheStore, id: string): Promise<{ dataset: ArenaDataset; pathReason: string | null } | null> {
  const record = store.datasets[id];
  return record ? readDoc(docPath(store.dir, record)) : null;
}

/** Leaderboard-only view options refused with one line (the arena views take none of them). */
const LEADERBOARD_OPTIONS: ReadonlyArray<[keyof import('../views/view.js').ViewOptions, string]> = [
  ['score', '--score'], ['sort', '--sort'], ['search', '--search'], ['base', '--base'], ['families', '--families'], ['types', '--type'],
  ['archFamilies', '--arch'], ['sizes', '--size'], ['threshold', '--threshold'], ['familyThreshold', '--family-threshold'],
];

export const arenaKind: SourceKind<ArenaData> = {
  id: 'arena',
  title: 'table of LMArena\'s leaderboard history',
  matches: (id) => id.toLowerCase() === ARENA_DATASET,

  stages: ['table'],
  fetchParams: ARENA_PARAMS,
  async runStage(stage, ctx, options) {
    const { store } = ctx;
    if (stage !== 'table') return;
    const held = store.choice.held ? await heldData(store, store.datasetId) : null;
    const ref = { dataset: canonical(store.datasetId), ...tableOf(options.params ?? {}, held?.dataset ?? null) };
    const h = held?.dataset.source;
    const same = h !== undefined && h.config === ref.config && h.split === ref.split && h.category.toLowerCase() === ref.category.toLowerCase();
    const at = h?.fetchedAt ? Date.parse(h.fetchedAt) : NaN;
    const { now, ttlMs, refreshSince } = ctx.freshness;
    if (same && !options.refresh && refreshSince === null && !Number.isNaN(at) && now - at <= ttlMs) {
      ctx.emit({ type: 'stage-skip', stage, reason: `${ref.config}/${ref.split}, ${ref.category} fetched ${when(h!.fetchedAt, ageOf(h!.fetchedAt, now))}, fresh (--refresh fetches it again)` });
      return;
    }
    const [{ fetchArenaTable, arenaDatasetOf }, { createDownloader }] = await Promise.all([import('../fetch/arena-source.js'), import('../fetch/file-download.js')]);
    const started = Date.now();
    ctx.emit({ type: 'stage-start', stage, total: 1, cached: 0 });
    const downloader = createDownloader({ token: ctx.token, trustedOrigins: [ctx.hubUrl, ctx.datasetsServerUrl] });
    let lastProgress = 0;
    try {
      const result = await fetchArenaTable({
        ...ref,
        hubUrl: ctx.hubUrl,
        datasetsServerUrl: ctx.datasetsServerUrl,
        client: ctx.client,
        downloader,
        concurrency: ctx.concurrency,
        signal: ctx.signal,
        onProgress: (p) => {
          const t = Date.now();
          if (p.done !== p.total && t - lastProgress < 250) return;
          lastProgress = t;
          ctx.emit({ type: 'progress', stage, done: p.done, total: p.total ?? p.done, ok: p.done, gone: 0, errors: 0, rate: null, etaSeconds: null });
        },
      });
      ctx.emit({ type: 'note', stage, message: result.pathReason });
      if (result.missingColumns.length > 0) ctx.emit({ type: 'note', stage, message: `columns missing (their values left empty): ${result.missingColumns.join(', ')}` });
      if (result.rows.length === 0) {
        throw new DataError(
          `"${ref.dataset}" ${ref.config}/${ref.split} has no row of category "${ref.category}" (${fmt(result.rowsRead)} rows read, ${fmt(result.problems.length)} unreadable): check --category; nothing was written`,
        );
      }
      const fetchedAt = new Date().toISOString();
      const dataset = arenaDatasetOf(result, fetchedAt);
      dataset.source.dataset = store.datasetId;
      // the folder's file first, then the record meta.json is written from (by the flusher)
      await makeDir(store.datasetDir);
      await writeAtomic(join(store.datasetDir, ARENA_FILE), asciiJson(encodeArenaDoc(dataset, result.pathReason)));
      store.markCompleted(stage, fetchedAt);
      const record = store.record;
      record.kind = 'arena';
      record.generation = `${ref.config}/${ref.split}, ${dataset.source.category}`;
      record.origin = 'viewer';
      record.revision = result.revision;
      record.fetchedAt = fetchedAt;
      const s = span(dataset);
      ctx.emit({ type: 'note', stage, message: `${fmt(dataset.rows.length)} rows of ${fmt(result.rowsRead)} read: ${fmt(s.dates)} dates ${s.first} → ${s.last}, ${fmt(s.models)} models` });
      ctx.emit({ type: 'stage-end', stage, done: dataset.rows.length, total: dataset.rows.length, ok: dataset.rows.length, gone: 0, errors: 0, seconds: Math.round((Date.now() - started) / 100) / 10 });
    } finally {
      await downloader.close();
    }
  },

  read: async (dir, id, options = {}) => {
    const data = await readArena(dir, id);
    if (options.fetching) data.fetching = true;
    return data;
  },
  label: arenaHeader,
  isEmpty: (data) => data.rows.length === 0,
  views: ARENA_VIEW_IDS,
  screens: [
    { id: 'overview', title: 'Overview', key: '1', viewId: 'overview' },
    // the frontier view, with a date cursor, the date's top 20 and a model's rating history
    // above it (app/source/frontier-panel.ts)
    { id: 'frontier', title: 'Frontier', key: '2', viewId: 'frontier' },
  ],
  view: (id, data, options) => ARENA_VIEWS[id as ArenaViewId](data, options),
  checkOptions(_data, options) {
    const given = LEADERBOARD_OPTIONS.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
    return given.length > 0 ? `${given.join(', ')}: ${given.length === 1 ? 'an option' : 'options'} of the leaderboard views; an LMArena table's views (${ARENA_VIEW_IDS.join(', ')}) take none` : null;
  },

  async summary(store, id, ttlDays, now): Promise<StatusSummary> {
    const record = store.datasets[id]!;
    const held = await heldData(store, id);
    const age = ageOf(record.fetchedAt, now);
    if (held === null) return { rows: 0, line: `arena, nothing fetched yet`, json: { id, kind: record.kind, rows: 0, completed: record.completed } };
    const { dataset, pathReason } = held;
    const s = span(dataset);
    const stale = age !== null && age > ttlDays * 86400 ? ', stale' : '';
    return {
      rows: dataset.rows.length,
      line: `arena ${record.generation ?? '?'}, ${fmt(dataset.rows.length)} rows, ${fmt(s.dates)} dates ${s.first} → ${s.last}, ${fmt(s.models)} models; fetched ${when(record.fetchedAt, age)}${stale} (${dataset.source.path ?? '?'})`,
      json: {
        id, kind: record.kind, generation: record.generation, origin: record.origin, revision: record.revision, fetchedAt: record.fetchedAt, ageSeconds: age,
        completed: record.completed, rows: dataset.rows.length, dates: s.dates, firstDate: s.first, lastDate: s.last, models: s.models,
        config: dataset.source.config, split: dataset.source.split, category: dataset.source.category, path: dataset.source.path, pathReason, rowProblems: dataset.problems.length,
      },
    };
  },

  async status(store, ttlDays, now): Promise<StatusDetail> {
    const id = store.datasetId;
    const record = store.record;
    const held = await heldData(store, id);
    const pad = ' '.repeat(13);
    if (held === null) return { lines: [`table        none yet (${HUBSCOPE} fetch --dataset ` + sanitize(id) + ')'], json: { dataset: id, kind: 'arena', table: null } };
    const { dataset, pathReason } = held;
    const src = dataset.source;
    const s = span(dataset);
    const result = frontier(dataset);
    const age = ageOf(record.fetchedAt, now);
    const revision = src.revision ? ` @ ${sanitize(src.revision).slice(0, 12)}` : '';
    const lines = [
      `table        ${sanitize(src.dataset)} ${src.config}/${src.split}, category ${src.category}${revision}`,
      `${pad}fetched ${when(record.fetchedAt, age)}${age !== null && age > ttlDays * 86400 ? ', stale' : ''}`,
      `${pad}${pathReason ?? src.path ?? 'path unknown'}`,
      `${pad}${fmt(dataset.rows.length)} rows, ${fmt(s.dates)} publication dates ${s.first} → ${s.last}, ${fmt(s.models)} models, ${fmt(result.counts.organisations)} organisations`,
      `${pad}${fmt(result.licences.length)} licence spellings, ${fmt(result.unknownLicences.length)} unknown to the licence table${result.unknownLicences.length > 0 ? `: ${result.unknownLicences.map((l) => `"${l}"`).join(', ')}` : ''}`,
      `${pad}${fmt(dataset.problems.length)} rows that could not be read`,
      ...dataset.problems.slice(0, 5).map((p) => `${pad}  row ${p.index}: ${p.reason}`),
      `${pad}stale = older than ${ttlDays} days (--ttl)`,
    ];
    return {
      lines,
      json: {
        dataset: id, kind: 'arena', ttlDays,
        table: { ...src, pathReason, rows: dataset.rows.length, dates: s.dates, firstDate: s.first, lastDate: s.last, models: s.models, ageSeconds: age, completed: record.completed, licences: result.licences.length, unknownLicences: result.unknownLicences, firstProblems: dataset.problems.slice(0, 5) },
      },
    };
  },
};
