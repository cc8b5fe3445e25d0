// Which requests fetch the model info of a set of repositories (keeps metadata well under
// 0.35 requests per leaderboard repo): a namespace with two or more repos to fetch is read
// through one author listing; a namespace with one, and legacy one-segment ids, get a single
// model request each. (Repos an author listing does not show are looked up afterwards: see
// stage-info.ts.)
import { namespaceOf } from '../data/repo-id.js';

export type InfoTask =
  | { kind: 'single'; key: string; repo: string }
  | { kind: 'listing'; namespace: string; keys: string[] };

/** `needed`: keys to fetch; `repos`: key → id as spelled. Listings first (they take longest). */
export function planInfo(needed: readonly string[], repos: ReadonlyMap<string, string>): InfoTask[] {
  const byNamespace = new Map<string, { namespace: string; keys: string[] }>();
  const singles: InfoTask[] = [];
  for (const key of needed) {
    const repo = repos.get(key) ?? key;
    const namespace = namespaceOf(repo);
    if (namespace === '') {
      singles.push({ kind: 'single', key, repo });
      continue;
    }
    const group = byNamespace.get(namespace.toLowerCase());
    if (group) group.keys.push(key);
    else byNamespace.set(namespace.toLowerCase(), { namespace, keys: [key] });
  }
  const listings: InfoTask[] = [];
  for (const { namespace, keys } of byNamespace.values()) {
    if (keys.length >= 2) listings.push({ kind: 'listing', namespace, keys });
    else singles.push({ kind: 'single', key: keys[0]!, repo: repos.get(keys[0]!) ?? keys[0]! });
  }
  listings.sort((a, b) => (b as { keys: string[] }).keys.length - (a as { keys: string[] }).keys.length);
  return [...listings, ...singles];
}
