// The source kinds hubscope knows, in the order their `matches` is asked (the leaderboard,
// which takes any id, last). A dataset the cache holds keeps the kind its meta record names.
import type { DatasetRecord } from '../cache/schema.js';
import { DataError } from '../data/errors.js';
import { arenaKind } from './arena.js';
import { hubSource } from './hub.js';
import { leaderboardSource } from './leaderboard.js';
import type { SourceKind } from './source.js';

export const SOURCES: readonly SourceKind<any>[] = [
  arenaKind,
  hubSource,
  leaderboardSource,
];

/** The kind of a dataset: its record's when held, else the first kind whose `matches` takes
 *  the id. */
export function sourceFor(datasetId: string, record?: DatasetRecord | null): SourceKind<any> {
  if (record) {
    const kind = SOURCES.find((s) => s.id === record.kind);
    if (!kind) throw new DataError(`the cache holds ${datasetId} as a "${record.kind}" dataset, which this hubscope does not know: upgrade hubscope`);
    return kind;
  }
  return SOURCES.find((s) => s.matches(datasetId)) ?? leaderboardSource;
}
