// A repository's commit history (hub-api.md §5): every page of
// `/api/models/{id}/commits/main`, following `Link: rel="next"` (relative or absolute), folded
// into counts, first and last commit time and the distinct authors.
import type { CommitActivity } from '../data/model.js';
import { ActivityBuilder } from '../data/normalise-info.js';
import { DataError } from '../data/errors.js';
import type { HubClient } from './http-client.js';
import { encodeRepo, nextLink } from './link.js';

export const COMMITS_PAGE = 1000;

export function commitsUrl(hub: string, id: string): string {
  return `${hub}/api/models/${encodeRepo(id)}/commits/main?limit=${COMMITS_PAGE}`;
}

export type ActivityResult = { kind: 'ok'; activity: CommitActivity } | { kind: 'gone'; message: string };

/** Throws HttpError when a page failed for good, DataError when a page is not a commit list. */
export async function fetchCommitActivity(
  client: HubClient,
  hub: string,
  id: string,
  signal?: AbortSignal,
): Promise<ActivityResult> {
  const builder = new ActivityBuilder();
  let url: string | null = commitsUrl(hub, id);
  const seen = new Set<string>();
  while (url !== null) {
    if (seen.has(url)) throw new DataError('the commit list links back to a page already read');
    seen.add(url);
    const response = await client.getJson(url, signal);
    if (response.body === null) {
      if (seen.size > 1) throw new DataError(`a later commit page answered HTTP ${response.status}`);
      return { kind: 'gone', message: `no commit history on the Hub (HTTP ${response.status})` };
    }
    builder.addPage(response.body);
    url = nextLink(response.headers.link, url);
  }
  return { kind: 'ok', activity: builder.build() };
}
