// analyses.md §2 "Architecture share over time" [Fig. 5]: models per period by architecture
// family, counts and shares, with vertical markers at base-model release dates (an editable
// table, below). §0 "Architecture family": a family is shown on its own when it holds at
// least 5 % of the models in view (an option), the rest is `other`, `unknown` stays apart.
// Pure: no IO, no clock.
import type { Dataset, Generation, Model } from '../data/model.js';
import { UNKNOWN_FAMILY } from '../data/architecture.js';
import { addDays, periodKey, periodStart, type Period } from './periods.js';
import { note, type Note, type TimeSeries } from './result.js';
import { selectModels, selectionNotes, type SelectOptions } from './select.js';
import { withDefaults } from './options.js';
import { placeInPeriods } from './types.js';

/** A base-model release, drawn as a vertical marker. */
export interface ReleaseMarker {
  /** YYYY-MM-DD. */
  day: string;
  label: string;
}

/** analyses.md §2 [Fig. 5]: the release dates, as the spec lists them. Edit here to add one. */
export const RELEASE_MARKERS: readonly ReleaseMarker[] = [
  { day: '2023-02-24', label: 'LLaMA' },
  { day: '2023-04-24', label: 'Falcon-7B' },
  { day: '2023-07-18', label: 'Llama 2' },
  { day: '2023-09-20', label: 'Mistral 7B v0.1' },
  { day: '2023-10-17', label: 'Phi-1.5' },
  { day: '2023-12-11', label: 'Mixtral 8x7B and Mistral v0.2' },
  { day: '2024-01-11', label: 'Phi-2' },
  { day: '2023-12-06', label: 'Gemini 1.0' },
  { day: '2024-02-15', label: 'Gemini 1.5' },
  { day: '2024-04-10', label: 'Mixtral 8x22B' },
  { day: '2024-04-18', label: 'Llama 3' },
  { day: '2024-04-22', label: 'Phi-3-mini' },
  { day: '2024-05-22', label: 'Mistral v0.3' },
];

/** The label of the families not shown on their own (analyses.md §0). */
export const OTHER_FAMILY = 'other';

/** §0 "Families shown": how many named families are shown on their own by default (the
 *  paper's nine: Gemma, GPT-2, Mistral, OPT, Phi, GPT-NeoX, LLaMA, Mixtral, Qwen2). */
export const DEFAULT_FAMILIES_SHOWN = 9;

/** Which named families are shown on their own: the `top` largest, or those holding at least
 *  `threshold` (a share, 0–1) of the models in view. */
export type FamilyRule = { top: number } | { threshold: number };

/** The rule of a `threshold` option: null (the default) means the largest DEFAULT_FAMILIES_SHOWN. */
export function familyRule(threshold: number | null | undefined, top = DEFAULT_FAMILIES_SHOWN): FamilyRule {
  return threshold === null || threshold === undefined ? { top } : { threshold };
}

/** "the 9 largest families" / "families from 5 %". */
export function familyRuleText(rule: FamilyRule): string {
  return 'top' in rule ? `the ${rule.top} largest named families` : `families from ${formatShare(rule.threshold)} of the models`;
}

export interface ArchitectureOptions extends SelectOptions {
  /** Period of the time series. Default 'month'. */
  period?: Period;
  /** Minimum share (0–1) of the models in view for a family to be shown on its own. Default
   *  null: the `shown` largest named families instead (§0). */
  threshold?: number | null;
  /** Named families shown on their own when no threshold is set. Default 9 (the paper's). */
  shown?: number;
  /** Release markers to place. Default RELEASE_MARKERS. */
  markers?: readonly ReleaseMarker[];
}

export type ResolvedArchitectureOptions = Required<ArchitectureOptions>;

export const DEFAULT_ARCHITECTURE_OPTIONS: ResolvedArchitectureOptions = {
  includeFlagged: false,
  dedup: true,
  created: null,
  period: 'month',
  threshold: null,
  shown: DEFAULT_FAMILIES_SHOWN,
  markers: RELEASE_MARKERS,
};

/** A release marker inside the range shown. */
export interface PlacedMarker extends ReleaseMarker {
  /** The period key the day falls in, and its position in `keys`. */
  key: string;
  index: number;
}

export interface FamilyTotal {
  /** The label shown: a family, `other` or `unknown`. */
  family: string;
  /** Models in view (dated or not). */
  count: number;
  /** Share of the models in view. */
  share: number;
  /** Of `count`, the models placed in a period (dated, not on the 2022-03-02 floor). */
  placed: number;
  /** The families behind the label (one for a named family; all grouped ones for `other`). */
  members: string[];
}

export interface ArchitecturesResult {
  generation: Generation;
  options: ResolvedArchitectureOptions;
  /** Labels in stacking order: named families by count (most first, then name), then
   *  `other`, then `unknown`, each only when it holds a model. */
  families: string[];
  /** The rule that chose the families shown. */
  rule: FamilyRule;
  /** Per label, over every model in view (the Overview's set). */
  totals: FamilyTotal[];
  /** Models in view, and how many of them the time series could place in a period. */
  inView: number;
  placed: number;
  /** Models per period by label (series name = label), zero-filled. */
  counts: TimeSeries;
  /** Each label's share (0–1) of its period; 0 in a period without models. */
  shares: TimeSeries;
  /** Models per period, all families. */
  periodTotals: number[];
  /** Markers whose day lies within the periods shown, by day. */
  markers: PlacedMarker[];
  notes: Note[];
}

/** §0: the label each family is shown under, given the models in view: a named family the
 *  rule picks (the `top` largest, ties by name; or every one at ≥ `threshold`) keeps its name,
 *  `unknown` stays `unknown`, the rest is `other`. */
export function familyLabels(models: readonly Model[], rule: FamilyRule): {
  labelOf: (family: string) => string;
  counts: Map<string, number>;
} {
  const counts = new Map<string, number>();
  for (const model of models) counts.set(model.entry.family, (counts.get(model.entry.family) ?? 0) + 1);
  const named = [...counts].filter(([family]) => family !== UNKNOWN_FAMILY);
  const shown = new Set<string>(
    'top' in rule
      ? named
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .slice(0, Math.max(0, rule.top))
          .map(([family]) => family)
      : named.filter(([, count]) => count / models.length >= rule.threshold).map(([family]) => family),
  );
  const labelOf = (family: string): string =>
    family === UNKNOWN_FAMILY ? UNKNOWN_FAMILY : shown.has(family) ? family : OTHER_FAMILY;
  return { labelOf, counts };
}

/** Markers within [first day of the first period, last day of the last period]. */
export function placeMarkers(markers: readonly ReleaseMarker[], keys: readonly string[], period: Period): PlacedMarker[] {
  if (keys.length === 0) return [];
  const from = periodStart(keys[0]!, period);
  const lastStart = periodStart(keys[keys.length - 1]!, period);
  // the first day after the last period
  const end =
    period === 'day' ? addDays(lastStart, 1) : period === 'week' ? addDays(lastStart, 7) : nextMonth(lastStart);
  const index = new Map(keys.map((key, i) => [key, i]));
  return markers
    .filter((m) => m.day >= from && m.day < end)
    .map((m) => {
      const key = periodKey(m.day, period);
      return { ...m, key, index: index.get(key)! };
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function nextMonth(firstDay: string): string {
  const y = Number(firstDay.slice(0, 4));
  const m = Number(firstDay.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** analyses.md §2 [Fig. 5] from the dataset; options default to the paper's. */
export function architecturesOverTime(dataset: Dataset, options: ArchitectureOptions = {}): ArchitecturesResult {
  const resolved: ResolvedArchitectureOptions = withDefaults(options, DEFAULT_ARCHITECTURE_OPTIONS);
  const { models, excluded } = selectModels(dataset, resolved);
  const notes = selectionNotes(excluded);
  const { placed, keys } = placeInPeriods(models, resolved.period, notes);
  const rule = familyRule(resolved.threshold, resolved.shown);
  const { labelOf, counts: byFamily } = familyLabels(models, rule);
  const members = new Map<string, string[]>();
  const labelCounts = new Map<string, number>();
  for (const [family, count] of byFamily) {
    const label = labelOf(family);
    labelCounts.set(label, (labelCounts.get(label) ?? 0) + count);
    const list = members.get(label) ?? [];
    list.push(family);
    members.set(label, list);
  }
  const named = [...labelCounts.keys()]
    .filter((l) => l !== OTHER_FAMILY && l !== UNKNOWN_FAMILY)
    .sort((a, b) => labelCounts.get(b)! - labelCounts.get(a)! || a.localeCompare(b));
  const families = [...named];
  if (labelCounts.has(OTHER_FAMILY)) families.push(OTHER_FAMILY);
  if (labelCounts.has(UNKNOWN_FAMILY)) families.push(UNKNOWN_FAMILY);
  const grouped = members.get(OTHER_FAMILY)?.length ?? 0;
  note(
    notes,
    grouped,
    'top' in rule
      ? `smaller architecture families grouped as “other” (the ${rule.top} largest are shown on their own)`
      : `architecture families under ${formatShare(rule.threshold)} of the models grouped as “other”`,
  );
  note(notes, models.length - placed.length, `of the ${models.length} models in view are not placed in time: family totals count them, the series do not`);

  const position = new Map(keys.map((key, i) => [key, i]));
  const slot = new Map(families.map((f, i) => [f, i]));
  const counts = families.map(() => keys.map(() => 0));
  const periodTotals = keys.map(() => 0);
  const placedBy = families.map(() => 0);
  for (const { model, key } of placed) {
    const i = position.get(key)!;
    const f = slot.get(labelOf(model.entry.family))!;
    counts[f]![i]! += 1;
    placedBy[f]! += 1;
    periodTotals[i]! += 1;
  }
  const total = models.length;
  return {
    generation: dataset.generation,
    options: resolved,
    families,
    rule,
    inView: models.length,
    placed: placed.length,
    totals: families.map((family, f) => ({
      family,
      count: labelCounts.get(family)!,
      share: labelCounts.get(family)! / total,
      placed: placedBy[f]!,
      members: [...members.get(family)!].sort((a, b) => byFamily.get(b)! - byFamily.get(a)! || a.localeCompare(b)),
    })),
    counts: { period: resolved.period, keys, series: families.map((name, f) => ({ name, values: counts[f]! })) },
    shares: {
      period: resolved.period,
      keys,
      series: families.map((name, f) => ({
        name,
        values: counts[f]!.map((c, i) => (periodTotals[i]! > 0 ? c / periodTotals[i]! : 0)),
      })),
    },
    periodTotals,
    markers: placeMarkers(resolved.markers, keys, resolved.period),
    notes,
  };
}

function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))} %`;
}
