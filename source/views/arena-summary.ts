// How the arena views name their data: the one-line summary ("lmarena-ai/leaderboard-dataset
// text/full · overall · 91 dates 2024-07-07 → 2025-08-04 · 285 models") and the header source
// the text and Markdown writers put above a view (write-markdown.ts sourceLine). Pure.
import type { ArenaDataset } from '../data/arena-dataset.js';
import type { SourceInfo } from '../data/model.js';
import type { FrontierResult } from '../analysis/frontier.js';
import { formatInteger } from '../render/format-number.js';
import type { HeaderSource } from './write-markdown.js';

/** "text/full, overall": the table and category, where a leaderboard says its generation. */
export const arenaTable = (dataset: ArenaDataset): string => `${dataset.source.config}/${dataset.source.split}, ${dataset.source.category}`;

export function arenaSummary(dataset: ArenaDataset, result: FrontierResult): string {
  const span = result.firstDate && result.lastDate ? ` ${result.firstDate} → ${result.lastDate}` : '';
  return [
    `${dataset.source.dataset} ${dataset.source.config}/${dataset.source.split}`,
    dataset.source.category,
    `${formatInteger(result.counts.dates)} date${result.counts.dates === 1 ? '' : 's'}${span}`,
    `${formatInteger(result.counts.models)} models`,
  ].join(' · ');
}

/** The header the writers print above an arena view: dataset, table, revision, fetch time. */
export function arenaHeader(dataset: ArenaDataset): HeaderSource {
  const s = dataset.source;
  const source: SourceInfo = {
    dataset: s.dataset,
    revision: s.revision,
    origin: s.path === 'file' ? 'file' : 'viewer',
    leaderboardFetchedAt: s.fetchedAt,
    infoFetchedAt: null,
    commitsFetchedAt: null,
    rowProblems: s.rowProblems,
  };
  return { source, generation: arenaTable(dataset) };
}
