#!/usr/bin/env node
// Writes a deterministic synthetic cache of N models (default 100,000) for the UI benchmark:
// raw leaderboard rows (v1 columns), Hub model objects and commit pages with realistic
// distributions, passed through hubscope's own normalisers and cache store: the TypeScript
// sources themselves (bench/load-source.mjs bundles them with esbuild), so the cache written
// is whatever layout the cache code writes today. Runs from a clean clone after `npm ci`.
// Usage: bench/synth-cache.mjs [--models N] [--seed S] --cache DIR
import { parseArgs } from 'node:util';
import { rm } from 'node:fs/promises';
import { loadSource } from './load-source.mjs';

const { normaliseRows, normaliseInfo, ActivityBuilder, CacheStore } = await loadSource({
  normaliseRows: 'source/data/normalise-row.ts',
  normaliseInfo: 'source/data/normalise-info.ts',
  ActivityBuilder: 'source/data/normalise-info.ts',
  CacheStore: 'source/cache/store.ts',
});

const { values } = parseArgs({
  options: { models: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' }, cache: { type: 'string' } },
});
if (!values.cache) {
  console.error('synth-cache: --cache DIR is required');
  process.exit(2);
}
const N = Number(values.models);

// mulberry32: a small, fast, deterministic PRNG
let state = Number(values.seed) >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(rand() * items.length)];
function weighted(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
}
const normal = () => Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());

// Architecture families with their share, classes and sizes (B params), roughly as on the leaderboard.
const FAMILIES = [
  ['LlamaForCausalLM', 0.35, [7, 7, 7, 13, 8, 70, 1.1, 3]],
  ['MistralForCausalLM', 0.3, [7.24]],
  ['MixtralForCausalLM', 0.06, [46.7, 12.9, 141]],
  ['Qwen2ForCausalLM', 0.05, [0.5, 1.5, 7.6, 72.7]],
  ['GemmaForCausalLM', 0.03, [2.5, 8.5]],
  ['PhiForCausalLM', 0.03, [2.78, 1.4]],
  ['Phi3ForCausalLM', 0.02, [3.8, 14]],
  ['GPT2LMHeadModel', 0.02, [0.12, 0.35, 0.77, 1.5]],
  ['GPTNeoXForCausalLM', 0.02, [0.4, 1.4, 6.9, 12]],
  ['?', 0.1, [7, 13, 0]],
  ['OPTForCausalLM', 0.01, [0.35, 1.3, 6.7, 30]],
  ['FalconForCausalLM', 0.01, [7, 40]],
];
const TYPES = [
  ['🔶 fine-tuned on domain-specific datasets', 0.58],
  ['💬 chat models (RLHF, DPO, IFT, ...)', 0.2],
  ['🤝 base merges and moerges', 0.13],
  ['🟢 pretrained', 0.06],
  ['🟩 continuously pretrained', 0.01],
  ['', 0.02],
];
const LICENSES = [['apache-2.0', 5], ['mit', 2], ['llama2', 2], ['cc-by-nc-4.0', 1], ['other', 1], ['llama3', 1]];
const SYLLABLES = ['neo', 'hermes', 'orca', 'zephyr', 'dolphin', 'wizard', 'nous', 'open', 'tiny', 'mega', 'sol', 'yi',
  'uni', 'beagle', 'marco', 'pivot', 'kun', 'sakura', '通义', 'ko', 'ja', 'ultra', 'lemur', 'platypus', 'slerp', 'dare'];

// Authors: a power law of repos per namespace; commit authors from a pool.
const namespaces = [];
const nsCount = Math.max(10, Math.round(N / 5));
for (let i = 0; i < nsCount; i++) namespaces.push(`${pick(SYLLABLES)}${pick(SYLLABLES)}-${i.toString(36)}`);
const pickNamespace = () => namespaces[Math.min(nsCount - 1, Math.floor(nsCount * Math.pow(rand(), 2.2)))];

const START = Date.UTC(2023, 1, 24);
const END = Date.UTC(2024, 5, 30);
// creation times grow exponentially over the period
const created = () => new Date(START + (END - START) * Math.pow(rand(), 0.45)).toISOString();

const header = ['eval_name', 'Precision', 'Type', 'T', 'Weight type', 'Architecture', 'Model', 'fullname', 'Model sha',
  'Average ⬆️', 'Hub License', 'Hub ❤️', '#Params (B)', 'Available on the hub', 'Merged', 'MoE', 'Flagged',
  'ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K'];
const rows = [];
const hubModels = [];
const commitPages = [];
const bases = []; // repos that can be declared as base models, by class
const seenIds = new Set();
for (let i = 0; i < N; i++) {
  const [cls, , sizes] = weighted(FAMILIES.map((f) => [f, f[1]]));
  const params = pick(sizes);
  const type = weighted(TYPES);
  const ns = pickNamespace();
  let id = `${ns}/${pick(SYLLABLES)}-${pick(SYLLABLES)}-${params || 7}b-v${i % 7}.${i}`;
  if (seenIds.has(id.toLowerCase())) id = `${id}-x`;
  seenIds.add(id.toLowerCase());
  const when = created();
  const months = (Date.parse(when) - START) / (30 * 86400000);
  const score = Math.max(20, Math.min(82, 38 + 6 * Math.log2(1 + params) + months * 0.9 + normal() * 5));
  const bench = () => Math.max(0, Math.min(100, score + normal() * 8)).toFixed(2);
  const isBase = type.includes('pretrained') || rand() < 0.05;
  const family = bases.filter((b) => b.cls === cls);
  const base = !isBase && family.length > 0 && rand() < 0.8 ? family[Math.floor(family.length * Math.pow(rand(), 3))] : null;
  const row = {
    eval_name: id.replace('/', '_') + '_bfloat16', Precision: pick(['bfloat16', 'float16', 'bfloat16', '4bit']),
    Type: type, T: type.split(' ')[0] || '', 'Weight type': rand() < 0.1 ? 'Adapter' : 'Original', Architecture: cls,
    Model: `<a href="https://huggingface.co/${id}">${id}</a>`, fullname: id, 'Model sha': (i * 2654435761 >>> 0).toString(16),
    'Average ⬆️': score.toFixed(2), 'Hub License': weighted(LICENSES), 'Hub ❤️': Math.floor(Math.pow(rand(), 6) * 500),
    '#Params (B)': params, 'Available on the hub': rand() > 0.04, Merged: type.includes('merge'), MoE: cls.includes('Mixtral'),
    Flagged: rand() < 0.015,
    ARC: bench(), HellaSwag: bench(), MMLU: bench(), TruthfulQA: bench(), Winogrande: bench(), GSM8K: bench(),
  };
  rows.push(row);
  if (rand() < 0.05) rows.push({ ...row, Precision: 'float16', 'Average ⬆️': (score - rand()).toFixed(2) });
  if (isBase) bases.push({ id, cls });
  if (rand() < 0.9) {
    const tags = ['transformers', 'safetensors', cls.replace(/ForCausalLM|LMHeadModel/, '').toLowerCase(), 'text-generation', 'region:us'];
    if (base) tags.push(`base_model:${base.id}`, `base_model:${type.includes('merge') ? 'merge' : 'finetune'}:${base.id}`);
    if (type.includes('merge')) tags.push('mergekit', 'merge');
    hubModels.push({
      id, author: ns, createdAt: when, lastModified: when, downloads: Math.floor(Math.pow(rand(), 8) * 2e6 / (1 + params / 10)),
      likes: row['Hub ❤️'], tags, library_name: 'transformers', pipeline_tag: 'text-generation',
      cardData: { license: row['Hub License'], ...(base ? { base_model: base.id } : {}), language: ['en'] },
      safetensors: { total: Math.round(params * 1e9) },
    });
  }
  if (rand() < 0.85) {
    const count = 1 + Math.floor(Math.pow(rand(), 3) * 40);
    const authors = [ns, ...(rand() < 0.3 ? [`user${Math.floor(rand() * 30000)}`] : [])];
    const t0 = Date.parse(when);
    commitPages.push([id, Array.from({ length: count }, (_, k) => ({
      id: String(k), title: 'Upload', authors: [{ user: k === 0 ? 'system' : authors[k % authors.length] }],
      date: new Date(t0 + k * 3600000).toISOString(),
    }))]);
  }
}

const names = header;
const { entries, generation } = normaliseRows(rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n]]))), names);
await rm(values.cache, { recursive: true, force: true });
const store = await CacheStore.open(values.cache);
const now = new Date(END).toISOString();
store.setLeaderboard({
  schema: 1, dataset: 'synthetic/leaderboard', revision: `seed-${values.seed}`, origin: 'synthetic', generation,
  columns: names, total: rows.length, complete: true, nextOffset: rows.length, fetchedAt: now, entries, problems: [],
});
for (const model of hubModels) store.putInfo(model.id.toLowerCase(), { status: 'ok', fetchedAt: now }, normaliseInfo(model));
for (const [id, page] of commitPages) {
  const builder = new ActivityBuilder();
  builder.addPage(page);
  store.putActivity(id.toLowerCase(), { status: 'ok', fetchedAt: now }, builder.build());
}
for (const stage of ['leaderboard', 'info', 'commits']) store.markCompleted(stage, now);
await store.flush();
console.log(`synth-cache: ${entries.length} entries (${N} models), ${hubModels.length} model infos, ${commitPages.length} commit histories → ${values.cache}`);
