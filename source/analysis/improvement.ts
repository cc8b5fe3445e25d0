// analyses.md §4 "Community improvement of base models" [Fig. 11, 12]: per family, the
// release, the reference score, the records over days since release (points or % of the
// reference), normalised by ln(1 + n(d)) with n(d) the family's models made up to each
// record's day (with that curve's peak day), the total improvement, and the day by which the
// family reached 90 % of it. Families come from improvement-families.ts. Pure.
import type { Dataset, Model } from '../data/model.js';
import { isDateFloor } from '../data/join.js';
import { buildLineage, mergeTainted, type LineageGraph } from './lineage.js';
import { daysBetween } from './periods.js';
import { note, type Note } from './result.js';
import { selectModels, selectionNotes, type SelectOptions } from './select.js';
import { byCreation } from './size-threshold.js';
import { withDefaults } from './options.js';
import { resolveScore, scoreReader, type ScoreChoice } from './score.js';
import { aliasesOf } from '../data/aliases.js';
import type { Entry } from '../data/model.js';
import {
  PAPER_FAMILIES,
  lineageFamily,
  patternFamily,
  presetSpec,
  specName,
  type FamilySpec,
  type FormedFamily,
  type ParamsRounding,
} from './improvement-families.js';
import { exhaustDay, normalisedPeak, walkRecords, type ImprovementUnit, type RecordPoint, type WalkItem } from './improvement-records.js';

export interface ImprovementOptions extends SelectOptions {
  /** The families to measure. Default 'presets': the paper's 11 (PAPER_FAMILIES). */
  families?: readonly FamilySpec[] | 'presets';
  /** How presets form their families: 'pattern' (default: the paper's method, works without
   *  Hub metadata) or 'lineage' (each preset's base repository and its descendants). Specs
   *  given in `families` say their own kind. */
  mode?: 'pattern' | 'lineage';
  /** 'points' (default) or 'percent' of the reference score. */
  unit?: ImprovementUnit;
  /** Time to exhaust: the share of the total improvement to reach. Default 0.9. */
  exhaustFraction?: number;
  /** Pattern mode: how params are read before the range test. Default 'none': as stored (the
   *  presets' ranges hold their bases on the v1 and the v2 table, see ParamsRounding). */
  paramsRounding?: ParamsRounding;
  /** Pattern mode: widening of [p, p + range] on both sides. Default 0. */
  paramsTolerance?: number;
  /** Models dated at the Hub's 2022-03-02 floor: 'first' (default, as the paper did: ordered at
   *  that date, noted, their points flagged dateFloor) or 'exclude' (left out, noted). */
  floorDated?: 'first' | 'exclude';
  /** §0 "Score": 'average' (default) or one benchmark of the generation (e.g. 'GSM8K'). */
  score?: string;
}

export type ResolvedImprovementOptions = Required<ImprovementOptions>;

export const DEFAULT_IMPROVEMENT_OPTIONS: ResolvedImprovementOptions = {
  includeFlagged: false,
  dedup: true,
  created: null,
  families: 'presets',
  mode: 'pattern',
  unit: 'points',
  exhaustFraction: 0.9,
  paramsRounding: 'none',
  paramsTolerance: 0,
  floorDated: 'first',
  score: 'average',
};

/** A family member in time order, for drill-down tables. */
export interface FamilyMember {
  repo: string;
  score: number;
  params: number | null;
  date: string | null;
  dateFloor: boolean;
  /** Days since release (0 for dates before it: see the notes). */
  day: number;
  /** The member set a record. */
  record: boolean;
}

export interface FamilyImprovement {
  id: string;
  label: string;
  kind: FamilySpec['kind'];
  spec: FamilySpec;
  /** Models walked (non-merge, scored, dated; lineage: the base too). */
  size: number;
  /** Day 0, YYYY-MM-DD; null for an empty family. */
  release: string | null;
  releaseFloor: boolean;
  /** The first model in time order (lineage: the base, when on the leaderboard). `fromBase`
   *  is true only in lineage mode when the base's own score is the reference; false there means
   *  the base is not on the leaderboard and the first derivative stands in (a note says so).
   *  Pattern mode has no base: always false. */
  reference: { repo: string; score: number; date: string | null; fromBase: boolean } | null;
  /** The unit actually used ('points' when % was asked but the reference score is 0). */
  unit: ImprovementUnit;
  /** The step line: the first model at 0, then every record. */
  records: RecordPoint[];
  /** The last record's improvement; null for an empty family. */
  total: number | null;
  /** The last record's normalised improvement (÷ ln(1 + n(its day))). */
  totalNormalised: number | null;
  /** §4 "Normalised": the record where the normalised curve peaks (its day is the normalised
   *  reading of time to exhaust); null when the family never improved. */
  peak: { day: number; normalised: number; repo: string } | null;
  /** The last record. */
  holder: RecordPoint | null;
  /** First day with ≥ exhaustFraction of the total; null when the total is 0 or no family. */
  daysToExhaust: number | null;
  members: FamilyMember[];
  notes: Note[];
}

/** Fig. 11: one row per family. */
export interface ImprovementRow {
  id: string;
  label: string;
  size: number;
  referenceRepo: string | null;
  referenceScore: number | null;
  holderRepo: string | null;
  holderScore: number | null;
  total: number | null;
  totalNormalised: number | null;
  daysToExhaust: number | null;
  /** Day of the normalised curve's peak. */
  peakDay: number | null;
  records: number;
}

export interface ImprovementResult {
  options: ResolvedImprovementOptions;
  /** The score the records compare, and its scale. */
  score: ScoreChoice;
  /** In the order the specs were given. */
  families: FamilyImprovement[];
  /** By total improvement, largest first (empty families last). */
  summary: ImprovementRow[];
  notes: Note[];
}

interface Context {
  models: readonly Model[];
  graph: LineageGraph;
  tainted: Set<string>;
  dataset: Dataset;
  options: ResolvedImprovementOptions;
  scoreOf: (entry: Entry) => number | null;
  scoreName: string;
}

/** §0 "Renamed repositories": a lineage base named by an old id stands for the row it was
 *  renamed to (spelled as the Hub does). */
function resolvedBase(dataset: Dataset, base: string): string {
  const aliases = aliasesOf(dataset);
  const key = aliases.resolve(base.toLowerCase());
  return key === base.toLowerCase() ? base : (aliases.spelling(key) ?? key);
}

/** The release day of a lineage base: its model's own date, else its Hub info's. */
function baseDate(ctx: Context, formed: FormedFamily, baseId: string): { day: string; floor: boolean } | null {
  const created = formed.base?.created ?? ctx.dataset.info.get(baseId.toLowerCase())?.createdAt ?? null;
  if (created === null) return null;
  const floor = isDateFloor(created);
  if (floor && ctx.options.floorDated === 'exclude') return null;
  return { day: created.slice(0, 10), floor };
}

function measure(ctx: Context, spec: FamilySpec): FamilyImprovement {
  const { id, label } = specName(spec);
  const { options, scoreOf } = ctx;
  const formed =
    spec.kind === 'lineage'
      ? lineageFamily(ctx.graph, ctx.tainted, { ...spec, base: resolvedBase(ctx.dataset, spec.base) })
      : patternFamily(ctx.models, ctx.tainted, spec, { rounding: options.paramsRounding, tolerance: options.paramsTolerance });
  const notes = formed.notes;
  const base = formed.base !== null && scoreOf(formed.base.entry) !== null ? formed.base : null;
  if (formed.base !== null && base === null) note(notes, 1, `the base has no ${ctx.scoreName}`);
  const others = formed.members.filter((m) => m !== formed.base);
  const scored = others.filter((m) => scoreOf(m.entry) !== null);
  note(notes, others.length - scored.length, `models without ${ctx.scoreName} left out`);
  const dated = scored.filter((m) => m.created !== null);
  note(notes, scored.length - dated.length, 'models without a creation date left out');
  const kept = options.floorDated === 'exclude' ? dated.filter((m) => !m.dateFloor) : dated;
  const floored = kept.filter((m) => m.dateFloor).length + (base?.dateFloor ? 1 : 0);
  note(notes, dated.length - kept.length, 'models dated on or before 2022-03-02 (the Hub floor) left out');
  note(notes, floored, 'models dated on or before 2022-03-02 (the Hub floor): ordered at that date, their day counts are uncertain');
  const all = [...(base ? [base] : []), ...kept.sort(byCreation)];
  // A window of creation dates (issue 9 item 8) zooms on the models made in it: the family is
  // formed, and its reference (the base, or its first model) taken, from every model in view,
  // then only the models created in the window are walked for records over that reference.
  const window = options.created;
  const inWindow = (m: (typeof all)[number]): boolean =>
    window === null || (m.day !== null && (window.from === null || m.day >= window.from) && (window.to === null || m.day <= window.to));
  const ordered = all.length === 0 ? all : [all[0]!, ...all.slice(1).filter(inWindow)];
  note(notes, all.length - ordered.length, 'models created outside the window of dates left out (the reference kept)');
  const empty: FamilyImprovement = {
    id, label, kind: spec.kind, spec, size: 0, release: null, releaseFloor: false, reference: null,
    unit: options.unit, records: [], total: null, totalNormalised: null, peak: null, holder: null, daysToExhaust: null,
    members: [], notes,
  };
  const first = ordered[0];
  if (first === undefined) return empty;

  let release: { day: string; floor: boolean } | null = null;
  if (spec.kind === 'lineage') {
    release = baseDate(ctx, formed, spec.base);
    if (base === null) note(notes, 1, 'the base is not on the leaderboard: the reference is the first derivative\'s score');
    const derivative = ordered.find((m) => m !== base && m.day !== null);
    if (release === null && derivative) {
      note(notes, 1, 'the base has no usable creation date: day 0 is the first derivative\'s');
      release = { day: derivative.day!, floor: derivative.dateFloor };
    }
  } else {
    release = { day: first.day!, floor: first.dateFloor };
  }
  let early = 0;
  const items: WalkItem[] = ordered.map((m) => {
    let day = release !== null && m.day !== null && m !== base ? daysBetween(release.day, m.day) : 0;
    if (day < 0) {
      early += 1;
      day = 0;
    }
    return { repo: m.entry.repo, score: scoreOf(m.entry)!, day, date: m.day, dateFloor: m.dateFloor };
  });
  note(notes, early, 'models dated before the base counted at day 0');
  const reference = scoreOf(first.entry)!;
  let unit = options.unit;
  if (unit === 'percent' && reference === 0) {
    note(notes, 1, 'the reference score is 0: % of reference is undefined, shown in points');
    unit = 'points';
  }
  const records = walkRecords(items, reference, unit);
  const holder = records[records.length - 1]!;
  const peak = normalisedPeak(records);
  const recordAt = new Set(records.map((r) => r.member));
  return {
    ...empty,
    size: ordered.length,
    release: release?.day ?? null,
    releaseFloor: release?.floor ?? false,
    reference: { repo: first.entry.repo, score: reference, date: first.day, fromBase: base !== null },
    unit,
    records,
    total: holder.improvement,
    totalNormalised: holder.normalised,
    peak: peak === null ? null : { day: peak.day, normalised: peak.normalised, repo: peak.repo },
    holder,
    daysToExhaust: exhaustDay(records, options.exhaustFraction),
    members: ordered.map((m, i) => ({
      repo: m.entry.repo,
      score: scoreOf(m.entry)!,
      params: m.entry.params,
      date: m.day,
      dateFloor: m.dateFloor,
      day: items[i]!.day,
      record: recordAt.has(i),
    })),
  };
}

function rowOf(family: FamilyImprovement): ImprovementRow {
  return {
    id: family.id,
    label: family.label,
    size: family.size,
    referenceRepo: family.reference?.repo ?? null,
    referenceScore: family.reference?.score ?? null,
    holderRepo: family.holder?.repo ?? null,
    holderScore: family.holder?.score ?? null,
    total: family.total,
    totalNormalised: family.totalNormalised,
    daysToExhaust: family.daysToExhaust,
    peakDay: family.peak?.day ?? null,
    records: family.records.length,
  };
}

/** analyses.md §4 over the dataset: one FamilyImprovement per family, and the Fig. 11 table. */
export function improvement(dataset: Dataset, options: ImprovementOptions = {}): ImprovementResult {
  const resolved: ResolvedImprovementOptions = withDefaults(options, DEFAULT_IMPROVEMENT_OPTIONS);
  if (!(resolved.exhaustFraction > 0 && resolved.exhaustFraction <= 1)) {
    throw new RangeError(`the exhaust fraction must be in (0, 1], got ${resolved.exhaustFraction}`);
  }
  const score = resolveScore(dataset.generation, resolved.score);
  // families are formed over every model in view; the window applies in measure()
  const { models, excluded } = selectModels(dataset, { ...resolved, created: null });
  const notes = selectionNotes(excluded);
  const graph = buildLineage(models);
  const ctx: Context = {
    models,
    graph,
    tainted: mergeTainted(graph),
    dataset,
    options: resolved,
    scoreOf: scoreReader(score),
    scoreName: score.id === 'average' ? 'a score' : `a ${score.label} score`,
  };
  const specs =
    resolved.families === 'presets' ? PAPER_FAMILIES.map((p) => presetSpec(p, resolved.mode)) : resolved.families;
  if (specs.some((s) => s.kind === 'lineage') && graph.children.size === 0) {
    note(notes, models.length, 'models in view declare no base model (no Hub metadata?): lineage families hold the base only');
  }
  const families = specs.map((spec) => measure(ctx, spec));
  const summary = families
    .map(rowOf)
    .sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || a.label.localeCompare(b.label));
  return { options: resolved, score, families, summary, notes };
}
