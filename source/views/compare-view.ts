// Pin and compare (issue 9 item 7): the marked models side by side — rows are fields, columns
// are models: type, architecture, params, the average and every benchmark of the generation,
// the creation day, likes, downloads, license, precision, the merge/MoE/flagged marks and the
// base chain up (first declared base, then its first, …; analyses.md §5 "A detail view for one
// model" and §0 "Base model"). The same view for the screen, `c`/`e` and
// `print compare --models A,B`. Pure.
import type { LeaderboardRow, LeaderboardTable } from '../analysis/leaderboard.js';
import type { BaseLink, Dataset } from '../data/model.js';
import { formatCompact, formatParams, formatScore } from '../render/format-number.js';
import type { Cell, TableColumn, View, ViewOptions } from './view.js';
import { leaderboardTable } from './leaderboard-view.js';

/** Steps of the base chain shown at most. */
export const CHAIN_DEPTH = 6;

const byKey = new WeakMap<LeaderboardTable, Map<string, LeaderboardRow[]>>();

function rowsByKey(table: LeaderboardTable): Map<string, LeaderboardRow[]> {
  let map = byKey.get(table);
  if (!map) {
    map = new Map();
    for (const row of table.rows) {
      const list = map.get(row.key);
      if (list) list.push(row);
      else map.set(row.key, [row]);
    }
    byKey.set(table, map);
  }
  return map;
}

/** The row a repo id (any case) stands for: the entry kept under the flagged toggle (§0
 *  dedup), else its first entry; null when the table has none. */
export function rowOf(table: LeaderboardTable, repo: string, includeFlagged = false): LeaderboardRow | null {
  const list = rowsByKey(table).get(repo.trim().toLowerCase());
  if (!list) return null;
  return list.find((r) => (includeFlagged ? r.keptShowingFlagged : r.keptHidingFlagged)) ?? list[0]!;
}

/** The base chain up from a row: its first declared base, that one's, …, as spelled; a base
 *  the table does not hold ends it, a step back onto the chain is marked ↺. */
export function baseChain(table: LeaderboardTable, row: LeaderboardRow, includeFlagged = false): string[] {
  const chain: string[] = [];
  const seen = new Set([row.key]);
  let link: BaseLink | undefined = row.model.bases[0];
  while (link && chain.length < CHAIN_DEPTH) {
    if (seen.has(link.key)) {
      chain.push(`↺ ${link.id}`);
      break;
    }
    seen.add(link.key);
    chain.push(link.id);
    link = rowOf(table, link.key, includeFlagged)?.model.bases[0];
  }
  return chain;
}

const yes = (b: boolean): string => (b ? 'yes' : 'no');

/** The fields of the comparison, each a title and a cell per row. */
function fields(table: LeaderboardTable, includeFlagged: boolean): Array<[string, (r: LeaderboardRow) => Cell]> {
  const benches = table.columns.filter((c) => c.id.startsWith('bench:'));
  return [
    ['Type', (r) => r.type],
    ['Architecture', (r) => r.architecture ?? r.family],
    ['Params', (r) => formatParams(r.params)],
    ['Average', (r) => formatScore(r.score)],
    ...benches.map((c): [string, (r: LeaderboardRow) => Cell] => [c.title, (r) => formatScore(r.benchmarks[c.title] ?? null)]),
    ['Created', (r) => (r.created === null ? '–' : r.dateFloor ? `≤${r.created}` : r.created)],
    ['Likes', (r) => formatCompact(r.likes)],
    ['Downloads', (r) => formatCompact(r.downloads)],
    ['License', (r) => r.license ?? '–'],
    ['Precision', (r) => r.precision ?? '–'],
    ['Merge / MoE', (r) => `${yes(r.merge)} / ${yes(r.moe)}`],
    ['Flagged', (r) => yes(r.flagged)],
    ...Array.from({ length: CHAIN_DEPTH }, (_, depth): [string, (r: LeaderboardRow) => Cell] => [
      depth === 0 ? 'Base' : `Base ${'↑'.repeat(depth)}`,
      (r) => baseChain(table, r, includeFlagged)[depth] ?? '',
    ]),
  ];
}

/** The comparison of the rows as a view. */
export function compareRowsView(table: LeaderboardTable, rows: readonly LeaderboardRow[], includeFlagged = false, missing: readonly string[] = []): View {
  const list = fields(table, includeFlagged);
  // base rows no model reaches are left out
  const used = list.filter(([title, cell]) => !title.startsWith('Base') || rows.some((r) => cell(r) !== ''));
  const columns: TableColumn[] = [{ title: 'Field' }, ...rows.map((r): TableColumn => ({ title: r.repo, flex: true, minWidth: 12, maxWidth: 40 }))];
  const cells: Cell[][] = used.map(([title, cell]) => [title, ...rows.map(cell)]);
  const summary = `${rows.length} model${rows.length === 1 ? '' : 's'} side by side`;
  return {
    id: 'compare',
    title: 'Compare',
    summary: missing.length > 0 ? `${summary} · not on the table: ${missing.join(', ')}` : summary,
    blocks: [
      { kind: 'heading', text: `Compare [§5] — ${rows.map((r) => r.repo).join(' · ')}` },
      { kind: 'table', columns, rows: cells },
      ...(missing.length > 0 ? [{ kind: 'paragraph' as const, text: `Not on the table: ${missing.join(', ')}.` }] : []),
    ],
    data: { models: rows.map((r) => ({ repo: r.repo, fields: Object.fromEntries(used.map(([title, cell]) => [title, cell(r)])) })), missing },
    csv: { columns: ['field', ...rows.map((r) => r.repo)], rows: cells },
  };
}

/** `print compare --models A,B,C` (repo ids, any case). */
export function compareView(dataset: Dataset, options: ViewOptions): View {
  const table = leaderboardTable(dataset);
  const wanted = options.models ?? [];
  const rows: LeaderboardRow[] = [];
  const missing: string[] = [];
  for (const repo of wanted) {
    const row = rowOf(table, repo, options.includeFlagged);
    if (row) rows.push(row);
    else missing.push(repo);
  }
  return compareRowsView(table, rows, options.includeFlagged, missing);
}
