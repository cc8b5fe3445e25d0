// Hub views of analyses.md §6 H1 (authors), H2 (relations), H3 (architectures), H7
// (intermediaries): pure builders over the query results (the queries live in source/hub/).
import type { AuthorRows, CategoryRows, IntermediaryRows } from '../hub/queries-community.js';
import { AUTHOR_BUCKETS } from '../hub/queries-community.js';
import { categorySeries, largest, periodTotals, sharesOf } from '../analysis/hub-series.js';
import { concentrationOf, shareOf, type HubConcentration } from '../analysis/hub-shape.js';
import { renderBars } from '../render/bars.js';
import { formatDecimal, formatInteger } from '../render/format-number.js';
import type { FigureRow } from './view-blocks.js';
import { chart, drawCountBars, drawSeriesPlot, drawShareBars, figures, heading, notesBlock, pct, perPeriod, seriesTable } from './view-blocks.js';
import { commonNotes, coverageText, hubSummary, scopeBlock, type HubView, type HubViewContext } from './hub-view-common.js';
import { periodKey } from '../analysis/periods.js';

/** H3 release markers, §2's list extended to 2024–26 releases. */
export const HUB_RELEASE_MARKERS: ReadonlyArray<{ day: string; label: string }> = [
  { day: '2023-02-24', label: 'LLaMA' },
  { day: '2023-07-18', label: 'Llama 2' },
  { day: '2023-09-20', label: 'Mistral 7B' },
  { day: '2023-12-11', label: 'Mixtral 8x7B' },
  { day: '2024-02-21', label: 'Gemma' },
  { day: '2024-04-18', label: 'Llama 3' },
  { day: '2024-06-07', label: 'Qwen2' },
  { day: '2024-07-23', label: 'Llama 3.1' },
  { day: '2024-09-19', label: 'Qwen2.5' },
  { day: '2025-01-20', label: 'DeepSeek-R1' },
  { day: '2025-03-12', label: 'Gemma 3' },
  { day: '2025-04-05', label: 'Llama 4' },
  { day: '2025-04-29', label: 'Qwen3' },
  { day: '2025-08-05', label: 'gpt-oss' },
];

export function concentrationFigures(label: string, c: HubConcentration): FigureRow[] {
  return [
    { label: `namespaces (N) — ${label}`, value: formatInteger(c.n) },
    { label: `top 10 namespaces’ share — ${label}`, value: pct(c.top10Share) },
    { label: `top 200 namespaces’ share — ${label}`, value: pct(c.top200Share) },
    { label: `Gini coefficient — ${label}`, value: c.gini === null ? '–' : formatDecimal(c.gini, 3) },
    { label: `Price’s law: top √N = ${c.price?.k ?? '–'} namespaces’ share — ${label}`, value: pct(c.price?.share ?? null) },
  ];
}

/** H1 as a view. */
export function hubAuthorsView(context: HubViewContext, rows: AuthorRows): HubView {
  const byModels = concentrationOf(rows.byModels);
  const byDownloads = concentrationOf(rows.byDownloads);
  const period = context.options.period;
  const fresh = categorySeries(rows.fresh.map((r) => ({ key: r.key, name: 'new namespaces', n: r.n })), period, ['new namespaces']);
  const bucketBars = AUTHOR_BUCKETS.map((lower, i) => {
    const next = AUTHOR_BUCKETS[i + 1];
    return { label: next === undefined ? `${lower}+ models` : next - 1 === lower ? `${lower} model${lower === 1 ? '' : 's'}` : `${lower}–${next - 1} models`, value: rows.buckets[i]?.authors ?? 0 };
  });
  return {
    id: 'authors',
    title: 'Hub: who builds (namespaces)',
    summary: hubSummary(context, [`${formatInteger(byModels.n)} namespaces`]),
    blocks: [
      scopeBlock(context),
      heading('Concentration of models over namespaces [§6 H1, Fig. 1–3 Hub-wide]'),
      figures([...concentrationFigures('by models', byModels), ...concentrationFigures('by downloads (30 days)', byDownloads)]),
      heading('Namespaces by number of models'),
      chart(undefined, (o) => renderBars(bucketBars, o)),
      {
        kind: 'table',
        title: `Top ${rows.top.length} namespaces`,
        columns: [{ title: '#', numeric: true }, { title: 'Namespace', flex: true }, { title: 'Models', numeric: true }, { title: 'Share', align: 'right' }, { title: 'Downloads', numeric: true }, { title: 'First model' }],
        rows: rows.top.map((a, i) => [i + 1, a.author, a.models, pct(shareOf(a.models, byModels.total), 2), a.downloads, a.first ?? '–']),
      },
      heading(`New namespaces ${perPeriod(period)} (first dated model)`),
      chart(undefined, (o) => (fresh.keys.length === 0 ? ['(no dated models)'] : drawSeriesPlot(fresh, o, { yLabel: 'new namespaces' }))),
      notesBlock([...commonNotes(context), ...(rows.noAuthor > 0 ? [{ count: rows.noAuthor, text: 'models without a namespace (legacy ids): left out of the namespace counts' }] : [])]),
    ],
    data: { scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, byModels, byDownloads, top: rows.top, buckets: rows.buckets, newNamespaces: fresh },
    csv: { columns: ['rank', 'namespace', 'models', 'share', 'downloads', 'first_model'], rows: rows.top.map((a, i) => [i + 1, a.author, a.models, shareOf(a.models, byModels.total) ?? '', a.downloads, a.first ?? '']) },
  };
}

const RELATION_ORDER = ['original', 'finetune', 'adapter', 'quantized', 'merge'];

/** H2 as a view: new models per period by relation. */
export function hubRelationsView(context: HubViewContext, rows: CategoryRows): HubView {
  const period = context.options.period;
  const counts = categorySeries(rows.rows, period, RELATION_ORDER);
  const shares = { ...counts, series: sharesOf(counts) };
  const total = rows.totals.reduce((s, t) => s + t.n, 0);
  const table = seriesTable(counts, periodTotals(counts));
  return {
    id: 'relations',
    title: 'Hub: what gets built (relations)',
    summary: hubSummary(context, [coverageText('a parent known', context.counts.withParents, context.counts.inScope)]),
    blocks: [
      scopeBlock(context),
      heading('Relation mix [§6 H2, Fig. 4 Hub-wide]'),
      figures(RELATION_ORDER.concat(rows.totals.some((t) => t.name === 'unknown') ? ['unknown'] : []).map((name) => {
        const n = rows.totals.find((t) => t.name === name)?.n ?? 0;
        return { label: name, value: `${formatInteger(n)} (${pct(shareOf(n, total))})` };
      })),
      heading(`New models ${perPeriod(period)} by relation`),
      chart(undefined, (o) => drawCountBars(counts, o, 'new models')),
      heading(`Share of each relation ${perPeriod(period)}`),
      chart(undefined, (o) => drawShareBars(counts, shares, o, 'share of new models')),
      notesBlock(commonNotes(context)),
    ],
    data: { scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, totals: rows.totals, counts, shares },
    csv: table,
  };
}

/** H3 as a view: new models per period by architecture family (nine largest named, other, unknown). */
export function hubArchitecturesView(context: HubViewContext, rows: CategoryRows): HubView {
  const period = context.options.period;
  const names = largest(rows.totals, 9);
  const counts = categorySeries(rows.rows, period, names);
  const shares = { ...counts, series: sharesOf(counts) };
  const markers = HUB_RELEASE_MARKERS.map((m) => ({ ...m, index: counts.keys.indexOf(periodKey(m.day, period)) })).filter((m) => m.index >= 0);
  const total = rows.totals.reduce((s, t) => s + t.n, 0);
  const known = rows.totals.filter((t) => t.name !== 'unknown').reduce((s, t) => s + t.n, 0);
  return {
    id: 'architectures',
    title: 'Hub: architectures',
    summary: hubSummary(context, [coverageText('a family known', known, total)]),
    blocks: [
      scopeBlock(context),
      heading('Families (own config class or model type, else the root’s) [§6 H3, Fig. 5 Hub-wide]'),
      {
        kind: 'table',
        columns: [{ title: 'Family', flex: true }, { title: 'Models', numeric: true }, { title: 'Share', align: 'right' }],
        rows: rows.totals.slice(0, 15).map((t) => [t.name, t.n, pct(shareOf(t.n, total))]),
      },
      heading(`Share of each family ${perPeriod(period)}, with releases`),
      chart(undefined, (o) => drawShareBars(counts, shares, o, 'share of new models', markers)),
      notesBlock(commonNotes(context)),
    ],
    data: { scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, totals: rows.totals, counts, shares, markers },
    csv: seriesTable(counts, periodTotals(counts)),
  };
}

/** H7 as a view: who publishes the quantized and adapter models. */
export function hubIntermediariesView(context: HubViewContext, rows: IntermediaryRows[]): HubView {
  const blocks = rows.flatMap((r) => [
    heading(`Top publishers of ${r.relation} models — ${formatInteger(r.total)} in all`),
    {
      kind: 'table' as const,
      columns: [{ title: '#', numeric: true }, { title: 'Namespace', flex: true }, { title: 'Models', numeric: true }, { title: `Share of ${r.relation}`, align: 'right' as const }, { title: 'Downloads', numeric: true }],
      rows: r.top.map((a, i) => [i + 1, a.author, a.n, pct(shareOf(a.n, r.total)), a.downloads]),
    },
    figures([{ label: `top ${r.top.length} publishers’ share of ${r.relation} models`, value: pct(shareOf(r.top.reduce((s, a) => s + a.n, 0), r.total)) }]),
  ]);
  return {
    id: 'intermediaries',
    title: 'Hub: intermediaries',
    summary: hubSummary(context),
    blocks: [scopeBlock(context), heading('The accounts between the releases and their users [§6 H7]'), ...blocks, notesBlock(commonNotes(context, false))],
    data: { scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, relations: rows },
    csv: { columns: ['relation', 'rank', 'namespace', 'models', 'share', 'downloads'], rows: rows.flatMap((r) => r.top.map((a, i) => [r.relation, i + 1, a.author, a.n, shareOf(a.n, r.total) ?? '', a.downloads])) },
  };
}
