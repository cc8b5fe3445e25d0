// Pure shaping of the Hub queries' results (analyses.md §6): H1 concentration shares, H5 uptake
// milestones, H6 size shares, H7 intermediary shares. No IO, no clock.
import type { ConcentrationRow } from '../hub/queries-community.js';
import type { AdoptionRows, SizeRows } from '../hub/queries-lineage.js';

export interface HubConcentration {
  /** Namespaces N. */
  n: number;
  total: number;
  top10Share: number | null;
  top200Share: number | null;
  gini: number | null;
  price: { k: number; share: number } | null;
}

/** H1: shares from the SQL sums. */
export function concentrationOf(row: ConcentrationRow): HubConcentration {
  const share = (x: number) => (row.total > 0 ? x / row.total : null);
  return {
    n: row.n,
    total: row.total,
    top10Share: share(row.top10),
    top200Share: share(row.top200),
    gini: row.gini,
    price: row.n > 0 && row.total > 0 ? { k: row.priceK, share: row.priceSum / row.total } : null,
  };
}

export interface Uptake {
  id: string;
  day: string | null;
  /** Cumulative derivatives at each day offset that has some (offset ascending). */
  cumulative: Array<{ offset: number; total: number }>;
  total: number;
  /** Days from the root's creation to its 100th and 1,000th derivative (null: not reached). */
  day100: number | null;
  day1000: number | null;
  /** Share of the first year's derivatives (offset 0–364) made in the first 30 days (0–29). */
  first30Share: number | null;
  /** Derivatives dated before the root itself (bad dates or re-uploads), and undated ones. */
  before: number;
  undated: number;
}

/** H5: cumulative uptake and its milestones for one root. */
export function uptakeOf(rows: AdoptionRows): Uptake {
  const perDay = new Map<number, number>();
  let before = 0;
  for (const d of rows.days) {
    if (d.offset < 0) before += d.n;
    else perDay.set(d.offset, (perDay.get(d.offset) ?? 0) + d.n);
  }
  const offsets = [...perDay.keys()].sort((a, b) => a - b);
  let total = 0;
  let day100: number | null = null;
  let day1000: number | null = null;
  let firstYear = 0;
  let first30 = 0;
  const cumulative = offsets.map((offset) => {
    const n = perDay.get(offset)!;
    total += n;
    if (day100 === null && total >= 100) day100 = offset;
    if (day1000 === null && total >= 1000) day1000 = offset;
    if (offset < 365) firstYear += n;
    if (offset < 30) first30 += n;
    return { offset, total };
  });
  return { id: rows.root.id, day: rows.root.day, cumulative, total, day100, day1000, first30Share: firstYear > 0 ? first30 / firstYear : null, before, undated: rows.undated };
}

export interface HubSizes {
  total: number;
  known: number;
  coverage: number | null;
  byMethod: Record<string, number>;
  bins: Array<{ label: string; n: number; share: number }>;
  under20Share: number | null;
  downloadsAtMost15Share: number | null;
  perRelation: Array<{ relation: string; total: number; known: number; coverage: number | null; under20Share: number | null; median: number | null }>;
}

/** H6: the params histogram over lower edges `bins` (B), and the shares. */
export function sizesOf(rows: SizeRows, edges: readonly number[]): HubSizes {
  const label = (i: number) => (i === edges.length - 1 ? `${edges[i]} B+` : `${edges[i]}–${edges[i + 1]} B`);
  return {
    total: rows.total,
    known: rows.known,
    coverage: rows.total > 0 ? rows.known / rows.total : null,
    byMethod: rows.byMethod,
    bins: edges.map((_, i) => {
      const n = rows.bins.find((b) => b.bin === i)?.n ?? 0;
      return { label: label(i), n, share: rows.known > 0 ? n / rows.known : 0 };
    }),
    under20Share: rows.known > 0 ? rows.under20 / rows.known : null,
    downloadsAtMost15Share: rows.downloadsKnown > 0 ? rows.downloadsAtMost15 / rows.downloadsKnown : null,
    perRelation: rows.perRelation.map((r) => ({
      relation: r.relation, total: r.total, known: r.known, coverage: r.total > 0 ? r.known / r.total : null,
      under20Share: r.known > 0 ? r.under20 / r.known : null, median: r.median,
    })),
  };
}

/** A count's share of a total, or null. */
export const shareOf = (n: number, total: number): number | null => (total > 0 ? n / total : null);
