// analyses.md §4 "Records", "Units", "Normalised", "Time to exhaust": the record walk over a
// family already in time order, each record's improvement divided by ln(1 + n(d)) with n(d)
// the family's models made up to and including its day (a divisor that grows with the work
// done, so the normalised curve can fall off), and that curve's peak. Pure.

/** §4 "Units": score points (the paper's "15 percent" is 15 points), or % of the reference. */
export type ImprovementUnit = 'points' | 'percent';

/** One step of a family's step line (Fig. 12). */
export interface RecordPoint {
  /** Whole UTC days since the release (day 0). */
  day: number;
  /** Record score − reference, in the family's unit. */
  improvement: number;
  /** improvement ÷ ln(1 + n(d)) (Fig. 12 bottom), n(d) = `models`. */
  normalised: number;
  /** n(d): the family's models created up to and including this record's day. */
  models: number;
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

/** n(d) for each day asked: how many items have a day ≤ d (items in any order). */
export function modelsUpTo(items: readonly WalkItem[]): (day: number) => number {
  const days = items.map((i) => i.day).sort((a, b) => a - b);
  return (day) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The records: the first item, then every item that strictly beats the best so far (an equal
 *  score is not a record). Improvements are against `reference`; each is normalised by
 *  ln(1 + n(d)) (n(d) ≥ 1: the record itself is made by then, and ln 2 > 0). */
export function walkRecords(items: readonly WalkItem[], reference: number, unit: ImprovementUnit): RecordPoint[] {
  const records: RecordPoint[] = [];
  const upTo = modelsUpTo(items);
  let best = Number.NEGATIVE_INFINITY;
  items.forEach((item, member) => {
    if (item.score <= best) return;
    best = item.score;
    const improvement = improvementOf(item.score, reference, unit);
    const models = Math.max(1, upTo(item.day));
    records.push({
      day: item.day,
      improvement,
      normalised: clean(improvement / Math.log(1 + models)),
      models,
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

/** §4 "Normalised": the record with the highest normalised improvement (ties: the earliest),
 *  the normalised reading of time to exhaust; null when no record improved (all ≤ 0). */
export function normalisedPeak(records: readonly RecordPoint[]): RecordPoint | null {
  let peak: RecordPoint | null = null;
  for (const r of records) if (r.normalised > 0 && (peak === null || r.normalised > peak.normalised)) peak = r;
  return peak;
}
