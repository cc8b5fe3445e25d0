// The words the arena views use for analyses.md §7 results: ratings, gaps, lags ("89 days",
// "at least 169 days", "open leads") and the headline sentence of the last date. Pure.
import type { FrontierDate, FrontierModel, FrontierResult, Gap, Lag, LagMedian } from '../analysis/frontier.js';
import { MISSING, formatDecimal, formatInteger } from '../render/format-number.js';

/** Arena ratings as the leaderboard prints them, without a thousands separator (1470); they
 *  are whole numbers in the published tables: a decimal is kept when one is not. */
export const formatRating = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? MISSING : Number.isInteger(n) ? String(n) : n.toFixed(1);

/** "1 date", "91 dates". */
export { plural } from '../render/format-number.js';

const days = (n: number): string => `${formatInteger(n)} day${n === 1 ? '' : 's'}`;

/** "89 days", "at least 169 days", "open leads". */
export function lagText(lag: Lag | null): string {
  if (lag === null) return MISSING;
  if (lag.state === 'open leads') return 'open leads';
  return lag.censored ? `at least ${days(lag.days)}` : days(lag.days);
}

/** Table cell: "89", "≥169", "leads", or in short why the date has no point ("no open",
 *  "no prop.", "too few"; the notes say it in full). */
export function lagCell(date: FrontierDate): string {
  const lag = date.lag;
  if (lag === null) return date.bestOpen === null ? 'no open' : date.bestProprietary === null ? 'no prop.' : 'too few';
  if (lag.state === 'open leads') return 'leads';
  return `${lag.censored ? '≥' : ''}${lag.days}`;
}

export function marginText(gap: Gap | null): string {
  if (gap === null) return MISSING;
  return gap.withinMargin === null ? 'unknown' : gap.withinMargin ? 'within' : 'outside';
}

export function medianText(median: LagMedian): string {
  if (median.days === null) return MISSING;
  const value = Number.isInteger(median.days) ? formatInteger(median.days) : formatDecimal(median.days, 1);
  return `${median.atLeast ? 'at least ' : ''}${value} days`;
}

/** "GLM-4.5 (Z.ai, 1434)" */
export function modelText(model: FrontierModel | null): string {
  if (model === null) return MISSING;
  return `${model.model} (${[model.organisation, formatRating(model.rating)].filter(Boolean).join(', ')})`;
}

/** The interval as "1428–1440", or "–". */
export function intervalText(model: FrontierModel | null): string {
  if (model === null || model.lower === null || model.upper === null) return MISSING;
  return `${formatRating(model.lower)}–${formatRating(model.upper)}`;
}

const points = (n: number): string => `${Number.isInteger(n) ? formatInteger(n) : formatDecimal(n, 1)} point${Math.abs(n) === 1 ? '' : 's'}`;

function marginClause(gap: Gap): string {
  if (gap.withinMargin === null) return ' (one of them has no 95 % interval: the margin is unknown)';
  return gap.withinMargin ? ' (within the margin: their 95 % intervals overlap)' : ' (outside the margin: their 95 % intervals do not overlap)';
}

/** One date's sentence, or null when the date has no point. */
export function dateSentence(date: FrontierDate, seriesStart: string | null): string | null {
  const { bestOpen, bestProprietary, gap, lag } = date;
  if (bestOpen === null || bestProprietary === null || gap === null || lag === null) return null;
  const open = `the best open model (${bestOpen.model}, ${bestOpen.organisation ?? 'organisation unknown'}, ${formatRating(bestOpen.rating)})`;
  const closed = `the best proprietary (${bestProprietary.model}, ${bestProprietary.organisation ?? 'organisation unknown'}, ${formatRating(bestProprietary.rating)})`;
  const margin = marginClause(gap);
  if (lag.state === 'open leads') {
    const verb = gap.points < 0 ? `leads ${closed} by ${points(-gap.points)}` : `is level with ${closed}`;
    return `On ${date.date} ${open} ${verb}${margin}: no proprietary model is rated above it (lag 0).`;
  }
  const m = lag.model;
  const since =
    lag.days === 0
      ? `the proprietary frontier of the same day: ${m.model}, the proprietary model ahead of it first seen earliest, appeared on ${date.date}`
      : lag.censored
        ? `the proprietary frontier of at least ${days(lag.days)} earlier (${m.model}, still ahead, was already there on the series' first date, ${seriesStart ?? m.firstSeen})`
        : `the proprietary frontier of ${days(lag.days)} earlier (${m.model}, the oldest proprietary model still ahead, was first seen on ${m.firstSeen})`;
  return `On ${date.date} ${open} trails ${closed} by ${points(gap.points)}${margin}, ${since}.`;
}

/** The headline: the last date with a point (and why the last date has none, if so). */
export function frontierHeadline(result: FrontierResult): string {
  const withPoint = result.dates.filter((d) => d.lag !== null);
  const last = withPoint.at(-1);
  if (last === undefined) {
    return result.dates.length === 0
      ? 'No LMArena table yet: nothing to compare.'
      : 'No date has both an open and a proprietary model: there is no frontier to compare.';
  }
  const sentence = dateSentence(last, result.firstDate)!;
  const final = result.dates.at(-1)!;
  return final.date === last.date ? sentence : `The last date, ${final.date}, has no frontier point (${final.missing}). ${sentence}`;
}
