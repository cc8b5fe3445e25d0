// The Types view: analyses.md §2 "New models per period by type" [Fig. 4] and "Score by type
// over time" [Fig. 7]: each type's overall share (every model in view), new models per period
// (stacked counts and shares of the models placed in time), every model as a dot by creation
// day and score with each type's smoothed mean line over the dots, and cumulative counts.
// Each number says which set it counts (issue 8 §12). Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { createdOf, createdSummary } from './date-window.js';
import { typesOverTime, type TypesResult } from '../analysis/types.js';
import { periodEnd, periodLabel, periodStart, type Period } from '../analysis/periods.js';
import { scoreText } from '../analysis/score.js';
import { renderScatter } from '../render/scatter.js';
import { formatInteger } from '../render/format-number.js';
import type { Block, RenderOptions, View, ViewOptions } from './view.js';
import { chart, drawCountBars, drawSeriesPlot, drawShareBars, figures, heading, notesBlock, pct, perPeriod, plotHeight, selectionSummary, seriesTable } from './view-blocks.js';

/** [Fig. 7] every model as a dot (glyph per type), each type's smoothed mean over it. */
function drawScores(result: TypesResult, options: RenderOptions): string[] {
  const { keys, period, series } = result.scores;
  const days = keys.map((k) => periodStart(k, period));
  return renderScatter(
    series.map((s) => ({
      name: s.type,
      points: result.dots.filter((d) => d.type === s.type).map((d) => ({ x: d.day, y: d.score })),
      line: s.smoothed.map((y, i) => ({ x: days[i]!, y })),
    })),
    {
      ...options,
      height: plotHeight(options),
      yLabel: `${result.score.label} score · dots: models · lines: centred ${result.options.window}-${period} mean`,
      xLabel: 'creation day',
      xType: 'date',
    },
  );
}

/** [Fig. 4]'s numbers, one row per period, each with its drill-down (Enter in the explorer:
 *  the models created in the period, those on the date floor left out as §2 counts them). */
function periodTable(result: TypesResult, period: Period): Block {
  const { keys, series } = result.counts;
  return {
    kind: 'table',
    title: `New models ${perPeriod(period)} by type (the numbers of Fig. 4)`,
    columns: [{ title: period === 'month' ? 'Month' : period === 'week' ? 'Week' : 'Day' }, ...series.map((s) => ({ title: s.name, numeric: true })), { title: 'Total', numeric: true }],
    rows: keys.map((key, i) => [periodLabel(key, period), ...series.map((s) => s.values[i] ?? 0), result.totals[i] ?? 0]),
    drill: keys.map((key) => ({ where: { column: 'created', match: { kind: 'days' as const, from: periodStart(key, period), to: periodEnd(key, period) }, label: `created in ${periodLabel(key, period)}` } })),
  };
}

/** analyses.md §2 [Fig. 4, 7] as a view. */
export function typesView(dataset: Dataset, options: ViewOptions): View {
  const result = typesOverTime(dataset, {
    includeFlagged: options.includeFlagged,
    ...createdOf(options),
    period: options.period,
    ...(options.score !== undefined ? { score: options.score } : {}),
  });
  const total = result.overall.reduce((sum, t) => sum + t.count, 0);
  const placed = result.totals.reduce((sum, n) => sum + n, 0);
  const table = seriesTable(result.counts, result.totals);
  const per = perPeriod(options.period);
  const placedText = `the ${formatInteger(placed)} of ${formatInteger(total)} models placed in time`;
  return {
    id: 'types',
    title: 'Types',
    summary: [
      `${formatInteger(total)} models (${formatInteger(placed)} placed in time)`,
      `${result.counts.keys.length} periods`,
      `${result.score.label} score`,
      ...selectionSummary(options, { period: true }), ...createdSummary(options),
    ].join(' · '),
    blocks: [
      heading(
        options.from === undefined && options.to === undefined
          ? `Model types [§2] — all ${formatInteger(total)} models in view (dated or not)`
          : `Model types [§2] — the ${formatInteger(total)} models ${createdSummary(options)[0]}`,
      ),
      figures(result.overall.map((t) => ({ label: `${t.type}`, value: `${pct(t.share)} (${formatInteger(t.count)})` }))),
      heading(`New models ${per} by type [Fig. 4] — ${placedText}`),
      ...(options.bars === 'shares' ? [] : [chart(`counts (legend: totals of ${placedText})`, (o) => drawCountBars(result.counts, o, `new models ${per}`))]),
      ...(options.bars === 'counts' ? [] : [chart(`share of the period (legend: shares of ${placedText})`, (o) => drawShareBars(result.counts, result.shares, o, 'share of the period (%)'))]),
      periodTable(result, options.period),
      heading(`Score by type over time [Fig. 7] — ${scoreText(result.score)}`),
      chart(undefined, (o) => drawScores(result, o)),
      chart('cumulative models by type (those on the 2022-03-02 floor counted from the first period)', (o) => drawSeriesPlot(result.cumulative, o, { yLabel: 'models (running total)' })),
      notesBlock(result.notes),
    ],
    data: result,
    csv: table,
  };
}
