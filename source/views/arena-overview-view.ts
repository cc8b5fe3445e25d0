// The overview of an LMArena dataset: where the table comes from (dataset, config, split,
// category, revision, how it was read, when), how much it holds, the licence classes with
// every spelling and what the table made of it (unknown ones marked, analyses.md §7), and the
// frontier's headline as the answer to the paper's title question. Pure: the clock only
// through options.now.
import type { ArenaDataset } from '../data/arena-dataset.js';
import { LICENCE_CLASSES } from '../data/licence-class.js';
import { frontier, type FrontierResult } from '../analysis/frontier.js';
import { formatInteger } from '../render/format-number.js';
import type { Block, Cell, View, ViewOptions } from './view.js';
import { figures, heading, notesBlock, pct, type FigureRow } from './view-blocks.js';
import { ageText } from './overview-view.js';
import { frontierHeadline } from './frontier-text.js';
import { frontierRows } from './frontier-view.js';
import { arenaSummary } from './arena-summary.js';
import { HUBSCOPE } from '../text/command.js';

const PATHS: Record<string, string> = {
  parquet: 'dataset viewer, parquet copy',
  rows: 'dataset viewer, /rows pages',
  file: 'a file',
};

function dataRows(dataset: ArenaDataset, result: FrontierResult, options: ViewOptions): FigureRow[] {
  const s = dataset.source;
  const age = ageText(s.fetchedAt, options.now);
  return [
    { label: 'source', value: `${s.dataset}${s.path ? ` (${PATHS[s.path]})` : ''}` },
    { label: 'config / split / category', value: `${s.config} / ${s.split} / ${s.category}` },
    { label: 'revision', value: s.revision ? s.revision.slice(0, 12) : 'unknown' },
    { label: 'fetched', value: s.fetchedAt ? `${s.fetchedAt.slice(0, 16).replace('T', ' ')} UTC${age ? ` (${age})` : ''}` : 'never' },
    { label: 'publication dates', value: result.firstDate ? `${formatInteger(result.counts.dates)} (${result.firstDate} → ${result.lastDate})` : '0' },
    { label: 'rows (one model on one date)', value: formatInteger(result.counts.rows) },
    { label: 'rows that could not be read', value: formatInteger(s.rowProblems) },
    { label: 'models (names compared case-insensitively)', value: formatInteger(result.counts.models) },
    { label: 'organisations', value: formatInteger(result.counts.organisations) },
  ];
}

function classRows(result: FrontierResult): FigureRow[] {
  const models = result.firstSeen.length;
  return LICENCE_CLASSES.map((c) => {
    const n = result.firstSeen.filter((m) => m.licenceClass === c).length;
    return { label: `models ${c}${c === 'open, restricted' && result.unknownLicences.length > 0 ? ' (unknown spellings included)' : ''}`, value: `${formatInteger(n)} (${pct(models > 0 ? n / models : null)})` };
  });
}

function licenceTable(result: FrontierResult): Block {
  return {
    kind: 'table',
    title: `Licence spellings (${formatInteger(result.licences.length)}) and their class`,
    columns: [{ title: 'Licence as written', flex: true }, { title: 'Class' }, { title: 'Rows', numeric: true }, { title: 'Models', numeric: true }],
    rows: result.licences.map((l): Cell[] => [l.licence ?? '(empty)', l.known ? l.licenceClass : `${l.licenceClass} (unknown spelling)`, l.rows, l.models]),
  };
}

/** The overview of one arena dataset. */
export function arenaOverviewView(dataset: ArenaDataset, options: ViewOptions): View {
  const result = frontier(dataset);
  const blocks: Block[] = [heading('Data'), figures(dataRows(dataset, result, options))];
  if (result.counts.rows === 0) {
    blocks.push({
      kind: 'paragraph',
      text: `No rows of category "${dataset.source.category}" yet: ${HUBSCOPE} fetch --dataset ${dataset.source.dataset} reads the table from the dataset viewer.`,
    });
  } else {
    blocks.push(
      heading('Is open source the future of AI? How far the best open model trails [§7]'),
      { kind: 'paragraph', text: frontierHeadline(result) },
      figures(frontierRows(result)),
      { kind: 'paragraph', text: `${HUBSCOPE} print frontier --dataset ${dataset.source.dataset} shows the frontier over time: both curves, the gap, the lag, the top-k share and the table per date.` },
      heading('Licence classes [§7] — by the licence at each model’s first appearance'),
      figures(classRows(result)),
      licenceTable(result),
    );
    if (result.unknownLicences.length > 0) {
      blocks.push({ kind: 'paragraph', text: `Spellings the licence table does not know (counted as open, restricted): ${result.unknownLicences.map((l) => `"${l}"`).join(', ')}.` });
    }
  }
  blocks.push(notesBlock(result.notes));
  return {
    id: 'overview',
    title: 'Overview',
    summary: arenaSummary(dataset, result),
    blocks,
    data: {
      source: { ...dataset.source, age: ageText(dataset.source.fetchedAt, options.now) },
      counts: result.counts,
      headline: frontierHeadline(result),
      medianLag: result.medianLag,
      notYetMatched: result.notYetMatched,
      licences: result.licences,
      unknownLicences: result.unknownLicences,
      notes: result.notes,
    },
    csv: { columns: ['licence', 'class', 'known', 'rows', 'models'], rows: result.licences.map((l) => [l.licence ?? '', l.licenceClass, l.known ? 'true' : 'false', l.rows, l.models]) },
  };
}
