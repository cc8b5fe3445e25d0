// The Types view: analyses.md §2 "New models per period by type" [Fig. 4] and "Score by type
// over time" [Fig. 7]: each type's overall share, new models per period (stacked counts and
// shares), the smoothed mean score per type, and cumulative counts. Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { typesOverTime, type TypesResult } from '../analysis/types.js';
import { renderLinePlot } from '../render/line-plot.js';
import { formatInteger } from '../render/format-number.js';
import { periodStart } from '../analysis/periods.js';
import type { RenderOptions, View, ViewOptions } from './view.js';
import { chart, drawCountBars, drawSeriesPlot, drawShareBars, figures, heading, notesBlock, pct, perPeriod, plotHeight, selectionSummary, seriesTable } from './view-blocks.js';

function drawScores(result: TypesResult, options: RenderOptions): string[] {
  const { keys, period, series } = result.scores;
  const days = keys.map((k) => periodStart(k, period));
  return renderLinePlot(
    series.map((s) => ({
      name: s.type,
      points: s.smoothed.flatMap((y, i) => (y === null ? [] : [{ x: days[i]!, y }])),
    })),
    {
      ...options,
      height: plotHeight(options),
      yLabel: `mean score, centred ${result.options.window}-${period} average`,
      xLabel: `${period} (first day)`,
      xType: 'date',
    },
  );
}

/** analyses.md §2 [Fig. 4, 7] as a view. */
export function typesView(dataset: Dataset, options: ViewOptions): View {
  const result = typesOverTime(dataset, { includeFlagged: options.includeFlagged, period: options.period });
  const total = result.overall.reduce((sum, t) => sum + t.count, 0);
  const table = seriesTable(result.counts, result.totals);
  const per = perPeriod(options.period);
  return {
    id: 'types',
    title: 'Types',
    summary: [`${formatInteger(total)} models`, `${result.counts.keys.length} periods`, ...selectionSummary(options, { period: true })].join(' · '),
    blocks: [
      heading('Model types [§2]'),
      figures(result.overall.map((t) => ({ label: `${t.type}`, value: `${pct(t.share)} (${formatInteger(t.count)})` }))),
      heading(`New models ${per} by type [Fig. 4]`),
      chart('counts', (o) => drawCountBars(result.counts, o, `new models ${per}`)),
      chart('share of the period', (o) => drawShareBars(result.counts, result.shares, o, 'share of the period (%)')),
      heading(`Score by type over time [Fig. 7] — ${result.generation} scores`),
      chart(undefined, (o) => drawScores(result, o)),
      chart('cumulative models by type', (o) => drawSeriesPlot(result.cumulative, o, { yLabel: 'models (running total)' })),
      notesBlock(result.notes),
    ],
    data: result,
    csv: table,
  };
}
