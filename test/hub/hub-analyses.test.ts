// analyses.md §6 on a hand-built snapshot whose answers are worked out here: multi-parent merges,
// a cycle, a virtual parent, the creation floor, missing params, a legacy id without namespace.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parent, writeSnapshot, FULL_SCHEMA, type FixtureRow } from './snapshot-fixture.js';
import { importHubSnapshot } from '../../source/fetch/hub-snapshot.js';
import { HubStore } from '../../source/hub/store.js';
import { authorRows, intermediaryRows, relationRows, scopeCounts } from '../../source/hub/queries-community.js';
import { hubViewText } from '../../source/views/hub-print.js';
import { adoptionRows, lineageRows, lookupModel, ridOf, sizeRows, topRootRows } from '../../source/hub/queries-lineage.js';
import { Duck } from '../../source/hub/duck.js';
import { cp, stat, writeFile } from 'node:fs/promises';
import { DEFAULT_HUB_QUERY } from '../../source/hub/query-sql.js';
import { concentrationOf, sizesOf, uptakeOf } from '../../source/analysis/hub-shape.js';
import { SIZE_BINS } from '../../source/hub/queries-lineage.js';
import { hubView } from '../../source/views/hub-registry.js';
import { HUB_VIEW_IDS } from '../../source/views/hub-view-common.js';
import { writeHubView } from '../../source/views/hub-print.js';
import { DataError } from '../../source/data/errors.js';

const TG = 'text-generation';
const llama = 'meta-llama/Llama-3-8B';
const qwen = 'Qwen/Qwen2.5-7B';
const ROWS: FixtureRow[] = [
  { id: llama, author: 'meta-llama', createdAt: '2024-04-18T10:00:00Z', downloads: 1000, pipeline_tag: TG, tags: ['license:llama3'], safetensors: { parameters: { BF16: 8_030_000_000 }, total: 8_030_000_000 }, config: { architectures: ['LlamaForCausalLM'], model_type: 'llama' }, siblings: [{ rfilename: 'a' }], cardData: '{"x":1}' },
  { id: qwen, author: 'Qwen', createdAt: '2024-09-19T10:00:00Z', downloads: 500, pipeline_tag: TG, tags: ['license:apache-2.0'], config: { architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2' } },
  { id: 'gpt2', author: null, createdAt: '2022-03-02T23:29:04Z', downloads: 2000, pipeline_tag: TG, safetensors: { parameters: { F32: 137_000_000 }, total: 137_000_000 }, config: { architectures: ['GPT2LMHeadModel'], model_type: 'gpt2' } },
  { id: 'alice/llama-ft', author: 'alice', createdAt: '2024-05-10T00:00:00Z', downloads: 10, baseModels: { relation: 'finetune', models: [parent(llama)] } },
  { id: 'bob/llama-ft-GGUF', author: 'bob', createdAt: '2024-05-20T00:00:00Z', downloads: 50, gguf: { total: 8_030_000_000, architecture: 'llama' }, baseModels: { relation: 'quantized', models: [parent('alice/llama-ft')] } },
  { id: 'carol/merge-x', author: 'carol', createdAt: '2024-10-01T00:00:00Z', downloads: 500, pipeline_tag: TG, safetensors: { parameters: { BF16: 70_000_000_000 }, total: 70_000_000_000 }, baseModels: { relation: 'merge', models: [parent('alice/llama-ft'), parent(qwen)] } },
  { id: 'dave/qwen-lora', author: 'dave', createdAt: '2024-10-05T00:00:00Z', downloads: 0, library_name: 'peft', baseModels: { relation: 'adapter', models: [parent(qwen)] } },
  { id: 'erin/orphan-ft', author: 'erin', createdAt: '2024-11-01T00:00:00Z', downloads: 0, pipeline_tag: TG, baseModels: { relation: 'finetune', models: [parent('ghost/deleted-base')] } },
  { id: 'x/a', author: 'x', createdAt: '2025-01-01T00:00:00Z', pipeline_tag: TG, baseModels: { relation: 'finetune', models: [parent('x/b')] } },
  { id: 'x/b', author: 'x', createdAt: '2025-01-02T00:00:00Z', pipeline_tag: TG, baseModels: { relation: 'finetune', models: [parent('x/a')] } },
  { id: 'frank/bert-cls', author: 'frank', createdAt: '2024-06-01T00:00:00Z', pipeline_tag: 'text-classification' },
  { id: 'frank/bert-cls-ft', author: 'frank', createdAt: '2024-07-01T00:00:00Z', baseModels: { relation: 'finetune', models: [parent('frank/bert-cls')] } },
  { id: 'gina/tiny-model', author: 'gina', createdAt: '2024-12-01T00:00:00Z', pipeline_tag: TG },
];

let dir: string;
let store: HubStore;
const options = DEFAULT_HUB_QUERY;

beforeAll(async () => {
  const file = await writeSnapshot(ROWS);
  dir = await mkdtemp(join(tmpdir(), 'hub-store-'));
  await importHubSnapshot(file, dir);
  store = await HubStore.open(dir);
});
afterAll(() => store?.close());

describe('ingest and lineage', () => {
  test('the manifest says rows, columns, virtual nodes and cycles', () => {
    const m = store.manifest;
    expect(m.rows).toBe(13);
    expect(m.columnsMissing).toEqual([]);
    expect(m.columnsRead).toContain('baseModels');
    expect(m.columnsSkipped).toEqual(expect.arrayContaining(['siblings', 'cardData']));
    // alice, bob, carol ×2, dave, erin, x/a, x/b, frank's finetune
    expect(m.lineage).toMatchObject({ edges: 9, virtualNodes: 1, cycles: 2 });
    expect(m.snapshotDay).toBe('2025-01-02');
  });

  test('scope, the creation floor and a legacy id without namespace', async () => {
    const c = await scopeCounts(store, options);
    // 11 language models: the roots' pipelines carry bob (no pipeline) and dave into scope; frank's pair is out
    expect(c).toMatchObject({ rows: 13, inScope: 11, atFloor: 1, undated: 0, dated: 10, authors: 9 });
    const gpt2 = await lookupModel(store, 'GPT2');
    expect(gpt2).toMatchObject({ id: 'gpt2', author: null, day: null, params: 0.137, params_method: 'safetensors', family: 'GPT-2' });
  });

  test('ids: every model by its id in any case through the hashes, an absent id is none, a store whose hashes this engine would not reproduce is read by scanning, and one of version 2 is refused', async () => {
    const rids = await Promise.all(ROWS.map((r) => ridOf(store, r.id.toUpperCase())));
    expect(rids).toEqual(ROWS.map((_, i) => i));
    expect(await ridOf(store, 'nobody/nothing')).toBeNull();
    expect(await ridOf(store, 'ghost/deleted-base')).toBeNull();
    // another engine's hash: the probe written with the store no longer matches this one's
    const other = await mkdtemp(join(tmpdir(), 'hub-store-'));
    await cp(dir, other, { recursive: true });
    const w = await Duck.open(join(other, 'hub.duckdb'));
    try {
      await w.exec('UPDATE id_hash SET probe = probe + 1');
      await w.exec('UPDATE ids SET h = h + 1');
      await w.exec('CHECKPOINT');
    } finally {
      w.close();
    }
    const manifest = JSON.parse(await readFile(join(other, 'manifest.json'), 'utf8'));
    manifest.storeBytes = (await stat(join(other, 'hub.duckdb'))).size;
    await writeFile(join(other, 'manifest.json'), JSON.stringify(manifest));
    // a store of version 2 (its ids by the id itself) is refused with one line, and left as it is
    const older = await mkdtemp(join(tmpdir(), 'hub-store-'));
    await cp(dir, older, { recursive: true });
    await writeFile(join(older, 'manifest.json'), JSON.stringify({ ...manifest, version: 2 }));
    await expect(HubStore.open(older)).rejects.toThrow(/written by an older hubscope \(store version 2\); fetch or import the snapshot again$/);
    expect((await stat(join(older, 'hub.duckdb'))).size).toBe((await stat(join(dir, 'hub.duckdb'))).size);
    const s = await HubStore.open(other);
    try {
      expect(await ridOf(s, 'ALICE/llama-ft')).toBe(3);
      expect(await ridOf(s, 'nobody/nothing')).toBeNull();
      expect(await lookupModel(s, 'carol/MERGE-x')).toMatchObject({ id: 'carol/merge-x', relation: 'merge' });
    } finally {
      s.close();
    }
  });

  test('params by method, licence, family from the root, roots of a merge and a virtual parent', async () => {
    expect(await lookupModel(store, qwen)).toMatchObject({ params: 7, params_method: 'name', family: 'Qwen2', license: 'apache-2.0' });
    expect(await lookupModel(store, 'bob/llama-ft-GGUF')).toMatchObject({ params: 8.03, params_method: 'gguf', root_id: llama, root_org: 'meta-llama', relation: 'quantized' });
    expect(await lookupModel(store, 'carol/merge-x')).toMatchObject({ root_id: llama, family: 'LLaMA', relation: 'merge', parents: ['alice/llama-ft', qwen] });
    expect(await lookupModel(store, 'erin/orphan-ft')).toMatchObject({ root_id: 'ghost/deleted-base', root_org: 'ghost' });
    expect(await lookupModel(store, 'gina/tiny-model')).toMatchObject({ params: null, params_method: null, relation: 'original' });
    // the cycle is broken at the first repeated node: x/a → x/b → (x/a)
    expect(await lookupModel(store, 'x/a')).toMatchObject({ root_id: 'x/b' });
    expect(await lookupModel(store, 'x/b')).toMatchObject({ root_id: 'x/a' });
  });

  test('H4: a merge counts once in each root family it reaches', async () => {
    const roots = await topRootRows(store, { ...options, top: 3 });
    expect(roots[0]).toMatchObject({ id: llama, descendants: 3, byRelation: { finetune: 1, quantized: 1, merge: 1, adapter: 0 } });
    expect(roots[1]).toMatchObject({ id: qwen, descendants: 2, byRelation: { merge: 1, adapter: 1 } });
    const all = await topRootRows(store, { ...options, top: 20 });
    expect(all.find((r) => r.id === 'ghost/deleted-base')).toMatchObject({ virtual: true, descendants: 1 });
  });
});

describe('the H analyses', () => {
  test('H1: namespaces, top shares, Gini and Price by hand', async () => {
    const rows = await authorRows(store, options);
    const c = concentrationOf(rows.byModels);
    // 9 namespaces hold 10 models (x has 2); gpt2 has none
    expect(c.n).toBe(9);
    expect(c.total).toBe(10);
    expect(c.top10Share).toBe(1);
    // ascending [1,1,1,1,1,1,1,1,2]: Σ i·x = 36 + 18 = 54; G = 2·54/(9·10) − 10/9
    expect(c.gini).toBeCloseTo(108 / 90 - 10 / 9, 10);
    // √9 = 3: 2 + 1 + 1 of 10
    expect(c.price).toEqual({ k: 3, share: 0.4 });
    expect(rows.noAuthor).toBe(1);
    expect(rows.top[0]).toMatchObject({ author: 'x', models: 2 });
  });

  test('H2: relations per month, the floor left out', async () => {
    const r = await relationRows(store, options);
    expect(Object.fromEntries(r.totals.map((t) => [t.name, t.n]))).toEqual({ original: 4, finetune: 4, quantized: 1, merge: 1, adapter: 1 });
    const may = r.rows.filter((x) => x.key === '2024-05');
    expect(may).toEqual([{ key: '2024-05', name: 'finetune', n: 1 }, { key: '2024-05', name: 'quantized', n: 1 }]);
    expect(r.rows.reduce((s, x) => s + x.n, 0)).toBe(10);
  });

  test('H5: uptake of Llama by day since its creation', async () => {
    const [rows] = await adoptionRows(store, { ...options, roots: [llama] });
    const u = uptakeOf(rows!);
    // alice +22 days, bob +32, carol +166 (2024-04-18 → 2024-10-01)
    expect(u.cumulative).toEqual([{ offset: 22, total: 1 }, { offset: 32, total: 2 }, { offset: 166, total: 3 }]);
    expect(u.first30Share).toBeCloseTo(1 / 3, 10);
    expect(u.day100).toBeNull();
  });

  test('H6: coverage, under 20 B, downloads at ≤ 15 B', async () => {
    const s = sizesOf(await sizeRows(store, options), SIZE_BINS);
    // known: Llama 8.03, Qwen 7 (name), gpt2 0.137, bob 8.03 (gguf), carol 70 of 11
    expect(s.known).toBe(5);
    expect(s.coverage).toBeCloseTo(5 / 11, 10);
    expect(s.under20Share).toBe(0.8);
    // downloads of known: 1000 + 500 + 2000 + 50 + 500 = 4050; at ≤ 15 B: 3550
    expect(s.downloadsAtMost15Share).toBeCloseTo(3550 / 4050, 10);
    expect(s.byMethod).toEqual({ safetensors: 3, gguf: 1, name: 1 });
  });

  test('H7: intermediaries', async () => {
    const [quantized, adapter] = await intermediaryRows(store, options);
    expect(quantized).toMatchObject({ relation: 'quantized', total: 1, top: [{ author: 'bob', n: 1 }] });
    expect(adapter).toMatchObject({ relation: 'adapter', total: 1, top: [{ author: 'dave', n: 1 }] });
  });

  test('lineage: parents, chain up, tree down, a cycle, a virtual node', async () => {
    const merge = await lineageRows(store, { ...options, base: 'CAROL/merge-x' });
    expect(merge.parents.map((n) => n.id)).toEqual(['alice/llama-ft', qwen]);
    expect(merge.chain.map((n) => n.id)).toEqual(['carol/merge-x', 'alice/llama-ft', llama]);
    expect(merge.cycle).toBe(false);
    const root = await lineageRows(store, { ...options, base: llama });
    expect(root.descendants).toBe(3);
    expect(root.byRelation).toEqual({ finetune: 1, quantized: 1, merge: 1 });
    expect(root.children.map((n) => n.id)).toEqual(['alice/llama-ft']);
    const cycle = await lineageRows(store, { ...options, base: 'x/a' });
    expect(cycle.chain.map((n) => n.id)).toEqual(['x/a', 'x/b']);
    expect(cycle.cycle).toBe(true);
    const ghost = await lineageRows(store, { ...options, base: 'ghost/deleted-base' });
    expect(ghost.node).toMatchObject({ virtual: true, children: 1 });
    expect(ghost.children.map((n) => n.id)).toEqual(['erin/orphan-ft']);
    // whether the model itself is in the language-model scope (§6 "Scope"): frank's classifier
    // is not; a virtual node cannot say; the lineage view says so of one out of scope
    expect(merge.node).toMatchObject({ inScope: true });
    expect(ghost.node).toMatchObject({ inScope: null });
    expect((await lineageRows(store, { ...options, base: 'frank/bert-cls' })).node).toMatchObject({ inScope: false });
    const text = hubViewText(await hubView(store, 'lineage', { base: 'frank/bert-cls' }), { width: 200, color: false }).join('\n');
    expect(text).toContain('The model (not a language model itself, nor its root: outside the scope');
    expect(hubViewText(await hubView(store, 'lineage', { base: llama }), { width: 200, color: false }).join('\n')).not.toContain('outside the scope');
  });

  test('every view in every format says its scope, snapshot and coverage', async () => {
    for (const id of HUB_VIEW_IDS) {
      const view = await hubView(store, id, { base: llama });
      expect(view.summary).toContain('language models: 11 of 13');
      expect(view.summary).toContain('snapshot 2025-01-02');
      for (const format of ['text', 'markdown', 'json'] as const) expect(writeHubView(view, format, { width: 80, color: false }).length).toBeGreaterThan(50);
      if (view.csv && view.csv.columns.length > 0) expect(writeHubView(view, 'csv', { width: 80, color: false })).toContain(view.csv.columns[0]);
    }
    const sizes = await hubView(store, 'sizes');
    expect(sizes.summary).toContain('params known for 45.5 % of models');
    const all = await hubView(store, 'overview', { scope: 'all' });
    expect(all.summary).toContain('all models: 13 of 13');
  });
});

describe('leaderboard scores in the lineage view', () => {
  test('a score joins by repo id (any case) where a model is on a leaderboard; the others show none', async () => {
    const scores = new Map([[llama.toLowerCase(), { score: 62.25, generation: 'v2' }], ['alice/llama-ft', { score: 55.1, generation: 'v1' }]]);
    const view = await hubView(store, 'lineage', { base: 'carol/MERGE-x', scores });
    const text = writeHubView(view, 'text', { width: 120, color: false });
    // the chain carol/merge-x → alice/llama-ft → Llama: carol has no score
    expect(text).toMatch(/alice\/llama-ft .* 55\.10 \(v1\)/);
    expect(text).toMatch(/meta-llama\/Llama-3-8B .* 62\.25 \(v2\)/);
    expect(text).toMatch(/carol\/merge-x .* – *$/m);
    expect((view.data as { scores: unknown }).scores).toEqual({ 'alice/llama-ft': { score: 55.1, generation: 'v1' }, [llama]: { score: 62.25, generation: 'v2' } });
    const csv = writeHubView(await hubView(store, 'lineage', { base: llama, scores }), 'csv', { width: 80, color: false });
    expect(csv.split('\n')[0]).toBe('model,relation,created,downloads,params,children,score,leaderboard');
    expect(csv).toContain('alice/llama-ft,finetune,2024-05-10,10,,2,55.1,v1');
    // without scores: no Score column
    expect(writeHubView(await hubView(store, 'lineage', { base: llama }), 'text', { width: 120, color: false })).not.toContain('Score');
  });
});

describe('snapshots with columns missing', () => {
  test('optional columns missing: said, and parents come from base_model: tags', async () => {
    const schema = { ...FULL_SCHEMA };
    for (const c of ['baseModels', 'safetensors', 'gguf', 'config']) delete schema[c];
    const file = await writeSnapshot([
      { id: llama, author: 'meta-llama', createdAt: '2024-04-18T00:00:00Z', pipeline_tag: TG },
      { id: 'a/ft-8B', author: 'a', createdAt: '2024-05-01T00:00:00Z', tags: [`base_model:${llama}`, `base_model:finetune:${llama}`] },
    ], { schema });
    const out = await mkdtemp(join(tmpdir(), 'hub-store-'));
    const manifest = await importHubSnapshot(file, out);
    expect(manifest.columnsMissing).toEqual(['baseModels', 'safetensors.total', 'gguf.total', 'gguf.architecture', 'config.architectures', 'config.model_type']);
    const s = await HubStore.open(out);
    try {
      expect(await lookupModel(s, 'a/ft-8B')).toMatchObject({ relation: 'finetune', parents: [llama], root_id: llama, params: 8, params_method: 'name' });
      const view = await hubView(s, 'overview');
      expect(view.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('has no baseModels, safetensors.total'))).toBe(true);
    } finally {
      s.close();
    }
  });

  test('no id column: one line, and the store already there is kept', async () => {
    const schema = { ...FULL_SCHEMA };
    delete schema.id;
    const file = await writeSnapshot([{ id: 'ignored', author: 'a' }], { schema });
    const before = await readFile(join(dir, 'manifest.json'), 'utf8');
    const error = await importHubSnapshot(file, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(/has no id column.*nothing was changed/);
    expect((error as Error).message).not.toContain('\n');
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe(before);
    expect((await scopeCounts(store, { ...options, scope: 'all', top: 1 })).rows).toBe(13);
  });
});
