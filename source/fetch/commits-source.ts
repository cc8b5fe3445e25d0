// A repository's commit history (hub-api.md §5): every page of
// `/api/models/{id}/commits/main`, following `Link: rel="next"` (relative or absolute, same
// origin only), folded into counts, first and last commit time and the distinct authors. A
// renamed repository's 307 is followed by the client (hub-api.md §11). X-Total-Count is
// checked (over MAX_COMMITS_TOTAL: refused) and bounds the pages read (page-guard.ts).
import type { CommitActivity } from '../data/model.js';
import { ActivityBuilder } from '../data/normalise-info.js';
import { DataError } from '../data/errors.js';
import type { HubClient } from './http-client.js';
import { MAX_COMMITS_TOTAL, totalCountHeader } from './limits.js';
import { encodeRepo, nextLink } from './link.js';
import { PageGuard } from './page-guard.js';

export const COMMITS_PAGE = 1000;

export function commitsUrl(hub: string, id: string): string {
  return `${hub}/api/models/${encodeRepo(id)}/commits/main?limit=${COMMITS_PAGE}`;
}

/** `renamedTo`: the id the Hub redirected the first page to (a renamed repository), else null. */
export type ActivityResult =
  | { kind: 'ok'; activity: CommitActivity; renamedTo: string | null }
  | { kind: 'gone'; message: string; renamedTo: string | null };

/** The repository id in a commits URL's path, or null. */
export function repoOfCommitsUrl(url: string): string | null {
  const match = /^\/api\/models\/(.+)\/commits\/[^/]+$/.exec(new URL(url).pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** Throws HttpError when a page failed for good, DataError when a page is not a commit list,
 *  RefusedAnswer for an absurd total, a Link elsewhere or pages without end. */
export async function fetchCommitActivity(
  client: HubClient,
  hub: string,
  id: string,
  signal?: AbortSignal,
): Promise<ActivityResult> {
  const builder = new ActivityBuilder();
  let url: string | null = commitsUrl(hub, id);
  const guard = new PageGuard('the commit list');
  let renamedTo: string | null = null;
  while (url !== null) {
    guard.visit(url);
    const response = await client.getJson(url, signal);
    if (guard.pages === 1) {
      const answered = repoOfCommitsUrl(response.url);
      if (answered !== null && answered.toLowerCase() !== id.toLowerCase()) renamedTo = answered;
    }
    if (response.body === null) {
      if (guard.pages > 1) throw new DataError(`a later commit page answered HTTP ${response.status}`);
      return { kind: 'gone', message: `no commit history on the Hub (HTTP ${response.status})`, renamedTo };
    }
    const total = totalCountHeader(response.headers['x-total-count'], MAX_COMMITS_TOTAL, 'the commit count (X-Total-Count)');
    builder.addPage(response.body);
    url = nextLink(response.headers.link, response.url);
    guard.read((response.body as unknown[]).length, total, url !== null);
  }
  return { kind: 'ok', activity: builder.build(), renamedTo };
}
