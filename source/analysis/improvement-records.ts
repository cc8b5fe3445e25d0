// analyses.md §4 "Records", "Units", "Normalised", "Time to exhaust": the record walk over a
// family already in time order. Pure.

/** §4 "Units": score points (the paper's "15 percent" is 15 points), or % of the reference. */
export type ImprovementUnit = 'points' | 'percent';

/** One step of a family's step line (Fig. 12). */
export interface RecordPoint {
  /** Whole UTC days since the release (day 0). */
  day: number;
  /** Record score − reference, in the family's unit. */
  improvement: number;
  /** improvement ÷ ln(1 + family size) (Fig. 12 bottom). */
  normalised: number;
  score: number;
  repo: string;
  /** Creation day YYYY-MM-DD (null only for a lineage base without a date). */
  date: string | null;
  /** The date is the Hub's 2022-03-02 floor ("on or before"): the day count is uncertain. */
  dateFloor: boolean;
  /** Position of the record holder in the walked items (FamilyImprovement.members). */
  member: number;
}

/** A family member as the walk sees it, in time order. */
export interface WalkItem {
  repo: string;
  score: number;
  day: number;
  date: string | null;
  dateFloor: boolean;
}

/** Differences of two-decimal scores carry float noise (61.33 − 60.97 = 0.35999…); results
 *  are rounded to 1e-9, far below any score's precision. */
export function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

export function improvementOf(score: number, reference: number, unit: ImprovementUnit): number {
  return unit === 'percent' ? clean(((score - reference) / reference) * 100) : clean(score - reference);
}

/** The records: the first item, then every item that strictly beats the best so far (an equal
 *  score is not a record). Improvements are against `reference`; `size` is the family size
 *  for the normalisation (≥ 1 for a non-empty family, and ln 2 > 0, so no division by 0). */
export function walkRecords(items: readonly WalkItem[], reference: number, unit: ImprovementUnit, size: number): RecordPoint[] {
  const records: RecordPoint[] = [];
  const scale = Math.log(1 + size);
  let best = Number.NEGATIVE_INFINITY;
  items.forEach((item, member) => {
    if (item.score <= best) return;
    best = item.score;
    const improvement = improvementOf(item.score, reference, unit);
    records.push({
      day: item.day,
      improvement,
      normalised: improvement / scale,
      score: item.score,
      repo: item.repo,
      date: item.date,
      dateFloor: item.dateFloor,
      member,
    });
  });
  return records;
}

/** §4 "Time to exhaust": the first record day with improvement ≥ fraction × total (1e-9
 *  slack for float noise). A family whose total is 0 never improved: null, not day 0. */
export function exhaustDay(records: readonly RecordPoint[], fraction: number): number | null {
  const last = records[records.length - 1];
  if (last === undefined || last.improvement <= 0) return null;
  const target = fraction * last.improvement - 1e-9;
  return records.find((r) => r.improvement >= target)?.day ?? null;
}
