// A view: what one screen (and `hubscope print VIEW`) shows, as blocks that the text and
// markdown writers lay out. Views are built from analysis results; they hold no IO.
import type { Note } from '../analysis/result.js';
import type { Period } from '../analysis/periods.js';
import type { Coverage } from '../analysis/coverage.js';

export const VIEW_IDS = [
  'overview',
  'leaderboard',
  'authors',
  'types',
  'architectures',
  'base-models',
  'lineage',
  'sizes',
  'improvement',
] as const;

export type ViewId = (typeof VIEW_IDS)[number];

import type { Cell, TableColumn } from '../render/table.js';
import type { RenderOptions } from '../render/options.js';
import type { Grid } from '../render/table-model.js';
import type { WhereClause } from './leaderboard-where.js';

export type { Cell, TableColumn, RenderOptions };

export type Block =
  | { kind: 'heading'; text: string }
  /** Headline figures, each with the paper's figure beside it when there is one. */
  | { kind: 'figures'; rows: Array<{ label: string; value: string; paper?: string }> }
  /** `drill`, aligned with `rows`: where Enter on the row goes in the explorer (issue 9 item 5:
   *  an author, a size bin, a period to the leaderboard's rows in it); print ignores it. */
  | { kind: 'table'; title?: string; columns: TableColumn[]; rows: Cell[][]; drill?: Array<Drill | null> }
  /** A table of the table model (render/table-model.ts) drawn as the screen draws it. */
  | { kind: 'grid'; title?: string; grid: Grid }
  /** A chart drawn by the shared renderers at a given width (plots, bars, histograms). */
  | { kind: 'chart'; title?: string; draw: (options: RenderOptions) => string[] }
  | { kind: 'notes'; notes: Note[] }
  /** Preformatted lines (cut at the width; fenced in Markdown). */
  | { kind: 'text'; lines: string[] }
  /** A sentence or two of prose (wrapped at the width; a paragraph in Markdown). */
  | { kind: 'paragraph'; text: string };

/** A table row's drill-down: the leaderboard's rows narrowed by one clause (every model in
 *  view counted, merges included, as the analyses count them). */
export interface Drill {
  where: WhereClause;
}

/** Views of other sources than the leaderboards (LMArena's `frontier`, views/arena-views.ts),
 *  built from their own datasets, so not in VIEW_IDS. */
export type SourceViewId = 'frontier';

/** Views of the leaderboard printed only when asked for by name, as they need an option:
 *  `frequency --column C`, `compare --models A,B` (issue 9 item 7). Not in `print all`. */
export const ASKED_VIEW_IDS = ['frequency', 'compare'] as const;
export type AskedViewId = (typeof ASKED_VIEW_IDS)[number];

export interface View {
  id: ViewId | SourceViewId | AskedViewId;
  title: string;
  /** One line: the filters and options in force (for headers and the status bar). */
  summary: string;
  blocks: Block[];
  /** Every number the view shows, for --format json. */
  data: unknown;
  /** The view's main table, for --format csv (views without one have none). */
  csv?: { columns: string[]; rows: Cell[][] };
  /** How much of what its figures need is there (views/registry.ts sets it for every view). */
  coverage?: Coverage;
}

/** Options a view takes from the command line or a screen. Defaults reproduce the paper. */
export interface ViewOptions {
  period: Period;
  top: number;
  includeFlagged: boolean;
  /** Improvement: family specs (preset names, `pattern:p[:range]`, or a base repo id). */
  families?: string[];
  normalised?: boolean;
  percent?: boolean;
  /** Sizes: score threshold for "params needed" (default 70 on v1, 40 on v2). */
  threshold?: number;
  /** Types, sizes, improvement: the score read, 'average' (default) or one benchmark of the
   *  dataset's generation (analyses.md §0 "Score"). */
  score?: string;
  /** Architectures/sizes: minimum share for a family to be shown on its own. */
  familyThreshold?: number;
  /** Lineage: the base model to draw. */
  base?: string;
  /** Leaderboard: search text and filters. */
  search?: string;
  sort?: string;
  descending?: boolean;
  types?: string[];
  archFamilies?: string[];
  minParams?: number;
  maxParams?: number;
  from?: string;
  to?: string;
  showMerges?: boolean;
  /** Leaderboard: size presets (analysis/leaderboard-query.ts SIZE_PRESETS ids), OR-ed. */
  sizes?: string[];
  /** Improvement: how preset families are formed. Default: 'lineage' when the dataset has Hub
   *  metadata (analyses.md §4: "default when Hub metadata is there"), else 'pattern'. */
  mode?: 'lineage' | 'pattern';
  /** Improvement: families drawn in the plot at most (default 6, the largest totals). */
  plot?: number;
  /** Overview: the clock reading freshness ages are measured from (views never read the
   *  clock: print passes `new Date()`, the explorer its own reading). Without it, no ages. */
  now?: Date;
  /** Authors (§1, and the overview's §1 figures): who the authors of a repository are —
   *  'history' (its commit authors, the paper's rule; default) or 'namespace' (the namespace
   *  owner stands in for a repository whose history is missing: analyses.md §0). */
  authors?: 'history' | 'namespace';
  /** Hub views (analyses.md §6 "Scope"): the language models (default) or all models. */
  scope?: 'llm' | 'all';
  /** Hub adoption (§6 H5): the roots followed (default: the five largest dated roots). */
  roots?: string[];
  /** Types, architectures: which bars of new models per period to draw, counts or shares
   *  (undefined: both, as print draws them; the explorer's `v` picks one). */
  bars?: 'counts' | 'shares';
  /** Frequency: the leaderboard column counted (an id or title, as --sort takes). */
  column?: string;
  /** Compare: the models side by side (repo ids). */
  models?: string[];
}

export const DEFAULT_VIEW_OPTIONS: ViewOptions = {
  period: 'month',
  top: 20,
  includeFlagged: false,
};
