// `hubscope status` for the Hub snapshot (issue 10 "Store": the manifest says what the store
// holds — dataset, sha, file size, columns read, rows, fetched-at, coverage per field): its line
// in the list of datasets, and the details of the chosen one, from the manifest beside the DuckDB
// file (hub/manifest.ts) and the weekly history's (hub/history.ts). Reads two small JSON files,
// never the store itself.
import { join } from 'node:path';
import type { CacheStore } from '../cache/store.js';
import { DATASETS_DIR } from '../cache/schema.js';
import { fmt, megabytes } from '../fetch/progress-view.js';
import { HISTORY_MANIFEST, MANIFEST_NAME, readJson, readManifest, type HistoryManifest, type HubManifest } from '../hub/manifest.js';
import { SKIPPED_FIELDS } from '../hub/columns.js';
import { sanitize } from '../text/sanitize.js';
import { HUBSCOPE } from '../text/command.js';
import { when } from './leaderboard-status.js';
import type { StatusDetail, StatusSummary } from './source.js';

/** The folder of a held dataset (the chosen one's, or another's from its record). */
export function folderOf(store: CacheStore, id: string): string {
  return id === store.datasetId ? store.datasetDir : join(store.dir, DATASETS_DIR, store.datasets[id]!.dir);
}

const ageOf = (iso: string | null, now: number): number | null => {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((now - at) / 1000));
};

const percent = (share: number | undefined): string => (share === undefined || !Number.isFinite(share) ? '–' : `${(share * 100).toFixed(1)} %`);

/** "sha e7998b096e65" or "imported models.parquet". */
export function originText(m: HubManifest): string {
  return m.sha ? `sha ${sanitize(m.sha).slice(0, 12)}` : `imported from ${sanitize(m.origin.replace(/^file:/, ''))}`;
}

export async function hubSummary(store: CacheStore, id: string, ttlDays: number, now: number): Promise<StatusSummary> {
  const record = store.datasets[id]!;
  const manifest = await readManifest(join(folderOf(store, id), MANIFEST_NAME));
  if (!manifest) {
    return { rows: 0, line: `Hub snapshot, none yet (${HUBSCOPE} fetch --dataset cfahlgren1/hub-stats)`, json: { id, kind: record.kind, rows: 0, manifest: null } };
  }
  const age = ageOf(manifest.fetchedAt, now);
  const stale = age !== null && age > ttlDays * 86400 ? ', stale' : '';
  const fetched = `${manifest.origin.startsWith('file:') ? 'imported' : 'fetched'} ${when(manifest.fetchedAt, age)}${stale}`;
  const c = manifest.coverage;
  return {
    rows: manifest.rows,
    line: `Hub snapshot ${manifest.snapshotDay ?? '(undated)'}, ${fmt(manifest.rows)} models, ${originText(manifest)}, ${fetched}; params ${percent(c.params)}, parents ${percent(c.parents)}`,
    json: { id, kind: record.kind, rows: manifest.rows, snapshotDay: manifest.snapshotDay, sha: manifest.sha, origin: manifest.origin, fetchedAt: manifest.fetchedAt, ageSeconds: age, completed: record.completed, coverage: c },
  };
}

/** The detail lines of the chosen Hub dataset. */
export function hubDetailLines(manifest: HubManifest | null, history: HistoryManifest | null, completed: Record<string, string | null>, now: number): string[] {
  const pad = ' '.repeat(13);
  if (!manifest) return [`snapshot     none yet (${HUBSCOPE} fetch --dataset cfahlgren1/hub-stats, or ${HUBSCOPE} import FILE --dataset cfahlgren1/hub-stats)`];
  const c = manifest.coverage;
  const downloaded = manifest.origin.startsWith('file:')
    ? 'read from the local file'
    : `${megabytes(manifest.bytesDownloaded)} downloaded (${percent(manifest.size > 0 ? manifest.bytesDownloaded / manifest.size : undefined)}: only the columns read)`;
  const lines = [
    `snapshot     ${sanitize(manifest.dataset)}/${sanitize(manifest.file)}, ${originText(manifest)}, day ${manifest.snapshotDay ?? '(undated)'}`,
    `${pad}${manifest.origin.startsWith('file:') ? 'imported' : 'fetched'} ${when(manifest.fetchedAt, ageOf(manifest.fetchedAt, now))}; ingest ${manifest.ingestSeconds.toFixed(1)} s`,
    `${pad}file ${megabytes(manifest.size)}, ${downloaded}`,
    `${pad}${fmt(manifest.rows)} models${manifest.duplicates > 0 ? ` (${fmt(manifest.duplicates)} duplicate ids dropped)` : ''}`,
    `columns      read: ${manifest.columnsRead.join(', ')}`,
    `${pad}missing: ${manifest.columnsMissing.length > 0 ? `${manifest.columnsMissing.join(', ')} (what needs them is unknown)` : 'none'}`,
    `${pad}skipped: ${(manifest.columnsSkipped.length > 0 ? manifest.columnsSkipped : SKIPPED_FIELDS.map((f) => f.path)).join(', ')}`,
    `coverage     created ${percent(c.createdAt)} (after the floor ${percent(c.dated)}), downloads ${percent(c.downloads)}, pipeline ${percent(c.pipeline_tag)}`,
    `${pad}parents ${percent(c.parents)}, params ${percent(c.params)} (safetensors ${percent(c.params_safetensors)}, gguf ${percent(c.params_gguf)}, name ${percent(c.params_name)})`,
    `${pad}licence ${percent(c.license)}, architecture ${percent(c.architecture)}, family ${percent(c.family)}`,
    `lineage      ${fmt(manifest.lineage.edges)} parent edges, ${fmt(manifest.lineage.virtualNodes)} virtual parents, ${fmt(manifest.lineage.cycles)} in cycles, depth ≤ ${fmt(manifest.lineage.maxDepth)}`,
  ];
  if (history) {
    const weeks = history.weeks.map((w) => w.week);
    lines.push(`history      ${sanitize(history.dataset)}: ${weeks.length} weekly snapshots, ${weeks[0] ?? '–'} … ${weeks.at(-1) ?? '–'} (${Math.max(0, weeks.length - 1)} week${weeks.length === 2 ? '' : 's'} of downloads)`);
  } else lines.push(`history      none (${HUBSCOPE} fetch --dataset cfahlgren1/hub-stats --history N)`);
  const stages = Object.entries(completed).filter(([, at]) => at !== null);
  if (stages.length > 0) lines.push(`stages       ${stages.map(([stage, at]) => `${stage} ${at!.slice(0, 16).replace('T', ' ')} UTC`).join(', ')}`);
  return lines;
}

export async function hubStatus(store: CacheStore, _ttlDays: number, now: number): Promise<StatusDetail> {
  const dir = store.datasetDir;
  const manifest = await readManifest(join(dir, MANIFEST_NAME));
  const history = await readJson<HistoryManifest>(join(dir, HISTORY_MANIFEST)).catch(() => null);
  return {
    lines: hubDetailLines(manifest, history, store.record.completed, now),
    json: { kind: store.record.kind, completed: store.record.completed, manifest, history },
  };
}
