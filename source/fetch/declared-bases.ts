// The declared base models that are not leaderboard rows (analyses.md §0 "Renamed
// repositories"): v2's "Base Model" cell and the card/tag bases of the infos fetched. The info
// stage looks them up too, in a small round after the main pass, so that a base the Hub
// renamed is followed to its new id (stored under the old key with the new `id`) and the
// analyses can resolve it. They are few: 144 distinct on v2, about 300 on v1.
import type { Entry, ModelInfo } from '../data/model.js';
import { baseLinksOfInfo } from '../data/normalise-info.js';
import type { ItemRecord } from '../cache/schema.js';

/** key → id as first spelled, for every base declared by the entries or the rows' infos whose
 *  key is not a leaderboard row. */
export function declaredBases(
  entries: readonly Entry[],
  infos: Readonly<Record<string, ItemRecord<ModelInfo>>>,
  repos: ReadonlyMap<string, string>,
): Map<string, string> {
  const bases = new Map<string, string>();
  const add = (id: string): void => {
    const key = id.toLowerCase();
    if (!repos.has(key) && !bases.has(key)) bases.set(key, id);
  };
  for (const entry of entries) if (entry.baseModel !== null && !entry.baseModelRemoved) add(entry.baseModel);
  for (const key of repos.keys()) {
    const info = infos[key]?.value;
    if (info) for (const link of baseLinksOfInfo(info)) add(link.id);
  }
  return bases;
}
