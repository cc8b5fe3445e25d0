// The Frontier view (analyses.md §7, `hubscope print frontier`): is open source catching up on
// LMArena? The headline of the last date, the best proprietary and best open rating per date
// as two step lines, the gap and the lag over time, the open share of the top 10 and top 20,
// and the frontier per date as tables. Ratings of different dates are on different scales, so
// the plots show each date's own numbers and every comparison is made inside one table. Pure.
import type { ArenaDataset } from '../data/arena-dataset.js';
import { frontier, type FrontierDate, type FrontierResult } from '../analysis/frontier.js';
import { renderLinePlot, type PlotSeries } from '../render/line-plot.js';
import { formatInteger, formatPercent } from '../render/format-number.js';
import type { Block, Cell, RenderOptions, View, ViewOptions } from './view.js';
import { chart, figures, heading, notesBlock, pct, plotHeight, type FigureRow } from './view-blocks.js';
import { formatRating, frontierHeadline, intervalText, lagCell, lagText, marginText, medianText, modelText, plural } from './frontier-text.js';
import { arenaSummary } from './arena-summary.js';

function plot(series: PlotSeries[], options: RenderOptions, axes: { yLabel: string; share?: boolean; yMin?: number }): string[] {
  return renderLinePlot(series, {
    ...options,
    height: plotHeight(options),
    yLabel: axes.yLabel,
    xLabel: 'publication date',
    xType: 'date',
    ...(axes.yMin !== undefined ? { yMin: axes.yMin } : {}),
    ...(axes.share ? { yMin: 0, yMax: 100, formatY: (y: number) => `${Math.round(y)} %` } : {}),
  });
}

const pointsOf = (dates: readonly FrontierDate[], value: (d: FrontierDate) => number | null | undefined) =>
  dates.map((d) => ({ x: d.date, y: value(d) ?? null }));

/** §7 headline figures (shared with the arena overview). */
export function frontierRows(result: FrontierResult): FigureRow[] {
  const first = result.dates.find((d) => d.lag !== null);
  const last = result.dates.filter((d) => d.lag !== null).at(-1);
  const gapText = (d: FrontierDate | undefined) => (d?.gap ? `${formatRating(d.gap.points)} points, ${marginText(d.gap)} the margin` : '–');
  const rows: FigureRow[] = [
    { label: 'publication dates (with a frontier point)', value: `${formatInteger(result.counts.dates)} (${formatInteger(result.counts.datesWithPoint)})` },
  ];
  if (first) rows.push({ label: `gap on the first date, ${first.date}`, value: gapText(first) }, { label: `lag on ${first.date}`, value: lagText(first.lag) });
  if (last && last !== first) rows.push({ label: `gap on the last date, ${last.date}`, value: gapText(last) }, { label: `lag on ${last.date}`, value: lagText(last.lag) });
  rows.push({ label: `median lag over ${formatInteger(result.medianLag.dates)} dates (${formatInteger(result.medianLag.censored)} censored)`, value: medianText(result.medianLag) });
  const m = result.notYetMatched;
  rows.push({
    label: m ? `not yet matched by open on ${m.asOf}: ${m.model} (${m.organisation ?? '?'}), first seen ${m.firstSeen}` : 'not yet matched by open on the last date',
    value: m ? `${m.censored ? 'at least ' : ''}${plural(m.days, 'day')}` : last ? 'none: open leads' : '–',
  });
  if (last) {
    for (const t of last.top) rows.push({ label: `open share of the top ${t.k} on ${last.date}`, value: t.share === null ? `– (fewer than ${t.k} models)` : `${pct(t.share, 0)} (${t.open} of ${t.k})` });
  }
  const longest = result.holderTotals[0];
  if (longest) rows.push({ label: `held the open frontier longest: ${longest.organisation} (${longest.first} → ${longest.last})`, value: plural(longest.dates, 'date') });
  return rows;
}

function frontierTable(result: FrontierResult): Block {
  return {
    kind: 'table',
    title: 'Best proprietary and best open per date (lag in days; ≥: at least)',
    columns: [
      { title: 'Date' },
      { title: 'Proprietary', flex: true, minWidth: 10, maxWidth: 36 },
      { title: 'Rating', align: 'right' },
      { title: 'Open', flex: true, minWidth: 10, maxWidth: 36 },
      { title: 'Rating', align: 'right' },
      { title: 'Gap', align: 'right' },
      { title: 'Margin' },
      { title: 'Lag', align: 'right' },
    ],
    rows: result.dates.map((d): Cell[] => [
      d.date,
      d.bestProprietary?.model ?? '–',
      formatRating(d.bestProprietary?.rating),
      d.bestOpen?.model ?? '–',
      formatRating(d.bestOpen?.rating),
      d.gap ? formatRating(d.gap.points) : '–',
      marginText(d.gap),
      lagCell(d),
    ]),
  };
}

function holdersTable(result: FrontierResult): Block {
  return {
    kind: 'table',
    title: 'Open frontier per date: organisation, best permissive, open share of the top',
    columns: [
      { title: 'Date' },
      { title: 'Open frontier by', flex: true, minWidth: 10, maxWidth: 24 },
      { title: 'Permissive', flex: true, minWidth: 10, maxWidth: 36 },
      { title: 'Rating', align: 'right' },
      ...result.options.topK.map((k) => ({ title: `Top ${k} open`, align: 'right' as const })),
    ],
    rows: result.dates.map((d): Cell[] => [
      d.date,
      d.bestOpen?.organisation ?? '–',
      d.bestPermissive?.model ?? '–',
      formatRating(d.bestPermissive?.rating),
      ...d.top.map((t) => (t.share === null ? '–' : formatPercent(t.share, 0))),
    ]),
  };
}

function spansTable(result: FrontierResult): Block {
  return {
    kind: 'table',
    title: 'Who held the open frontier (runs of consecutive dates)',
    columns: [{ title: 'Organisation', maxWidth: 24 }, { title: 'From' }, { title: 'To' }, { title: 'Dates', numeric: true }, { title: 'Models', flex: true }],
    rows: result.holders.map((h): Cell[] => [h.organisation, h.from, h.to, h.dates, h.models.join(', ')]),
  };
}

const CSV_COLUMNS = [
  'date', 'models', 'proprietary_models', 'open_models',
  'best_proprietary', 'proprietary_organisation', 'proprietary_licence', 'proprietary_rating', 'proprietary_lower', 'proprietary_upper',
  'best_open', 'open_organisation', 'open_licence', 'open_rating', 'open_lower', 'open_upper',
  'best_permissive', 'permissive_rating', 'gap', 'within_margin', 'lag_state', 'lag_days', 'lag_censored', 'lag_model', 'lag_model_first_seen',
  'top10_open_share', 'top20_open_share', 'missing',
];

function csvRows(result: FrontierResult): Cell[][] {
  const share = (d: FrontierDate, k: number) => d.top.find((t) => t.k === k)?.share ?? null;
  const bool = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 'true' : 'false');
  return result.dates.map((d) => {
    const p = d.bestProprietary;
    const o = d.bestOpen;
    const lag = d.lag;
    return [
      d.date, d.counts.models, d.counts.proprietary, d.counts.open,
      p?.model ?? null, p?.organisation ?? null, p?.licence ?? null, p?.rating ?? null, p?.lower ?? null, p?.upper ?? null,
      o?.model ?? null, o?.organisation ?? null, o?.licence ?? null, o?.rating ?? null, o?.lower ?? null, o?.upper ?? null,
      d.bestPermissive?.model ?? null, d.bestPermissive?.rating ?? null,
      d.gap?.points ?? null, bool(d.gap?.withinMargin), lag?.state ?? null, lag?.days ?? null, bool(lag?.censored),
      lag?.state === 'behind' ? lag.model.model : null, lag?.state === 'behind' ? lag.model.firstSeen : null,
      share(d, 10), share(d, 20), d.missing,
    ];
  });
}

function censoredTitle(result: FrontierResult): string {
  const censored = result.dates.filter((d) => d.lag?.censored);
  if (censored.length === 0) return 'Lag in days: how old the oldest proprietary model still ahead of the best open one is';
  return `Lag in days (${plural(censored.length, 'date')} censored, up to ${censored.at(-1)!.date}: there the lag is at least the value drawn)`;
}

/** analyses.md §7 as a view of one arena dataset. */
export function frontierView(dataset: ArenaDataset, _options: ViewOptions): View {
  const result = frontier(dataset);
  const dates = result.dates;
  const blocks: Block[] = [
    heading('Is open source catching up? The open–proprietary frontier on LMArena [§7]'),
    { kind: 'paragraph', text: frontierHeadline(result) },
    figures(frontierRows(result)),
  ];
  if (dates.length > 0) {
    blocks.push(
      heading('Best rating per date: proprietary and open'),
      chart(undefined, (o) =>
        plot(
          [
            { name: 'best proprietary', points: pointsOf(dates, (d) => d.bestProprietary?.rating), step: true },
            { name: 'best open', points: pointsOf(dates, (d) => d.bestOpen?.rating), step: true },
          ],
          o,
          { yLabel: 'rating (each date on its own scale)' },
        ),
      ),
      heading('Gap: best proprietary − best open, in rating points'),
      chart(undefined, (o) => plot([{ name: 'gap (points)', points: pointsOf(dates, (d) => d.gap?.points), step: true }], o, { yLabel: 'rating points' })),
      heading(censoredTitle(result)),
      chart(undefined, (o) => plot([{ name: 'lag (days)', points: pointsOf(dates, (d) => d.lag?.days), step: true }], o, { yLabel: 'days', yMin: 0 })),
      heading('Open share of the top'),
      chart(undefined, (o) =>
        plot(
          result.options.topK.map((k) => ({ name: `open share of the top ${k}`, points: pointsOf(dates, (d) => { const s = d.top.find((t) => t.k === k)?.share; return s === null || s === undefined ? null : s * 100; }), step: true })),
          o,
          { yLabel: 'share of models', share: true },
        ),
      ),
      frontierTable(result),
      holdersTable(result),
      spansTable(result),
    );
    const last = dates.at(-1)!;
    blocks.push({
      kind: 'paragraph',
      text: `95 % intervals on ${last.date}: best proprietary ${modelText(last.bestProprietary)} ${intervalText(last.bestProprietary)}, best open ${modelText(last.bestOpen)} ${intervalText(last.bestOpen)}.`,
    });
  }
  blocks.push(notesBlock(result.notes));
  return {
    id: 'frontier',
    title: 'Frontier',
    summary: arenaSummary(dataset, result),
    blocks,
    data: { source: dataset.source, headline: frontierHeadline(result), ...result },
    csv: { columns: CSV_COLUMNS, rows: csvRows(result) },
  };
}
