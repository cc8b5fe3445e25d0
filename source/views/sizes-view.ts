// The Sizes view: analyses.md §3 "Size" [Fig. 8, 9, 10]: the params histogram split by
// architecture family, the share of small models, downloads by size (the paper: about 85 % go
// to models of at most 15 B), the best score per size bin, and the params needed for a score
// over time. Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { createdOf, createdSummary } from './date-window.js';
import { sizes, type SizesResult } from '../analysis/sizes.js';
import { renderHistogram } from '../render/histogram.js';
import { renderBars } from '../render/bars.js';
import { renderLinePlot } from '../render/line-plot.js';
import { formatCompact, formatInteger, formatParams, formatScore } from '../render/format-number.js';
import type { Cell, RenderOptions, View, ViewOptions } from './view.js';
import { chart, figures, heading, notesBlock, pct, plotHeight, selectionSummary, type FigureRow } from './view-blocks.js';
import { paper } from './paper-figures.js';
import { DEFAULT_SCORE_THRESHOLD, scoreText } from '../analysis/score.js';

/** The bin the paper's 7 B models fall in (lower edge 7). */
export function sevenBillionBin(result: SizesResult): SizesResult['bins'][number] | undefined {
  return result.bins.find((b) => b.lower === 7 && b.upper === 8);
}

/** §3 headline rows (shared with the overview). */
export function sizeRows(result: SizesResult): FigureRow[] {
  const o = result.options;
  const seven = sevenBillionBin(result);
  const rows: FigureRow[] = [
    { label: `models under ${o.smallBelow} B (of ${formatInteger(result.known)} with known params)`, value: pct(result.small.share) },
    { label: `downloads going to models of at most ${o.downloadsAtMost} B`, value: pct(result.downloads.share), paper: paper('downloadsAtMost15') },
  ];
  if (seven) {
    rows.push({
      label: 'models in the 7–8 B bin',
      value: `${formatInteger(seven.count)} (${pct(result.known > 0 ? seven.count / result.known : null)})`,
    });
  }
  return rows;
}

function drawParamsForScore(result: SizesResult, options: RenderOptions): string[] {
  const months = result.paramsForScore.months.filter((m) => m.params !== null);
  if (months.length === 0) return [`(no model reached ${result.score.label} ${result.paramsForScore.threshold})`];
  return renderLinePlot([{ name: `smallest params with ${result.score.label} ≥ ${result.paramsForScore.threshold}`, points: months.map((m) => ({ x: `${m.month}-01`, y: m.params })), step: true }], {
    ...options,
    height: plotHeight(options),
    yLabel: 'params (B)',
    xLabel: 'month (models created up to then)',
    xType: 'date',
    yMin: 0,
  });
}

function binRows(result: SizesResult): Cell[][] {
  return result.bins.map((b) => [
    `${b.label} B`,
    b.count,
    b.best ? formatScore(b.best.score) : '–',
    b.best?.repo ?? null,
    b.best ? (b.best.dateFloor ? `≤${b.best.day}` : b.best.day) : null,
  ]);
}

/** analyses.md §3 [Fig. 8, 9, 10] as a view. */
export function sizesView(dataset: Dataset, options: ViewOptions): View {
  const result = sizes(dataset, {
    includeFlagged: options.includeFlagged,
    ...createdOf(options),
    ...(options.threshold !== undefined ? { scoreThreshold: options.threshold } : {}),
    ...(options.score !== undefined ? { score: options.score } : {}),
    ...(options.familyThreshold !== undefined ? { familyThreshold: options.familyThreshold } : {}),
  });
  const threshold = result.paramsForScore.threshold;
  const firstReached = result.paramsForScore.months.find((m) => m.params !== null);
  const last = result.paramsForScore.months.at(-1);
  return {
    id: 'sizes',
    title: 'Sizes',
    summary: [`${formatInteger(result.known)} models with known params`, `${result.score.label} score`, `threshold ${threshold}`, ...selectionSummary(options), ...createdSummary(options)].join(' · '),
    blocks: [
      heading('Size [§3]'),
      figures(sizeRows(result)),
      heading('Size distribution by architecture family [Fig. 8]'),
      chart('models per params bin (B)', (o) =>
        renderHistogram(
          {
            bins: result.bins.map((b) => b.label),
            series: result.families.map((name, f) => ({ name, counts: result.bins.map((b) => b.byFamily[f] ?? 0) })),
          },
          { ...o, height: plotHeight(o) },
        ),
      ),
      heading(`Downloads by size — ${formatCompact(result.downloads.total)} downloads of ${formatInteger(result.downloads.models)} models`),
      chart(undefined, (o) =>
        renderBars(
          result.bins.filter((b) => b.count > 0).map((b) => ({ label: `${b.label} B`, value: b.downloads, text: formatCompact(b.downloads) })),
          o,
        ),
      ),
      heading(`Best score per size bin [Fig. 9] — ${scoreText(result.score)}`),
      {
        kind: 'table',
        columns: [{ title: 'Params' }, { title: 'Models', numeric: true }, { title: 'Best', align: 'right' }, { title: 'Model', flex: true }, { title: 'Created' }],
        rows: binRows(result).filter((row) => row[1] !== 0),
        // Enter on a bin: its models (§3 bins are [lower, upper); the last is open)
        drill: result.bins.filter((b) => b.count !== 0).map((b) => ({
          where: { column: 'params', match: { kind: 'range' as const, lower: b.lower, upper: b.upper ?? Number.MAX_VALUE, closed: false }, label: `Params ${b.label} B` },
        })),
      },
      heading(
        `Params needed for ${result.score.label} ${threshold} [Fig. 10]` +
          (firstReached && last
            ? ` — ${formatParams(firstReached.params)} in ${firstReached.month}, ${formatParams(last.params)} by ${last.month}`
            : ` — no model reached ${threshold}`) +
          ` (${result.score.scale}; default threshold ${DEFAULT_SCORE_THRESHOLD[result.score.generation]} on ${result.score.generation})`,
      ),
      chart(undefined, (o) => drawParamsForScore(result, o)),
      notesBlock(result.notes),
    ],
    data: result,
    csv: {
      columns: ['bin', 'lower', 'upper', 'models', ...result.families.map((f) => `models_${f}`), 'downloads', 'download_share', 'best_score', 'best_model', 'best_created'],
      rows: result.bins.map((b) => [
        b.label, b.lower, b.upper, b.count, ...b.byFamily, b.downloads, b.downloadShare, b.best?.score ?? null, b.best?.repo ?? null, b.best?.day ?? null,
      ]),
    },
  };
}
