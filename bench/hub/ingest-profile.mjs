#!/usr/bin/env node
// bench/hub/ingest-profile.mjs: the ingest alone (issue 10 "Performance": fetch + ingest ≤ 60 s,
// peak RSS ≤ 400 MB), statement by statement: each SQL statement's seconds, the RSS after it and
// the peak RSS while it ran (VmHWM from /proc, reset before each statement via clear_refs), and
// the steps between (the walk in JS); each line starts with the seconds since the start. A
// script, not a timed test; notes the load average.
// usage: bench/hub/ingest-profile.mjs --file models.parquet [--memory 140MB] [--threads 2] [--slice N] [--keep DIR]
import { parseArgs } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const { values } = parseArgs({ options: { file: { type: 'string' }, memory: { type: 'string' }, threads: { type: 'string' }, slice: { type: 'string' }, keep: { type: 'string' } } });
const out = join(root, '.tmp/bench-hub');
await build({ stdin: { contents: "export { ingestSnapshot } from './source/hub/ingest.ts';", resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(out, 'ingest.mjs'), logLevel: 'warning' });
const { ingestSnapshot } = await import(join(out, 'ingest.mjs'));
const status = () => {
  const text = readFileSync('/proc/self/status', 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1000;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
};
const reset = () => { try { writeFileSync('/proc/self/clear_refs', '5'); } catch { /* not Linux */ } };
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const dir = values.keep ? resolve(values.keep) : await mkdtemp(join(tmpdir(), 'hub-ingest-profile-'));
let peakAll = 0;
const lines = [];
let lastNote = Date.now();
const note = (what, seconds) => {
  // the time since the last line that no statement took: the walk in JS, the queries that
  // return rows (counts, the row groups, the manifest's facts)
  const gap = (Date.now() - lastNote) / 1000 - seconds;
  lastNote = Date.now();
  if (gap >= 0.05) console.log(`${''.padStart(6)}  ${gap.toFixed(2).padStart(6)} s  (between statements)`);
  const s = status();
  peakAll = Math.max(peakAll, s.hwm);
  lines.push(`${((Date.now() - t0) / 1000).toFixed(2).padStart(6)}  ${seconds.toFixed(2).padStart(6)} s  peak ${s.hwm.toFixed(0).padStart(4)} MB  after ${s.rss.toFixed(0).padStart(4)} MB  ${what}`);
  console.log(lines.at(-1));
  reset();
};
const loadBefore = load();
const t0 = Date.now();
const cpu0 = process.cpuUsage();
reset();
try {
  const manifest = await ingestSnapshot(resolve(values.file), dir, { dataset: 'cfahlgren1/hub-stats', file: 'models.parquet', sha: null, origin: 'file:x', size: 0, bytesDownloaded: 0, fetchedAt: new Date().toISOString() }, undefined, {
    ...(values.memory ? { memoryLimit: values.memory } : {}),
    ...(values.threads ? { threads: Number(values.threads) } : {}),
    ...(values.slice ? { sliceRows: Number(values.slice) } : {}),
    onStep: (step) => { note(`(before step: ${step})`, 0); },
    onTiming: (statement, seconds) => { note(statement, seconds); },
  });
  const cpu = process.cpuUsage(cpu0);
  const s = status();
  peakAll = Math.max(peakAll, s.hwm);
  console.log(`\ningest ${((Date.now() - t0) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${peakAll.toFixed(0)} MB, rows ${manifest.rows}, load ${loadBefore} → ${load()}`);
} finally {
  if (!values.keep) await rm(dir, { recursive: true, force: true });
}
