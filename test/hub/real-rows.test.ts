// Issue 10 acceptance 2: the real rows alone — bench/synth-hub-stats.mjs writes the v1 snapshot's
// model infos (../shared/data/leaderboard-v1-2024/model_info.csv) as a hub-stats file, the store
// ingests it, and 20 models are checked against the CSV by the rules of analyses.md §6 "Model":
// id, namespace (the CSV's author, else the id's), creation day, downloads, licence (the
// `license:` tag), parents (every base_model: id but the model itself; a legacy id without namespace included), relation
// (original without parents; a merge with several), params from a size in the name, pipeline
// (a text-generation tag), and the root (the first parent followed through the CSV; a parent
// the CSV lacks is a virtual root). Skipped when the shared CSV is not there. Set
// HUB_HAND_CHECK_OUT=FILE to write the 20-row comparison as a Markdown table.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { importHubSnapshot } from '../../source/fetch/hub-snapshot.js';
import { HubStore } from '../../source/hub/store.js';
import { lookupModel } from '../../source/hub/queries-lineage.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CSV = process.env.HUBSCOPE_MODEL_INFO ?? resolve(root, '../shared/data/leaderboard-v1-2024/model_info.csv');
const present = existsSync(CSV);

interface Info { name: string; author: string; created_at: string; downloads: string; tags: string; base_model: string }

/** Python-style list text ("['a', 'b']") as strings. */
const pyList = (text: string): string[] => [...text.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2])!);

function expected(info: Info, byKey: Map<string, Info>) {
  const tags = info.tags ? pyList(info.tags) : [];
  const parentsOf = (i: Info) =>
    (i.base_model.startsWith('[') ? pyList(i.base_model) : i.base_model ? [i.base_model] : [])
      .map((p) => p.trim()).filter((p) => p !== '' && p.toLowerCase() !== i.name.toLowerCase() && p !== 'unknown');
  const parents = parentsOf(info);
  // the root: first parents through the CSV, stopping before a repeat or at a model it lacks
  let at = info;
  const path = new Set([info.name.toLowerCase()]);
  let rootId = info.name;
  for (;;) {
    const first = parentsOf(at)[0];
    if (!first || path.has(first.toLowerCase())) break;
    path.add(first.toLowerCase());
    rootId = first;
    const next = byKey.get(first.toLowerCase());
    if (!next) break;
    at = next;
  }
  const size = /(?:^|[-_ ])(\d+(?:\.\d+)?)[bB](?:$|[-_. ])/.exec(info.name.split('/').pop()!);
  const licence = tags.find((t) => t.startsWith('license:'));
  return {
    id: info.name,
    author: info.author || info.name.split('/')[0]!,
    day: info.created_at ? info.created_at.slice(0, 10) : null,
    downloads: info.downloads === '' ? null : Number(info.downloads),
    license: licence ? licence.slice(8).toLowerCase() : null,
    parents,
    relation: parents.length === 0 ? 'original' : parents.length > 1 ? 'merge' : 'derived',
    params: size ? Number(size[1]) : null,
    pipeline: tags.includes('text-generation') ? 'text-generation' : '(other)',
    root_id: rootId,
  };
}

describe.skipIf(!present)('the real rows against model_info.csv (20 models by hand rules)', () => {
  let store: HubStore;
  let sample: Array<ReturnType<typeof expected>>;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-real-'));
    await promisify(execFile)(process.execPath, [join(root, 'bench/synth-hub-stats.mjs'), '--rows', '1', '--out', join(dir, 'all.parquet'), '--real-out', join(dir, 'real.parquet'), '--model-info', CSV], { cwd: root });
    await importHubSnapshot(join(dir, 'real.parquet'), join(dir, 'store'));
    store = await HubStore.open(join(dir, 'store'));
    const records = parse(readFileSync(CSV), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Info[];
    const byKey = new Map<string, Info>();
    // an id listed twice is one model: its most complete copy (the first of those)
    const filled = (r: Info) => (['author', 'created_at', 'downloads', 'tags', 'base_model'] as const).filter((k) => (r[k] ?? '').trim() !== '').length;
    for (const r of records) {
      const key = r.name?.trim().toLowerCase();
      if (key && (!byKey.has(key) || filled(r) > filled(byKey.get(key)!))) byKey.set(key, r);
    }
    // one copy of each id, with a creation date: 10 with a base model, 10 without, evenly spaced
    const firsts = [...byKey.values()].filter((r) => r.created_at);
    const pick = (rows: Info[]) => Array.from({ length: 10 }, (_, i) => rows[Math.floor((i * rows.length) / 10)]!);
    const derived = firsts.filter((r) => expected(r, byKey).parents.length > 0);
    const originals = firsts.filter((r) => expected(r, byKey).parents.length === 0);
    sample = [...pick(derived), ...pick(originals)].map((r) => expected(r, byKey));
  }, 120_000);
  afterAll(() => store?.close());

  test('each of the 20 as the CSV says', async () => {
    expect(sample).toHaveLength(20);
    const lines = ['| model | namespace | created | downloads | licence | relation | parents | params (B) | pipeline | root |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
    for (const want of sample) {
      const got = await lookupModel(store, want.id);
      expect(got, want.id).not.toBeNull();
      const relation = got!.relation === 'original' ? 'original' : got!.relation === 'merge' && want.relation === 'merge' ? 'merge' : 'derived';
      expect({
        id: got!.id, author: got!.author, day: got!.day, downloads: got!.downloads, license: got!.license, parents: got!.parents,
        relation: want.relation === 'merge' ? got!.relation : relation, params: got!.params, pipeline: got!.pipeline === 'text-generation' ? 'text-generation' : '(other)', root_id: got!.root_id,
      }, want.id).toEqual(want);
      if (want.params !== null) expect(got!.params_method, want.id).toBe('name');
      lines.push(`| ${want.id} | ${want.author} | ${want.day ?? '–'} | ${want.downloads ?? '–'} | ${want.license ?? '–'} | ${got!.relation} | ${want.parents.join(', ') || '–'} | ${want.params ?? '–'} | ${want.pipeline} | ${want.root_id} |`);
    }
    if (process.env.HUB_HAND_CHECK_OUT) await writeFile(process.env.HUB_HAND_CHECK_OUT, `${lines.join('\n')}\n`);
  });
});
