// Stage 1: the leaderboard table from the dataset viewer. Pages are fetched in parallel and
// committed in order, so `nextOffset` always marks a clean point: a killed fetch resumes
// there when the table's revision (X-Revision) and columns are unchanged, and starts over
// otherwise. A complete table already cached is kept until its replacement is complete.
import { detectGeneration } from '../data/columns.js';
import { DataError } from '../data/errors.js';
import { normaliseRows } from '../data/normalise-row.js';
import { emptyLeaderboard, type LeaderboardDoc } from '../cache/schema.js';
import type { StageContext } from './context.js';
import { HttpError } from './http-client.js';
import { runPool } from './pool.js';
import { PAGE_SIZE, fetchRowsPage, type RowsPage } from './rows-source.js';
import { StageProgress } from './stage-progress.js';
import { HUBSCOPE } from '../text/command.js';

export interface LeaderboardOptions {
  dataset: string;
  /** Re-read the table even when the cached one is fresh. */
  refresh: boolean;
  /** Rows per request (the viewer's maximum, 100, unless a test asks for less). */
  pageSize?: number;
}

class RevisionChanged extends Error {}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** True when the cached table is from this dataset, complete and fresh. */
export function leaderboardIsFresh(doc: LeaderboardDoc, dataset: string, ctx: Pick<StageContext, 'freshness'>): boolean {
  if (doc.origin !== 'viewer' || doc.dataset !== dataset || !doc.complete || doc.fetchedAt === null) return false;
  const at = Date.parse(doc.fetchedAt);
  const { now, ttlMs, refreshSince } = ctx.freshness;
  return !Number.isNaN(at) && now - at <= ttlMs && (refreshSince === null || at >= refreshSince);
}

async function page(ctx: StageContext, dataset: string, offset: number, size = PAGE_SIZE): Promise<RowsPage> {
  try {
    return await fetchRowsPage(ctx.client, ctx.datasetsServerUrl, dataset, offset, ctx.signal, size);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // one more round of attempts before the stage gives up
    try {
      return await fetchRowsPage(ctx.client, ctx.datasetsServerUrl, dataset, offset, ctx.signal, size);
    } catch (again) {
      if (!(again instanceof HttpError)) throw again;
      throw new DataError(
        `could not read rows ${offset}–${offset + size - 1} of "${dataset}" from the dataset viewer ` +
          `(${again.message}); run ${HUBSCOPE} fetch again to resume`,
      );
    }
  }
}

export async function leaderboardStage(ctx: StageContext, options: LeaderboardOptions): Promise<void> {
  const { store, signal } = ctx;
  if (!options.refresh && leaderboardIsFresh(store.leaderboard, options.dataset, ctx)) {
    ctx.emit({ type: 'stage-skip', stage: 'leaderboard', reason: `up to date (fetched ${store.leaderboard.fetchedAt})` });
    return;
  }
  for (let round = 0; ; round += 1) {
    try {
      await readTable(ctx, options);
      return;
    } catch (error) {
      if (!(error instanceof RevisionChanged) || round >= 2) {
        if (error instanceof RevisionChanged) throw new DataError(`the table "${options.dataset}" kept changing while it was read; try again later`);
        throw error;
      }
      if (signal.aborted) return;
    }
  }
}

async function readTable(ctx: StageContext, options: LeaderboardOptions): Promise<void> {
  const { store, signal } = ctx;
  const cached = store.leaderboard;
  const resumable = cached.origin === 'viewer' && cached.dataset === options.dataset && !cached.complete && cached.nextOffset > 0;
  // A complete table (any source) is kept until the new one is whole; otherwise pages are
  // written as they come, so a killed fetch can resume.
  const progressive = !(cached.complete && cached.entries.length > 0);

  let first = await page(ctx, options.dataset, resumable ? cached.nextOffset : 0, options.pageSize);
  let doc: LeaderboardDoc;
  if (resumable && first.revision === cached.revision && sameList(first.columns, cached.columns)) {
    doc = cached;
    doc.total = first.total;
  } else {
    if (resumable) first = await page(ctx, options.dataset, 0, options.pageSize);
    doc = {
      ...emptyLeaderboard(),
      dataset: options.dataset,
      revision: first.revision,
      origin: 'viewer',
      generation: detectGeneration(first.columns),
      columns: first.columns,
      total: first.total,
    };
    if (progressive) store.setLeaderboard(doc);
  }
  if (signal.aborted) return;

  const progress = new StageProgress('leaderboard', doc.total, ctx.emit, Date.now, doc.nextOffset);
  progress.start(doc.nextOffset);
  /** Appends a page when it is the next one in order; returns false otherwise. */
  const commit = (p: RowsPage): boolean => {
    if (p.revision !== doc.revision || !sameList(p.columns, doc.columns)) throw new RevisionChanged();
    if (p.offset !== doc.nextOffset || p.rows.length === 0) return false;
    const { entries, problems } = normaliseRows(p.rows, doc.columns, { startIndex: p.offset });
    doc.entries.push(...entries);
    doc.problems.push(...problems);
    doc.nextOffset = p.offset + p.rows.length;
    progress.advance(p.rows.length);
    if (progressive) {
      store.touchLeaderboard();
      ctx.flusher.changed(p.rows.length);
    }
    return true;
  };
  commit(first);

  // The rest in parallel; results wait in `ready` until every page before them is committed.
  // The offsets are generated as they are taken, never allocated from the server's total.
  const size = options.pageSize ?? PAGE_SIZE;
  const offsetAt = (i: number): number => first.offset + size * (i + 1);
  const pages = Math.max(0, Math.ceil((first.total - first.offset - size) / size));
  function* offsets(): Generator<number> {
    for (let i = 0; i < pages; i += 1) yield offsetAt(i);
  }
  const ready = new Map<number, RowsPage>();
  let next = 0;
  await runPool(
    offsets(),
    ctx.concurrency,
    async (offset) => {
      let result: RowsPage;
      try {
        result = await page(ctx, options.dataset, offset, size);
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
      ready.set(offset, result);
      while (next < pages && ready.has(offsetAt(next))) {
        const p = ready.get(offsetAt(next))!;
        ready.delete(offsetAt(next));
        next += 1;
        commit(p);
      }
    },
    signal,
  );
  // A server that gave fewer rows than asked leaves a gap: read on from there, in order.
  while (!signal.aborted && doc.nextOffset < doc.total) {
    if (!commit(await page(ctx, options.dataset, doc.nextOffset, size))) break;
  }
  if (signal.aborted) return;

  const now = new Date().toISOString();
  doc.total = doc.nextOffset;
  doc.complete = true;
  doc.fetchedAt = now;
  if (progressive) store.touchLeaderboard();
  else store.setLeaderboard(doc);
  store.markCompleted('leaderboard', now);
  progress.total = doc.total;
  progress.end();
  await ctx.flusher.flush();
}
