// Joins entries with Hub metadata and commit activity into Models (analyses.md §0: date of a
// model, base models, the merge rule). Pure: no IO.
import type { BaseLink, Dataset, Entry, Model } from './model.js';
import { baseLinksOfInfo } from './normalise-info.js';
import { nameOf } from './repo-id.js';
import { aliasesOf, type RepoAliases } from './aliases.js';

/** The Hub's creation-date floor for repositories older than its tracking (§0): it reports
 *  `2022-03-02T23:29:04` for most, a few seconds later for some (`23:29:05` occurs on v1). */
export const HUB_DATE_FLOOR = '2022-03-02T23:29:04';

/** §0: any creation time on 2022-03-02 from 23:29:00 UTC to the end of that day is the floor. */
const FLOOR_FROM = Date.UTC(2022, 2, 2, 23, 29, 0);
const FLOOR_UNTIL = Date.UTC(2022, 2, 3);

const MERGE = /merge/i;

/** §0 "Date of a model": the time reads "on or before 2022-03-02" (the Hub's floor). */
export function isDateFloor(iso: string | null): boolean {
  if (iso === null) return false;
  const time = Date.parse(iso);
  return !Number.isNaN(time) && time >= FLOOR_FROM && time < FLOOR_UNTIL;
}

export function joinEntry(dataset: Dataset, entry: Entry): Model {
  const info = dataset.info.get(entry.key) ?? null;
  const activity = dataset.activity.get(entry.key) ?? null;
  let created: string | null = null;
  let dateSource: Model['dateSource'] = null;
  if (info?.createdAt) {
    created = info.createdAt;
    dateSource = 'hub';
  } else if (entry.uploadDate) {
    created = `${entry.uploadDate}T00:00:00.000Z`;
    dateSource = 'leaderboard';
  }
  const bases: BaseLink[] = info ? baseLinksOfInfo(info) : [];
  if (entry.baseModel !== null) {
    const key = entry.baseModel.toLowerCase();
    const found = bases.find((b) => b.key === key);
    const relation = entry.baseModelRelation ?? 'unknown';
    if (!found) bases.push({ id: entry.baseModel, key, relation });
    else if (found.relation === 'unknown') found.relation = relation;
  }
  const ownKey = entry.key;
  const ownBases = resolveLinks(bases, aliasesOf(dataset)).filter((b) => b.key !== ownKey);
  // §0 "Merge": the type, the Merged flag, a Hub tag containing "merge", the relation `merge`
  // (a `base_model:merge:` tag, or v2's Base Model suffix ` (Merge)`, also when that cell names
  // the model itself), or the repo name.
  const isMerge =
    entry.type === 'merge' ||
    entry.merged ||
    entry.baseModelRelation === 'merge' ||
    bases.some((b) => b.relation === 'merge') ||
    (info?.tags.some((t) => MERGE.test(t)) ?? false) ||
    MERGE.test(nameOf(entry.repo));
  return {
    entry,
    info,
    activity,
    created,
    day: created === null ? null : created.slice(0, 10),
    dateSource,
    dateFloor: dateSource === 'hub' && isDateFloor(created),
    bases: ownBases,
    isMerge,
    downloads: info?.downloads ?? null,
    likes: info?.likes ?? entry.likes,
    license: info?.license ?? entry.license,
  };
}

/** §0 "Renamed repositories": each declared base as the key it resolves to through the
 *  dataset's aliases (the declared id kept as `declared`); links that meet on one key merge,
 *  keeping the first stated relation. */
export function resolveLinks(links: readonly BaseLink[], aliases: RepoAliases): BaseLink[] {
  const out: BaseLink[] = [];
  for (const link of links) {
    const key = aliases.resolve(link.key);
    const resolved: BaseLink = key === link.key ? link : { id: aliases.spelling(key) ?? key, key, relation: link.relation, declared: link.id };
    const found = out.find((b) => b.key === key);
    if (!found) out.push(resolved);
    else if (found.relation === 'unknown') found.relation = link.relation;
  }
  return out;
}

// One Model per entry of a dataset, shared by every selection and the leaderboard table (a
// Model is never changed once joined, and a dataset never changes): 100,000 entries are joined
// once, not once per use.
const joined = new WeakMap<Dataset, Map<Entry, Model>>();

/** The entry joined (joinEntry), remembered per dataset. */
export function modelOf(dataset: Dataset, entry: Entry): Model {
  let byEntry = joined.get(dataset);
  if (!byEntry) joined.set(dataset, (byEntry = new Map()));
  let model = byEntry.get(entry);
  if (!model) byEntry.set(entry, (model = joinEntry(dataset, entry)));
  return model;
}

/** Every entry of the dataset joined, in source order. */
export function joinAll(dataset: Dataset): Model[] {
  return dataset.entries.map((entry) => modelOf(dataset, entry));
}
