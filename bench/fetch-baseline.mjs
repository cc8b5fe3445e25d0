// The sequential baseline of bench/fetch: what the paper's pipeline did, one request at a time
// on one keep-alive connection — the /rows pages, then per repository one model-info request
// and one commits request. Prints one JSON line: wall time, requests, repos (and, with
// --sample N, the N repos timed and the time extrapolated to all of them).
//   node bench/fetch-baseline.mjs --url URL --dataset ID [--sample N]
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';

const { values } = parseArgs({ options: { url: { type: 'string' }, dataset: { type: 'string' }, sample: { type: 'string' } } });
const base = values.url.replace(/\/+$/, '');
const dispatcher = new Agent({ connections: 1 });
let requests = 0;

async function get(url) {
  for (let attempt = 1; ; attempt += 1) {
    requests += 1;
    try {
      const res = await request(url, { dispatcher, headers: { 'user-agent': 'hubscope-bench-baseline' } });
      const text = await res.body.text();
      if (res.statusCode === 200) return JSON.parse(text);
      if (res.statusCode < 500 && res.statusCode !== 429) return null; // 401/404: gone
    } catch {
      // reset or bad body: retry
    }
    if (attempt >= 5) return null;
  }
}

const started = performance.now();
const repos = [];
const seen = new Set();
for (let offset = 0, total = Infinity; offset < total; offset += 100) {
  const q = new URLSearchParams({ dataset: values.dataset, config: 'default', split: 'train', offset: String(offset), length: '100' });
  const page = await get(`${base}/rows?${q}`);
  if (!page || page.rows.length === 0) break;
  total = page.num_rows_total;
  for (const { row } of page.rows) {
    const id = row.fullname;
    if (typeof id === 'string' && !seen.has(id.toLowerCase())) {
      seen.add(id.toLowerCase());
      repos.push(id);
    }
  }
}
const rowsSeconds = (performance.now() - started) / 1000;

const sample = values.sample ? Math.min(Number(values.sample), repos.length) : repos.length;
const chosen = sample === repos.length ? repos : Array.from({ length: sample }, (_, i) => repos[Math.floor((i * repos.length) / sample)]);
const enc = (id) => id.split('/').map(encodeURIComponent).join('/');
const repoStart = performance.now();
for (const id of chosen) {
  await get(`${base}/api/models/${enc(id)}`);
  await get(`${base}/api/models/${enc(id)}/commits/main?limit=1000`);
}
const repoSeconds = (performance.now() - repoStart) / 1000;
await dispatcher.close();

const seconds = rowsSeconds + (repoSeconds / chosen.length) * repos.length;
console.log(JSON.stringify({
  seconds: Math.round(seconds * 10) / 10,
  measuredSeconds: Math.round((rowsSeconds + repoSeconds) * 10) / 10,
  requests,
  repos: repos.length,
  timedRepos: chosen.length,
  extrapolated: chosen.length < repos.length,
}));
