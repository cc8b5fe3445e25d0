#!/usr/bin/env node
// bench/hub (issue 10 "Performance"): the Hub snapshot engine on the synthetic 3.1 M-row file
// (bench/synth-hub-stats.mjs) served by ../shared/tools/hub-replay at 0 latency. Measures fetch +
// ingest, bytes downloaded as a share of the file, peak RSS during ingest, the store's size beside
// the parquet's, each view's first computation and revisit, one id looked up, and the overview's
// figures computed by a plain DuckDB SQL script over the raw file (the floor: hubscope within 2×).
// A script, not a timed test. usage: bench/hub/run.mjs [--file models.parquet] [--keep DIR]
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const { values } = parseArgs({ options: { file: { type: 'string', default: join(root, '.tmp/hub-stats/models.parquet') }, keep: { type: 'string' } } });
if (!existsSync(values.file)) {
  console.error(`bench/hub: ${values.file} is missing: run bench/synth-hub-stats.mjs first`);
  process.exit(2);
}

// the engine, bundled from source (packages stay external)
const out = join(root, '.tmp/bench-hub');
await build({ entryPoints: [join(here, 'engine.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(out, 'engine.mjs'), logLevel: 'warning' });
const engine = await import(join(out, 'engine.mjs'));

// the replay, serving the file
const ready = join(await mkdtemp(join(tmpdir(), 'bench-hub-')), 'ready');
const replay = spawn(join(root, '../shared/tools/hub-replay'), ['--port', '0', '--ready-file', ready, '--file', `cfahlgren1/hub-stats:models.parquet=${resolve(values.file)}`], { stdio: 'ignore' });
let base = '';
for (let i = 0; i < 300 && !base; i += 1) {
  await new Promise((r) => setTimeout(r, 200));
  base = existsSync(ready) ? (await readFile(ready, 'utf8')).trim() : '';
}
if (!base) {
  replay.kill();
  console.error('bench/hub: the replay did not start');
  process.exit(1);
}

const storeDir = values.keep ?? (await mkdtemp(join(tmpdir(), 'bench-hub-store-')));
let peak = 0;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
const rows = [];
const add = (what, measured, target, ok) => rows.push({ what, measured, target, ok: ok ? 'yes' : 'NO' });
try {
  const fileSize = (await stat(values.file)).size;
  const t0 = Date.now();
  const result = await engine.fetchHubSnapshot({ endpoint: base, storeDir, refresh: true });
  const fetchSeconds = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  add('fetch + ingest', `${fetchSeconds.toFixed(1)} s (ingest ${result.manifest.ingestSeconds.toFixed(1)} s)`, '≤ 60 s', fetchSeconds <= 60);
  const share = result.bytesDownloaded / fileSize;
  add('bytes downloaded / file', `${(result.bytesDownloaded / 1e6).toFixed(1)} of ${(fileSize / 1e6).toFixed(1)} MB (${(share * 100).toFixed(1)} %)`, '≤ 40 %', share <= 0.4);
  add('peak RSS in fetch + ingest', `${(peak / 1e6).toFixed(0)} MB`, '≤ 400 MB', peak <= 400e6);
  const storeSize = (await stat(join(storeDir, 'hub.duckdb'))).size;
  add('store on disk / parquet', `${(storeSize / 1e6).toFixed(1)} / ${(fileSize / 1e6).toFixed(1)} MB`, '≤ the parquet', storeSize <= fileSize);

  const store = await engine.HubStore.open(storeDir);
  let overviewMs = 0;
  try {
    for (const id of engine.HUB_VIEW_IDS) {
      const options = { base: 'Qwen/Qwen2.5-7B-Instruct' };
      let t = performance.now();
      await engine.hubView(store, id, options);
      const first = performance.now() - t;
      if (id === 'overview') overviewMs = first;
      t = performance.now();
      await engine.hubView(store, id, options);
      const again = performance.now() - t;
      add(`view ${id}: first / revisit`, `${first.toFixed(0)} / ${again.toFixed(1)} ms`, '≤ 1500 / ≤ 50 ms', first <= 1500 && again <= 50);
    }
    const t = performance.now();
    const found = await engine.lookupModel(store, 'mistralai/Mistral-7B-v0.1');
    const lookup = performance.now() - t;
    add('look up one id among the rows', `${lookup.toFixed(0)} ms (${found ? 'found' : 'not found'})`, '≤ 100 ms', lookup <= 100 && found);
  } finally {
    store.close();
  }
  const floor = await engine.plainOverviewFloor(values.file);
  add('overview: hubscope vs plain DuckDB SQL on the raw file', `${overviewMs.toFixed(0)} vs ${floor.ms.toFixed(0)} ms (${(overviewMs / floor.ms).toFixed(2)}×)`, '≤ 2×', overviewMs <= 2 * floor.ms);
  console.log(`\nbench/hub — ${result.manifest.rows.toLocaleString('en')} rows, ${values.file}\n`);
  console.log('| what | measured | target | met |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.what} | ${r.measured} | ${r.target} | ${r.ok} |`);
  console.log(`\nplain SQL floor figures: ${JSON.stringify(floor.figures)}`);
} finally {
  clearInterval(sampler);
  replay.kill();
  if (!values.keep) await rm(storeDir, { recursive: true, force: true });
}
