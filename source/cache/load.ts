// Reads one dataset of the cache for the analyses (print and the explorer): straight into the
// dataset's maps, one file at a time, without the keyed documents a writer needs, and without
// writing anything (a schema-1 cache is read in place). Same errors as CacheStore.open.
import { join } from 'node:path';
import type { CommitActivity, Dataset, ModelInfo } from '../data/model.js';
import { DEFAULT_DATASET } from '../env.js';
import { commitMaps, modelMaps } from './codec.js';
import { readDocument, readTable } from './documents.js';
import { assemble, emptyMaps, type Maps } from './assemble.js';
import { chooseDataset, readIndex, tablePath } from './meta.js';
import { FILES, emptyLeaderboard } from './schema.js';

export interface LoadOptions {
  /** The dataset to read; none: the most recently fetched one (else the default v2 id, empty). */
  dataset?: string | null;
  /** Stop after the table: a `partial` dataset the explorer draws its first frame from while
   *  it reads the rest. */
  leaderboardOnly?: boolean;
}

/** The dataset, or an empty one under its id when the cache does not hold it (yet). */
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const index = await readIndex(dir);
  const choice = chooseDataset(index.meta, options.dataset, DEFAULT_DATASET);
  const record = index.meta.datasets[choice.id] ?? null;
  const lb = (record ? await readTable(tablePath(dir, index, choice.id)) : null) ?? emptyLeaderboard();
  if (options.leaderboardOnly) return { ...assemble(choice.id, record, lb, emptyMaps(), emptyMaps()), partial: true };
  const info = (await readDocument<Maps<ModelInfo>>(join(dir, FILES.models), 'items', modelMaps)) ?? emptyMaps<ModelInfo>();
  const activity = (await readDocument<Maps<CommitActivity>>(join(dir, FILES.commits), 'items', commitMaps)) ?? emptyMaps<CommitActivity>();
  return assemble(choice.id, record, lb, info, activity);
}
