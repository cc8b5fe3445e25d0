// The domain model every stage after fetch speaks (../shared/docs/analyses.md §0 "Common ground").
// Fetch and import produce these records; the cache stores them; analyses read them.

/** Leaderboard generation, told apart by its benchmark columns (never by dataset id). */
export type Generation = 'v1' | 'v2';

/** analyses.md §0 "Type": the leaderboard's own column, emoji prefix stripped. */
export type ModelType =
  | 'pretrained'
  | 'continuously pretrained'
  | 'fine-tuned'
  | 'chat'
  | 'merge'
  | 'unknown';

export const MODEL_TYPES: readonly ModelType[] = [
  'pretrained',
  'continuously pretrained',
  'fine-tuned',
  'chat',
  'merge',
  'unknown',
];

/** How a model relates to a base model it declares (the Hub's model tree relations). */
export type BaseRelation = 'finetune' | 'adapter' | 'merge' | 'quantized' | 'unknown';

/** The six benchmarks behind "Average ⬆️", per generation (analyses.md §0 "Score"). */
export const BENCHMARKS: Readonly<Record<Generation, readonly string[]>> = {
  v1: ['ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K'],
  v2: ['IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO'],
};

/** One leaderboard row, normalised (analyses.md §0 "Entry"). Strings are already sanitised. */
export interface Entry {
  /** Position in source order (0-based); the last dedup tie-breaker. */
  index: number;
  /** Repository id as the Hub spells it (`fullname`). */
  repo: string;
  /** `repo` lowercased: ids are compared with this. */
  key: string;
  evalName: string | null;
  precision: string | null;
  type: ModelType;
  /** The leaderboard's own Type string, emoji included. */
  typeRaw: string | null;
  weightType: string | null;
  /** The model class as the leaderboard gives it (e.g. "MistralForCausalLM"). */
  architecture: string | null;
  /** Architecture family label (data/architecture.ts), `unknown` when none. */
  family: string;
  /** "Average ⬆️", 0–100; null when missing. */
  score: number | null;
  /** The generation's six benchmarks by their column name. */
  benchmarks: Record<string, number | null>;
  /** "#Params (B)" in billions; null when 0, negative or missing. */
  params: number | null;
  license: string | null;
  likes: number | null;
  available: boolean | null;
  flagged: boolean;
  /** The leaderboard's Merged flag (not the full §0 merge rule: see data/join.ts). */
  merged: boolean;
  moe: boolean;
  sha: string | null;
  /** v2 "Base Model" without its suffix; null when it names the model itself or reads Removed. */
  baseModel: string | null;
  /** Relation read from the v2 "Base Model" suffix, e.g. ` (Merge)` → merge; kept when the
   *  cell names the model itself (then `baseModel` is null). */
  baseModelRelation: BaseRelation | null;
  /** True when v2 "Base Model" reads `Removed`. */
  baseModelRemoved: boolean;
  /** v2 "Generation" (0 for originals). */
  generationDepth: number | null;
  /** v2 "Upload To Hub Date" as YYYY-MM-DD. */
  uploadDate: string | null;
  /** v2 "Submission Date" or v1 "date", as YYYY-MM-DD (the day only, when the source has a time). */
  submissionDate: string | null;
}

/** Hub model metadata (../shared/docs/hub-api.md §4.1), the fields hubscope uses. */
export interface ModelInfo {
  id: string;
  author: string | null;
  /** ISO timestamp; 2022-03-02 from 23:29 UTC on is the Hub's floor (see isDateFloor). */
  createdAt: string | null;
  lastModified: string | null;
  downloads: number | null;
  likes: number | null;
  tags: string[];
  library: string | null;
  license: string | null;
  pipelineTag: string | null;
  gated: boolean | string | null;
  /** cardData.base_model, a string or a list on the Hub, always a list here. */
  cardBaseModels: string[];
  datasets: string[];
  languages: string[];
  safetensorsTotal: number | null;
  sha: string | null;
}

/** A repository's commit history, summarised (hub-api.md §5). Authors are raw: system
 *  accounts and bots are removed by the analyses (analyses.md §0 "Authors"), not here. */
export interface CommitActivity {
  commits: number;
  firstCommit: string | null;
  lastCommit: string | null;
  authors: string[];
}

/** What became of one per-repository fetch. */
export type ItemState = 'ok' | 'gone' | 'error';

export interface ItemStatus {
  status: ItemState;
  message?: string;
  /** ISO time of the attempt. */
  fetchedAt: string;
}

/** A declared base model, with the relation when the source says it. */
export interface BaseLink {
  id: string;
  key: string;
  relation: BaseRelation;
  /** The id as the model declared it, when a rename resolved it to `id` (data/aliases.ts). */
  declared?: string;
}

/** Where a model's date came from (analyses.md §0 "Date of a model"). */
export type DateSource = 'hub' | 'leaderboard';

/** One leaderboard entry joined with its Hub metadata and commit activity (data/join.ts). */
export interface Model {
  entry: Entry;
  info: ModelInfo | null;
  activity: CommitActivity | null;
  /** Creation time (ISO) used for time series, or null: no date at all. */
  created: string | null;
  /** The UTC day of `created`, YYYY-MM-DD. */
  day: string | null;
  dateSource: DateSource | null;
  /** createdAt is the Hub's 2022-03-02 floor: "on or before 2022-03-02", kept out of per-period counts. */
  dateFloor: boolean;
  /** Base models from card, tags and the v2 column, deduplicated by key. */
  bases: BaseLink[];
  /** The §0 merge rule applied to this model alone (descent from merges is analysis work). */
  isMerge: boolean;
  downloads: number | null;
  likes: number | null;
  license: string | null;
}

/** Where the data came from, shown in headers and the overview. */
export interface SourceInfo {
  dataset: string | null;
  revision: string | null;
  /** 'viewer' for the dataset viewer, 'file:<path>' for an import. */
  origin: string | null;
  leaderboardFetchedAt: string | null;
  infoFetchedAt: string | null;
  commitsFetchedAt: string | null;
  /** Leaderboard rows the cache could not read (absent when not known, as for a dataset
   *  built in memory). */
  rowProblems?: number;
  /** How much of the table is read: complete, rows read, rows the source has (absent when not
   *  known, as for a dataset built in memory: then it counts as complete). */
  table?: { complete: boolean; read: number; total: number };
}

/** Everything the analyses read: the cache, normalised and joined. */
export interface Dataset {
  generation: Generation;
  source: SourceInfo;
  /** Every entry in source order (duplicates and flagged included; analyses select). */
  entries: Entry[];
  /** Hub metadata by repo key. */
  info: Map<string, ModelInfo>;
  infoStatus: Map<string, ItemStatus>;
  /** Commit activity by repo key. */
  activity: Map<string, CommitActivity>;
  activityStatus: Map<string, ItemStatus>;
  /** Set while only the leaderboard has been read (the explorer draws its first frame from
   *  it, then reads Hub info and commit histories): analyses would be incomplete. */
  partial?: boolean;
  /** A fetch was running when the dataset was read (the explorer's background fetch, or a
   *  live fetch holding the cache's lock): figures may still change. */
  fetching?: boolean;
  /** The LMArena dataset the same cache holds, and its frontier headline (analyses.md §7: the
   *  answer to the paper's title question, which the overview points to); null or absent when
   *  the cache holds none. Read beside the table (sources/arena.ts frontierPointer). */
  frontier?: FrontierPointer | null;
}

export interface FrontierPointer {
  dataset: string;
  /** The last date's sentence; null when the dataset holds no rows yet. */
  headline: string | null;
}
