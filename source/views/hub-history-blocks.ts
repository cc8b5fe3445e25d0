// The weekly history as blocks of a Hub view (analyses.md §6; issue 10's weekly series): downloads
// per week as the difference of downloadsAllTime between two weekly snapshots, clipped at 0 —
// never a sum of 30-day windows — with the share of the root organisations that take most of
// them, and what was clipped or unknown. Pure.
import type { HistoryRows } from '../hub/queries-history.js';
import type { Block, Cell } from './view.js';
import type { Note } from '../analysis/result.js';
import { largest } from '../analysis/hub-series.js';
import { shareOf } from '../analysis/hub-shape.js';
import { heading, notesBlock, pct } from './view-blocks.js';

/** The root organisations shown by name (the rest: other). */
const ORGS_SHOWN = 4;

export interface WeeklyDownloads {
  weeks: HistoryRows['weeks'];
  orgs: string[];
  /** Per week, each shown organisation's share of the week's downloads. */
  shares: Array<Record<string, number | null>>;
}

export function weeklyDownloadsOf(history: HistoryRows): WeeklyDownloads {
  const totals = new Map<string, number>();
  for (const r of history.orgs) totals.set(r.org, (totals.get(r.org) ?? 0) + r.downloads);
  const orgs = largest([...totals].map(([name, n]) => ({ name, n })), ORGS_SHOWN);
  const shares = history.weeks.map((w) =>
    Object.fromEntries(orgs.map((org) => [org, shareOf(history.orgs.find((r) => r.week === w.week && r.org === org)?.downloads ?? 0, w.downloads)])),
  );
  return { weeks: history.weeks, orgs, shares };
}

/** The history's blocks; without a history, one line saying how to get it. */
export function weeklyDownloadsBlocks(history: HistoryRows | null): Block[] {
  const title = heading('Downloads per week: the difference of downloadsAllTime between weekly snapshots, clipped at 0');
  if (!history || history.weeks.length === 0) {
    return [title, { kind: 'paragraph', text: 'No weekly history in this store (hfmlsoc/hub_weekly_snapshots: fetch it with --history N).' }];
  }
  const w = weeklyDownloadsOf(history);
  const notes: Note[] = [];
  const clipped = w.weeks.reduce((s, r) => s + r.clipped, 0);
  const unknown = w.weeks.reduce((s, r) => s + r.unknown, 0);
  if (clipped > 0) notes.push({ count: clipped, text: 'model-weeks whose downloadsAllTime went down: counted as 0' });
  if (unknown > 0) notes.push({ count: unknown, text: 'model-weeks absent from the week before though created earlier: left out' });
  const first = history.manifest.weeks[0]?.week ?? '?';
  return [
    title,
    { kind: 'paragraph', text: `${history.manifest.dataset}: ${history.manifest.weeks.length} weekly snapshots from ${first}; root organisations as the snapshot of ${history.manifest.snapshot.day ?? '?'} knows the lineage.` },
    {
      kind: 'table',
      title: 'Week ending · downloads · models counted · share of the root organisations with most downloads',
      columns: [{ title: 'Week ending' }, { title: 'Downloads', numeric: true }, { title: 'Models', numeric: true }, ...w.orgs.map((o) => ({ title: o, align: 'right' as const }))],
      rows: w.weeks.map((r, i) => [r.week, r.downloads, r.models, ...w.orgs.map((o) => pct(w.shares[i]![o] ?? null, 1))] as Cell[]),
    },
    notesBlock(notes),
  ];
}
