// What every header, status bar and JSON output says about where a view's data comes from:
// the dataset (its id, always), its generation, revision and fetch time (analyses.md §0 "One
// dataset at a time": every view names its dataset). Pure.
import type { Dataset } from '../data/model.js';
import { headerLine } from '../render/markdown.js';
import { cellText } from '../render/text-width.js';

export interface SourceLabel {
  /** The dataset's id in the cache (`open-llm-leaderboard-old/contents`, `local/board`). */
  dataset: string;
  /** Its source kind (source/sources): 'leaderboard', … */
  kind: string;
  /** 'v1' or 'v2' for a leaderboard; a kind's own word otherwise; null when not known. */
  generation: string | null;
  /** 'viewer', or 'file:<path>' for an import. */
  origin: string | null;
  revision: string | null;
  fetchedAt: string | null;
}

/** A leaderboard dataset's label. */
export function labelOf(dataset: Dataset): SourceLabel {
  const s = dataset.source;
  return {
    dataset: s.dataset ?? (s.origin?.startsWith('file:') ? s.origin.slice(5).split('/').pop()! : (s.origin ?? 'empty cache')),
    kind: 'leaderboard',
    generation: dataset.generation,
    origin: s.origin,
    revision: s.revision,
    fetchedAt: s.leaderboardFetchedAt,
  };
}

/** A label, from a label or a leaderboard dataset. */
export const asLabel = (from: SourceLabel | Dataset): SourceLabel => ('entries' in from ? labelOf(from) : from);

/** "open-llm-leaderboard-old/contents (v1)": the dataset and its generation. */
export function datasetName(label: SourceLabel): string {
  return label.generation ? `${label.dataset} (${label.generation})` : label.dataset;
}

/** "data: open-llm-leaderboard-old/contents (v1) · rev 791ca1c84103 · fetched 2026-05-01
 *  10:00 UTC" (an import: "· from board.csv"). */
export function sourceLine(label: SourceLabel): string {
  const file = label.origin?.startsWith('file:') ? `from ${label.origin.slice(5).split('/').pop()}` : null;
  // made safe before it is cut: a revision from a server or an old cache may carry escapes
  const clean = label.revision ? cellText(label.revision) : '';
  const revision = clean ? `rev ${clean.replace(/^sha256:/, '').slice(0, 12)}` : null;
  const fetched = label.fetchedAt ? `${file ? 'imported' : 'fetched'} ${label.fetchedAt.slice(0, 16).replace('T', ' ')} UTC` : null;
  return headerLine([`data: ${datasetName(label)}`, file, revision, fetched]);
}
