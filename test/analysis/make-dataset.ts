// Hand-built datasets for the §3 (sizes) and §4 (improvement) tests. Each row names only what
// a test needs; everything else gets a neutral default. Rows keep their order: `index` is the
// position in the list (the dedup tie-breaker of analyses.md §0).
import type { BaseRelation, Dataset, Entry, ModelInfo, ModelType } from '../../source/data/model.js';
import { familyOf } from '../../source/data/architecture.js';

export interface Row {
  repo: string;
  score?: number | null;
  params?: number | null;
  type?: ModelType;
  architecture?: string | null;
  flagged?: boolean;
  merged?: boolean;
  submissionDate?: string | null;
  uploadDate?: string | null;
  /** Hub createdAt (ISO or YYYY-MM-DD); a row with any Hub field gets a ModelInfo. */
  created?: string | null;
  downloads?: number | null;
  /** Declared base models (cardData.base_model). */
  bases?: string[];
  tags?: string[];
  /** The v2 "Base Model" column, already parsed (data/normalise-row.ts parseBaseModelCell). */
  baseModel?: string | null;
  baseModelRelation?: BaseRelation | null;
  /** The generation's benchmarks by column name. */
  benchmarks?: Record<string, number | null>;
}

const HUB_FIELDS = ['created', 'downloads', 'bases', 'tags'] as const;

function entryOf(row: Row, index: number): Entry {
  const architecture = row.architecture === undefined ? 'LlamaForCausalLM' : row.architecture;
  return {
    index,
    repo: row.repo,
    key: row.repo.toLowerCase(),
    evalName: null,
    precision: 'float16',
    type: row.type ?? 'fine-tuned',
    typeRaw: null,
    weightType: 'Original',
    architecture,
    family: familyOf(architecture),
    score: row.score === undefined ? 50 : row.score,
    benchmarks: row.benchmarks ?? {},
    params: row.params === undefined ? 7 : row.params,
    license: null,
    likes: null,
    available: true,
    flagged: row.flagged ?? false,
    merged: row.merged ?? false,
    moe: false,
    sha: null,
    baseModel: row.baseModel ?? null,
    baseModelRelation: row.baseModelRelation ?? null,
    baseModelRemoved: false,
    generationDepth: null,
    uploadDate: row.uploadDate ?? null,
    submissionDate: row.submissionDate ?? null,
  };
}

function createdIso(created: string | null | undefined): string | null {
  if (created === null || created === undefined) return null;
  return created.length === 10 ? `${created}T12:00:00.000Z` : new Date(created).toISOString();
}

function infoOf(row: Row): ModelInfo {
  return {
    id: row.repo,
    author: null,
    createdAt: createdIso(row.created),
    lastModified: null,
    downloads: row.downloads ?? null,
    likes: null,
    tags: row.tags ?? [],
    library: null,
    license: null,
    pipelineTag: null,
    gated: null,
    cardBaseModels: row.bases ?? [],
    datasets: [],
    languages: [],
    safetensorsTotal: null,
    sha: null,
  };
}

/** A v1 dataset (unless told otherwise) from rows in source order. Hub info is attached to a
 *  repository when any of its rows carries a Hub field (the last such row wins). */
export function makeDataset(
  rows: readonly Row[],
  generation: Dataset['generation'] = 'v1',
  renamed: Readonly<Record<string, string>> = {},
): Dataset {
  const info = new Map<string, ModelInfo>();
  rows.forEach((row) => {
    if (HUB_FIELDS.some((field) => row[field] !== undefined)) info.set(row.repo.toLowerCase(), infoOf(row));
  });
  // Renamed repositories (old id → new id) as the fetch stores them (hub-api.md §11): the
  // model info under the OLD key, with the NEW id.
  for (const [oldId, newId] of Object.entries(renamed)) info.set(oldId.toLowerCase(), infoOf({ repo: newId }));
  return {
    generation,
    source: {
      dataset: null,
      revision: null,
      origin: 'test',
      leaderboardFetchedAt: null,
      infoFetchedAt: null,
      commitsFetchedAt: null,
    },
    entries: rows.map(entryOf),
    info,
    infoStatus: new Map(),
    activity: new Map(),
    activityStatus: new Map(),
  };
}

/** The Hub's creation-date floor as it arrives from the API. */
export const FLOOR_CREATED = '2022-03-02T23:29:04.000Z';
