// The Improvement view: analyses.md §4 "Community improvement of base models" [Fig. 11, 12].
// The improvement-over-days plot (records as step lines, one colour and glyph per family,
// legend, labelled axes; points, normalised or % of the reference), then the total-improvement
// table of every requested family, then what was left out. Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { improvement, type FamilyImprovement, type ImprovementResult } from '../analysis/improvement.js';
import { renderLinePlot } from '../render/line-plot.js';
import { formatDecimal, formatInteger, formatScore, formatSigned } from '../render/format-number.js';
import type { Note } from '../analysis/result.js';
import type { Cell, RenderOptions, TableColumn, View, ViewOptions } from './view.js';
import { chart, figures, notesBlock, plotHeight, partNotes, selectionSummary } from './view-blocks.js';
import { defaultMode, parseFamilySpecs } from './view-options.js';
import { paper, paperImprovement } from './paper-figures.js';

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
  normalised: 'improvement ÷ ln(1 + models in the family)',
};

function yOf(family: FamilyImprovement, axis: ImprovementAxis): Array<{ x: number; y: number }> {
  return family.records.map((r) => ({ x: r.day, y: axis === 'normalised' ? r.normalised : r.improvement }));
}

function totalText(value: number | null, unit: 'points' | 'percent'): string {
  if (value === null) return '–';
  return unit === 'percent' ? `${formatSigned(value, 1)} %` : formatSigned(value, 2);
}

/** "+15.46 · day 124 · 301 models" (or "no models"). */
export function familyText(f: FamilyImprovement): string {
  if (f.total === null) return 'no models';
  const day = f.daysToExhaust === null ? 'never beaten' : `day ${formatInteger(f.daysToExhaust)}`;
  return `${totalText(f.total, f.unit)} · ${day} · ${formatInteger(f.size)} model${f.size === 1 ? '' : 's'}`;
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
      name: `${f.label} ${axis === 'normalised' ? formatSigned(f.totalNormalised, 2) : totalText(f.total, f.unit)}`,
      points: yOf(f, axis),
      step: true,
    })),
    {
      ...options,
      height: plotHeight(options),
      yLabel: Y_LABELS[axis],
      xLabel: 'days since release (day 0: the family’s first model)',
      yMin: 0,
      xMin: 0,
      step: true,
    },
  );
}

const COLUMNS: TableColumn[] = [
  { title: 'Family', maxWidth: 18 },
  { title: 'Models', numeric: true },
  { title: 'Total', align: 'right' },
  { title: 'Norm.', align: 'right' },
  { title: '90 % at', align: 'right' },
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
      row.size,
      totalText(row.total, family.unit),
      row.totalNormalised === null ? '–' : formatDecimal(row.totalNormalised, 2),
      row.daysToExhaust === null ? '–' : `${formatInteger(row.daysToExhaust)} d`,
      row.records,
      row.referenceRepo,
      row.referenceScore === null ? '–' : formatScore(row.referenceScore),
      row.holderRepo,
      row.holderScore === null ? '–' : formatScore(row.holderScore),
    ];
  });
}

const CSV_COLUMNS = [
  'id', 'family', 'kind', 'models', 'release', 'reference', 'reference_score', 'record_holder', 'record_score',
  'total', 'unit', 'total_normalised', 'days_to_90', 'records',
];

function csvRows(result: ImprovementResult): Cell[][] {
  const byId = new Map(result.families.map((f) => [f.id, f]));
  return result.summary.map((row) => {
    const f = byId.get(row.id)!;
    return [
      row.id, row.label, f.kind, row.size, f.release, row.referenceRepo, row.referenceScore, row.holderRepo, row.holderScore,
      row.total, f.unit, row.totalNormalised, row.daysToExhaust, row.records,
    ];
  });
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
    families,
    mode,
    unit: axis === 'percent' ? 'percent' : 'points',
  });
  const plotted = plottedFamilies(result, options.plot ?? DEFAULT_PLOT_FAMILIES);
  const hidden = result.families.filter((f) => f.records.length >= 2).length - plotted.length;
  const headline = result.families
    .filter((f) => paperImprovement(f.id) !== undefined)
    .map((f) => ({ label: f.label, value: familyText(f), paper: paper(paperImprovement(f.id)!) }));
  const how = mode === 'lineage' ? 'lineage (declared base-model chains)' : 'name pattern (the paper’s method)';
  const data: ImprovementViewData = { mode, axis, plotted: plotted.map((f) => f.id), result };
  return {
    id: 'improvement',
    title: 'Improvement',
    summary: [
      `${result.families.length} ${families === 'presets' ? 'preset families' : 'families'}`,
      how,
      axis === 'points' ? 'score points' : axis === 'percent' ? '% of reference' : 'normalised',
      ...selectionSummary(options),
    ].join(' · '),
    blocks: [
      {
        kind: 'heading',
        text: `Improvement over days since release — records per family, ${how} [Fig. 12]`,
      },
      chart(undefined, (o) => drawPlot(plotted, axis, o)),
      ...(hidden > 0 ? [notesBlock([{ count: hidden, text: `more improving families not drawn (--plot ${options.plot ?? DEFAULT_PLOT_FAMILIES}: the largest totals)` }])] : []),
      ...(headline.length > 0
        ? [{ kind: 'heading' as const, text: 'The paper’s figures: total improvement · day 90 % of it was reached · models' }, figures(headline)]
        : []),
      { kind: 'heading', text: 'Total improvement per family [Fig. 11]' },
      { kind: 'table', columns: COLUMNS, rows: tableRows(result) },
      notesBlock(viewNotes(result)),
    ],
    data,
    csv: { columns: CSV_COLUMNS, rows: csvRows(result) },
  };
}
