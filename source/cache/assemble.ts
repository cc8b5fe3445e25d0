// A dataset as the analyses read it (data/model.ts Dataset), from one dataset's meta record,
// its table and the shared per-repository maps. Used by the writer's store and the read-only
// loader alike.
import type { CommitActivity, Dataset, ItemStatus, ModelInfo } from '../data/model.js';
import type { DatasetRecord, ItemRecord, LeaderboardDoc } from './schema.js';

export interface Maps<T> {
  values: Map<string, T>;
  statuses: Map<string, ItemStatus>;
}

export const emptyMaps = <T>(): Maps<T> => ({ values: new Map<string, T>(), statuses: new Map<string, ItemStatus>() });

export function mapsOf<T>(items: Record<string, ItemRecord<T>>): Maps<T> {
  const maps = emptyMaps<T>();
  for (const [key, record] of Object.entries(items)) {
    maps.statuses.set(key, record); // an ItemRecord is an ItemStatus (plus its value)
    if (record.status === 'ok' && record.value !== undefined) maps.values.set(key, record.value);
  }
  return maps;
}

export function assemble(
  id: string,
  record: DatasetRecord | null,
  lb: LeaderboardDoc,
  info: Maps<ModelInfo>,
  activity: Maps<CommitActivity>,
): Dataset {
  return {
    generation: lb.generation ?? (record?.generation === 'v1' ? 'v1' : 'v2'),
    source: {
      dataset: id,
      revision: lb.revision,
      origin: lb.origin,
      leaderboardFetchedAt: lb.fetchedAt,
      infoFetchedAt: record?.completed.info ?? null,
      commitsFetchedAt: record?.completed.commits ?? null,
      rowProblems: lb.problems.length,
      table: { complete: lb.complete, read: lb.complete ? lb.total : lb.nextOffset, total: lb.total },
    },
    entries: lb.entries,
    info: info.values,
    infoStatus: info.statuses,
    activity: activity.values,
    activityStatus: activity.statuses,
  };
}
