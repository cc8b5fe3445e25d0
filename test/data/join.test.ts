import { describe, expect, it } from 'vitest';
import { HUB_DATE_FLOOR, isDateFloor, joinAll, joinEntry } from '../../source/data/join.js';
import type { Dataset, Entry, ModelInfo } from '../../source/data/model.js';

function entry(repo: string, over: Partial<Entry> = {}): Entry {
  return {
    index: 0,
    repo,
    key: repo.toLowerCase(),
    evalName: null,
    precision: 'bfloat16',
    type: 'fine-tuned',
    typeRaw: '🔶 fine-tuned on domain-specific datasets',
    weightType: 'Original',
    architecture: 'LlamaForCausalLM',
    family: 'LLaMA',
    score: 50,
    benchmarks: {},
    params: 7,
    license: 'apache-2.0',
    likes: 4,
    available: true,
    flagged: false,
    merged: false,
    moe: false,
    sha: null,
    baseModel: null,
    baseModelRelation: null,
    baseModelRemoved: false,
    generationDepth: null,
    uploadDate: null,
    submissionDate: null,
    ...over,
  };
}

function info(id: string, over: Partial<ModelInfo> = {}): ModelInfo {
  return {
    id,
    author: id.split('/')[0] ?? null,
    createdAt: null,
    lastModified: null,
    downloads: null,
    likes: null,
    tags: [],
    library: null,
    license: null,
    pipelineTag: null,
    gated: null,
    cardBaseModels: [],
    datasets: [],
    languages: [],
    safetensorsTotal: null,
    sha: null,
    ...over,
  };
}

function dataset(entries: Entry[], infos: ModelInfo[] = []): Dataset {
  return {
    generation: 'v2',
    source: { dataset: null, revision: null, origin: null, leaderboardFetchedAt: null, infoFetchedAt: null, commitsFetchedAt: null },
    entries,
    info: new Map(infos.map((i) => [i.id.toLowerCase(), i])),
    infoStatus: new Map(),
    activity: new Map(),
    activityStatus: new Map(),
  };
}

describe('joinEntry: the date of a model', () => {
  it('takes the Hub creation time first', () => {
    const e = entry('acme/A', { uploadDate: '2024-05-01' });
    const model = joinEntry(dataset([e], [info('acme/A', { createdAt: '2024-04-28T09:15:00.000Z' })]), e);
    expect(model).toMatchObject({ created: '2024-04-28T09:15:00.000Z', day: '2024-04-28', dateSource: 'hub', dateFloor: false });
  });
  it('falls back to the v2 Upload To Hub Date', () => {
    const e = entry('acme/A', { uploadDate: '2024-05-01' });
    const model = joinEntry(dataset([e], [info('acme/A')]), e);
    expect(model).toMatchObject({ created: '2024-05-01T00:00:00.000Z', day: '2024-05-01', dateSource: 'leaderboard', dateFloor: false });
  });
  it('has no date without either', () => {
    const e = entry('acme/A');
    expect(joinEntry(dataset([e]), e)).toMatchObject({ created: null, day: null, dateSource: null, dateFloor: false, info: null });
  });
  it('flags the Hub\'s 2022-03-02T23:29:04 floor, only when the date comes from the Hub', () => {
    const e = entry('acme/Old', { uploadDate: '2022-03-02' });
    const floor = joinEntry(dataset([e], [info('acme/Old', { createdAt: '2022-03-02T23:29:04.000Z' })]), e);
    expect(floor).toMatchObject({ day: '2022-03-02', dateSource: 'hub', dateFloor: true });
    const later = joinEntry(dataset([e], [info('acme/Old', { createdAt: '2022-03-02T23:29:05.000Z' })]), e);
    expect(later.dateFloor).toBe(true);
    const next = joinEntry(dataset([e], [info('acme/Old', { createdAt: '2022-03-03T00:00:00.000Z' })]), e);
    expect(next.dateFloor).toBe(false);
    expect(joinEntry(dataset([e]), e).dateFloor).toBe(false);
  });
  it('isDateFloor', () => {
    expect(HUB_DATE_FLOOR).toBe('2022-03-02T23:29:04');
    expect(isDateFloor('2022-03-02T23:29:04.000Z')).toBe(true);
    expect(isDateFloor('2022-03-02T00:00:00.000Z')).toBe(false);
    // §0: from 23:29:00 UTC to the end of the day (13 v1 repos are stamped 23:29:05)
    expect(isDateFloor('2022-03-02T23:29:05.000Z')).toBe(true);
    expect(isDateFloor('2022-03-02T23:29:00.000Z')).toBe(true);
    expect(isDateFloor('2022-03-02T23:59:59.999Z')).toBe(true);
    expect(isDateFloor('2022-03-02T23:28:59.999Z')).toBe(false);
    expect(isDateFloor('2022-03-03T00:00:00.000Z')).toBe(false);
    expect(isDateFloor('2022-03-03T00:29:05+01:00')).toBe(true);
    expect(isDateFloor(null)).toBe(false);
  });
});

describe('joinEntry: the merge rule', () => {
  const isMerge = (e: Entry, i?: ModelInfo): boolean => joinEntry(dataset([e], i ? [i] : []), e).isMerge;
  it('by type, by the Merged flag, by a Hub tag, by the repo name', () => {
    expect(isMerge(entry('acme/A', { type: 'merge' }))).toBe(true);
    expect(isMerge(entry('acme/A', { merged: true }))).toBe(true);
    expect(isMerge(entry('acme/A'), info('acme/A', { tags: ['mergekit'] }))).toBe(true);
    expect(isMerge(entry('acme/A'), info('acme/A', { tags: ['Merge'] }))).toBe(true);
    expect(isMerge(entry('acme/Llama-MERGED-v2'))).toBe(true);
  });
  it('by the relation merge: v2\'s ` (Merge)` suffix (also naming the model itself) and a base_model:merge: tag', () => {
    expect(isMerge(entry('acme/A', { baseModel: 'b/B', baseModelRelation: 'merge' }))).toBe(true);
    // the cell "acme/A (Merge)" names the model itself: no base, the relation stays
    expect(isMerge(entry('acme/A', { baseModel: null, baseModelRelation: 'merge' }))).toBe(true);
    expect(isMerge(entry('acme/A', { baseModel: null, baseModelRelation: 'adapter' }))).toBe(false);
    expect(isMerge(entry('acme/A'), info('acme/A', { tags: ['base_model:finetune:b/B'] }))).toBe(false);
    expect(isMerge(entry('acme/A'), info('acme/A', { tags: ['base_model:merge:b/B', 'base_model:merge:c/C'] }))).toBe(true);
    const e = entry('acme/A');
    const joined = joinEntry(dataset([e], [info('acme/A', { tags: ['base_model:merge:b/B'] })]), e);
    expect(joined.bases).toEqual([{ id: 'b/B', key: 'b/b', relation: 'merge' }]);
  });
  it('not for a plain model, nor for a namespace that says merge', () => {
    expect(isMerge(entry('acme/A'), info('acme/A', { tags: ['text-generation'] }))).toBe(false);
    expect(isMerge(entry('merge-lab/Plain-7B'))).toBe(false);
  });
});

describe('joinEntry: base models', () => {
  it('unions tags, card and the v2 column, deduplicated by key, with the known relation', () => {
    const e = entry('acme/Child', { baseModel: 'Meta-Llama/Llama-2-7b', baseModelRelation: 'merge' });
    const i = info('acme/Child', { tags: ['base_model:meta-llama/Llama-2-7b'], cardBaseModels: ['meta-llama/llama-2-7b', 'x/Other'] });
    expect(joinEntry(dataset([e], [i]), e).bases).toEqual([
      { id: 'meta-llama/Llama-2-7b', key: 'meta-llama/llama-2-7b', relation: 'merge' },
      { id: 'x/Other', key: 'x/other', relation: 'unknown' },
    ]);
  });
  it('keeps a relation already known from a tag', () => {
    const e = entry('acme/Child', { baseModel: 'a/base', baseModelRelation: 'merge' });
    const i = info('acme/Child', { tags: ['base_model:finetune:a/base'] });
    expect(joinEntry(dataset([e], [i]), e).bases).toEqual([{ id: 'a/base', key: 'a/base', relation: 'finetune' }]);
  });
  it('takes the v2 column alone when there is no Hub info', () => {
    const e = entry('acme/Child', { baseModel: 'a/base' });
    expect(joinEntry(dataset([e]), e).bases).toEqual([{ id: 'a/base', key: 'a/base', relation: 'unknown' }]);
  });
  it('leaves out the model itself', () => {
    const e = entry('acme/Self');
    const i = info('acme/Self', { cardBaseModels: ['ACME/self', 'a/base'] });
    expect(joinEntry(dataset([e], [i]), e).bases).toEqual([{ id: 'a/base', key: 'a/base', relation: 'unknown' }]);
  });
});

describe('joinEntry: other fields', () => {
  it('prefers Hub likes, downloads and licence, and falls back to the leaderboard', () => {
    const e = entry('acme/A', { likes: 4, license: 'apache-2.0' });
    expect(joinEntry(dataset([e], [info('acme/A', { likes: 40, downloads: 900, license: 'mit' })]), e)).toMatchObject({ likes: 40, downloads: 900, license: 'mit' });
    expect(joinEntry(dataset([e]), e)).toMatchObject({ likes: 4, downloads: null, license: 'apache-2.0' });
  });
  it('joinAll keeps source order', () => {
    const entries = [entry('b/two', { index: 0 }), entry('a/one', { index: 1 })];
    expect(joinAll(dataset(entries)).map((m) => m.entry.repo)).toEqual(['b/two', 'a/one']);
  });
});

describe('joinEntry: declared bases resolve through renames (analyses.md §0 "Renamed repositories")', () => {
  // The fetch stores a renamed repository's info under its OLD key with the NEW id.
  const renamedInfo = (oldId: string, newId: string): [string, ModelInfo] => [oldId.toLowerCase(), info(newId)];
  const withAliases = (entries: Entry[], aliases: Array<[string, ModelInfo]>, infos: ModelInfo[] = []): Dataset => {
    const ds = dataset(entries, infos);
    for (const [key, value] of aliases) ds.info.set(key, value);
    return ds;
  };

  it('a base declared by its old id belongs to the row of its new id', () => {
    const row = entry('meta-llama/Llama-3.1-8B', { index: 0, score: 14.42 });
    const child = entry('acme/tuned', { index: 1, baseModel: 'meta-llama/Meta-Llama-3.1-8B', baseModelRelation: 'finetune' });
    const ds = withAliases([row, child], [renamedInfo('meta-llama/Meta-Llama-3.1-8B', 'meta-llama/Llama-3.1-8B')]);
    expect(joinEntry(ds, child).bases).toEqual([
      { id: 'meta-llama/Llama-3.1-8B', key: 'meta-llama/llama-3.1-8b', relation: 'finetune', declared: 'meta-llama/Meta-Llama-3.1-8B' },
    ]);
  });

  it('a row kept under its old id is reached from models that declare the new id', () => {
    const row = entry('old-org/Base', { index: 0 });
    const child = entry('acme/tuned', { index: 1 });
    const ds = withAliases([row, child], [renamedInfo('old-org/Base', 'new-org/Base')], [info('acme/tuned', { cardBaseModels: ['new-org/base'] })]);
    expect(joinEntry(ds, child).bases.map((b) => [b.key, b.id])).toEqual([['old-org/base', 'old-org/Base']]);
  });

  it('follows a chain of renames, merges links that meet on one key, and keeps unknown ones as declared', () => {
    const row = entry('c/Final', { index: 0 });
    const child = entry('acme/x', { index: 1 });
    const ds = withAliases(
      [row, child],
      [renamedInfo('a/First', 'b/Second'), renamedInfo('b/Second', 'c/Final')],
      [info('acme/x', { tags: ['base_model:finetune:a/First'], cardBaseModels: ['c/final', 'z/Unknown'] })],
    );
    expect(joinEntry(ds, child).bases.map((b) => [b.key, b.relation])).toEqual([
      ['c/final', 'finetune'],
      ['z/unknown', 'unknown'],
    ]);
  });

  it('a renamed base that is not a row resolves to its new id (its Hub info is shared)', () => {
    const child = entry('acme/x', { index: 0, baseModel: 'old/Name', baseModelRelation: 'finetune' });
    const ds = withAliases([child], [renamedInfo('old/Name', 'new/Name')]);
    expect(joinEntry(ds, child).bases).toMatchObject([{ id: 'new/Name', key: 'new/name', declared: 'old/Name' }]);
  });

  it('a model declaring its own old id has no base', () => {
    const row = entry('new/Model', { index: 0, baseModel: 'old/Model' });
    const ds = withAliases([row], [renamedInfo('old/Model', 'new/Model')]);
    expect(joinEntry(ds, row).bases).toEqual([]);
  });
});
