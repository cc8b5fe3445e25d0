// What every Hub view shares (analyses.md §6): its id, the one-line summary naming the scope and
// its row count, the snapshot's date and sha, and the coverage; the notes every view carries (the
// creation floor, undated models, missing columns). Pure.
import type { Block, View } from './view.js';
import type { HubManifest } from '../hub/manifest.js';
import type { ScopeCounts } from '../hub/queries-community.js';
import type { HubQueryOptions } from '../hub/query-sql.js';
import type { Note } from '../analysis/result.js';
import { formatInteger } from '../render/format-number.js';
import { pct } from './view-blocks.js';

export const HUB_VIEW_IDS = ['overview', 'authors', 'relations', 'architectures', 'base-models', 'adoption', 'sizes', 'intermediaries', 'lineage'] as const;
export type HubViewId = (typeof HUB_VIEW_IDS)[number];

/** A View of the Hub dataset (the same blocks, data and csv as a leaderboard view). */
export interface HubView extends Omit<View, 'id'> {
  id: HubViewId;
}

/** What every Hub view is built from besides its own query results. */
export interface HubViewContext {
  manifest: HubManifest;
  counts: ScopeCounts;
  options: HubQueryOptions;
}

export function scopeLabel(options: HubQueryOptions): string {
  return options.scope === 'all' ? 'all models' : 'language models (text-generation, text2text-generation, image-text-to-text, and their lineages)';
}

/** "snapshot 2026-09-30 · sha e7998b096e65" (or the imported file). */
export function snapshotLabel(manifest: HubManifest): string {
  const source = manifest.sha ? `sha ${manifest.sha.slice(0, 12)}` : `imported ${manifest.origin.replace(/^file:/, '').split('/').pop()}`;
  return `${manifest.dataset} snapshot ${manifest.snapshotDay ?? '(undated)'} · ${source}`;
}

/** The summary line: scope and rows, snapshot, and the coverage a view depends on. */
export function hubSummary(context: HubViewContext, coverage: string[] = []): string {
  const c = context.counts;
  return [
    `${context.options.scope === 'all' ? 'all models' : 'language models'}: ${formatInteger(c.inScope)} of ${formatInteger(c.rows)}`,
    snapshotLabel(context.manifest),
    ...coverage,
  ].join(' · ');
}

/** "params known for 23.4 % of models" over the models in scope. */
export function coverageText(what: string, n: number, total: number): string {
  return `${what} for ${pct(total > 0 ? n / total : null)} of models`;
}

/** The notes every Hub view carries. */
export function commonNotes(context: HubViewContext, dated = true): Note[] {
  const c = context.counts;
  const notes: Note[] = [];
  if (dated && c.atFloor > 0) notes.push({ count: c.atFloor, text: 'models created on or before 2022-03-02 (the Hub’s creation floor): left out of per-period counts' });
  if (dated && c.undated > 0) notes.push({ count: c.undated, text: 'models without a creation date: left out of per-period counts' });
  return notes;
}

/** The paragraph under a Hub view's title saying what it holds (and which columns the snapshot
 *  lacked: what needs them is unknown). */
export function scopeBlock(context: HubViewContext): Block {
  const missing = context.manifest.columnsMissing;
  const lacking = missing.length > 0 ? ` The snapshot has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: what needs ${missing.length > 1 ? 'them' : 'it'} is unknown.` : '';
  return { kind: 'paragraph', text: `Scope: ${scopeLabel(context.options)}. ${snapshotLabel(context.manifest)}.${lacking}` };
}
