// Stage 2: Hub model metadata for every distinct leaderboard repo that is not fresh in the
// cache, following info-plan.ts. After an author listing, repos it did not show (the Hub's
// `author` can differ from the namespace) are looked up: one model request when one is left,
// else one `?search=namespace/` listing; what is still missing is gone. Then a second, small
// round: the declared base models that are not leaderboard rows (declared-bases.ts), one model
// request each, so that a renamed base is followed (a same-origin 307, hub-api.md §11) and
// stored under its old key with the new `id` — the alias the analyses resolve bases through
// (analyses.md §0 "Renamed repositories"). Failed items are stored as errors, tried once more
// at the end of their round, and again on the next run. A host given up ends the stage.
import { needsFetch, distinctRepos } from '../cache/freshness.js';
import type { ModelInfo } from '../data/model.js';
import { problemText, rethrowFatal, type StageContext } from './context.js';
import { declaredBases } from './declared-bases.js';
import { planInfo, type InfoTask } from './info-plan.js';
import { GONE_INFO, fetchModelInfo, listModels, listedModel } from './model-info-source.js';
import { runPool } from './pool.js';
import { StageProgress, type ItemOutcome } from './stage-progress.js';

export async function infoStage(ctx: StageContext): Promise<void> {
  const { store, signal } = ctx;
  const repos = distinctRepos(store.leaderboard.entries);
  const needed = [...repos.keys()].filter((key) => needsFetch(store.models.items[key], ctx.freshness));
  const progress = new StageProgress('info', needed.length, ctx.emit);
  progress.start(repos.size - needed.length);

  let failed = new Set<string>();
  let retrying = false;
  const put = (key: string, outcome: ItemOutcome, value?: ModelInfo, message?: string): void => {
    if (signal.aborted && outcome === 'error') return; // an interrupted request is not a failure
    const fetchedAt = new Date().toISOString();
    if (outcome === 'ok') store.putInfo(key, { status: 'ok', fetchedAt }, value);
    else store.putInfo(key, { status: outcome === 'gone' ? 'gone' : 'error', message, fetchedAt });
    if (outcome === 'error') failed.add(key);
    if (retrying) progress.rerecord(outcome, key, message);
    else progress.record(outcome, key, message);
    ctx.flusher.changed();
  };

  const single = async (key: string, repo: string): Promise<void> => {
    try {
      const result = await fetchModelInfo(ctx.client, ctx.hubUrl, repo, signal);
      if (result.kind === 'ok') put(key, 'ok', result.info); // a renamed repo: info.id is the new id
      else put(key, 'gone', undefined, result.message);
    } catch (error) {
      rethrowFatal(error);
      put(key, 'error', undefined, problemText(error));
    }
  };

  /** Reads a listing, storing the wanted repos it shows; returns false when it failed. */
  const listing = async (by: { author: string } | { search: string }, wanted: Set<string>): Promise<boolean> => {
    try {
      for await (const items of listModels(ctx.client, ctx.hubUrl, by, signal)) {
        for (const raw of items) {
          const model = listedModel(raw);
          if (model && wanted.delete(model.key)) put(model.key, 'ok', model.info);
        }
        if (wanted.size === 0) break; // the rest of the listing cannot hold a wanted repo
      }
      return true;
    } catch (error) {
      rethrowFatal(error);
      const what = 'author' in by ? 'author listing' : 'search listing';
      for (const key of wanted) put(key, 'error', undefined, `${what}: ${problemText(error)}`);
      wanted.clear();
      return false;
    }
  };

  const run = async (task: InfoTask): Promise<void> => {
    if (task.kind === 'single') return single(task.key, task.repo);
    const wanted = new Set(task.keys);
    if (!(await listing({ author: task.namespace }, wanted)) || wanted.size === 0 || signal.aborted) return;
    if (wanted.size === 1) {
      const key = [...wanted][0]!;
      return single(key, repos.get(key) ?? key);
    }
    if (!(await listing({ search: `${task.namespace}/` }, wanted)) || signal.aborted) return;
    for (const key of wanted) put(key, 'gone', undefined, GONE_INFO);
  };

  /** Runs the tasks, then once more the items that failed; returns how many still failed. */
  const round = async (tasks: InfoTask[], again: (keys: string[]) => InfoTask[]): Promise<number> => {
    failed = new Set();
    retrying = false;
    await runPool(tasks, ctx.concurrency, run, signal);
    if (failed.size > 0 && !signal.aborted) {
      const keys = [...failed];
      failed = new Set();
      retrying = true;
      await runPool(again(keys), ctx.concurrency, run, signal);
    }
    return failed.size;
  };

  let left = await round(planInfo(needed, repos), (keys) => planInfo(keys, repos));
  if (signal.aborted) return;

  // the declared bases that are not rows, one request each (a listing would not show a renamed
  // one under its old id)
  const bases = declaredBases(store.leaderboard.entries, store.models.items, repos);
  const singles = (keys: Iterable<string>): InfoTask[] =>
    [...keys].map((key) => ({ kind: 'single', key, repo: bases.get(key) ?? key }) as const);
  const wantedBases = [...bases.keys()].filter((key) => needsFetch(store.models.items[key], ctx.freshness));
  if (wantedBases.length > 0) {
    progress.total += wantedBases.length;
    left += await round(singles(wantedBases), singles);
    if (signal.aborted) return;
  }

  if (left === 0) store.markCompleted('info', new Date().toISOString());
  progress.end();
  await ctx.flusher.flush();
}
