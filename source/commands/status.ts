// `hubscope status`: what the cache holds, how fresh it is, what is missing and what failed
// (cache/report.ts). Text by default, --format json for scripts. Exit 0; 1 when the cache
// cannot be read (corrupt or newer: the one-line DataError).
import { CacheStore, cacheDir } from '../cache/store.js';
import { DEFAULT_TTL_DAYS } from '../cache/freshness.js';
import { buildReport, type CacheReport, type ItemsReport } from '../cache/report.js';
import { fmt } from '../fetch/progress-view.js';
import { UsageError, numberOption, parse } from './args.js';
import { safeJson, safeLines, safeValue } from '../text/safe-output.js';

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

const when = (iso: string | null, age: number | null): string =>
  iso === null ? 'never' : `${iso.slice(0, 16).replace('T', ' ')} UTC (${ago(age)})`;

function itemsLine(label: string, r: ItemsReport): string {
  const counts = `ok ${fmt(r.ok)}  gone ${fmt(r.gone)}  error ${fmt(r.error)}  missing ${fmt(r.missing)}  stale ${fmt(r.stale)}`;
  return `${label.padEnd(13)}${counts}\n${' '.repeat(13)}last complete pass ${when(r.completedAt, r.ageSeconds)}`;
}

export function renderStatus(report: CacheReport): string {
  if (report.empty) {
    return `The cache at ${report.dir} is empty: run hubscope fetch (or hubscope import FILE).\n`;
  }
  const lb = report.leaderboard;
  const pad = ' '.repeat(13);
  const source = lb.origin?.startsWith('file:') ? `imported from ${lb.origin.slice(5)}` : `${lb.dataset ?? '?'} from the dataset viewer`;
  const revision = lb.revision ? ` @ ${lb.revision.slice(0, 12)}` : '';
  const lines = [`cache        ${report.dir} (written by ${report.writtenBy})`];
  if (lb.entries === 0 && lb.total === 0) lines.push('leaderboard  none yet');
  else {
    lines.push(`leaderboard  ${lb.generation ?? '?'} table, ${source}${revision}`);
    lines.push(
      lb.complete
        ? `${pad}fetched ${when(lb.fetchedAt, lb.ageSeconds)}${lb.ageSeconds !== null && lb.ageSeconds > report.ttlDays * 86400 ? ', stale' : ''}`
        : `${pad}incomplete: ${fmt(lb.read)} of ${fmt(lb.total)} rows read (hubscope fetch resumes)`,
    );
    lines.push(`${pad}${fmt(lb.entries)} entries, ${fmt(lb.distinctRepos)} distinct repos, ${fmt(lb.flagged)} flagged, ${fmt(lb.problems)} row problems`);
    for (const p of lb.firstProblems) lines.push(`${pad}  row ${p.index}: ${p.reason}`);
  }
  lines.push(itemsLine('model info', report.info));
  lines.push(itemsLine('commits', report.commits));
  if (report.errors.length === 0) lines.push('errors       none');
  else {
    lines.push(`errors       first ${report.errors.length} (retried by the next hubscope fetch):`);
    for (const e of report.errors) lines.push(`${pad}${e.stage} ${e.key}: ${e.message}`);
  }
  lines.push(`${pad}stale = older than ${report.ttlDays} days (--ttl)`);
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { format: { type: 'string' }, ttl: { type: 'string' } });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, got "${format}"`);
  const ttlDays = numberOption(values.ttl, 'ttl', DEFAULT_TTL_DAYS);
  if (ttlDays < 0) throw new UsageError(`--ttl must be a number of days ≥ 0, got "${values.ttl}"`);
  const store = await CacheStore.open(cacheDir(values.cache));
  // every string made safe on the way out, whatever the cache holds (a revision or a file
  // name with escape sequences, an error text with a token, a cache written before a fix)
  const report = buildReport(store, ttlDays);
  process.stdout.write(format === 'json' ? `${safeJson(report, 2)}\n` : safeLines(renderStatus(safeValue(report))));
  return 0;
}
