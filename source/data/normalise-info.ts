// A Hub model object (hub-api.md §4.1, from /api/models/{id} or a listing) → ModelInfo.
// Every field is optional on the Hub; strings are sanitised here, once.
import type { BaseRelation, BaseLink, CommitActivity, ModelInfo } from './model.js';
import { sanitize, sanitizeOptional } from '../text/sanitize.js';
import { isRepoId } from './repo-id.js';
import { DataError } from './errors.js';

type Json = Record<string, unknown>;

function asList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const clean = sanitize(String(item)).trim();
    if (clean !== '' && !out.includes(clean)) out.push(clean);
  }
  return out;
}

/** Values model cards use for "no base model" that read like a legacy one-segment id. */
const PLACEHOLDER_IDS = new Set(['unknown', 'none', 'null', 'n/a', 'na', 'nan', 'base_model', 'other', 'custom', 'scratch']);

function isBaseId(id: string): boolean {
  return isRepoId(id) && !PLACEHOLDER_IDS.has(id.toLowerCase());
}

function asBaseIds(value: unknown): string[] {
  return asList(value).filter(isBaseId);
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function asIsoTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Throws DataError when the object is not a model (no string id). */
export function normaliseInfo(raw: unknown): ModelInfo {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new DataError('model info is not a JSON object');
  }
  const json = raw as Json;
  const id = sanitizeOptional(json.id ?? json.modelId);
  if (id === null) throw new DataError('model info has no id');
  const card = (json.cardData && typeof json.cardData === 'object' ? json.cardData : {}) as Json;
  const tags = asList(json.tags);
  const license =
    asList(card.license)[0] ?? tags.find((t) => t.startsWith('license:'))?.slice('license:'.length) ?? null;
  const safetensors = (json.safetensors && typeof json.safetensors === 'object' ? json.safetensors : {}) as Json;
  const gated = json.gated;
  return {
    id,
    author: sanitizeOptional(json.author),
    createdAt: asIsoTime(json.createdAt),
    lastModified: asIsoTime(json.lastModified),
    downloads: asNumber(json.downloads),
    likes: asNumber(json.likes),
    tags,
    library: sanitizeOptional(json.library_name),
    license,
    pipelineTag: sanitizeOptional(json.pipeline_tag),
    gated: typeof gated === 'boolean' ? gated : typeof gated === 'string' ? sanitize(gated) : null,
    cardBaseModels: asBaseIds(card.base_model),
    datasets: asList(card.datasets),
    languages: asList(card.language),
    safetensorsTotal: asNumber(safetensors.total),
    sha: sanitizeOptional(json.sha),
  };
}

const TAG_RELATIONS = new Set<BaseRelation>(['finetune', 'adapter', 'merge', 'quantized']);

/** Base models declared by Hub metadata: cardData.base_model and the tags
 *  `base_model:<id>` / `base_model:<relation>:<id>` (analyses.md §0 "Base models"). */
export function baseLinksOfInfo(info: ModelInfo): BaseLink[] {
  const links: BaseLink[] = [];
  const add = (id: string, relation: BaseRelation): void => {
    const key = id.toLowerCase();
    const found = links.find((l) => l.key === key);
    if (found) {
      if (found.relation === 'unknown') found.relation = relation;
      return;
    }
    links.push({ id, key, relation });
  };
  for (const tag of info.tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const colon = rest.indexOf(':');
    const head = colon < 0 ? '' : rest.slice(0, colon);
    if (TAG_RELATIONS.has(head as BaseRelation)) {
      const id = rest.slice(colon + 1);
      if (isBaseId(id)) add(id, head as BaseRelation);
    } else if (isBaseId(rest)) {
      add(rest, 'unknown');
    }
  }
  for (const id of info.cardBaseModels) add(id, 'unknown');
  return links;
}

/** Folds pages of a commit list (hub-api.md §5) into a summary. */
export class ActivityBuilder {
  private count = 0;
  private first: number | null = null;
  private last: number | null = null;
  private readonly authors = new Set<string>();

  /** Adds one page; throws DataError when the page is not a commit list (and adds nothing of it). */
  addPage(page: unknown): void {
    if (!Array.isArray(page)) throw new DataError('commit list is not a JSON array');
    if (page.some((commit) => commit === null || typeof commit !== 'object')) throw new DataError('commit is not a JSON object');
    for (const commit of page) {
      const item = commit as Json;
      this.count += 1;
      const time = typeof item.date === 'string' ? Date.parse(item.date) : Number.NaN;
      if (!Number.isNaN(time)) {
        if (this.first === null || time < this.first) this.first = time;
        if (this.last === null || time > this.last) this.last = time;
      }
      if (Array.isArray(item.authors)) {
        for (const author of item.authors) {
          const user = author && typeof author === 'object' ? sanitizeOptional((author as Json).user) : null;
          if (user !== null) this.authors.add(user);
        }
      }
    }
  }

  build(): CommitActivity {
    return {
      commits: this.count,
      firstCommit: this.first === null ? null : new Date(this.first).toISOString(),
      lastCommit: this.last === null ? null : new Date(this.last).toISOString(),
      authors: [...this.authors].sort(),
    };
  }
}
