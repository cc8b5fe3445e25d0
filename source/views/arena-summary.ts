// How the arena views name their data: the one-line summary ("lmarena-ai/leaderboard-dataset
// text/full · overall · 91 dates 2024-07-07 → 2025-08-04 · 285 models") and the header source
// the text and Markdown writers put above a view (write-markdown.ts sourceLine). Pure.
import type { ArenaDataset } from '../data/arena-dataset.js';
import type { FrontierResult } from '../analysis/frontier.js';
import { formatInteger } from '../render/format-number.js';
import type { SourceLabel } from './source-label.js';

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

/** The label the writers print above an arena view: dataset, table, revision, fetch time. */
export function arenaHeader(dataset: ArenaDataset): SourceLabel {
  const s = dataset.source;
  return {
    dataset: s.dataset,
    kind: 'arena',
    generation: arenaTable(dataset),
    origin: s.path === 'file' ? 'file' : 'viewer',
    revision: s.revision,
    fetchedAt: s.fetchedAt,
  };
}
