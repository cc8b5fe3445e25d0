// Hub model metadata (hub-api.md §4): one model (`/api/models/{id}`) or a listing
// (`/api/models?author=…` / `?search=…`, cursor pages linked by `Link: rel="next"`). Both ask
// for the same `expand` fields, so a model reads the same whichever way it was fetched.
import { DataError } from '../data/errors.js';
import type { ModelInfo } from '../data/model.js';
import { normaliseInfo } from '../data/normalise-info.js';
import { HttpError, type HubClient } from './http-client.js';
import { encodeRepo, nextLink } from './link.js';
import { PageGuard } from './page-guard.js';

export const EXPAND_FIELDS = [
  'author',
  'createdAt',
  'lastModified',
  'downloads',
  'likes',
  'tags',
  'library_name',
  'cardData',
  'safetensors',
  'gated',
  'sha',
  'pipeline_tag',
] as const;

export const LISTING_PAGE = 1000;

/** The message stored for a model the Hub does not have (or does not show anonymously). The
 *  same whether a single request or a listing found it missing, so a resumed fetch stores
 *  exactly what an uninterrupted one does. */
export const GONE_INFO = 'not on the Hub (missing or private)';

function expandQuery(): string {
  return EXPAND_FIELDS.map((field) => `expand=${encodeURIComponent(field)}`).join('&');
}

export function modelUrl(hub: string, id: string): string {
  return `${hub}/api/models/${encodeRepo(id)}?${expandQuery()}`;
}

export function listingUrl(hub: string, by: { author: string } | { search: string }): string {
  const key = 'author' in by ? `author=${encodeURIComponent(by.author)}` : `search=${encodeURIComponent(by.search)}`;
  return `${hub}/api/models?${key}&limit=${LISTING_PAGE}&${expandQuery()}`;
}

export type InfoResult = { kind: 'ok'; info: ModelInfo } | { kind: 'gone'; message: string };

/** One model's info; `gone` on 401/403/404/410. Throws HttpError when the request failed for
 *  good, DataError when the answer is not a model. */
export async function fetchModelInfo(client: HubClient, hub: string, id: string, signal?: AbortSignal): Promise<InfoResult> {
  const response = await client.getJson(modelUrl(hub, id), signal);
  if (response.body === null) return { kind: 'gone', message: GONE_INFO };
  return { kind: 'ok', info: normaliseInfo(response.body) };
}

/** Pages of a listing, each an array of raw model objects, following `Link` to the end (same
 *  origin only, MAX_PAGES_WITHOUT_TOTAL pages at most: a listing gives no total). */
export async function* listModels(
  client: HubClient,
  hub: string,
  by: { author: string } | { search: string },
  signal?: AbortSignal,
): AsyncGenerator<unknown[]> {
  let url: string | null = listingUrl(hub, by);
  const guard = new PageGuard('the model listing');
  while (url !== null) {
    guard.visit(url);
    const response = await client.getJson(url, signal);
    if (response.body === null) {
      throw new HttpError(`model listing refused (HTTP ${response.status})`, response.status);
    }
    if (!Array.isArray(response.body)) throw new DataError('the model listing is not a JSON array');
    const next = nextLink(response.headers.link, response.url);
    guard.read(response.body.length, null, next !== null);
    yield response.body;
    url = next;
  }
}

/** A listing item as (lowercased id, info), or null when it is not a model object. */
export function listedModel(raw: unknown): { key: string; info: ModelInfo } | null {
  try {
    const info = normaliseInfo(raw);
    return { key: info.id.toLowerCase(), info };
  } catch {
    return null;
  }
}
