// analyses.md §3 "Size distribution" [Fig. 8]: params bins and the architecture split of each
// bar. Pure.
import type { Model } from '../data/model.js';
import { UNKNOWN_FAMILY } from '../data/architecture.js';
import { OTHER_FAMILY, familyLabels, type FamilyRule } from './architectures.js';

/** The default bin edges in billions: 1 B bins up to 20 B, then 20–30, 30–40, 40–65, 65–100
 *  and an open last bin of 100 B and up. */
export const DEFAULT_SIZE_EDGES: readonly number[] = [
  ...Array.from({ length: 21 }, (_, i) => i),
  30,
  40,
  65,
  100,
];

/** One bin: `lower ≤ params < upper` (lower edge inclusive, upper exclusive, so a 7.0 B model
 *  is in 7–8, never in 6–7); `upper` null for the open last bin. */
export interface BinRange {
  lower: number;
  upper: number | null;
  label: string;
}

function formatEdge(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

/** Checks edges (finite, at least one, strictly increasing) and returns their bins. Throws
 *  RangeError on bad edges: they come from an option, and the caller shows the message. */
export function binRanges(edges: readonly number[]): BinRange[] {
  if (edges.length === 0) throw new RangeError('size bins need at least one edge');
  edges.forEach((edge, i) => {
    if (!Number.isFinite(edge)) throw new RangeError(`size bin edge ${edge} is not a number`);
    if (i > 0 && edge <= edges[i - 1]!) {
      throw new RangeError(`size bin edges must increase: ${edges[i - 1]} then ${edge}`);
    }
  });
  return edges.map((lower, i) => {
    const upper = i + 1 < edges.length ? edges[i + 1]! : null;
    const label = upper === null ? `${formatEdge(lower)}+` : `${formatEdge(lower)}–${formatEdge(upper)}`;
    return { lower, upper, label };
  });
}

/** Index of the bin holding `params`, or -1 below the first edge. */
export function binIndex(edges: readonly number[], params: number): number {
  let found = -1;
  for (let i = 0; i < edges.length && params >= edges[i]!; i += 1) found = i;
  return found;
}

/** The family label each model is shown under (analyses.md §0 "Families shown", the same rule
 *  as §2's familyLabels): a family the rule picks keeps its name, `unknown` stays `unknown`,
 *  the rest is `other`. `families` lists the shown labels:
 *  named families by count (most first, then name), then `other`, then `unknown`, each only
 *  when it holds a model. */
export function groupFamilies(
  models: readonly Model[],
  rule: FamilyRule,
): { labelOf: (model: Model) => string; families: string[] } {
  const { labelOf: labelOfFamily, counts } = familyLabels(models, rule);
  const labels = new Map<string, number>();
  for (const [family, count] of counts) {
    const label = labelOfFamily(family);
    labels.set(label, (labels.get(label) ?? 0) + count);
  }
  const named = [...labels.keys()]
    .filter((label) => label !== OTHER_FAMILY && label !== UNKNOWN_FAMILY)
    .sort((a, b) => labels.get(b)! - labels.get(a)! || a.localeCompare(b));
  const families = [...named, ...[OTHER_FAMILY, UNKNOWN_FAMILY].filter((label) => labels.has(label))];
  return { labelOf: (model) => labelOfFamily(model.entry.family), families };
}
