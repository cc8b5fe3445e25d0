// Stage 3: the commit history of every distinct leaderboard repo that is not fresh in the cache
// (even one whose model info is gone: a history can outlive the metadata), one repo at a time
// per task, every page followed. A repository the info stage found renamed (its info's `id`
// differs from its key: hub-api.md §11) is asked for under its new id; one not known to be
// renamed follows the Hub's 307 (the client does), and when its info is not in the cache (an
// author listing shows a renamed repo only under its new id, so the info stage took it for
// gone) the info is fetched under the new id and stored under the old key: the alias, for one
// request per such repo. Stored under the key it has on the leaderboard. Failed items: as in
// stage-info.ts; a host given up ends the stage.
import { needsFetch, distinctRepos } from '../cache/freshness.js';
import { isRepoId } from '../data/repo-id.js';
import { problemText, rethrowFatal, type StageContext } from './context.js';
import { fetchCommitActivity } from './commits-source.js';
import { fetchModelInfo } from './model-info-source.js';
import { runPool } from './pool.js';
import { StageProgress } from './stage-progress.js';

export async function commitsStage(ctx: StageContext): Promise<void> {
  const { store, signal } = ctx;
  const repos = distinctRepos(store.leaderboard.entries);
  const needed = [...repos.keys()].filter((key) => needsFetch(store.commits.items[key], ctx.freshness));
  const progress = new StageProgress('commits', needed.length, ctx.emit);
  progress.start(repos.size - needed.length);

  /** The info of a repo found renamed, stored under its old key (left as it was on failure). */
  const aliasInfo = async (key: string, renamedTo: string): Promise<void> => {
    try {
      const result = await fetchModelInfo(ctx.client, ctx.hubUrl, renamedTo, signal);
      if (result.kind === 'ok') store.putInfo(key, { status: 'ok', fetchedAt: new Date().toISOString() }, result.info);
    } catch (error) {
      rethrowFatal(error); // otherwise the info stays as the info stage left it
    }
  };

  let failed = new Set<string>();
  let retrying = false;
  const one = async (key: string): Promise<void> => {
    const renamed = store.models.items[key]?.value?.id;
    const repo = renamed !== undefined && renamed.toLowerCase() !== key && isRepoId(renamed) ? renamed : (repos.get(key) ?? key);
    let outcome: 'ok' | 'gone' | 'error';
    let message: string | undefined;
    try {
      const result = await fetchCommitActivity(ctx.client, ctx.hubUrl, repo, signal);
      if (result.renamedTo !== null && store.models.items[key]?.status !== 'ok') await aliasInfo(key, result.renamedTo);
      const fetchedAt = new Date().toISOString();
      if (result.kind === 'ok') {
        store.putActivity(key, { status: 'ok', fetchedAt }, result.activity);
        outcome = 'ok';
      } else {
        store.putActivity(key, { status: 'gone', message: result.message, fetchedAt });
        outcome = 'gone';
        message = result.message;
      }
    } catch (error) {
      if (signal.aborted) return;
      rethrowFatal(error);
      message = problemText(error);
      store.putActivity(key, { status: 'error', message, fetchedAt: new Date().toISOString() });
      failed.add(key);
      outcome = 'error';
    }
    if (retrying) progress.rerecord(outcome, key, message);
    else progress.record(outcome, key, message);
    ctx.flusher.changed();
  };

  await runPool(needed, ctx.concurrency, one, signal);
  if (failed.size > 0 && !signal.aborted) {
    const again = [...failed];
    failed = new Set();
    retrying = true;
    await runPool(again, ctx.concurrency, one, signal);
  }
  if (signal.aborted) return;
  if (failed.size === 0) store.markCompleted('commits', new Date().toISOString());
  progress.end();
  await ctx.flusher.flush();
}
