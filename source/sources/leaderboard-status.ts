// `hubscope status` for a leaderboard dataset: its line in the list of datasets (generation,
// rows, freshness, coverage of its repos by the shared Hub facts) and the details of the one
// chosen (cache/report.ts: the table, each stage's counts over its repos, the first errors).
import { buildReport, summariseTable, type CacheReport, type ItemsReport } from '../cache/report.js';
import type { CacheStore } from '../cache/store.js';
import { fmt } from '../fetch/progress-view.js';
import { sanitize } from '../text/sanitize.js';
import type { StatusDetail, StatusSummary } from './source.js';
import { HUBSCOPE } from '../text/command.js';

export function ago(seconds: number | null): string {
  if (seconds === null) return 'never';
  const units: Array<[number, string]> = [[86400, 'day'], [3600, 'hour'], [60, 'minute']];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${name}${n === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}

export const when = (iso: string | null, age: number | null): string =>
  iso === null ? 'never' : `${iso.slice(0, 16).replace('T', ' ')} UTC (${ago(age)})`;

const ageOf = (iso: string | null, now: number): number | null => {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((now - at) / 1000));
};

const share = (n: number, of: number): string => (of === 0 ? '–' : `${Math.floor((n / of) * 100)} %`);

/** The dataset's line in status's list. */
export async function leaderboardSummary(store: CacheStore, id: string, ttlDays: number, now: number): Promise<StatusSummary> {
  const record = store.datasets[id]!;
  const table = await store.tableOf(id);
  const t = table ? summariseTable(table, store) : { entries: 0, total: 0, complete: false, repos: 0, withInfo: 0, withHistory: 0 };
  const age = ageOf(record.fetchedAt, now);
  const fresh = !t.complete
    ? `incomplete: ${fmt(t.entries)} of ${fmt(t.total)} rows`
    : `${record.origin?.startsWith('file:') ? 'imported' : 'fetched'} ${when(record.fetchedAt, age)}${age !== null && age > ttlDays * 86400 ? ', stale' : ''}`;
  const coverage = `Hub info ${share(t.withInfo, t.repos)}, histories ${share(t.withHistory, t.repos)} of ${fmt(t.repos)} repos`;
  return {
    rows: t.entries,
    line: `leaderboard ${record.generation ?? '?'}, ${fmt(t.entries)} entries, ${fresh}; ${coverage}`,
    json: { id, kind: record.kind, generation: record.generation, origin: record.origin, revision: record.revision, fetchedAt: record.fetchedAt, ageSeconds: age, completed: record.completed, ...t },
  };
}

function itemsLine(label: string, r: ItemsReport): string {
  const counts = `ok ${fmt(r.ok)}  gone ${fmt(r.gone)}  error ${fmt(r.error)}  missing ${fmt(r.missing)}  stale ${fmt(r.stale)}`;
  return `${label.padEnd(13)}${counts}\n${' '.repeat(13)}last complete pass ${when(r.completedAt, r.ageSeconds)}`;
}

/** The details of the chosen dataset, as text lines. */
export function renderDetail(report: CacheReport): string[] {
  const lb = report.leaderboard;
  const pad = ' '.repeat(13);
  const source = lb.origin?.startsWith('file:') ? `imported from ${sanitize(lb.origin.slice(5))}` : `${lb.dataset ?? '?'} from the dataset viewer`;
  const revision = lb.revision ? ` @ ${sanitize(lb.revision).slice(0, 12)}` : '';
  const lines: string[] = [];
  if (lb.entries === 0 && lb.total === 0) lines.push('leaderboard  none yet');
  else {
    lines.push(`leaderboard  ${lb.generation ?? '?'} table, ${source}${revision}`);
    lines.push(
      lb.complete
        ? `${pad}fetched ${when(lb.fetchedAt, lb.ageSeconds)}${lb.ageSeconds !== null && lb.ageSeconds > report.ttlDays * 86400 ? ', stale' : ''}`
        : `${pad}incomplete: ${fmt(lb.read)} of ${fmt(lb.total)} rows read (${HUBSCOPE} fetch resumes)`,
    );
    lines.push(`${pad}${fmt(lb.entries)} entries, ${fmt(lb.distinctRepos)} distinct repos, ${fmt(lb.flagged)} flagged, ${fmt(lb.problems)} row problems`);
    for (const p of lb.firstProblems) lines.push(`${pad}  row ${p.index}: ${p.reason}`);
  }
  lines.push(itemsLine('model info', report.info));
  lines.push(itemsLine('commits', report.commits));
  if (report.errors.length === 0) lines.push('errors       none');
  else {
    lines.push(`errors       first ${report.errors.length} (retried by the next ${HUBSCOPE} fetch):`);
    for (const e of report.errors) lines.push(`${pad}${e.stage} ${e.key}: ${e.message}`);
  }
  lines.push(`${pad}stale = older than ${report.ttlDays} days (--ttl)`);
  return lines.join('\n').split('\n');
}

export async function leaderboardStatus(store: CacheStore, ttlDays: number, now: number): Promise<StatusDetail> {
  const report = buildReport(store, ttlDays, now);
  return { lines: renderDetail(report), json: report as unknown as Record<string, unknown> };
}
