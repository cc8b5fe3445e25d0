// analyses.md §1 "Concentration headline" and "Repositories per author": the statistics over
// a list of repos-per-author counts (top-k shares of author–repository pairs, Gini, Price's
// law) and log-friendly buckets. Pure.

export interface TopShare {
  /** The k asked for (e.g. 10, 200). */
  k: number;
  /** Authors actually counted: min(k, N). */
  authors: number;
  /** Author–repository pairs held by those authors. */
  pairs: number;
  /** pairs / all pairs; null when there are no pairs. */
  share: number | null;
}

export interface Concentration {
  /** Number of authors N. */
  authors: number;
  /** Author–repository pairs (the sum of repos per author). */
  pairs: number;
  top: TopShare[];
  /** Gini coefficient of repos per author (0 = all equal); null without authors. */
  gini: number | null;
  /** Price's law: the top √N authors' share of pairs (Price predicts about half). k is √N
   *  rounded to the nearest whole number, at least 1 (√1829 ≈ 42.77 → 43). Null without
   *  authors. */
  price: { sqrtN: number; k: number; pairs: number; share: number } | null;
}

/** Gini coefficient of non-negative values: G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n + 1)/n with the
 *  values sorted ascending and i from 1. 0 for one value or all equal; null when empty or
 *  the sum is 0. */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((v, i) => {
    weighted += (i + 1) * v;
  });
  // clamp float noise around 0 (all equal)
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

/** The concentration headline over repos-per-author counts (any order). */
export function concentration(reposPerAuthor: readonly number[], topShares: readonly number[]): Concentration {
  const sorted = [...reposPerAuthor].sort((a, b) => b - a);
  const pairs = sorted.reduce((s, v) => s + v, 0);
  const prefix = (k: number): number => sorted.slice(0, k).reduce((s, v) => s + v, 0);
  const n = sorted.length;
  const sqrtN = Math.sqrt(n);
  const k = Math.max(1, Math.round(sqrtN));
  return {
    authors: n,
    pairs,
    top: topShares.map((want) => {
      const held = prefix(Math.max(0, want));
      return { k: want, authors: Math.min(Math.max(0, want), n), pairs: held, share: pairs > 0 ? held / pairs : null };
    }),
    gini: gini(sorted),
    price: n === 0 || pairs === 0 ? null : { sqrtN, k, pairs: prefix(k), share: prefix(k) / pairs },
  };
}

export interface Bucket {
  lower: number;
  /** Inclusive; null for the open last bucket. */
  upper: number | null;
  /** e.g. "1", "3–4", "50+". */
  label: string;
  /** How many values fall in the bucket (authors, for repos per author). */
  count: number;
  /** count / all values; 0 when there are none. */
  share: number;
}

/** Counts integer values into buckets given by their lower edges (increasing; the last is
 *  open). Values below the first edge are not counted. */
export function countBuckets(values: readonly number[], lowers: readonly number[]): Bucket[] {
  const buckets: Bucket[] = lowers.map((lower, i) => {
    const next = lowers[i + 1];
    const upper = next === undefined ? null : next - 1;
    const label = upper === null ? `${lower}+` : upper === lower ? `${lower}` : `${lower}–${upper}`;
    return { lower, upper, label, count: 0, share: 0 };
  });
  for (const value of values) {
    for (let i = buckets.length - 1; i >= 0; i -= 1) {
      if (value >= buckets[i]!.lower) {
        buckets[i]!.count += 1;
        break;
      }
    }
  }
  for (const bucket of buckets) bucket.share = values.length > 0 ? bucket.count / values.length : 0;
  return buckets;
}
