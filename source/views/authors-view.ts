// The Authors view: analyses.md §1 "Community growth and author concentration" [Fig. 1, 2, 3].
// The concentration headline (N, top-10 and top-200 shares of author–repository pairs, Gini,
// Price's law) with the paper's figures beside it, repositories per author (buckets and the
// top authors), authors over time, and authors per repository. Every figure comes from commit
// histories (§0 "Authors of a repository"): each is marked when they are not all there, and
// with none at all the view says why it is empty and offers the namespace-owner stand-in
// (options.authors 'namespace': `print authors --authors namespace`, `o` on the screen).
// Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { authorsAnalysis, type AuthorsResult } from '../analysis/authors.js';
import { coverageOf, type PartCoverage } from '../analysis/coverage.js';
import { selectModels } from '../analysis/select.js';
import { marked } from './coverage-text.js';
import { renderBars } from '../render/bars.js';
import { formatDecimal, formatInteger } from '../render/format-number.js';
import type { View, ViewOptions } from './view.js';
import { chart, drawSeriesPlot, figures, heading, notesBlock, pct, perPeriod, selectionSummary, type FigureRow } from './view-blocks.js';
import { paper } from './paper-figures.js';
import { HUBSCOPE } from '../text/command.js';

/** §1 concentration headline rows (shared with the overview); `histories` marks every value
 *  when the commit histories are not all there. */
export function concentrationRows(result: AuthorsResult, histories?: PartCoverage): FigureRow[] {
  const rows = headlineRows(result);
  return histories ? rows.map((r) => ({ ...r, value: marked(r.value, [histories]) })) : rows;
}

function headlineRows(result: AuthorsResult): FigureRow[] {
  const c = result.concentration;
  const top = (k: number) => c.top.find((t) => t.k === k);
  const rows: FigureRow[] = [{ label: 'authors (N)', value: formatInteger(c.authors), paper: paper('authors') }];
  const top10 = top(10);
  const top200 = top(200);
  if (top10) rows.push({ label: 'top 10 authors’ share of author–repo pairs', value: pct(top10.share), paper: paper('top10Share') });
  if (top200) rows.push({ label: 'top 200 authors’ share of author–repo pairs', value: pct(top200.share), paper: paper('top200Share') });
  rows.push({ label: 'Gini coefficient of repositories per author', value: c.gini === null ? '–' : formatDecimal(c.gini, 3) });
  rows.push({
    label: c.price ? `Price’s law: top √N = ${c.price.k} authors’ share` : 'Price’s law: top √N authors’ share',
    value: pct(c.price?.share ?? null),
    paper: paper('price'),
  });
  rows.push({ label: 'single-author repositories', value: pct(result.authorsPerRepo.singleAuthorShare) });
  return rows;
}

/** Repositories by number of authors: 1 to 9 one bar each, then one "10+" bar. */
export function authorCountBars(counts: ReadonlyArray<{ authors: number; repos: number }>): Array<{ label: string; value: number }> {
  const bars = counts.filter((c) => c.authors < 10).map((c) => ({ label: `${c.authors} author${c.authors === 1 ? '' : 's'}`, value: c.repos }));
  const tail = counts.filter((c) => c.authors >= 10).reduce((sum, c) => sum + c.repos, 0);
  return counts.some((c) => c.authors >= 10) ? [...bars, { label: '10+ authors', value: tail }] : bars;
}

/** Why the view is empty, and the stand-in it offers (no author at all, from histories). */
function emptyText(dataset: Dataset, result: AuthorsResult, histories: PartCoverage): string {
  const id = dataset.source.dataset ?? 'this dataset';
  const r = result.repos;
  const why =
    histories.have === 0
      ? `None of the ${formatInteger(r.inView)} repositories in view has a commit history in the cache`
      : `The ${formatInteger(histories.have)} repositories in view with a commit history name no author besides system accounts and bots`;
  const next = dataset.fetching
    ? 'A fetch is running: they fill in as it goes.'
    : histories.completed
      ? 'The Hub gave none for them (gone, gated or private).'
      : `Their commit histories were never fetched for ${id}: ${HUBSCOPE} fetch --dataset ${id} --only commits.`;
  return (
    `No authors yet. ${why}, and authors come from commit histories (analyses.md §0): a repository ` +
    `without one adds no authors, as in the paper. ${next} Or let each repository's namespace owner stand in ` +
    `as its one author: ${HUBSCOPE} print authors --authors namespace (o on the Authors screen).`
  );
}

/** analyses.md §1 [Fig. 1, 2, 3] as a view. */
export function authorsView(dataset: Dataset, options: ViewOptions): View {
  const namespace = options.authors === 'namespace';
  const result = authorsAnalysis(dataset, { includeFlagged: options.includeFlagged, period: options.period, topAuthors: options.top, ownerFallback: namespace });
  const histories = coverageOf(dataset, selectModels(dataset, { includeFlagged: options.includeFlagged }).models).histories;
  const mark = (value: string): string => marked(value, [histories]);
  const c = result.concentration;
  const r = result.repos;
  const top = result.reposPerAuthor.top;
  const topRows = top.map((a, i) => [i + 1, a.author, a.repos, pct(a.share, 2), a.firstSeen]);
  const perRepo = result.authorsPerRepo;
  const overTime = result.overTime;
  const cumulative = overTime.series.find((s) => s.name === 'cumulative')!;
  const fresh = overTime.series.find((s) => s.name === 'new')!;
  const standIns = namespace ? [`namespace owners stand in for ${formatInteger(r.ownerStandIns)} repos`] : [];
  const empty = c.authors === 0 && r.inView > 0 && !namespace;
  return {
    id: 'authors',
    title: 'Authors',
    summary: [`${formatInteger(c.authors)} authors`, `${formatInteger(r.withAuthors)} of ${formatInteger(r.inView)} repos with authors`, ...standIns, ...selectionSummary(options, { period: true, top: true })].join(' · '),
    blocks: [
      heading('Author concentration [§1]'),
      ...(empty ? [{ kind: 'paragraph' as const, text: emptyText(dataset, result, histories) }] : []),
      figures([
        ...concentrationRows(result, histories),
        { label: 'author–repository pairs', value: mark(formatInteger(c.pairs)) },
        { label: 'repositories with authors / in view', value: mark(`${formatInteger(r.withAuthors)} / ${formatInteger(r.inView)}`) },
        ...(namespace ? [{ label: 'repositories whose namespace owner stands in (no history)', value: formatInteger(r.ownerStandIns) }] : []),
      ]),
      heading(mark(`Repositories per author [Fig. 2] — max ${formatInteger(result.reposPerAuthor.max)}, mean ${formatDecimal(result.reposPerAuthor.mean, 2)}`)),
      chart('authors by number of repositories', (o) =>
        renderBars(result.reposPerAuthor.buckets.map((b) => ({ label: `${b.label} repo${b.label === '1' ? '' : 's'}`, value: b.count })), o),
      ),
      {
        kind: 'table',
        title: `Top ${top.length} authors`,
        columns: [
          { title: '#', numeric: true },
          { title: 'Author', flex: true },
          { title: 'Repos', numeric: true },
          { title: 'Share', align: 'right' },
          { title: 'First seen' },
        ],
        rows: topRows,
        // Enter on an author: the repositories credited to them (§0 "Authors of a repository")
        drill: top.map((a) => ({ where: { column: 'repo', match: { kind: 'author' as const, name: a.author, owners: namespace }, label: `author ${a.author}` } })),
      },
      heading(mark(`Authors over time [Fig. 1] — ${perPeriod(options.period)}`)),
      chart('running total of authors (first appearance: earliest first commit)', (o) =>
        drawSeriesPlot({ ...overTime, series: [cumulative] }, o, { yLabel: 'authors (running total)', names: ['authors'] }),
      ),
      chart(`new authors ${perPeriod(options.period)}`, (o) =>
        drawSeriesPlot({ ...overTime, series: [fresh] }, o, { yLabel: 'new authors', names: ['new authors'] }),
      ),
      heading(mark(`Authors per repository [Fig. 3] — mean ${formatDecimal(perRepo.mean, 2)}, single-author ${pct(perRepo.singleAuthorShare)}`)),
      chart('repositories by number of authors', (o) =>
        renderBars(authorCountBars(perRepo.counts), o),
      ),
      notesBlock(result.notes),
    ],
    data: result,
    csv: { columns: ['rank', 'author', 'repos', 'share', 'first_seen'], rows: top.map((a, i) => [i + 1, a.author, a.repos, a.share, a.firstSeen]) },
  };
}
