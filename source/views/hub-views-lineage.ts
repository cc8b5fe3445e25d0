// Hub views of analyses.md §6 H4 (base models: top roots, root organisations), H5 (adoption), H6
// (sizes) and the lineage view: pure builders over the query results.
import type { AdoptionRows, LineageRows, NodeRow, RootRow, SizeRows } from '../hub/queries-lineage.js';
import { SIZE_BINS } from '../hub/queries-lineage.js';
import { categorySeries, largest, sharesOf, yearSeries, type CategoryRow } from '../analysis/hub-series.js';
import { shareOf, sizesOf, uptakeOf } from '../analysis/hub-shape.js';
import { renderBars } from '../render/bars.js';
import { renderLinePlot } from '../render/line-plot.js';
import { formatInteger, formatParams, formatScore } from '../render/format-number.js';
import type { Cell } from './view.js';
import { chart, drawShareBars, figures, heading, notesBlock, pct, perPeriod, plotHeight } from './view-blocks.js';
import { commonNotes, coverageText, hubSummary, scopeBlock, type HubView, type HubViewContext } from './hub-view-common.js';
import type { HistoryRows } from '../hub/queries-history.js';
import { weeklyDownloadsBlocks, weeklyDownloadsOf } from './hub-history-blocks.js';

const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'];

export function rootTable(roots: readonly RootRow[], title: string) {
  return {
    kind: 'table' as const,
    title,
    columns: [
      { title: '#', numeric: true }, { title: 'Root', flex: true }, { title: 'Created' }, { title: 'Descendants', numeric: true },
      ...RELATIONS.map((r) => ({ title: r, numeric: true })),
    ],
    rows: roots.map((r, i) => [i + 1, `${r.id}${r.virtual ? ' (virtual)' : ''}`, r.day ?? '–', r.descendants, ...RELATIONS.map((k) => r.byRelation[k] ?? 0)] as Cell[]),
  };
}

/** Root organisations: the six with most derivatives on their own, the rest `other`. */
export function orgSeriesNames(rows: readonly CategoryRow[], k = 6): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.name, (totals.get(r.name) ?? 0) + r.n);
  return largest([...totals].map(([name, n]) => ({ name, n })), k);
}

/** H4 as a view. */
export function hubBaseModelsView(context: HubViewContext, roots: RootRow[], orgRows: CategoryRow[]): HubView {
  const period = context.options.period;
  const names = orgSeriesNames(orgRows);
  const counts = categorySeries(orgRows, period, names);
  const shares = { ...counts, series: sharesOf(counts) };
  const virtualRoots = roots.filter((r) => r.virtual).length;
  return {
    id: 'base-models',
    title: 'Hub: whose releases the community builds on',
    summary: hubSummary(context, [coverageText('a parent known', context.counts.withParents, context.counts.inScope)]),
    blocks: [
      scopeBlock(context),
      heading('Top roots by descendants, through any parent edge [§6 H4, Fig. 6 Hub-wide]'),
      rootTable(roots, `Top ${roots.length} roots (a merge counts once in each family it reaches)`),
      heading(`New derivatives ${perPeriod(period)} by root organisation (the root: first parent up to a model with none)`),
      chart(undefined, (o) => drawShareBars(counts, shares, o, 'share of new derivatives')),
      notesBlock([...commonNotes(context), ...(virtualRoots > 0 ? [{ count: virtualRoots, text: 'of these roots are virtual (a parent not in the snapshot: deleted or private)' }] : [])]),
    ],
    data: { scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, roots, orgCounts: counts, orgShares: shares },
    csv: { columns: ['rank', 'root', 'created', 'descendants', ...RELATIONS], rows: roots.map((r, i) => [i + 1, r.id, r.day ?? '', r.descendants, ...RELATIONS.map((k) => r.byRelation[k] ?? 0)]) },
  };
}

/** Root organisations per year (the overview's table): rows year × org share. */
export function orgYearTable(orgRows: readonly CategoryRow[]) {
  const names = orgSeriesNames(orgRows);
  const ys = yearSeries(orgRows, names);
  const shares = sharesOf(ys);
  return {
    keys: ys.keys,
    series: ys.series,
    shares,
    block: {
      kind: 'table' as const,
      title: 'New derivatives per year by root organisation (share of the year)',
      columns: [{ title: 'Year' }, ...ys.series.map((s) => ({ title: s.name, align: 'right' as const })), { title: 'Derivatives', numeric: true }],
      rows: ys.keys.map((k, i) => [k, ...shares.map((s) => pct(s.values[i], 1)), ys.series.reduce((t, s) => t + (s.values[i] ?? 0), 0)] as Cell[]),
    },
  };
}

/** H5 as a view. */
export function hubAdoptionView(context: HubViewContext, rows: AdoptionRows[], history: HistoryRows | null = null): HubView {
  const uptakes = rows.map(uptakeOf);
  return {
    id: 'adoption',
    title: 'Hub: how fast the community takes up a release',
    summary: hubSummary(context, [`${uptakes.length} roots`]),
    blocks: [
      scopeBlock(context),
      heading('Uptake of each root: derivatives by day since its creation [§6 H5, Fig. 12 Hub-wide]'),
      {
        kind: 'table',
        columns: [{ title: 'Root', flex: true }, { title: 'Created' }, { title: 'Derivatives', numeric: true }, { title: 'Day of 100th', numeric: true }, { title: 'Day of 1,000th', numeric: true }, { title: 'First 30 days / first year', align: 'right' }],
        rows: uptakes.map((u) => [u.id, u.day ?? '–', u.total, u.day100 ?? '–', u.day1000 ?? '–', pct(u.first30Share)]),
      },
      chart('cumulative derivatives by days since the root’s creation', (o) =>
        uptakes.length === 0
          ? ['(no roots)']
          : renderLinePlot(uptakes.map((u) => ({ name: u.id, points: u.cumulative.map((p) => ({ x: p.offset, y: p.total })), step: true })), {
              ...o, height: plotHeight(o), xType: 'number', xMin: 0, yMin: 0, xLabel: 'days since creation', yLabel: 'derivatives',
            }),
      ),
      ...weeklyDownloadsBlocks(history),
      notesBlock([
        ...uptakes.flatMap((u) => [
          ...(u.before > 0 ? [{ count: u.before, text: `derivatives of ${u.id} dated before it (left out)` }] : []),
          ...(u.undated > 0 ? [{ count: u.undated, text: `derivatives of ${u.id} without a date (left out)` }] : []),
        ]),
      ]),
    ],
    data: { scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, roots: uptakes, weeklyDownloads: history ? { ...weeklyDownloadsOf(history), history: history.manifest } : null },
    csv: { columns: ['root', 'created', 'derivatives', 'day_100', 'day_1000', 'first30_share'], rows: uptakes.map((u) => [u.id, u.day ?? '', u.total, u.day100 ?? '', u.day1000 ?? '', u.first30Share ?? '']) },
  };
}

/** H6 as a view. */
export function hubSizesView(context: HubViewContext, rows: SizeRows): HubView {
  const s = sizesOf(rows, SIZE_BINS);
  return {
    id: 'sizes',
    title: 'Hub: size',
    summary: hubSummary(context, [coverageText('params known', s.known, s.total)]),
    blocks: [
      scopeBlock(context),
      heading('Params of models with known params [§6 H6, Fig. 8 Hub-wide]'),
      figures([
        { label: 'params known (safetensors.total, else gguf.total, else a size in the name)', value: `${formatInteger(s.known)} of ${formatInteger(s.total)} (${pct(s.coverage)})` },
        ...Object.entries(s.byMethod).map(([method, n]) => ({ label: `  … from ${method}`, value: formatInteger(n) })),
        { label: 'share under 20 B (of known)', value: pct(s.under20Share) },
        { label: 'downloads share of models ≤ 15 B (of downloads with known params)', value: pct(s.downloadsAtMost15Share) },
      ]),
      chart('models by params', (o) => renderBars(s.bins.map((b) => ({ label: b.label, value: b.n })), o)),
      {
        kind: 'table',
        title: 'Per relation',
        columns: [{ title: 'Relation', flex: true }, { title: 'Models', numeric: true }, { title: 'Params known', align: 'right' }, { title: 'Under 20 B', align: 'right' }, { title: 'Median' }],
        rows: s.perRelation.map((r) => [r.relation, r.total, pct(r.coverage), pct(r.under20Share), formatParams(r.median)]),
      },
      notesBlock(commonNotes(context, false)),
    ],
    data: { scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, ...s },
    csv: { columns: ['bin', 'models', 'share'], rows: s.bins.map((b) => [b.label, b.n, b.share]) },
  };
}

/** A leaderboard's score of a model (analyses.md §6 "Lineage view": where the model is on a
 *  leaderboard, its score): the average and which leaderboard (e.g. "v1", "v2"). */
export interface LeaderboardScore {
  score: number;
  generation: string;
}

/** Scores by lower-case repo id: the leaderboard caches' rows, joined by id (optional). */
export type LeaderboardScores = ReadonlyMap<string, LeaderboardScore>;

const scoreOf = (scores: LeaderboardScores | undefined, n: NodeRow): LeaderboardScore | null => scores?.get(n.id.toLowerCase()) ?? null;

const nodeCells = (n: NodeRow, scores?: LeaderboardScores): Cell[] => {
  const cells: Cell[] = [
    `${n.id}${n.virtual ? ' (virtual)' : ''}`, n.relation ?? '–', n.atFloor ? '≤ 2022-03-02' : n.day ?? '–', n.downloads ?? '–', formatParams(n.params), n.children,
  ];
  if (scores) {
    const s = scoreOf(scores, n);
    cells.push(s ? `${formatScore(s.score)} (${s.generation})` : '–');
  }
  return cells;
};
const nodeColumns = (scores?: LeaderboardScores) => [
  { title: 'Model', flex: true }, { title: 'Relation' }, { title: 'Created' }, { title: 'Downloads', numeric: true }, { title: 'Params' }, { title: 'Children', numeric: true },
  ...(scores ? [{ title: 'Score', align: 'right' as const }] : []),
];

/** The lineage view of one model: chain up to its root, tree down with counts per relation. */
export function hubLineageView(context: HubViewContext, base: string, rows: LineageRows, scores?: LeaderboardScores): HubView {
  const NODE_COLUMNS = nodeColumns(scores);
  const cells = (n: NodeRow) => nodeCells(n, scores);
  const node = rows.node;
  if (!node) {
    return {
      id: 'lineage', title: `Hub: lineage of ${base}`, summary: hubSummary(context),
      blocks: [scopeBlock(context), { kind: 'paragraph', text: `${base} is not in the snapshot, and no model names it as a parent.` }],
      data: { base, found: false }, csv: { columns: [], rows: [] },
    };
  }
  return {
    id: 'lineage',
    title: `Hub: lineage of ${node.id}`,
    summary: hubSummary(context, [`${formatInteger(rows.descendants)} descendants`]),
    blocks: [
      scopeBlock(context),
      {
        kind: 'table',
        title: node.virtual
          ? 'The model (virtual: named as a parent, not in the snapshot)'
          : node.inScope === false && context.options.scope === 'llm'
            ? 'The model (not a language model itself, nor its root: outside the scope; its descendants below are those in scope)'
            : 'The model',
        columns: NODE_COLUMNS,
        rows: [cells(node)],
      },
      ...(rows.parents.length > 0 ? [{ kind: 'table' as const, title: `Parents (${rows.parents.length})`, columns: NODE_COLUMNS, rows: rows.parents.map(cells) }] : []),
      { kind: 'table', title: `Chain up to the root (first parents)${rows.cycle ? ' — a cycle: broken at the first repeated model' : ''}`, columns: [{ title: 'Depth', numeric: true }, ...NODE_COLUMNS], rows: rows.chain.map((n, i) => [i, ...cells(n)]) },
      heading(`Tree down: ${formatInteger(rows.descendants)} descendants in scope through any parent edge`),
      figures(RELATIONS.map((r) => ({ label: r, value: formatInteger(rows.byRelation[r] ?? 0) }))),
      { kind: 'table', title: `Children by downloads (${rows.children.length} of ${formatInteger(rows.childCount)})`, columns: NODE_COLUMNS, rows: rows.children.map(cells) },
      notesBlock(rows.cycle ? [{ count: 1, text: 'cycle in the first-parent chain' }] : []),
    ],
    data: {
      scope: context.options.scope, snapshot: context.manifest.snapshotDay, sha: context.manifest.sha, ...rows,
      ...(scores ? { scores: Object.fromEntries([node, ...rows.parents, ...rows.chain, ...rows.children].flatMap((n) => { const s = scoreOf(scores, n); return s ? [[n.id, s]] : []; })) } : {}),
    },
    csv: {
      columns: ['model', 'relation', 'created', 'downloads', 'params', 'children', ...(scores ? ['score', 'leaderboard'] : [])],
      rows: rows.children.map((n) => [n.id, n.relation ?? '', n.day ?? '', n.downloads ?? '', n.params ?? '', n.children, ...(scores ? [scoreOf(scores, n)?.score ?? '', scoreOf(scores, n)?.generation ?? ''] : [])]),
    },
  };
}

