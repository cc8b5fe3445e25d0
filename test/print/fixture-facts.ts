// What the fake Hub's fixtures (test/fixtures/hub, made by generate.mjs) hold, worked out from
// the fixture files and by hand, for the print tests to compare against. The arithmetic is in
// the comments; counts that follow directly from the files are computed from them here.
import { fixtures } from './fixture-cache.js';

const rows = fixtures.leaderboard.rows as Array<Record<string, unknown>>;
const isRepo = (id: string) => /^[\w.-]+(\/[\w.-]+)?$/.test(id);
const valid = rows.filter((r) => isRepo(String(r.fullname)));
const onHub = new Set(fixtures.models.map((m) => m.id.toLowerCase()));
const withHistory = new Set(Object.keys(fixtures.commits).map((k) => k.toLowerCase()));

/** Repos whose every entry is flagged drop out of view (alpha/m5, row 5). */
const inView = [...new Set(valid.filter((r) => r.Flagged !== true).map((r) => String(r.fullname).toLowerCase()))];

const scoreOf = (repo: string): number => Math.max(...valid.filter((r) => r.fullname === repo).map((r) => Number(r['Average ⬆️'])));

export const FACTS = {
  /** 30 rows; the last one's fullname ("not a repo id!") is a row problem. */
  entries: valid.length,
  rowProblems: rows.length - valid.length,
  repositories: new Set(valid.map((r) => String(r.fullname).toLowerCase())).size,
  /** Repositories whose kept (best) entry is flagged (§0: flagged after dedup). */
  flagged: new Set(valid.filter((r) => r.Flagged === true && Number(r["Average ⬆️"]) === scoreOf(String(r.fullname))).map((r) => String(r.fullname).toLowerCase())).size,
  /** alpha/m1 has two entries (float16 and bfloat16): one merged away. */
  duplicates: valid.length - new Set(valid.map((r) => String(r.fullname).toLowerCase())).size,
  models: inView.length,
  /** Not on the Hub (alpha/m7, epsilon/x1, epsilon/x2, delta/d1). */
  withoutHubInfo: inView.filter((k) => !onHub.has(k)).length,
  /** No commit history (alpha/m7, epsilon/x2, eta/e1). */
  withoutHistory: inView.filter((k) => !withHistory.has(k)).length,
  /** §0 merges among the 27 models in view: 8 of type merge / Merged (alpha/m2, beta/b1,
   *  zeta/z01, z04, z07, z10, epsilon/x1, eta/e1; alpha/m5 is flagged) and 4 more by a Hub tag
   *  "merge" (every 4th model on the Hub: alpha/m1, beta/b3, zeta/z08, zeta/z12) = 12, so the
   *  leaderboard shows 27 − 12 = 15 rows by default. */
  merges: 12,
  leaderboardShown: 15,
  /** The best score among the 15 non-merges (zeta/z11, a pretrained model). */
  leaderboardTop: { repo: 'zeta/z11', score: scoreOf('zeta/z11').toFixed(2) },
  /** §1: commit authors are "system", the namespace, and (every 4th repo) "helper-bot"; less
   *  system accounts and bots, each repository has one author, its namespace. Repos in view
   *  with a history: 27 − 3 = 24 pairs. Authors: zeta 12, alpha 5 (m1, m2, m3, m4, m6), beta 3,
   *  epsilon 1 (x1), gamma 1, delta 1, gpt2 1 → N = 7. Top 10 and top 200 hold all 24 pairs.
   *  Price: √7 = 2.65 → the top 3 hold 12 + 5 + 3 = 20 of 24 = 83.3 %. Gini over
   *  [1, 1, 1, 1, 3, 5, 12]: 2·(1+2+3+4+15+30+84)/(7·24) − 8/7 = 278/168 − 8/7 = 0.512. */
  authors: { n: 7, pairs: 24, top: 'zeta', topRepos: 12, price: 20 / 24, gini: 278 / 168 - 8 / 7 },
  /** §2: types of the 27 (rows i % 3 = 0 pretrained, 1 chat, 2 merge; alpha/m1 keeps its
   *  pretrained float16 entry, 26.82 > 25.31): 10 pretrained, 9 chat, 8 merge. */
  types: { pretrained: 10, chat: 9, merge: 8 },
  /** Every model is LlamaForCausalLM, 7.24 B params. */
  family: 'LLaMA',
  /** Hub createdAt 2023-01-01 + 7 days per model on the Hub (gpt2, the 24th, 2023-06-11); the
   *  four not on the Hub fall back to the leaderboard's Upload To Hub Date 2024-05-11. Months
   *  2023-01 … 2024-05: 17. */
  months: 17,
  /** §2 base models: every model on the Hub declares alpha/m1 in its card (22 in view besides
   *  alpha/m1 itself), and epsilon/x1 names it in the v2 Base Model column: 23. beta/b1 is
   *  declared by every 5th model from the second (alpha/m2, zeta/z03, zeta/z08, gamma/g1): 4.
   *  Relation merge: the 8 merge rows' "alpha/m1 (Merge)" and the base_model:merge: tag of
   *  beta/b3, zeta/z08, zeta/z12: 11; the other 12 are unstated. */
  bases: { top: 'alpha/m1', topCount: 23, second: 'beta/b1', secondCount: 4, merge: 11, unstated: 12 },
  /** §3: 25 default bins (0, 1, …, 20, 30, 40, 65, 100); all 27 in 7–8 B. */
  sizeBins: 25,
  /** §4 family `pattern:m`: names m1 … m7 in view: alpha/m1 and alpha/m2 are merges (2), m3,
   *  m4, m6 declare alpha/m1 (a merge) as base (3 descendants of merges); alpha/m7 (not on the
   *  Hub, no bases) is the whole family: 1 model, reference 26.30, total 0. */
  familyM: { size: 1, reference: 'alpha/m7', referenceScore: scoreOf('alpha/m7'), merges: 2, descendants: 3 },
};
