// A source kind: one kind of dataset a cache can hold (a leaderboard table, the Hub-wide
// snapshot, LMArena's history), behind one interface (style.md habit 11): which dataset ids
// it takes, its fetch stages, how its documents are read for the views, its status lines and
// the views it offers. The rest of hubscope (fetch, print, status, the explorer) works
// through this interface and the registry (sources/registry.ts), so the next source is an
// addition, not surgery. README.md "Adding a source" says how to write one.
//
// Kept as small as the leaderboard needs plus what a source whose store is not lowdb JSON
// (a DuckDB file in its own folder, `store.datasetDir`) and whose views come from async
// queries obviously needs: `read` and `view` may be async, the data is opaque to everyone
// but the kind itself, and a stage gets the store only for its meta record and its folder.
import type { CacheStore } from '../cache/store.js';
import type { StageContext } from '../fetch/context.js';
import type { View, ViewOptions } from '../views/view.js';
import type { SourceLabel } from '../views/source-label.js';

export interface StageOptions {
  /** --refresh: re-fetch what is fresh too. */
  refresh: boolean;
  /** --only, in stage order; null for every stage. */
  only: readonly string[] | null;
  /** Test hook: rows per page of a paged table. */
  rowsPageSize?: number;
  /** The kind's own fetch options (`fetch --config text`: {config: 'text'}), only the names
   *  its `fetchParams` lists (the fetcher refuses the others). */
  params?: Readonly<Record<string, string>>;
}

/** What `status` says about one dataset: a line in the list of datasets, and (for the one
 *  chosen) the detail lines. `json` goes to `status --format json` as it is. */
export interface StatusSummary {
  /** Rows (entries, models, battles…) the dataset holds. */
  rows: number;
  /** One line: kind, generation, rows, freshness, coverage. */
  line: string;
  json: Record<string, unknown>;
}

export interface StatusDetail {
  lines: string[];
  json: Record<string, unknown>;
}

export interface ReadOptions {
  /** The explorer's first frame: read only what that frame needs (the rest comes next). */
  firstFrame?: boolean;
  /** A fetch is writing the cache now: the data may be partial (views say so). */
  fetching?: boolean;
}

/** One screen of the generic explorer (app/source/SourceApp) for a kind: its tab, the number
 *  key that opens it, and the view it shows (one of `views`). */
export interface SourceScreen {
  id: string;
  title: string;
  /** '1', '2', …: its place on the tab bar. */
  key: string;
  viewId: string;
}

export interface SourceKind<Data = unknown> {
  /** 'leaderboard', 'hub-snapshot', 'arena': recorded in meta.json for every dataset held. */
  readonly id: string;
  /** What it is, in a few words (status, errors): "Open LLM Leaderboard table". */
  readonly title: string;
  /** True for the dataset ids this kind fetches (the registry asks each kind in turn). */
  matches(datasetId: string): boolean;

  /** Its fetch stages, in order: the names `fetch --only` takes. */
  readonly stages: readonly string[];
  /** The fetch options of its own it takes (`StageOptions.params`: LMArena's config, split,
   *  category); none when absent. */
  readonly fetchParams?: readonly string[];
  /** Runs one stage for the store's dataset (`ctx.store.datasetId`). The fetcher holds the
   *  lock, opened the store, made the HTTP client and flushes; a stage marks its completion
   *  with `ctx.store.markCompleted(stage, at)` when it made a full pass, and emits
   *  `stage-skip` (with its reason) when it has nothing to do. */
  runStage(stage: string, ctx: StageContext, options: StageOptions): Promise<void>;
  /** `hubscope import FILE --dataset ID` for a kind that is not a leaderboard table: loads the
   *  file into the dataset's folder (`store.datasetDir`), updates its record and returns the
   *  line import prints. The caller holds the lock and flushes. */
  importFile?(store: CacheStore, file: string, options: { onProgress?: (line: string) => void }): Promise<string>;

  /** Reads a dataset's documents for the views, without writing anything. A dataset the
   *  cache does not hold reads as empty. */
  read(cacheDir: string, datasetId: string, options?: ReadOptions): Promise<Data>;
  /** What every header, status bar and JSON output says about the data's origin. */
  label(data: Data): SourceLabel;
  /** True when the data holds nothing to show yet (`print` refuses an empty dataset). */
  isEmpty(data: Data): boolean;
  /** The view ids it offers, in the order `print all` prints them. */
  readonly views: readonly string[];
  /** Views printed only when asked for by name (they need an option; not in `print all`). */
  readonly askedViews?: readonly string[];
  /** One view of the data (pure for the leaderboard; a queried store may answer later).
   *  `checkOptions` first refuses options the data cannot take, with one line. */
  view(viewId: string, data: Data, options: ViewOptions): View | Promise<View>;
  checkOptions?(data: Data, options: ViewOptions): string | null;
  /** Its screens in the generic explorer, in tab order; a kind without them is not explored
   *  (print and status still work). The leaderboard has its own explorer (app/App). */
  readonly screens?: readonly SourceScreen[];

  /** `status`: the summary line of one held dataset, and the details of the chosen one. */
  summary(store: CacheStore, datasetId: string, ttlDays: number, now: number): Promise<StatusSummary>;
  status(store: CacheStore, ttlDays: number, now: number): Promise<StatusDetail>;
}
