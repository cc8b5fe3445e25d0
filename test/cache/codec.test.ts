// The cache's compact layout (cache/codec.ts): what goes in comes out, the file is ASCII, a
// data file without its layout marker or with a damaged row reads as a corrupt file.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheStore, loadDataset } from '../../source/cache/store.js';
import { emptyLeaderboard } from '../../source/cache/schema.js';
import { DataError } from '../../source/data/errors.js';
import type { Entry, ModelInfo } from '../../source/data/model.js';

const entry = (index: number, repo: string, typeRaw: string): Entry => ({
  index, repo, key: repo.toLowerCase(), evalName: `${repo.replace('/', '_')}_bfloat16`, precision: 'bfloat16',
  type: 'chat', typeRaw, weightType: 'Original', architecture: 'Qwen2ForCausalLM', family: 'Qwen2', score: 61.5,
  benchmarks: { IFEval: 70.1, BBH: null, 'MATH Lvl 5': 12, GPQA: 3.5, MUSR: 9, 'MMLU-PRO': 30 },
  params: 7.6, license: 'apache-2.0', likes: 12, available: true, flagged: false, merged: false, moe: false,
  sha: 'abc', baseModel: 'Qwen/Qwen2-7B', baseModelRelation: 'finetune', baseModelRemoved: false,
  generationDepth: 1, uploadDate: '2024-06-01', submissionDate: null,
});

const info: ModelInfo = {
  id: 'Qwen/通义千问-7B', author: 'Qwen', createdAt: '2024-06-01T00:00:00.000Z', lastModified: null, downloads: 5,
  likes: 1, tags: ['transformers', 'base_model:Qwen/Qwen2-7B', '中文'], library: 'transformers', license: 'mit',
  pipelineTag: null, gated: 'auto', cardBaseModels: ['Qwen/Qwen2-7B'], datasets: [], languages: ['zh', 'en'],
  safetensorsTotal: 7_600_000_000, sha: null,
};

async function filledCache(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hubscope-codec-'));
  const store = await CacheStore.open(dir);
  store.setLeaderboard({
    ...emptyLeaderboard(), generation: 'v2', total: 2, complete: true, nextOffset: 2,
    entries: [entry(0, 'Qwen/通义千问-7B', '💬 chat models (RLHF, DPO, IFT, ...)'), entry(1, 'a/b', '💬 chat models (RLHF, DPO, IFT, ...)')],
  });
  store.putInfo('qwen/通义千问-7b', { status: 'ok', fetchedAt: '2026-01-01T00:00:00.000Z' }, info);
  store.putInfo('a/b', { status: 'gone', message: 'not listed on the Hub', fetchedAt: '2026-01-01T00:00:00.000Z' });
  store.putActivity('a/b', { status: 'ok', fetchedAt: '2026-01-01T00:00:00.000Z' }, {
    commits: 3, firstCommit: '2024-01-01T00:00:00.000Z', lastCommit: '2024-02-01T00:00:00.000Z', authors: ['système', 'u1'],
  });
  await store.flush();
  return dir;
}

describe('compact cache layout', () => {
  it('reads back exactly what was written, through the store and the read-only loader', async () => {
    const dir = await filledCache();
    const store = await CacheStore.open(dir);
    expect(store.leaderboard.entries[0]).toEqual(entry(0, 'Qwen/通义千问-7B', '💬 chat models (RLHF, DPO, IFT, ...)'));
    expect(store.models.items['qwen/通义千问-7b']).toEqual({ status: 'ok', fetchedAt: '2026-01-01T00:00:00.000Z', value: info });
    expect(store.models.items['a/b']).toEqual({ status: 'gone', message: 'not listed on the Hub', fetchedAt: '2026-01-01T00:00:00.000Z' });
    const dataset = await loadDataset(dir);
    expect(dataset.entries[1]!.key).toBe('a/b');
    expect(dataset.source.rowProblems).toBe(0); // the overview shows it, in print and the explorer alike
    expect(dataset.info.get('qwen/通义千问-7b')).toEqual(info);
    expect(dataset.info.has('a/b')).toBe(false);
    expect(dataset.infoStatus.get('a/b')?.status).toBe('gone');
    expect(dataset.activity.get('a/b')?.authors).toEqual(['système', 'u1']);
  });

  it('a second read of an unchanged table shares it; a rewritten table is read again', async () => {
    const dir = await filledCache();
    const first = await loadDataset(dir, { leaderboardOnly: true });
    const full = await loadDataset(dir);
    expect(full.entries).toBe(first.entries); // not decoded (and held) twice
    expect(full.info.get('qwen/通义千问-7b')).toEqual(info);
    const store = await CacheStore.open(dir);
    store.setLeaderboard({ ...store.leaderboard, entries: [entry(0, 'c/d', 'pretrained')] });
    await store.flush();
    const again = await loadDataset(dir);
    expect(again.entries).not.toBe(first.entries);
    expect(again.entries.map((e) => e.key)).toEqual(['c/d']);
  });

  it('writes pure ASCII JSON with repeated strings stored once', async () => {
    const dir = await filledCache();
    const text = await readFile(join(dir, 'datasets', 'open-llm-leaderboard--contents', 'leaderboard.json'), 'utf8');
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    expect(text.split('chat models').length - 1).toBe(1); // the Type string, in the string table once
  });

  it('refuses a data file without its layout marker, and leaves it as it is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hubscope-codec-'));
    const plain = JSON.stringify({ schema: 1, items: { 'a/b': { status: 'gone', fetchedAt: 'x' } } });
    await writeFile(join(dir, 'models.json'), plain);
    await expect(loadDataset(dir)).rejects.toThrow(/models\.json is corrupt \(no "items-v1" layout marker\)/);
    await expect(CacheStore.open(dir)).rejects.toThrow(/models\.json is corrupt \(no "items-v1" layout marker\)/);
    expect(await readFile(join(dir, 'models.json'), 'utf8')).toBe(plain);
  });

  it('refuses a row with a value of the wrong type', async () => {
    const dir = await filledCache();
    const path = join(dir, 'datasets', 'open-llm-leaderboard--contents', 'leaderboard.json');
    const doc = JSON.parse(await readFile(path, 'utf8'));
    doc.entries[1][15] = 'yes'; // flagged must be true or false
    await writeFile(path, JSON.stringify(doc));
    await expect(loadDataset(dir)).rejects.toThrow(/leaderboard\.json is corrupt \(an entry: value 16 has the wrong type\)/);
  });

  it('reads a damaged compact row as a corrupt file and leaves it as it is', async () => {
    const dir = await filledCache();
    const path = join(dir, 'commits.json');
    const doc = JSON.parse(await readFile(path, 'utf8'));
    doc.items[0][4][3] = [99]; // an author index past the string table
    const damaged = JSON.stringify(doc);
    await writeFile(path, damaged);
    await expect(loadDataset(dir)).rejects.toThrow(DataError);
    await expect(CacheStore.open(dir)).rejects.toThrow(/commits\.json is corrupt/);
    expect(await readFile(path, 'utf8')).toBe(damaged);
  });
});
