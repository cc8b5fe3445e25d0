// The Overview view: where the data comes from (dataset or file, generation, revision, fetch
// times and their age from the injected clock), how many entries and repositories, what is
// missing (Hub info, commit histories, dates, the Hub's date floor, row problems), then the
// headline figures of every section of analyses.md with the paper's figure beside each
// (overview-sections.ts). Pure: no IO, and the clock only through options.now.
import type { Dataset } from '../data/model.js';
import { ARENA_DATASET } from '../data/arena-dataset.js';
import { selectEntries, selectModels, selectionNotes } from '../analysis/select.js';
import { formatInteger } from '../render/format-number.js';
import type { Note } from '../analysis/result.js';
import type { Block, View, ViewOptions } from './view.js';
import { figures, heading, notesBlock, pct, selectionSummary, type FigureRow } from './view-blocks.js';
import { sectionFigures, type SectionFigures } from './overview-sections.js';
import { paperApplies } from './paper-figures.js';
import { LOW_COVERAGE, coverageOf, incomplete, type Coverage, type PartName } from '../analysis/coverage.js';
import { marked } from './coverage-text.js';
import { HUBSCOPE } from '../text/command.js';

/** The parts a section's figure depends on (issue 7 §3), by section and label: §1 on commit
 *  histories; §2's declared base models on Hub info; §3's downloads on Hub info; §4 on dates,
 *  its lineage families on Hub info too. The table itself: every figure. */
function partsOfFigure(section: SectionFigures['id'], label: string): PartName[] {
  switch (section) {
    case 'authors':
      return ['histories'];
    case 'types':
      return /^(models declaring|most-declared)/.test(label) ? ['info'] : [];
    case 'sizes':
      return /download/i.test(label) ? ['info'] : [];
    case 'improvement':
      return /lineage/.test(label) ? ['dates', 'info'] : ['dates'];
  }
}

/** The sections with every figure that depends on a part not all there marked beside its
 *  value ("374 (partial)"). */
function markSections(sections: SectionFigures[], coverage: Coverage): SectionFigures[] {
  return sections.map((section) => ({
    ...section,
    rows: section.rows.map((row) => ({ ...row, value: marked(row.value, incomplete(coverage, partsOfFigure(section.id, row.label))) })),
  }));
}

/** "3 h ago" from an ISO time and the clock; null without either. */
export function ageText(iso: string | null, now: Date | undefined): string | null {
  if (iso === null || now === undefined) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const seconds = Math.max(0, (now.getTime() - at) / 1000);
  if (seconds < 90) return 'just now';
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}

function when(iso: string | null, now: Date | undefined): string {
  if (iso === null) return 'never';
  const age = ageText(iso, now);
  return `${iso.slice(0, 16).replace('T', ' ')} UTC${age ? ` (${age})` : ''}`;
}

function sourceName(dataset: Dataset): string {
  const s = dataset.source;
  if (s.origin?.startsWith('file:')) return `file ${s.origin.slice(5).split('/').pop()}${s.dataset ? ` (as ${s.dataset})` : ''}`;
  if (s.dataset) return `${s.dataset} (dataset viewer)`;
  return s.origin ?? 'empty cache';
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== null) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const byStatusText = (counts: Record<string, number>): string =>
  Object.entries(counts).map(([status, n]) => `${status} ${formatInteger(n)}`).join(', ');

interface DataCounts {
  entries: number;
  repositories: number;
  models: number;
  flagged: number;
  duplicates: number;
}

/** The "Data" figures: where the data comes from, when, and how many. */
function dataRows(dataset: Dataset, counts: DataCounts, options: ViewOptions): FigureRow[] {
  const s = dataset.source;
  const now = options.now;
  return [
    { label: 'source', value: `${sourceName(dataset)}, ${dataset.generation}` },
    { label: 'revision', value: s.revision ? s.revision.replace(/^sha256:/, '').slice(0, 12) : 'unknown' },
    { label: 'leaderboard fetched', value: when(s.leaderboardFetchedAt, now) },
    { label: 'Hub info, last complete pass', value: when(s.infoFetchedAt, now) },
    { label: 'commit histories, last complete pass', value: when(s.commitsFetchedAt, now) },
    { label: 'entries / distinct repositories', value: `${formatInteger(counts.entries)} / ${formatInteger(counts.repositories)}` },
    { label: 'flagged repositories left out', value: options.includeFlagged ? 'none (flagged included)' : formatInteger(counts.flagged) },
    { label: 'duplicate entries merged', value: formatInteger(counts.duplicates) },
    { label: 'models in view (one per repository)', value: formatInteger(counts.models) },
  ];
}

/**
 * The explorer's first frame: the table is read, Hub info and commits are on their way. Only
 * the selection's counts (no join with Hub info, which is not there yet): this frame is drawn
 * before anything else, so it does no more than it shows.
 */
function partialOverview(dataset: Dataset, options: ViewOptions): View {
  const { entries, excluded } = selectEntries(dataset.entries, { includeFlagged: options.includeFlagged });
  const counts = { entries: dataset.entries.length, repositories: new Set(dataset.entries.map((e) => e.key)).size, models: entries.length, ...excluded };
  return {
    id: 'overview',
    title: 'Overview',
    summary: [`${formatInteger(counts.models)} models`, `${formatInteger(counts.entries)} entries`, 'reading the cache…'].join(' · '),
    blocks: [heading('Data'), figures(dataRows(dataset, counts, options)), { kind: 'paragraph', text: 'Reading Hub info and commit histories from the cache…' }],
    data: { source: dataset.source, counts, partial: true },
  };
}

/** The line pointing to analyses.md §7: a leaderboard rates open models only, so the paper's
 *  title question is answered from LMArena's history — its headline when the cache holds it. */
export function frontierPointerText(dataset: Dataset): string {
  const pointer = dataset.frontier ?? null;
  const id = pointer?.dataset ?? ARENA_DATASET;
  const command = `${HUBSCOPE} print frontier --dataset ${id}`;
  if (pointer?.headline) return `${pointer.headline} From ${id}: ${command} shows it over time.`;
  const fetch = pointer === null ? `${HUBSCOPE} fetch --dataset ${id}, then ` : `${id} holds no rows yet: ${HUBSCOPE} fetch --dataset ${id}, then `;
  return `The leaderboard rates open models only. How far the best open model trails the best proprietary one is measured on LMArena, which rates both on one scale: ${fetch}${command}.`;
}

/** analyses.md, every section's headline, as the explorer's first screen. */
export function overviewView(dataset: Dataset, options: ViewOptions): View {
  if (dataset.partial && dataset.entries.length > 0) return partialOverview(dataset, options);
  const { models, excluded } = selectModels(dataset, { includeFlagged: options.includeFlagged });
  const s = dataset.source;
  const now = options.now;
  const repos = new Set(dataset.entries.map((e) => e.key)).size;
  const noInfo = models.filter((m) => m.info === null);
  const noHistory = models.filter((m) => m.activity === null);
  const missing = {
    models: models.length,
    withoutHubInfo: noInfo.length,
    withoutHubInfoByStatus: countBy(noInfo, (m) => dataset.infoStatus.get(m.entry.key)?.status ?? 'not fetched'),
    withoutHistory: noHistory.length,
    withoutHistoryByStatus: countBy(noHistory, (m) => dataset.activityStatus.get(m.entry.key)?.status ?? 'not fetched'),
    withoutDate: models.filter((m) => m.day === null).length,
    dateFloor: models.filter((m) => m.dateFloor).length,
    datedByLeaderboard: models.filter((m) => m.dateSource === 'leaderboard').length,
    unknownParams: models.filter((m) => m.entry.params === null).length,
    withoutScore: models.filter((m) => m.entry.score === null).length,
    rowProblems: dataset.source.rowProblems ?? null,
  };
  const counts = { entries: dataset.entries.length, repositories: repos, models: models.length, ...excluded };
  const sourceRows = dataRows(dataset, counts, options);
  const share = (n: number) => `${formatInteger(n)} (${pct(models.length > 0 ? n / models.length : null)})`;
  const missingRows: FigureRow[] = [
    { label: 'without Hub info', value: share(missing.withoutHubInfo) },
    { label: 'without commit history', value: share(missing.withoutHistory) },
    { label: 'without a creation date (out of time series)', value: share(missing.withoutDate) },
    { label: 'dated on the Hub’s floor (on or before 2022-03-02)', value: share(missing.dateFloor) },
    { label: 'unknown params', value: share(missing.unknownParams) },
    { label: 'leaderboard rows that could not be read', value: missing.rowProblems === null ? `unknown (see ${HUBSCOPE} status)` : formatInteger(missing.rowProblems) },
  ];
  const notes: Note[] = [...selectionNotes(excluded)];
  if (missing.withoutHubInfo > 0) notes.push({ count: missing.withoutHubInfo, text: `models without Hub info, by fetch status: ${byStatusText(missing.withoutHubInfoByStatus)}` });
  if (missing.withoutHistory > 0) notes.push({ count: missing.withoutHistory, text: `models without commit history, by fetch status: ${byStatusText(missing.withoutHistoryByStatus)}` });
  if (missing.datedByLeaderboard > 0) notes.push({ count: missing.datedByLeaderboard, text: 'models dated by the leaderboard’s Upload To Hub Date (no Hub createdAt)' });
  if (dataset.entries.length === 0) {
    return {
      id: 'overview',
      title: 'Overview',
      summary: 'empty cache',
      blocks: [
        heading('Data'),
        figures(sourceRows),
        heading('The cache is empty'),
        {
          kind: 'paragraph',
          text:
            'Nothing to analyse yet. The explorer fetches the leaderboard, Hub info and commit histories in the ' +
            'background (the status bar shows the progress) and the screens fill in as they arrive. Without a ' +
            `network: ${HUBSCOPE} import FILE loads a leaderboard table from a file.`,
        },
      ],
      data: { source: s, counts: { entries: 0 }, empty: true },
    };
  }
  const coverage = coverageOf(dataset, models);
  const sections = models.length > 0 ? markSections(sectionFigures(dataset, options), coverage) : [];
  const blocks: Block[] = [
    heading('Data'),
    figures(sourceRows),
    heading(`What is missing — of ${formatInteger(models.length)} models in view (a part under ${Math.round(LOW_COVERAGE * 100)} % of them: low coverage)`),
    figures(missingRows),
    notesBlock(notes),
  ];
  for (const section of sections) blocks.push(heading(section.heading), figures(section.rows));
  blocks.push(heading('Is open source catching up? [§7: the paper’s title question, on LMArena]'), { kind: 'paragraph', text: frontierPointerText(dataset) });
  const paper = paperApplies(dataset.generation);
  if (sections.length > 0 && paper) {
    blocks.push({
      kind: 'paragraph',
      text:
        'The paper’s figures come from its own, later scrape of v1 (1,829 authors): expect the same shape with ' +
        'somewhat smaller counts here, not the same numbers.',
    });
  }
  return {
    id: 'overview',
    title: 'Overview',
    summary: [`${formatInteger(models.length)} models`, `${formatInteger(counts.entries)} entries`, ...selectionSummary(options)].join(' · '),
    blocks,
    data: {
      source: { ...s, generation: dataset.generation, ages: now ? { leaderboard: ageText(s.leaderboardFetchedAt, now), info: ageText(s.infoFetchedAt, now), commits: ageText(s.commitsFetchedAt, now) } : null },
      counts,
      missing,
      frontier: { ...(dataset.frontier ?? { dataset: null, headline: null }), command: `${HUBSCOPE} print frontier --dataset ${dataset.frontier?.dataset ?? ARENA_DATASET}` },
      sections: sections.map((x) => ({ id: x.id, heading: x.heading, figures: paper ? x.rows : x.rows.map(({ paper: _p, ...row }) => row), data: x.data })),
      notes,
    },
  };
}
