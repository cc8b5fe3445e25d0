// Builds a small Dataset by hand for the §1, §2 and §5 analysis tests: leaderboard entries, Hub
// info and commit activity, each named only as far as a test needs; every other field gets a
// neutral default. Rows keep their order: `index` is the position in the list (the last dedup
// tie-breaker of analyses.md §0).
import type {
  BaseRelation,
  CommitActivity,
  Dataset,
  Entry,
  Generation,
  ItemStatus,
  ModelInfo,
  ModelType,
} from '../../source/data/model.js';
import { familyOf } from '../../source/data/architecture.js';

/** One leaderboard entry. */
export interface EntrySpec {
  repo: string;
  score?: number | null;
  params?: number | null;
  type?: ModelType;
  architecture?: string | null;
  license?: string | null;
  likes?: number | null;
  flagged?: boolean;
  merged?: boolean;
  moe?: boolean;
  available?: boolean | null;
  submissionDate?: string | null;
  uploadDate?: string | null;
  benchmarks?: Record<string, number | null>;
  /** The v2 "Base Model" column (already without its suffix). */
  baseModel?: string | null;
  baseModelRelation?: BaseRelation | null;
}

/** Hub metadata of one repository; `created` may be a day (noon UTC is used) or an ISO time. */
export interface InfoSpec {
  created?: string | null;
  downloads?: number | null;
  likes?: number | null;
  license?: string | null;
  /** cardData.base_model. */
  bases?: string[];
  tags?: string[];
}

/** Commit history of one repository; first/last may be days or ISO times. */
export interface ActivitySpec {
  authors: string[];
  first?: string | null;
  last?: string | null;
  commits?: number;
}

export interface DatasetSpec {
  generation?: Generation;
  entries: EntrySpec[];
  info?: Record<string, InfoSpec>;
  activity?: Record<string, ActivitySpec>;
  activityStatus?: Record<string, ItemStatus['status']>;
  /** Renamed repositories, old id → new id, stored as the fetch stores them (hub-api.md §11):
   *  the model info under the OLD key with the NEW id (plus `info[old]`'s fields, if given). */
  renamed?: Record<string, string>;
}

/** The Hub's creation-date floor as it arrives from the API. */
export const FLOOR = '2022-03-02T23:29:04.000Z';

function iso(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.length === 10 ? `${value}T12:00:00.000Z` : new Date(value).toISOString();
}

export function entryOf(spec: EntrySpec, index: number): Entry {
  const architecture = spec.architecture === undefined ? 'LlamaForCausalLM' : spec.architecture;
  return {
    index,
    repo: spec.repo,
    key: spec.repo.toLowerCase(),
    evalName: null,
    precision: 'float16',
    type: spec.type ?? 'fine-tuned',
    typeRaw: spec.type ?? null,
    weightType: 'Original',
    architecture,
    family: familyOf(architecture),
    score: spec.score === undefined ? 50 : spec.score,
    benchmarks: spec.benchmarks ?? {},
    params: spec.params === undefined ? 7 : spec.params,
    license: spec.license ?? null,
    likes: spec.likes ?? null,
    available: spec.available === undefined ? true : spec.available,
    flagged: spec.flagged ?? false,
    merged: spec.merged ?? false,
    moe: spec.moe ?? false,
    sha: null,
    baseModel: spec.baseModel ?? null,
    baseModelRelation: spec.baseModelRelation ?? null,
    baseModelRemoved: false,
    generationDepth: null,
    uploadDate: spec.uploadDate ?? null,
    submissionDate: spec.submissionDate ?? null,
  };
}

export function infoOf(id: string, spec: InfoSpec): ModelInfo {
  return {
    id,
    author: id.includes('/') ? id.slice(0, id.indexOf('/')) : null,
    createdAt: iso(spec.created),
    lastModified: null,
    downloads: spec.downloads ?? null,
    likes: spec.likes ?? null,
    tags: spec.tags ?? [],
    library: null,
    license: spec.license ?? null,
    pipelineTag: null,
    gated: null,
    cardBaseModels: spec.bases ?? [],
    datasets: [],
    languages: [],
    safetensorsTotal: null,
    sha: null,
  };
}

function activityOf(spec: ActivitySpec): CommitActivity {
  return {
    commits: spec.commits ?? spec.authors.length,
    firstCommit: iso(spec.first),
    lastCommit: iso(spec.last ?? spec.first),
    authors: spec.authors,
  };
}

/** A dataset (v1 unless told otherwise). `info` and `activity` are keyed by repo id as
 *  spelled (the map keys are lowercased, as the cache does). */
export function buildDataset(spec: DatasetSpec): Dataset {
  const info = new Map<string, ModelInfo>();
  for (const [id, value] of Object.entries(spec.info ?? {})) info.set(id.toLowerCase(), infoOf(id, value));
  for (const [oldId, newId] of Object.entries(spec.renamed ?? {})) info.set(oldId.toLowerCase(), infoOf(newId, spec.info?.[oldId] ?? {}));
  const activity = new Map<string, CommitActivity>();
  for (const [id, value] of Object.entries(spec.activity ?? {})) activity.set(id.toLowerCase(), activityOf(value));
  const activityStatus = new Map<string, ItemStatus>();
  for (const [id, status] of Object.entries(spec.activityStatus ?? {})) {
    activityStatus.set(id.toLowerCase(), { status, fetchedAt: '2024-06-01T00:00:00.000Z' });
  }
  return {
    generation: spec.generation ?? 'v1',
    source: {
      dataset: null,
      revision: null,
      origin: 'test',
      leaderboardFetchedAt: null,
      infoFetchedAt: null,
      commitsFetchedAt: null,
    },
    entries: spec.entries.map(entryOf),
    info,
    infoStatus: new Map(),
    activity,
    activityStatus,
  };
}

/** Entries only, each created on the given day (Hub info with createdAt). */
export function datedDataset(rows: Array<EntrySpec & { created?: string | null }>, generation: Generation = 'v1'): Dataset {
  const info: Record<string, InfoSpec> = {};
  for (const row of rows) if (row.created !== undefined) info[row.repo] = { created: row.created };
  return buildDataset({ generation, entries: rows, info });
}
