#!/usr/bin/env node
// Writes a deterministic synthetic `cfahlgren1/hub-stats` models.parquet (hub-api.md §12 columns
// and types, nested baseModels / safetensors / gguf / config, wide siblings / cardData / config
// templates so column projection matters), shaped by §12's published figures: baseModels on
// ~28 % (relation mix adapter 42.6 / finetune 35.9 / quantized 19.2 / merge 2.3 %), params on
// ~23 %, heavy-tailed authors and downloads, most models without downloads, a root mix shifting
// from Llama to Qwen over 2024–26, the creation floor 2022-03-02T23:29:04Z, virtual parents,
// a few cycles, legacy ids without namespace. The v1 snapshot's real model infos
// (../shared/data/leaderboard-v1-2024/model_info.csv, read at run time) are real rows among
// them, and are also written alone (--real-out) for issue 10's acceptance 2.
//
// usage: bench/synth-hub-stats.mjs [--rows N (3100000)] [--seed S (7)] [--out FILE]
//        [--real-out FILE] [--model-info FILE] [--snapshot YYYY-MM-DD (2026-10-01)]
// The rows are drawn in JS into a tab-separated file of flat fields; DuckDB builds the nested
// columns and writes the parquet (COPY … (FORMAT parquet)).
import { parseArgs } from 'node:util';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { KNOTS, LICENSES, LLM_GROUPS, LLM_ROOTS, ORIGINAL_ARCH, ORIGINAL_PIPELINES, OTHER_ROOTS, QUANTIZERS } from './synth-hub-roots.mjs';
import { buildParquetSql } from './synth-hub-sql.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '3100000' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: resolve(here, '../.tmp/hub-stats/models.parquet') },
    'real-out': { type: 'string', default: resolve(here, '../.tmp/hub-stats/real-models.parquet') },
    'model-info': { type: 'string', default: resolve(here, '../../shared/data/leaderboard-v1-2024/model_info.csv') },
    snapshot: { type: 'string', default: '2026-10-01' },
  },
});
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 1) {
  console.error('synth-hub-stats: --rows must be a positive integer');
  process.exit(2);
}
const started = Date.now();

// mulberry32: small, fast, deterministic
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
  const total = pairs.reduce((s, p) => s + p[p.length - 1], 0);
  let r = rand() * total;
  for (const p of pairs) if ((r -= p[p.length - 1]) < 0) return p;
  return pairs[pairs.length - 1];
}
const pareto = (scale, alpha, cap) => Math.min(cap, Math.floor(scale * Math.pow(1 / (1 - rand()), 1 / alpha)));

const FLOOR = Date.parse('2022-03-02T23:29:04Z');
const START = Date.parse('2022-03-03T00:00:00Z');
const END = Date.parse(`${values.snapshot}T00:00:00Z`) - 3_600_000;
const DAY = 86_400_000;
const yearOf = (t) => 1970 + t / (365.25 * DAY);

// ---- real rows: the v1 snapshot's model infos -------------------------------------------------
const pyList = (text) => (text ? [...String(text).matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2]) : []);
const clean = (text) => (text === undefined || text === null ? '' : String(text).replace(/[\t\n\r\x1f]/g, ' ').trim());
// a model's pipeline from its tags: the Hub gives one pipeline_tag, and a text-generation tag
// beside another (feature-extraction, the old `conversational`) is the one it reports
const PIPELINES = ['text-generation', 'text2text-generation', 'image-text-to-text', 'text-classification', 'feature-extraction', 'conversational'];
const MODEL_TYPES = ['llama', 'mistral', 'mixtral', 'qwen2', 'qwen', 'gemma', 'phi', 'phi3', 'gpt2', 'gpt_neox', 'falcon', 'opt', 'stablelm', 'mpt', 'bloom', 'gptj', 'gpt_bigcode', 'deci', 't5'];
function realRows() {
  const all = parse(readFileSync(values['model-info']), { columns: true, skip_empty_lines: true, relax_quotes: true });
  // an id listed more than once (case aside: 300 in the CSV) is one Hub model: keep its most
  // complete copy (the first of those), as some first copies are blank rows
  const filled = (r) => ['author', 'created_at', 'downloads', 'tags', 'base_model'].filter((k) => clean(r[k]) !== '').length;
  const best = new Map();
  for (const r of all) {
    const key = clean(r.name).toLowerCase();
    if (key && (!best.has(key) || filled(r) > filled(best.get(key)))) best.set(key, r);
  }
  const records = [...best.values()];
  const rows = [];
  for (const r of records) {
    const id = clean(r.name);
    const tags = pyList(r.tags).map(clean).filter(Boolean);
    const base = r.base_model?.startsWith('[') ? pyList(r.base_model) : r.base_model ? [clean(r.base_model)] : [];
    // every declared base but the model itself: a legacy id without namespace (gpt2) stays a
    // parent, one the file lacks a virtual node (analyses.md §6 "Lineage")
    const parents = base.map(clean).filter((p) => p && p.toLowerCase() !== id.toLowerCase() && p !== 'unknown');
    const lib = clean(r.library_name) || null;
    const lower = id.toLowerCase();
    const relation = parents.length === 0 ? null
      : parents.length > 1 || tags.some((t) => t.includes('merge')) ? 'merge'
      : lib === 'peft' || /lora|adapter/.test(lower) ? 'adapter'
      : /gguf|gptq|awq|exl2|4bit|8bit/.test(lower) ? 'quantized' : 'finetune';
    const created = r.created_at ? Date.parse(r.created_at.replace(' ', 'T')) : null;
    const modified = r.last_modified ? Date.parse(r.last_modified.replace(' ', 'T')) : null;
    rows.push({
      id,
      author: clean(r.author) || null,
      created,
      modified,
      downloads: r.downloads === '' || r.downloads === undefined ? null : Math.round(Number(r.downloads)),
      all: null,
      likes: null,
      trending: null,
      pipeline: PIPELINES.find((p) => tags.includes(p)) ?? null,
      library: lib,
      tags,
      relation,
      parents,
      st: null,
      gguf: null,
      ggufArch: null,
      arch: null,
      modelType: tags.find((t) => MODEL_TYPES.includes(t)) ?? null,
      license: tags.find((t) => t.startsWith('license:'))?.slice(8) ?? null,
      gated: null,
      template: null,
      files: created === null ? 0 : 4 + (rows.length % 9),
      card: tags.length > 0,
    });
  }
  return rows;
}

// ---- the TSV of flat fields ---------------------------------------------------------------------
const SEP = '\x1f';
const iso = (t) => (t === null ? '' : new Date(t).toISOString().replace('T', ' ').replace('Z', ''));
const num = (v) => (v === null || v === undefined ? '' : String(v));
function line(r) {
  return [
    r.id, r.author ?? '', iso(r.created), iso(r.modified), num(r.downloads), num(r.all), num(r.likes), num(r.trending),
    r.pipeline ?? '', r.library ?? '', r.tags.join(SEP), r.relation ?? '', r.parents.join(SEP), num(r.st), num(r.gguf),
    r.ggufArch ?? '', r.arch ?? '', r.modelType ?? '', r.license ?? '', r.gated ?? '', num(r.template), num(r.files), r.card ? '1' : '',
  ].join('\t');
}
class TsvWriter {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.buffer = [];
    this.rows = 0;
  }
  push(r) {
    this.buffer.push(line(r));
    this.rows += 1;
    if (this.buffer.length >= 20_000) this.flush();
  }
  flush() {
    if (this.buffer.length > 0) writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

// ---- the synthetic Hub -------------------------------------------------------------------------
const real = realRows();
const realKeys = new Set(real.map((r) => r.id.toLowerCase()));
const ids = new Set(realKeys);
const roots = [
  ...LLM_ROOTS.map(([id, day, params, arch, modelType, pipeline, group]) => ({ id, day, params, arch, modelType, pipeline, group, llm: true })),
  ...OTHER_ROOTS.map(([id, day, params, arch, modelType, pipeline]) => ({ id, day, params, arch, modelType, pipeline, group: null, llm: false })),
].map((root) => ({ ...root, t: root.day === '2022-03-02' ? FLOOR : Date.parse(`${root.day}T16:00:00Z`), members: [], license: weighted(LICENSES)[0] }));
roots.sort((a, b) => a.t - b.t);
const rootCount = roots.filter((r) => !realKeys.has(r.id.toLowerCase())).length;
const synthetic = Math.max(0, ROWS - real.length - rootCount);

const AUTHOR_POOL = Math.max(50, Math.round(synthetic * 0.4));
const SYL = ['ka', 'ro', 'mi', 'tu', 'le', 'za', 'no', 'vi', 'sha', 'qu', 'de', 'li', 'an', 'ol', 'ex', 'ry'];
function authorName(k) {
  let s = '';
  let x = k + 17;
  while (x > 0) {
    s += SYL[x % 16];
    x = Math.floor(x / 16);
  }
  return k % 5 === 0 ? `${s}-ai` : k % 7 === 0 ? `${s[0].toUpperCase()}${s.slice(1)}Lab` : `${s}${k % 97}`;
}
const author = () => authorName(Math.floor(AUTHOR_POOL * Math.pow(rand(), 3)));

const nextSuffix = new Map();
function uniqueId(ns, stem) {
  const first = ns ? `${ns}/${stem}` : stem;
  let id = first;
  let n = nextSuffix.get(first) ?? 2;
  while (ids.has(id.toLowerCase())) id = `${first}-v${n++}`;
  if (id !== first) nextSuffix.set(first, n);
  ids.add(id.toLowerCase());
  return id;
}
const nameOf = (id) => id.slice(id.indexOf('/') + 1);

function groupWeight(group, y) {
  const w = LLM_GROUPS[group];
  if (y <= KNOTS[0]) return w[0];
  for (let i = 1; i < KNOTS.length; i += 1) {
    if (y <= KNOTS[i]) return w[i - 1] + ((w[i] - w[i - 1]) * (y - KNOTS[i - 1])) / (KNOTS[i] - KNOTS[i - 1]);
  }
  return w[w.length - 1];
}
function pickRoot(t, llm, imageFirst) {
  const out = roots.filter((r) => r.llm === llm && r.t <= t && (llm || !imageFirst || r.pipeline === 'text-to-image'));
  const pool = out.length > 0 ? out : roots.filter((r) => r.llm === llm && r.t <= t);
  if (pool.length === 0) return null;
  if (!llm) return pick(pool);
  const y = yearOf(t);
  const groups = [...new Set(pool.map((r) => r.group))].map((g) => [g, groupWeight(g, y) + 1e-4]);
  const [group] = weighted(groups);
  // newer releases of a vendor draw more of its derivatives
  return weighted(pool.filter((r) => r.group === group).map((r) => [r, 1 / (1 + (t - r.t) / (200 * DAY))]))[0];
}
function familyParent(root, recentBias) {
  const m = root.members;
  if (m.length === 0) return root.id;
  const i = rand() < recentBias ? m.length - 1 - Math.floor(Math.min(m.length, 3000) * rand()) : Math.floor(m.length * Math.pow(rand(), 2));
  return m[Math.max(0, i)];
}

const FT = ['-sft', '-dpo', '-Instruct', '-chat', '-ft', '-orpo', '-grpo', '-math', '-code', '-roleplay', '-ko', '-ja', '-de', '-tr', '-uncensored', '-reasoning', '-medical', '-finetuned', '-v2', '-alpaca'];
const AD = ['-lora', '-qlora', '-adapter', '-LoRA', '-peft'];
const QU = ['-GGUF', '-i1-GGUF', '-Q4_K_M-GGUF', '-AWQ', '-GPTQ', '-4bit', '-bnb-4bit', '-8bit', '-exl2', '-MLX-4bit'];
const ME = ['-slerp', '-ties', '-dare-ties', '-merge', '-della', '-model_stock'];
const WORDS = ['my-model', 'test', 'ppo-LunarLander-v2', 'bert-finetuned-ner', 'distilbert-imdb', 'whisper-small-hi', 'vit-cifar10', 'sd-class-butterflies', 'dqn-SpaceInvaders', 't5-small-summ', 'gpt2-poetry', 'tiny-random', 'sentiment', 'classifier', 'wav2vec2-base', 'yolo-detector', 'xlm-roberta-ner'];

function base(t) {
  const modified = Math.min(END, t + Math.floor(rand() * 200) * DAY);
  const zero30 = rand() < 0.64;
  const downloads = zero30 ? 0 : pareto(2, 0.9, 30_000_000);
  const all = rand() < 0.42 && zero30 ? 0 : downloads + (rand() < 0.3 ? 0 : pareto(4, 0.85, 200_000_000));
  // one object shape for every row (spreads into literals made V8 fall back to slow objects)
  return {
    id: '', author: null, created: t, modified, downloads, all,
    likes: rand() < 0.82 ? 0 : pareto(1, 1.25, 50_000),
    trending: rand() < 0.95 ? 0 : Math.round(rand() * 400) / 10,
    pipeline: null, library: null, tags: [], relation: null, parents: [], st: null, gguf: null, ggufArch: null,
    arch: null, modelType: null, license: null,
    gated: 'false', template: null, files: 3 + Math.floor(Math.pow(rand(), 2) * 45), card: rand() < 0.7,
  };
}
function tagsFor(r) {
  const tags = [];
  if (r.library) tags.push(r.library);
  if (r.gguf !== null) tags.push('gguf');
  if (r.modelType) tags.push(r.modelType);
  if (r.pipeline) tags.push(r.pipeline);
  if (r.relation === 'merge') tags.push('mergekit', 'merge');
  for (const p of r.parents) tags.push(`base_model:${p}`, `base_model:${r.relation}:${p}`);
  if (r.license) tags.push(`license:${r.license}`);
  tags.push('region:us');
  return tags;
}

function rootRow(root) {
  const b = base(root.t);
  const st = root.params > 0 ? Math.round(root.params * 1e9) : null;
  const r = Object.assign(b, {
    id: root.id, author: root.id.includes('/') ? root.id.split('/')[0] : null,
    downloads: pareto(200_000, 1.2, 40_000_000), likes: pareto(300, 1.1, 20_000), pipeline: root.pipeline,
    library: root.arch ? 'transformers' : 'diffusers', st,
    arch: root.arch, modelType: root.modelType, license: root.license, gated: root.group === 'llama' || root.group === 'gemma' ? 'manual' : 'false',
    template: root.llm ? Math.floor(rand() * 12) : null, card: true,
  });
  r.all = r.downloads * (5 + Math.floor(rand() * 40));
  r.tags = tagsFor(r);
  ids.add(root.id.toLowerCase());
  return r;
}

let virtualCount = 0;
function syntheticRow(t) {
  const b = base(t);
  const derived = rand() < (t === FLOOR ? 0.05 : 0.283);
  if (!derived) {
    const [pipeline] = weighted(ORIGINAL_PIPELINES);
    const archPick = ORIGINAL_ARCH[pipeline] && rand() < 0.8 ? weighted(ORIGINAL_ARCH[pipeline]) : null;
    const llmish = pipeline === 'text-generation' || pipeline === 'image-text-to-text';
    const stParams = rand() < (llmish ? 0.55 : pipeline === null ? 0.1 : 0.2) ? Math.round((llmish ? 1e8 : 1e6) * Math.exp(rand() * 4.5)) : null;
    const ns = author();
    const stem = `${pick(WORDS)}${rand() < 0.5 ? `-${Math.floor(rand() * 100)}` : ''}`;
    const r = b;
    r.id = uniqueId(ns, stem);
    r.author = ns;
    r.pipeline = pipeline;
    r.library = pipeline === 'reinforcement-learning' ? 'stable-baselines3' : pipeline === 'text-to-image' ? 'diffusers' : pipeline === null ? (rand() < 0.5 ? null : 'transformers') : 'transformers';
    r.st = stParams;
    r.arch = archPick?.[0] ?? null;
    r.modelType = archPick?.[1] ?? null;
    r.license = weighted(LICENSES)[0];
    r.tags = tagsFor(r);
    return r;
  }
  const [relation] = weighted([['adapter', 42.6], ['finetune', 35.9], ['quantized', 19.2], ['merge', 2.3]]);
  const llm = rand() < { adapter: 0.45, finetune: 0.75, quantized: 0.98, merge: 0.95 }[relation];
  const root = pickRoot(t, llm, relation === 'adapter') ?? pickRoot(t, !llm, false);
  if (root === null) return syntheticRow(t + DAY);
  let parents;
  if (relation === 'adapter') parents = [rand() < 0.8 ? root.id : familyParent(root, 0.3)];
  else if (relation === 'finetune') parents = [rand() < 0.55 ? root.id : familyParent(root, 0.5)];
  else if (relation === 'quantized') parents = [rand() < 0.4 ? root.id : familyParent(root, 0.7)];
  else {
    const n = 2 + Math.floor(rand() * rand() * 3);
    parents = [];
    for (let k = 0; k < n; k += 1) {
      const other = k > 0 && rand() < 0.1 ? pickRoot(t, true, false) ?? root : root;
      const p = familyParent(other, 0.6);
      if (!parents.includes(p)) parents.push(p);
    }
  }
  const ns = relation === 'quantized' && rand() < 0.62 ? weighted(QUANTIZERS)[0] : author();
  if (rand() < 0.015) {
    parents[0] = `${authorName(Math.floor(rand() * AUTHOR_POOL))}/${nameOf(root.id)}-deleted-${virtualCount}`;
    virtualCount += 1;
  }
  const suffix = pick({ adapter: AD, finetune: FT, quantized: QU, merge: ME }[relation]);
  const stemBase = relation === 'quantized' ? nameOf(parents[0]).replace(/-deleted-\d+$/, '') : nameOf(root.id);
  const isGguf = relation === 'quantized' && suffix.includes('GGUF');
  const rootParams = Math.round(root.params * 1e9);
  let st = null;
  let gguf = null;
  if (relation === 'finetune' && rand() < 0.55 && rootParams > 0) st = rootParams + Math.floor(rand() * 4) * 4096;
  else if (relation === 'merge' && rand() < 0.75 && rootParams > 0) st = rand() < 0.15 ? Math.round(rootParams * 1.5) : rootParams;
  else if (relation === 'adapter' && rand() < 0.08) st = Math.round(1e6 * Math.exp(rand() * 5));
  else if (relation === 'quantized' && isGguf && rand() < 0.8 && rootParams > 0) gguf = rootParams;
  else if (relation === 'quantized' && !isGguf && rand() < 0.12 && rootParams > 0) st = Math.round(rootParams / 4);
  const withConfig = relation === 'finetune' || relation === 'merge' || (relation === 'quantized' && !isGguf);
  const r = b;
  r.id = uniqueId(ns, `${stemBase}${suffix}`);
  r.author = ns;
  r.pipeline = rand() < 0.85 ? root.pipeline : null;
  r.library = relation === 'adapter' ? (root.llm ? 'peft' : 'diffusers') : isGguf ? null : root.arch ? 'transformers' : 'diffusers';
  r.relation = relation;
  r.parents = parents;
  r.st = st;
  r.gguf = gguf;
  r.ggufArch = gguf !== null ? root.modelType : null;
  r.arch = withConfig && rand() < 0.75 ? root.arch : null;
  r.modelType = withConfig ? root.modelType : null;
  r.license = rand() < 0.6 ? root.license : weighted(LICENSES)[0];
  r.template = root.llm && withConfig && rand() < 0.6 ? Math.floor(rand() * 12) : null;
  r.tags = tagsFor(r);
  if ((relation === 'finetune' || relation === 'merge') && root.members.length < 400_000) root.members.push(r.id);
  return r;
}

// ---- the timeline: floor rows, then growth ∝ exp(k t); roots and real rows at their own times ---
const outDir = dirname(values.out);
mkdirSync(outDir, { recursive: true });
mkdirSync(dirname(values['real-out']), { recursive: true });
const allPath = `${values.out}.tsv`;
const realPath = `${values['real-out']}.tsv`;
const all = new TsvWriter(allPath);
const realOnly = new TsvWriter(realPath);
const realDated = real.filter((r) => r.created !== null).sort((a, b) => a.created - b.created);
const realUndated = real.filter((r) => r.created === null);
const growth = Math.log(12) / (END - START); // uploads per day grow 12× over the span
const floorShare = 0.04;
let ri = 0;
let rootIndex = 0;
let cycleCandidates = [];
const emit = (r) => all.push(r);
function drain(t) {
  while (rootIndex < roots.length && roots[rootIndex].t <= t) {
    const root = roots[rootIndex++];
    if (!realKeys.has(root.id.toLowerCase())) emit(rootRow(root));
  }
  while (ri < realDated.length && realDated[ri].created <= t) {
    realOnly.push(realDated[ri]);
    emit(realDated[ri++]);
  }
}
for (let i = 0; i < synthetic; i += 1) {
  const u = (i + rand()) / synthetic;
  let t;
  if (u < floorShare) t = FLOOR + (rand() < 0.1 ? 1000 : 0);
  else {
    const v = (u - floorShare) / (1 - floorShare);
    t = START + Math.floor(Math.log(1 + v * (Math.exp(growth * (END - START)) - 1)) / growth);
  }
  drain(t);
  const r = syntheticRow(t);
  // cycles: every ~150,000th derived model points at a later one that points back
  if (r.relation === 'finetune' && i % 150_000 < 3 && i > 1000) cycleCandidates.push(r);
  if (cycleCandidates.length === 2) {
    const [a, b] = cycleCandidates;
    b.parents = [a.id];
    a.parents = [b.id];
    a.tags = tagsFor(a);
    b.tags = tagsFor(b);
    emit(a);
    emit(b);
    cycleCandidates = [];
    continue;
  }
  if (!cycleCandidates.includes(r)) emit(r);
}
for (const r of cycleCandidates) emit(r);
drain(Number.POSITIVE_INFINITY);
for (const r of realUndated) {
  realOnly.push(r);
  emit(r);
}
all.close();
realOnly.close();
const drawn = Date.now();

// ---- DuckDB writes the parquet files -------------------------------------------------------------
const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '2GB', preserve_insertion_order: 'true' });
const connection = await instance.connect();
try {
  for (const [tsv, out] of [[allPath, values.out], [realPath, values['real-out']]]) {
    await connection.run(buildParquetSql(tsv, out));
  }
} finally {
  connection.closeSync();
  instance.closeSync();
}
rmSync(allPath);
rmSync(realPath);
const size = (p) => `${(statSync(p).size / 1e6).toFixed(1)} MB`;
console.log(`synth-hub-stats: ${all.rows.toLocaleString('en')} rows (${real.length.toLocaleString('en')} real, ${virtualCount} virtual parents) → ${values.out} (${size(values.out)}); real rows alone → ${values['real-out']} (${size(values['real-out'])}); ${((drawn - started) / 1000).toFixed(1)} s drawing, ${((Date.now() - drawn) / 1000).toFixed(1)} s writing`);
