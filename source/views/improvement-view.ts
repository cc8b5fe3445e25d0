// The Improvement view: analyses.md §4 "Community improvement of base models" [Fig. 11, 12].
// The improvement-over-days plot (records as step lines, one colour and glyph per family,
// legend, labelled axes; points or % of the reference, or normalised by ln(1 + n(d)) as a line
// through the records), then the total-improvement table of every requested family, each
// labelled with how it was formed (lineage or name pattern) and which score it compares, its
// columns explained, then what was left out. Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { createdOf, createdSummary } from './date-window.js';
import { improvement, type FamilyImprovement, type ImprovementResult } from '../analysis/improvement.js';
import { renderLinePlot } from '../render/line-plot.js';
import { formatDecimal, formatInteger, formatScore, formatSigned } from '../render/format-number.js';
import type { Note } from '../analysis/result.js';
import type { Cell, RenderOptions, TableColumn, View, ViewOptions } from './view.js';
import { chart, figures, notesBlock, plotHeight, partNotes, selectionSummary } from './view-blocks.js';
import { defaultMode, parseFamilySpecs } from './view-options.js';
import { paper, paperImprovement } from './paper-figures.js';
import { scoreText } from '../analysis/score.js';

/** Families drawn in the plot by default (the largest totals). */
export const DEFAULT_PLOT_FAMILIES = 6;

export type ImprovementAxis = 'points' | 'percent' | 'normalised';

export interface ImprovementViewData {
  mode: 'lineage' | 'pattern';
  axis: ImprovementAxis;
  /** Ids of the families drawn, in legend order. */
  plotted: string[];
  result: ImprovementResult;
}

function axisOf(options: ViewOptions): ImprovementAxis {
  return options.normalised ? 'normalised' : options.percent ? 'percent' : 'points';
}

const Y_LABELS: Record<ImprovementAxis, string> = {
  points: 'improvement over the reference (score points)',
  percent: 'improvement (% of the reference score)',
  normalised: 'improvement ÷ ln(1 + n(d)), n(d): the family’s models made up to the record’s day',
};

/** How a family was formed, as its rows say it. */
export const KIND_TEXT: Record<FamilyImprovement['kind'], string> = { lineage: 'lineage', pattern: 'pattern' };

function yOf(family: FamilyImprovement, axis: ImprovementAxis): Array<{ x: number; y: number }> {
  return family.records.map((r) => ({ x: r.day, y: axis === 'normalised' ? r.normalised : r.improvement }));
}

function totalText(value: number | null, unit: 'points' | 'percent'): string {
  if (value === null) return '–';
  return unit === 'percent' ? `${formatSigned(value, 1)} %` : formatSigned(value, 2);
}

/** "+15.46 · 90 % day 124 · peak day 30 · 301 models" (or "no models"): the total, the day
 *  of 90 % of it, the day the normalised curve peaks, the family's size. */
export function familyText(f: FamilyImprovement): string {
  if (f.total === null) return 'no models';
  const models = `${formatInteger(f.size)} model${f.size === 1 ? '' : 's'}`;
  if (f.daysToExhaust === null) return `${totalText(f.total, f.unit)} · never beaten · ${models}`;
  const peak = f.peak === null ? '' : ` · peak day ${formatInteger(f.peak.day)}`;
  return `${totalText(f.total, f.unit)} · 90 % day ${formatInteger(f.daysToExhaust)}${peak} · ${models}`;
}

/** Families worth a line: at least one record after the first, largest totals first. */
export function plottedFamilies(result: ImprovementResult, limit: number): FamilyImprovement[] {
  return result.families
    .filter((f) => f.records.length >= 2)
    .sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || a.label.localeCompare(b.label))
    .slice(0, Math.max(0, limit));
}

function drawPlot(families: readonly FamilyImprovement[], axis: ImprovementAxis, options: RenderOptions): string[] {
  if (families.length === 0) return ['(no family improved on its first model: nothing to plot)'];
  return renderLinePlot(
    families.map((f) => ({
      name:
        axis === 'normalised'
          ? `${f.label} (${KIND_TEXT[f.kind]}) peak ${formatSigned(f.peak?.normalised ?? 0, 2)} day ${f.peak?.day ?? 0}`
          : `${f.label} (${KIND_TEXT[f.kind]}) ${totalText(f.total, f.unit)}`,
      points: yOf(f, axis),
      // a record holds until the next one; its normalised value does not (n(d) grows)
      step: axis !== 'normalised',
    })),
    {
      ...options,
      height: plotHeight(options),
      yLabel: Y_LABELS[axis],
      xLabel: 'days since release (day 0: the family’s first model)',
      yMin: 0,
      xMin: 0,
    },
  );
}

const COLUMNS: TableColumn[] = [
  { title: 'Family', maxWidth: 18 },
  { title: 'Formed', maxWidth: 7 },
  { title: 'Models', numeric: true },
  { title: 'Total', align: 'right' },
  { title: '90 % at', align: 'right' },
  { title: 'Norm.', align: 'right' },
  { title: 'Peak at', align: 'right' },
  { title: 'Rec.', numeric: true },
  { title: 'Reference', flex: true, minWidth: 10 },
  { title: 'Ref.', align: 'right' },
  { title: 'Record holder', flex: true, minWidth: 10 },
  { title: 'Best', align: 'right' },
];

function tableRows(result: ImprovementResult): Cell[][] {
  const byId = new Map(result.families.map((f) => [f.id, f]));
  return result.summary.map((row) => {
    const family = byId.get(row.id)!;
    return [
      row.label,
      KIND_TEXT[family.kind],
      row.size,
      totalText(row.total, family.unit),
      row.daysToExhaust === null ? '–' : `${formatInteger(row.daysToExhaust)} d`,
      family.peak === null ? '–' : formatDecimal(family.peak.normalised, 2),
      row.peakDay === null ? '–' : `${formatInteger(row.peakDay)} d`,
      row.records,
      row.referenceRepo,
      row.referenceScore === null ? '–' : formatScore(row.referenceScore),
      row.holderRepo,
      row.holderScore === null ? '–' : formatScore(row.holderScore),
    ];
  });
}

const CSV_COLUMNS = [
  'id', 'family', 'kind', 'score', 'models', 'release', 'reference', 'reference_score', 'record_holder', 'record_score',
  'total', 'unit', 'total_normalised', 'days_to_90', 'peak_normalised', 'peak_day', 'records',
];

function csvRows(result: ImprovementResult): Cell[][] {
  const byId = new Map(result.families.map((f) => [f.id, f]));
  return result.summary.map((row) => {
    const f = byId.get(row.id)!;
    return [
      row.id, row.label, f.kind, result.score.id, row.size, f.release, row.referenceRepo, row.referenceScore, row.holderRepo, row.holderScore,
      row.total, f.unit, row.totalNormalised, row.daysToExhaust, f.peak?.normalised ?? null, row.peakDay, row.records,
    ];
  });
}

/** What the table's columns mean (issue 8 §11: `Rec.`, `Ref.`, `Norm.` explained). */
function tableNote(result: ImprovementResult): string {
  const unit = result.options.unit === 'percent' ? '% of the reference score' : `${result.score.label} score points`;
  return (
    `Formed: lineage (the base repository and every model whose declared base chain reaches it) or pattern (the paper’s ` +
    `name pattern and params range). Models: the family’s scored, dated non-merges. Total: the last record’s ` +
    `improvement over the reference, in ${unit}. 90 % at: the first day with 90 % of the total (the paper’s time to ` +
    `exhaust). Norm.: the highest normalised improvement, a record’s improvement ÷ ln(1 + n(d)) with n(d) the family’s ` +
    `models made up to its day; Peak at: its day. Rec.: records, models that beat every earlier one. Reference: the ` +
    `family’s first model (lineage: the base, when on the leaderboard); Ref.: its score. Best: the record holder’s score.`
  );
}

function viewNotes(result: ImprovementResult): Note[] {
  const notes: Note[] = [...result.notes];
  const empty = result.families.filter((f) => f.size === 0);
  if (empty.length > 0) {
    notes.push({
      count: empty.length,
      text: `families with no model to measure (none matched, or none scored and dated): ${empty.map((f) => f.label).join(', ')}`,
    });
  }
  const flat = result.families.filter((f) => f.size > 0 && f.records.length < 2);
  if (flat.length > 0) {
    notes.push({ count: flat.length, text: `families never beaten after their first model: ${flat.map((f) => f.label).join(', ')}` });
  }
  for (const f of result.families) notes.push(...partNotes(f.label, f.notes));
  return notes;
}

/** analyses.md §4 [Fig. 11, 12] as a view. */
export function improvementView(dataset: Dataset, options: ViewOptions): View {
  const mode = options.mode ?? defaultMode(dataset);
  const axis = axisOf(options);
  const families = parseFamilySpecs(options.families, mode);
  const result = improvement(dataset, {
    includeFlagged: options.includeFlagged,
    ...createdOf(options),
    families,
    mode,
    unit: axis === 'percent' ? 'percent' : 'points',
    ...(options.score !== undefined ? { score: options.score } : {}),
  });
  const plotted = plottedFamilies(result, options.plot ?? DEFAULT_PLOT_FAMILIES);
  const hidden = result.families.filter((f) => f.records.length >= 2).length - plotted.length;
  const headline = result.families
    .filter((f) => paperImprovement(f.id) !== undefined)
    .map((f) => ({ label: `${f.label} (${KIND_TEXT[f.kind]})`, value: familyText(f), paper: paper(paperImprovement(f.id)!) }));
  const how = mode === 'lineage' ? 'lineage (declared base-model chains)' : 'name pattern (the paper’s method)';
  const kinds = new Set(result.families.map((f) => f.kind));
  const formed = families === 'presets' ? `presets formed by ${how}` : kinds.size > 1 ? 'families formed by lineage and by name pattern' : `families formed by ${kinds.has('lineage') ? 'lineage' : 'name pattern'}`;
  const data: ImprovementViewData = { mode, axis, plotted: plotted.map((f) => f.id), result };
  return {
    id: 'improvement',
    title: 'Improvement',
    summary: [
      `${result.families.length} ${families === 'presets' ? 'preset families' : 'families'}`,
      families === 'presets' ? how : formed,
      `${result.score.label} score`,
      axis === 'points' ? 'score points' : axis === 'percent' ? '% of reference' : 'normalised',
      ...selectionSummary(options), ...createdSummary(options),
    ].join(' · '),
    blocks: [
      {
        kind: 'heading',
        text: `Improvement over days since release — records per family, ${formed} [Fig. 12] — ${scoreText(result.score)}`,
      },
      chart(undefined, (o) => drawPlot(plotted, axis, o)),
      ...(hidden > 0 ? [notesBlock([{ count: hidden, text: `more improving families not drawn (--plot ${options.plot ?? DEFAULT_PLOT_FAMILIES}: the largest totals)` }])] : []),
      ...(headline.length > 0
        ? [{ kind: 'heading' as const, text: 'The paper’s figures: total improvement · day 90 % of it was reached · normalised peak day · models' }, figures(headline)]
        : []),
      { kind: 'heading', text: `Total improvement per family [Fig. 11] — ${result.score.label} score` },
      { kind: 'table', columns: COLUMNS, rows: tableRows(result) },
      { kind: 'paragraph', text: tableNote(result) },
      notesBlock(viewNotes(result)),
    ],
    data,
    csv: { columns: CSV_COLUMNS, rows: csvRows(result) },
  };
}
