// The Overview's detail page: the background fetch (stage, counts, recent errors) and what
// the cache holds per stage (ok / gone / error, with the first error messages).
import type { Dataset, ItemStatus } from '../../data/model.js';
import type { View } from '../../views/view.js';
import type { FetchState } from './fetch-controller.js';
import { fetchSummary } from '../components/StatusBar.js';
import { unreachableLines } from '../../fetch/unreachable-advice.js';

/** Counts over the leaderboard's repos (the cache also holds declared bases that are not rows). */
function counts(statuses: Map<string, ItemStatus>, keys: ReadonlySet<string>): { ok: number; gone: number; error: number } {
  const c = { ok: 0, gone: 0, error: 0 };
  for (const key of keys) {
    const s = statuses.get(key);
    if (s) c[s.status] += 1;
  }
  return c;
}

function firstErrors(statuses: Map<string, ItemStatus>, n: number): string[][] {
  const rows: string[][] = [];
  for (const [key, s] of statuses) {
    if (s.status !== 'error') continue;
    rows.push([key, s.message ?? '']);
    if (rows.length >= n) break;
  }
  return rows;
}

export function fetchDetailsView(dataset: Dataset, fetch: FetchState | undefined): View {
  const keys = new Set(dataset.entries.map((e) => e.key));
  const repos = keys.size;
  const info = counts(dataset.infoStatus, keys);
  const commits = counts(dataset.activityStatus, keys);
  const missing = (done: number): number => Math.max(0, repos - done);
  const stageRows = [
    ['model info', info.ok, info.gone, info.error, missing(info.ok + info.gone + info.error)],
    ['commit histories', commits.ok, commits.gone, commits.error, missing(commits.ok + commits.gone + commits.error)],
  ];
  const errors = [...firstErrors(dataset.infoStatus, 10), ...firstErrors(dataset.activityStatus, 10)];
  const recent = fetch?.messages ?? [];
  return {
    id: 'overview',
    title: 'Fetch and cache details',
    summary: `${repos.toLocaleString('en-US')} repos`,
    blocks: [
      { kind: 'heading', text: 'Background fetch' },
      { kind: 'text', lines: [fetch ? fetchSummary(fetch) || 'no fetch has run in this session' : 'offline: no fetch'] },
      // no connection could be made: what it means and what to do, in full (issue 9 item 10)
      ...(fetch?.unreachable ? [{ kind: 'text' as const, lines: unreachableLines(fetch.unreachable, 80) }] : []),
      // each message whole, wrapped at the width (the status bar shows the last one cut to a line)
      ...(fetch?.unreachable ? [] : recent.slice(-10).map((text) => ({ kind: 'paragraph' as const, text }))),
      { kind: 'heading', text: 'Cache' },
      {
        kind: 'table',
        columns: [{ title: 'stage' }, { title: 'ok', numeric: true }, { title: 'gone', numeric: true }, { title: 'error', numeric: true }, { title: 'not fetched', numeric: true }],
        rows: stageRows,
      },
      ...(errors.length > 0
        ? [{ kind: 'table' as const, title: 'Errors (retried on the next fetch)', columns: [{ title: 'repo', flex: true }, { title: 'message', flex: true }], rows: errors }]
        : []),
    ],
    data: { fetch, info, commits, errors },
  };
}
