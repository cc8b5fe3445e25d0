// analyses.md §1 "Community growth and author concentration" [Fig. 1, 2, 3] and §0
// "Authors of a repository": authors over time, repositories per author (buckets, top
// authors), the concentration headline (top-k shares of author–repository pairs, Gini,
// Price's law) and authors per repository. Pure: no IO, no clock.
import type { Dataset, Generation } from '../data/model.js';
import { namespaceOf } from '../data/repo-id.js';
import { periodKey, periodRange, type Period } from './periods.js';
import { note, type Note, type TimeSeries } from './result.js';
import { selectModels, selectionNotes, type SelectOptions } from './select.js';
import { withDefaults } from './options.js';
import { concentration, countBuckets, type Bucket, type Concentration } from './author-stats.js';

export interface AuthorOptions extends SelectOptions {
  /** Period of authors over time. Default 'month'. */
  period?: Period;
  /** Let the namespace owner stand in as the one author of a repository whose history is
   *  missing (gone, gated, not fetched). Default false (the paper: such repos add no one).
   *  The stand-in's first appearance is the model's creation date. */
  ownerFallback?: boolean;
  /** System accounts removed from commit authors (compared case-insensitively). Default
   *  ['system', 'leaderboard-pr-bot'] (§0). */
  systemAccounts?: readonly string[];
  /** Also remove every author whose name ends in "bot" (case-insensitive). Default true (§0). */
  dropBots?: boolean;
  /** Top-k shares of author–repository pairs. Default [10, 200] (the paper's headline). */
  topShares?: readonly number[];
  /** Rows of the top-authors table. Default 20. */
  topAuthors?: number;
  /** Lower edges of the repos-per-author buckets (the last is open). Default
   *  [1, 2, 3, 5, 10, 20, 50]: 1, 2, 3–4, 5–9, 10–19, 20–49, 50+. */
  buckets?: readonly number[];
}

export type ResolvedAuthorOptions = Required<AuthorOptions>;

export const DEFAULT_AUTHOR_OPTIONS: ResolvedAuthorOptions = {
  includeFlagged: false,
  dedup: true,
  created: null,
  period: 'month',
  ownerFallback: false,
  systemAccounts: ['system', 'leaderboard-pr-bot'],
  dropBots: true,
  topShares: [10, 200],
  topAuthors: 20,
  buckets: [1, 2, 3, 5, 10, 20, 50],
};

export interface TopAuthor {
  /** Hub user names are unique regardless of case (§0): authors are compared
   *  case-insensitively and shown in the spelling seen most often (ties: the first seen). */
  author: string;
  repos: number;
  /** Share of all author–repository pairs. */
  share: number;
  /** First appearance (YYYY-MM-DD), null when none of their repos has a date. */
  firstSeen: string | null;
}

export interface AuthorsResult {
  generation: Generation;
  options: ResolvedAuthorOptions;
  repos: {
    /** Repositories in view (selected models). */
    inView: number;
    /** Repositories that add at least one author (history, or owner stand-in). */
    withAuthors: number;
    /** History missing: not in the commit cache (see byStatus). */
    withoutHistory: number;
    /** Of those, by fetch status: 'gone', 'error', 'not fetched'. */
    withoutHistoryByStatus: Record<string, number>;
    /** History present, but it names no author besides system accounts and bots. */
    botsOnly: number;
    /** Repositories whose owner stood in (ownerFallback). */
    ownerStandIns: number;
  };
  /** [Fig. 1] series 'new' and 'cumulative' per period, zero-filled. */
  overTime: TimeSeries;
  /** The concentration headline: N, pairs, top-k shares, Gini, Price. */
  concentration: Concentration;
  /** [Fig. 2] authors per repos-per-author bucket, and the top authors. */
  reposPerAuthor: { buckets: Bucket[]; top: TopAuthor[]; max: number; mean: number | null };
  /** [Fig. 3] over repositories with a history (owner stand-ins left out). */
  authorsPerRepo: {
    /** Dense: one row per author count from 1 to the largest. */
    counts: Array<{ authors: number; repos: number }>;
    repos: number;
    singleAuthor: number;
    singleAuthorShare: number | null;
    mean: number | null;
  };
  notes: Note[];
}

interface AuthorRecord {
  name: string;
  /** Every spelling seen, with how often (in the repositories' author lists). */
  spellings: Map<string, number>;
  repos: number;
  /** Earliest real day (commit or non-floor creation), YYYY-MM-DD. */
  first: string | null;
  /** Only dated by a model on the 2022-03-02 floor. */
  floorOnly: boolean;
}

/** §0: is this commit author a system account or a bot? */
export function isSystemAuthor(name: string, systemAccounts: readonly string[], dropBots: boolean): boolean {
  const lower = name.trim().toLowerCase();
  if (lower === '') return true;
  if (systemAccounts.some((s) => s.toLowerCase() === lower)) return true;
  return dropBots && lower.endsWith('bot');
}

function resolve(options: AuthorOptions): ResolvedAuthorOptions {
  return withDefaults(options, DEFAULT_AUTHOR_OPTIONS);
}

/** analyses.md §1 [Fig. 1, 2, 3] from the dataset; options default to the paper's. */
export function authorsAnalysis(dataset: Dataset, options: AuthorOptions = {}): AuthorsResult {
  const resolved = resolve(options);
  const { models, excluded } = selectModels(dataset, resolved);
  const notes = selectionNotes(excluded);
  const authors = new Map<string, AuthorRecord>();
  const perRepo: number[] = [];
  const repos: AuthorsResult['repos'] = {
    inView: models.length,
    withAuthors: 0,
    withoutHistory: 0,
    withoutHistoryByStatus: {},
    botsOnly: 0,
    ownerStandIns: 0,
  };
  let noOwner = 0;
  const credit = (name: string, day: string | null, floor: boolean, spelled: readonly string[] = [name]): void => {
    const key = name.trim().toLowerCase();
    let record = authors.get(key);
    if (!record) authors.set(key, (record = { name: name.trim(), spellings: new Map(), repos: 0, first: null, floorOnly: false }));
    for (const spelling of spelled) record.spellings.set(spelling.trim(), (record.spellings.get(spelling.trim()) ?? 0) + 1);
    record.repos += 1;
    if (day !== null && !floor && (record.first === null || day < record.first)) record.first = day;
    if (floor && record.first === null) record.floorOnly = true;
  };
  for (const model of models) {
    const activity = model.activity;
    if (activity === null) {
      repos.withoutHistory += 1;
      const status = dataset.activityStatus.get(model.entry.key)?.status ?? 'not fetched';
      repos.withoutHistoryByStatus[status] = (repos.withoutHistoryByStatus[status] ?? 0) + 1;
      if (resolved.ownerFallback) {
        const owner = namespaceOf(model.entry.repo);
        if (owner === '') noOwner += 1;
        else {
          credit(owner, model.day, model.dateFloor);
          repos.ownerStandIns += 1;
          repos.withAuthors += 1;
        }
      }
      continue;
    }
    // one credit per author and repository; every spelling the list holds is counted
    const names = new Map<string, string[]>();
    for (const name of activity.authors) {
      if (!isSystemAuthor(name, resolved.systemAccounts, resolved.dropBots)) {
        const key = name.trim().toLowerCase();
        const spelled = names.get(key);
        if (spelled) spelled.push(name);
        else names.set(key, [name]);
      }
    }
    if (names.size === 0) {
      repos.botsOnly += 1;
      continue;
    }
    repos.withAuthors += 1;
    perRepo.push(names.size);
    const day = activity.firstCommit === null ? null : activity.firstCommit.slice(0, 10);
    for (const spelled of names.values()) credit(spelled[0]!, day, false, spelled);
  }
  for (const record of authors.values()) {
    if (record.first !== null) record.floorOnly = false;
    record.name = mostSeen(record.spellings, record.name);
  }
  if (resolved.ownerFallback) {
    note(notes, repos.ownerStandIns, 'repositories without commit history: their namespace owner stands in as author');
  } else note(notes, repos.withoutHistory, 'repositories without commit history add no authors');
  note(notes, noOwner, 'repositories without commit history and without a namespace add no authors');
  note(notes, repos.botsOnly, 'repositories whose history names no author besides system accounts and bots add no authors');
  return {
    generation: dataset.generation,
    options: resolved,
    repos,
    overTime: authorsOverTime([...authors.values()], resolved.period, notes),
    concentration: concentration(
      [...authors.values()].map((a) => a.repos),
      resolved.topShares,
    ),
    reposPerAuthor: reposPerAuthor([...authors.values()], resolved),
    authorsPerRepo: authorsPerRepo(perRepo),
    notes,
  };
}

/** [Fig. 1] new authors per period by first appearance, and the running total. */
function authorsOverTime(records: readonly AuthorRecord[], period: Period, notes: Note[]): TimeSeries {
  const dated = records.filter((r) => r.first !== null);
  const floorOnly = records.filter((r) => r.floorOnly).length;
  note(notes, records.length - dated.length - floorOnly, 'authors without a first-commit date left out of authors over time');
  note(notes, floorOnly, 'authors dated only by a model on the 2022-03-02 floor counted in the running total from the first period');
  const byKey = new Map<string, number>();
  for (const r of dated) {
    const key = periodKey(r.first!, period);
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const sorted = [...byKey.keys()].sort();
  const keys = sorted.length === 0 ? [] : periodRange(sorted[0]!, sorted[sorted.length - 1]!, period);
  const fresh = keys.map((k) => byKey.get(k) ?? 0);
  let running = floorOnly;
  const cumulative = fresh.map((n) => (running += n));
  return { period, keys, series: [{ name: 'new', values: fresh }, { name: 'cumulative', values: cumulative }] };
}

/** [Fig. 2] buckets and top authors (repos desc, then name). */
function reposPerAuthor(records: readonly AuthorRecord[], options: ResolvedAuthorOptions): AuthorsResult['reposPerAuthor'] {
  const pairs = records.reduce((sum, r) => sum + r.repos, 0);
  const ranked = [...records].sort((a, b) => b.repos - a.repos || compareNames(a.name, b.name));
  return {
    buckets: countBuckets(records.map((r) => r.repos), options.buckets),
    top: ranked.slice(0, Math.max(0, options.topAuthors)).map((r) => ({
      author: r.name,
      repos: r.repos,
      share: r.repos / pairs,
      firstSeen: r.first,
    })),
    max: ranked.length > 0 ? ranked[0]!.repos : 0,
    mean: records.length > 0 ? pairs / records.length : null,
  };
}

/** [Fig. 3] distribution of authors per repository. */
function authorsPerRepo(perRepo: readonly number[]): AuthorsResult['authorsPerRepo'] {
  const max = perRepo.reduce((m, n) => Math.max(m, n), 0);
  const counts = Array.from({ length: max }, (_, i) => ({ authors: i + 1, repos: 0 }));
  for (const n of perRepo) counts[n - 1]!.repos += 1;
  const single = counts[0]?.repos ?? 0;
  return {
    counts,
    repos: perRepo.length,
    singleAuthor: single,
    singleAuthorShare: perRepo.length > 0 ? single / perRepo.length : null,
    mean: perRepo.length > 0 ? perRepo.reduce((s, n) => s + n, 0) / perRepo.length : null,
  };
}

/** The spelling seen most often; ties keep the first seen (Map order). */
function mostSeen(spellings: ReadonlyMap<string, number>, fallback: string): string {
  let best = fallback;
  let count = 0;
  for (const [spelling, n] of spellings) {
    if (n > count) {
      best = spelling;
      count = n;
    }
  }
  return best;
}

function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

