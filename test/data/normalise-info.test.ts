import { describe, expect, it } from 'vitest';
import { baseLinksOfInfo, normaliseInfo } from '../../source/data/normalise-info.js';
import { DataError } from '../../source/data/errors.js';
import type { ModelInfo } from '../../source/data/model.js';

describe('normaliseInfo', () => {
  it('reads a full Hub model object', () => {
    const info = normaliseInfo({
      id: 'acme/Model-7B',
      author: 'acme',
      createdAt: '2024-01-02T03:04:05Z',
      lastModified: '2024-02-03T04:05:06.789Z',
      downloads: 1234,
      likes: 56,
      tags: ['transformers', 'license:apache-2.0', 'base_model:mistralai/Mistral-7B-v0.1', 'transformers'],
      library_name: 'transformers',
      pipeline_tag: 'text-generation',
      gated: false,
      sha: 'abc123',
      cardData: { license: 'mit', base_model: 'mistralai/Mistral-7B-v0.1', datasets: ['d/one', 'd/two'], language: 'en' },
      safetensors: { parameters: { BF16: 7241732096 }, total: 7241732096 },
    });
    expect(info).toEqual({
      id: 'acme/Model-7B',
      author: 'acme',
      createdAt: '2024-01-02T03:04:05.000Z',
      lastModified: '2024-02-03T04:05:06.789Z',
      downloads: 1234,
      likes: 56,
      tags: ['transformers', 'license:apache-2.0', 'base_model:mistralai/Mistral-7B-v0.1'],
      library: 'transformers',
      license: 'mit',
      pipelineTag: 'text-generation',
      gated: false,
      cardBaseModels: ['mistralai/Mistral-7B-v0.1'],
      datasets: ['d/one', 'd/two'],
      languages: ['en'],
      safetensorsTotal: 7241732096,
      sha: 'abc123',
    });
  });
  it('reads base_model as a string or a list, dropping what is not an id', () => {
    expect(normaliseInfo({ id: 'a/b', cardData: { base_model: 'x/y' } }).cardBaseModels).toEqual(['x/y']);
    expect(normaliseInfo({ id: 'a/b', cardData: { base_model: ['x/y', 'z/w', 'x/y', 'not an id', 42] } }).cardBaseModels).toEqual(['x/y', 'z/w', '42']);
  });
  it('takes the licence from the card, else from a license: tag', () => {
    expect(normaliseInfo({ id: 'a/b', tags: ['license:apache-2.0'] }).license).toBe('apache-2.0');
    expect(normaliseInfo({ id: 'a/b', tags: ['license:apache-2.0'], cardData: { license: ['other'] } }).license).toBe('other');
    expect(normaliseInfo({ id: 'a/b', tags: ['text-generation'] }).license).toBeNull();
  });
  it('fills missing fields with null and empty lists, and takes modelId for id', () => {
    expect(normaliseInfo({ modelId: 'gpt2' })).toEqual({
      id: 'gpt2',
      author: null,
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
    });
  });
  it('drops values of the wrong type', () => {
    const info = normaliseInfo({ id: 'a/b', createdAt: 'yesterday', downloads: '12', likes: null, gated: 'auto', safetensors: { total: '7' }, cardData: 'oops' });
    expect(info).toMatchObject({ createdAt: null, downloads: null, likes: null, gated: 'auto', safetensorsTotal: null, cardBaseModels: [] });
  });
  it('strips control sequences from strings', () => {
    const info = normaliseInfo({ id: 'a/b', author: '\u001b[1mbold\u001b[0m', tags: ['x\u009b2Jy'] });
    expect(info.author).toBe('bold');
    expect(info.tags).toEqual(['xy']);
  });
  it('throws a DataError for what is not a model object', () => {
    for (const raw of [null, 42, 'a/b', ['a/b'], undefined]) {
      expect(() => normaliseInfo(raw)).toThrow(new DataError('model info is not a JSON object'));
    }
    expect(() => normaliseInfo({ author: 'acme' })).toThrow(new DataError('model info has no id'));
    expect(() => normaliseInfo({ id: '  ' })).toThrow(DataError);
  });
});

describe('baseLinksOfInfo', () => {
  const info = (tags: string[], cardBaseModels: string[] = []): ModelInfo => ({
    ...normaliseInfo({ id: 'acme/child' }),
    tags,
    cardBaseModels,
  });
  it('reads base_model:<id> and base_model:<relation>:<id>', () => {
    expect(baseLinksOfInfo(info(['base_model:a/one', 'base_model:finetune:b/two', 'base_model:adapter:c/three', 'base_model:merge:d/four', 'base_model:quantized:e/five']))).toEqual([
      { id: 'a/one', key: 'a/one', relation: 'unknown' },
      { id: 'b/two', key: 'b/two', relation: 'finetune' },
      { id: 'c/three', key: 'c/three', relation: 'adapter' },
      { id: 'd/four', key: 'd/four', relation: 'merge' },
      { id: 'e/five', key: 'e/five', relation: 'quantized' },
    ]);
  });
  it('merges the plain and the relation tag of one base into one link with the relation', () => {
    expect(baseLinksOfInfo(info(['base_model:meta-llama/Llama-2-7b', 'base_model:finetune:meta-llama/Llama-2-7b']))).toEqual([
      { id: 'meta-llama/Llama-2-7b', key: 'meta-llama/llama-2-7b', relation: 'finetune' },
    ]);
  });
  it('unions the card with the tags, deduplicated by key', () => {
    expect(baseLinksOfInfo(info(['base_model:finetune:Mistralai/Mistral-7B-v0.1'], ['mistralai/mistral-7b-v0.1', 'x/other']))).toEqual([
      { id: 'Mistralai/Mistral-7B-v0.1', key: 'mistralai/mistral-7b-v0.1', relation: 'finetune' },
      { id: 'x/other', key: 'x/other', relation: 'unknown' },
    ]);
  });
  it('reads legacy one-segment ids and ignores other tags', () => {
    expect(baseLinksOfInfo(info(['base_model:gpt2', 'license:mit', 'text-generation', 'base_model:finetune:not ok']))).toEqual([
      { id: 'gpt2', key: 'gpt2', relation: 'unknown' },
    ]);
  });
  it('gives nothing for a model without bases', () => {
    expect(baseLinksOfInfo(info([]))).toEqual([]);
  });
});

describe('placeholder base models', () => {
  it('drops card and tag values such as "unknown" that only look like a one-segment id', () => {
    const info = normaliseInfo({
      id: 'a/b',
      cardData: { base_model: ['unknown', 'None', 'gpt2'] },
      tags: ['base_model:unknown', 'base_model:finetune:n/a', 'base_model:finetune:meta/llama'],
    });
    expect(info.cardBaseModels).toEqual(['gpt2']);
    expect(baseLinksOfInfo(info).map((l) => [l.id, l.relation])).toEqual([
      ['meta/llama', 'finetune'],
      ['gpt2', 'unknown'],
    ]);
  });
});
