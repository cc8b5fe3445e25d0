// analyses.md §0 "Renamed repositories": the Hub answers a renamed repository's old id with a
// 307 to its new id, and the fetch stores that model info under the OLD repo key with the
// body's NEW `id` (hub-api.md §11). So an alias is an info whose id, lowercased, is not its
// key: old key → new id. Declared base models resolve through the aliases to the leaderboard
// row they name (v2: 57 models declare `meta-llama/Meta-Llama-3.1-8B`, whose row is
// `meta-llama/Llama-3.1-8B`). Pure: no IO.
import type { Dataset } from './model.js';

/** Alias chains longer than this are cut (the Hub follows a handful of redirects at most). */
const MAX_HOPS = 8;

export interface RepoAliases {
  /** Old key → new key, as the Hub's redirects said. */
  readonly renamed: ReadonlyMap<string, string>;
  /** The key a declared id stands for: its own leaderboard row; else the row it was renamed
   *  to (or that was renamed to it); else the last new id its aliases reach; else itself. */
  resolve(key: string): string;
  /** How the Hub spells a key: a row's repo, else the id the Hub answered with; null when
   *  nothing spells it. */
  spelling(key: string): string | null;
}

const cache = new WeakMap<Dataset, RepoAliases>();

/** The dataset's aliases (built once per dataset: a dataset never changes after loading). */
export function aliasesOf(dataset: Dataset): RepoAliases {
  let aliases = cache.get(dataset);
  if (!aliases) cache.set(dataset, (aliases = buildAliases(dataset)));
  return aliases;
}

function buildAliases(dataset: Dataset): RepoAliases {
  const rows = new Map<string, string>();
  for (const entry of dataset.entries) if (!rows.has(entry.key)) rows.set(entry.key, entry.repo);
  const renamed = new Map<string, string>();
  const spelled = new Map<string, string>();
  for (const [key, info] of dataset.info) {
    const id = info.id.toLowerCase();
    if (!spelled.has(id)) spelled.set(id, info.id);
    if (id !== key) renamed.set(key, id);
  }
  // A row whose own info says it was renamed: the new id stands for the row (models that
  // declare the new id build on it).
  const renamedRow = new Map<string, string>();
  for (const key of rows.keys()) {
    const target = renamed.get(key);
    if (target !== undefined && !rows.has(target) && !renamedRow.has(target)) renamedRow.set(target, key);
  }
  const resolve = (key: string): string => {
    if (rows.has(key)) return key;
    let current = key;
    for (let hop = 0; hop < MAX_HOPS; hop += 1) {
      const next = renamed.get(current);
      if (next === undefined || next === key) break;
      current = next;
      if (rows.has(current)) return current;
    }
    return renamedRow.get(current) ?? renamedRow.get(key) ?? current;
  };
  return {
    renamed,
    resolve,
    spelling: (key) => rows.get(key) ?? spelled.get(key) ?? null,
  };
}
