// Reads a hub-stats models.parquet (a full local copy, or the sparse file the fetch wrote: the
// footer and only the needed column chunks at their own offsets) into the store. DuckDB reads the
// parquet with projection, so it never touches the holes.
//
// Measured plan (bench/hub, 3.1 M rows): the build runs in an in-memory DuckDB under a memory
// limit, spilling to a folder beside the store, and each store table is written to the file
// once. Pass 1 reads what the lineage needs (key, parents, relation, and a root's namespace,
// scope and class); the walk runs in JS over typed arrays (lineage-walk.ts); pass 2 reads every
// per-row column and joins the walk's answers on the way in, slice by slice in two lanes at once
// (`out.models_0` the first half of the file, `out.models_1` the second, each in the file's row
// order; `out.models` the view of both, in the file's order);
// `ids`, `edges` and `children` are written beside the walk, on a second connection; after
// pass 2, `ancestors` and the summary tables the views read (summary-sql.ts).
// The new store is built beside the old one and renamed over it only when complete: a failed
// ingest loses nothing already cached.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataError } from '../data/errors.js';
import { Duck, sqlString } from './duck.js';
import { HUB_FIELDS, SKIPPED_FIELDS, planProblem, type ColumnPlan } from './columns.js';
import { LLM_PIPELINES, familyCaseSql, lineageRowsSql, modelRowsSql, parquetRowsSql } from './model-sql.js';
import { BESIDE_WALK_STATEMENTS, IDS_STATEMENTS, MODELS_COMPRESSION, WALK_TABLES, createTableSql, edgeStatements, modelsSliceSql, rootInfoSql, storeTableStatements } from './lineage-sql.js';
import { forEachAncestor, parentGraph, rootWalk } from './lineage-walk.js';
import { summaryStatements } from './summary-sql.js';
import { MANIFEST_NAME, STORE_NAME, writeManifest, type HubManifest, HUB_MANIFEST_VERSION } from './manifest.js';

export interface IngestSource {
  dataset: string;
  file: string;
  sha: string | null;
  origin: string;
  size: number;
  bytesDownloaded: number;
  fetchedAt: string;
}

export interface IngestOptions {
  /** Called with a short description of each step (progress lines). */
  onStep?: (step: string) => void;
  /** Called after each SQL statement with its first words and seconds (for bench/hub). */
  onTiming?: (statement: string, seconds: number) => void;
  memoryLimit?: string;
  threads?: number;
  /** Rows per slice of pass 2 (default PASS2_SLICE; tests use small ones). */
  sliceRows?: number;
}

/** DuckDB's memory limit for the build: with the process's own ~100 MB and what the allocator
 *  keeps, it holds the ingest under issue 10's 400 MB peak RSS (bench/hub: the RSS rises by
 *  about three times what the limit does — 140 MB peaked at 334–386 MB, 120 MB at 296–319 MB —
 *  at the same CPU time within the machine's noise: 49.2 vs 53.8 s at load 3.5). What exceeds
 *  it spills to a folder beside the store. */
export const INGEST_MEMORY_LIMIT = '120MB';

/** Rows per slice of pass 2 (the joins hold one slice of the walk's answers at a time). */
export const PASS2_SLICE = 500_000;

/** Connections that write pass 2's slices at once (the machine's two cores). */
export const PASS2_CONNECTIONS = 2;

/** DuckDB's memory limit while pass 2's two lanes run (bench/hub/ingest-profile.mjs, 3.1 M
 *  rows). Two lanes appending to one table held more with every slice (a commit per slice, or
 *  one per lane: out of memory at 160 MB, a 405–418 MB peak at 180 MB in bench/hub); each lane
 *  into a table of its own holds one slice's worth, flat from slice to slice (298–335 MB after
 *  each), but two queries at once need more than INGEST_MEMORY_LIMIT: at 180 MB pass 2 took
 *  17.8 → 8–9 s (the ingest 32.5 → 22.4 s) at a peak RSS of 357 MB, the one thread's 329–348. */
export const PASS2_MEMORY_LIMIT = '180MB';

/** Pass 2's slices [from, to) of at most `target` rows, for `lanes` lanes: the file's row groups
 *  split into `lanes` contiguous ranges of about equal rows (cut at the group start nearest each
 *  share: the lanes' rows differ by at most a group, where alternate slices could differ by a
 *  slice; and lane k's table holds the k-th part of the file, so the lanes' tables one after the
 *  other are the file's order), each range cut into slices at group starts (a slice that ended
 *  inside a row group would make the next read and decode that group again: hub-stats has
 *  ~124 k rows per group) where the next group would take the slice past `target` (one group
 *  larger than `target` is a slice of its own).
 *  `groups`: the row groups' sizes in file order; a file of one group, or one whose groups are
 *  larger than `target` (the tests' small slices), is cut at row counts instead. */
export function cutSlices(groups: readonly number[], fileRows: number, target: number, lanes: number): Array<Array<[number, number]>> {
  const size = Math.max(1, target);
  const sum = groups.reduce((a, b) => a + b, 0);
  // the points one may cut at: group starts, or every row when groups cannot be respected
  const byGroups = sum === fileRows && groups.length > 1 && (groups[0] ?? 0) <= size;
  const starts: number[] = [];
  if (byGroups) {
    let at = 0;
    for (const n of groups) {
      starts.push(at);
      at += n;
    }
  }
  const nearestCut = (ideal: number, lo: number): number => {
    if (!byGroups) return Math.max(lo, Math.round(ideal));
    let best = fileRows;
    for (const s of starts) if (s >= lo && Math.abs(s - ideal) < Math.abs(best - ideal)) best = s;
    return best;
  };
  const bounds = [0];
  for (let k = 1; k < lanes; k += 1) bounds.push(nearestCut((fileRows * k) / lanes, bounds.at(-1)!));
  bounds.push(fileRows);
  const out: Array<Array<[number, number]>> = [];
  for (let k = 0; k < lanes; k += 1) {
    const [from, to] = [bounds[k]!, bounds[k + 1]!];
    const cuts = [from];
    if (byGroups) {
      const inside = starts.map((s, i) => [s, groups[i]!] as const).filter(([s]) => s > from && s < to);
      for (const [s, n] of inside) if (s + n - cuts.at(-1)! > size) cuts.push(s);
    } else {
      for (let at = from + size; at < to; at += size) cuts.push(at);
    }
    const slices: Array<[number, number]> = [];
    for (let i = 0; i < cuts.length; i += 1) slices.push([cuts[i]!, i + 1 < cuts.length ? cuts[i + 1]! : to]);
    out.push(from < to ? slices : []);
  }
  // an empty file still writes its tables' shape: one empty slice
  if (fileRows === 0) out[0] = [[0, 1]];
  return out;
}

/** Pass 2's lanes of slices over the file at `path` (cutSlices over its row groups). */
export async function passTwoSlices(duck: Duck, path: string, fileRows: number, target: number, lanes = 1): Promise<Array<Array<[number, number]>>> {
  const groups = await duck.all(`SELECT row_group_id AS g, any_value(row_group_num_rows) AS n FROM parquet_metadata(${sqlString(path)}) GROUP BY 1 ORDER BY 1`);
  return cutSlices(groups.map((g) => Number(g.n)), fileRows, target, lanes);
}

/** The leaf paths of a parquet file's columns, as DuckDB sees them (footer only). */
export async function parquetLeafPaths(duck: Duck, path: string): Promise<string[]> {
  const rows = await duck.all(`SELECT DISTINCT path_in_schema AS p FROM parquet_metadata(${sqlString(path)})`);
  return rows.map((r) => String(r.p).split(', ').join('.'));
}

/** Ingests `parquetPath` into `storeDir` (STORE_NAME + MANIFEST_NAME). `present` names the
 *  HUB_FIELDS the file has (from the fetch's plan, or told from the file when undefined). */
export async function ingestSnapshot(parquetPath: string, storeDir: string, source: IngestSource, plan?: Pick<ColumnPlan, 'present' | 'missing'>, options: IngestOptions = {}): Promise<HubManifest> {
  const started = Date.now();
  await mkdir(storeDir, { recursive: true });
  const finalPath = join(storeDir, STORE_NAME);
  const tempPath = join(storeDir, `${STORE_NAME}.${process.pid}.building`);
  const spill = join(storeDir, `${STORE_NAME}.${process.pid}.spill`);
  const cleanup = async () => {
    await rm(tempPath, { force: true });
    await rm(`${tempPath}.wal`, { force: true });
    await rm(spill, { recursive: true, force: true });
  };
  await cleanup();
  // what the caller left (a fetch's response buffers) goes before the build's peak
  collectGarbage();
  // the build's thread count, to which every phase that runs on one thread comes back
  const threads = options.threads ?? 2;
  const opened = await Duck.open(':memory:', { memoryLimit: options.memoryLimit ?? INGEST_MEMORY_LIMIT, threads, tempDirectory: spill });
  const duck = options.onTiming ? timedDuck(opened, options.onTiming) : opened;
  let manifest: HubManifest;
  try {
    const file = sqlString(parquetPath);
    let present = plan?.present;
    let missing = plan?.missing;
    if (!present) {
      const leaves = await parquetLeafPaths(duck, parquetPath).catch((error: Error) => {
        throw new DataError(`${source.origin.replace(/^file:/, '')}: not a readable parquet file (${error.message.split('\n')[0]})`);
      });
      present = HUB_FIELDS.filter((f) => leaves.some((l) => l === f.path || l.startsWith(`${f.path}.`))).map((f) => f.path);
      missing = HUB_FIELDS.filter((f) => !present!.includes(f.path)).map((f) => f.path);
      const problem = planProblem({ present, missing, skippedLeaves: [], chunks: [], neededBytes: 0, allBytes: 0 });
      if (problem) throw new DataError(`${source.origin.replace(/^file:/, '')}: ${problem}; nothing was changed`);
    }
    const types = present.includes('createdAt') ? await duck.all(`DESCRIBE SELECT "createdAt" FROM read_parquet(${file})`) : [];
    const projection = { present, createdType: String(types[0]?.column_type ?? '') };
    const rows = parquetRowsSql(file, projection);
    const tagFallback = !present.includes('baseModels');
    const step = (text: string) => options.onStep?.(text);

    step('reading ids and parents');
    await duck.exec(`CREATE TABLE nodes AS ${lineageRowsSql(rows, tagFallback, LLM_PIPELINES)}`);
    // duplicate ids (case aside) by their hashes first: equal keys hash alike, so no duplicate
    // hashes means no duplicates; only a collision or a real duplicate pays for the strings
    const counts = await duck.one('SELECT count(*) AS n, coalesce(max(rid) + 1, 0) AS file_rows, count(DISTINCT hash(key)) AS k FROM nodes');
    const fileRows = Number(counts?.file_rows ?? 0);
    let duplicates = Number(counts?.n ?? 0) - Number(counts?.k ?? 0);
    if (duplicates > 0) duplicates = Number((await duck.one('SELECT count(*) - count(DISTINCT key) AS d FROM nodes'))?.d ?? 0);
    if (duplicates > 0) {
      // the same id twice, case aside: keep the row with most downloads (then the first id)
      await duck.exec(`CREATE TABLE dropped AS SELECT rid FROM (SELECT rid, lower(id) AS key, id, downloads FROM (${rows}))
        WHERE key IN (SELECT key FROM nodes GROUP BY key HAVING count(*) > 1)
        QUALIFY row_number() OVER (PARTITION BY key ORDER BY downloads DESC NULLS LAST, id) > 1`);
      await duck.exec('DELETE FROM nodes WHERE rid IN (SELECT rid FROM dropped)');
    }
    await duck.exec(`CREATE TABLE arch_families AS SELECT c AS arch, ${familyCaseSql('c')} AS own_family FROM (SELECT DISTINCT arch AS c FROM nodes WHERE arch IS NOT NULL)`);

    // pass 1's memory back before the walk and the aside (Duck.releaseMemory)
    await duck.releaseMemory(threads);
    step('lineage: roots, cycles, virtual parents, families');
    for (const sql of edgeStatements(fileRows)) await duck.exec(sql);
    await duck.exec(`ATTACH ${sqlString(tempPath)} AS out`);
    // the ids', edges' and children's store tables on a second connection while the walk runs in
    // JS on one core (bench/hub/ingest-profile.mjs, 3.1 M rows: they took 2 s around the walk's 1.2)
    // (its outcome held at once: a failure while the walk runs is no unhandled rejection; and it
    // has settled before anything else, or the close after a failure, touches the database)
    const aside = duck
      .aside([...IDS_STATEMENTS, ...BESIDE_WALK_STATEMENTS], options.onTiming && ((sql, seconds) => options.onTiming!(`(beside the walk) ${statementLabel(sql)}`, seconds)))
      .then(() => null, (error: unknown) => ({ error }));
    let walked: { pairs: number };
    try {
      walked = await walkLineage(duck);
    } catch (error) {
      await aside;
      throw error;
    }
    const asideFailed = await aside;
    if (asideFailed) throw asideFailed.error;
    // the walk's typed arrays (~30 MB on 3.1 M rows) are garbage now, but a small JS heap never
    // makes V8 collect them: they stayed in the RSS through the rest of the build (bench/hub)
    collectGarbage();
    await duck.exec(rootInfoSql());

    step('writing the store');
    // Threads per phase (issue 10: ingest ≤ 60 s and peak RSS ≤ 400 MB; measured by
    // bench/hub/ingest-profile.mjs on 3.1 M rows): the ids' sort and everything after pass 2 run
    // on both threads (at a 140 MB limit the sort's peak RSS was no higher than on one, 320–365
    // MB, and the summaries' aggregates peaked lower, 340 vs 370–386 MB, in about half the time:
    // the id sort 4.8 → 2.7 s, author_stats 2.6 → 1.6 s); pass 2 alone runs on one: the wide
    // read in the file's order on two threads does not fit the limit (out of memory at 140 MB,
    // with or without preserve_insertion_order; at 200 MB peaks of 361–398 MB, more CPU, and
    // 5–8 s of the write deferred to the last slice and the DETACH).
    // the ids' hashes, the edges and the children are written (beside the walk): pass 1's rows
    // and the edges are no longer needed, and their memory goes before pass 2
    await duck.exec('DROP TABLE nodes');
    await duck.exec('DROP TABLE edges');
    // the walk's pairs wait for pass 2 in the store file, not in memory (pass 2's two lanes need
    // the room); `out.ancestors` is built from them once `models` is written
    await duck.exec('CREATE TABLE out.ancestor_pairs AS SELECT * FROM ancestors0');
    await duck.exec('DROP TABLE ancestors0');
    await duck.exec('SET threads = 1');
    await duck.exec('SET preserve_insertion_order = true');
    const slice = (from: number, to: number) => modelsSliceSql(modelRowsSql(parquetRowsSql(file, projection, [from, to]), tagFallback), LLM_PIPELINES, duplicates > 0, from, to);
    // the tables' shape from an empty slice (the footer only), then the slices in two lanes at
    // once (lane k the k-th part of the file: cutSlices), each lane a connection of its own and
    // each query on one thread: two appends, each in the file's order within its slice (a row
    // group's rids stay one slice's range, so a lookup by rid still reads one row group), each
    // lane into a table of its own (`models_0`, `models_1`: no lane waits on or piles up behind
    // the other's commits), under PASS2_MEMORY_LIMIT for the two
    const slices = await passTwoSlices(duck, parquetPath, fileRows, options.sliceRows ?? PASS2_SLICE, PASS2_CONNECTIONS);
    const parts = slices.map((_, k) => `models_${k}`);
    const shape = await duck.all(`DESCRIBE ${slice(0, 0)}`);
    for (const part of parts) {
      // each text column with the compression named for it; a DuckDB that would not take the
      // names gets the table without them (it then chooses, as it always did)
      await duck.exec(createTableSql(`out.${part}`, shape, MODELS_COMPRESSION)).catch(() => duck.exec(createTableSql(`out.${part}`, shape)));
    }
    await duck.exec(`SET memory_limit = '${options.memoryLimit ?? PASS2_MEMORY_LIMIT}'`);
    const lanes = parts.map((part, k) => slices[k]!.map(([from, to]) => `INSERT INTO out.${part} ${slice(from, to)}`));
    await duck.execLanes(lanes, options.onTiming && ((sql, seconds) => options.onTiming!(statementLabel(sql), seconds)));
    await duck.exec(`SET memory_limit = '${options.memoryLimit ?? INGEST_MEMORY_LIMIT}'`);
    // the views read one `models`: the lanes' tables one after the other (names unqualified:
    // DuckDB binds them in the view's own database, `out` here and the store file later)
    await duck.exec(`CREATE VIEW out.models AS ${parts.map((part) => `SELECT * FROM ${part}`).join(' UNION ALL ')}`);
    await duck.exec('SET preserve_insertion_order = false');
    await duck.exec(`SET threads = ${threads}`);
    for (const sql of storeTableStatements()) await duck.exec(sql);
    for (const table of ['lin', 'root_info', 'child_counts', 'out.ancestor_pairs']) await duck.exec(`DROP TABLE ${table}`);
    // and the ancestors' before the summaries' aggregates
    await duck.releaseMemory(threads);
    step('summaries for the views');
    for (const sql of summaryStatements()) await duck.exec(sql);
    const facts = await duck.one(`SELECT count(*) AS rows,
      avg((day IS NOT NULL OR at_floor)::INT) AS "createdAt",
      avg((day IS NOT NULL)::INT) AS dated,
      avg((downloads IS NOT NULL)::INT) AS downloads,
      avg((pipeline IS NOT NULL)::INT) AS pipeline_tag,
      avg((n_parents > 0)::INT) AS parents,
      avg((params IS NOT NULL)::INT) AS params,
      count_if(params_method = 'safetensors') / count(*) AS params_safetensors,
      count_if(params_method = 'gguf') / count(*) AS params_gguf,
      count_if(params_method = 'name') / count(*) AS params_name,
      avg((license IS NOT NULL)::INT) AS license,
      avg((arch IS NOT NULL)::INT) AS architecture,
      avg((family IS NOT NULL)::INT) AS family,
      sum(cycle::INT) AS cycles, max(depth) AS max_depth,
      strftime(max(day), '%Y-%m-%d') AS snapshot_day
      FROM out.models`);
    const lineage = await duck.one('SELECT (SELECT count(*) FROM out.edges) AS edges, (SELECT count(*) FROM out.virtual_nodes) AS virtual_nodes');
    await duck.exec('DETACH out');
    const coverage: Record<string, number> = {};
    for (const key of ['createdAt', 'dated', 'downloads', 'pipeline_tag', 'parents', 'params', 'params_safetensors', 'params_gguf', 'params_name', 'license', 'architecture', 'family']) {
      coverage[key] = Number(facts?.[key] ?? 0);
    }
    manifest = {
      version: HUB_MANIFEST_VERSION,
      dataset: source.dataset,
      file: source.file,
      sha: source.sha,
      origin: source.origin,
      size: source.size,
      bytesDownloaded: source.bytesDownloaded,
      snapshotDay: facts?.snapshot_day === null || facts?.snapshot_day === undefined ? null : String(facts.snapshot_day),
      fetchedAt: source.fetchedAt,
      rows: Number(facts?.rows ?? 0),
      duplicates,
      columnsRead: present,
      columnsMissing: missing ?? [],
      columnsSkipped: SKIPPED_FIELDS.map((f) => f.path),
      coverage,
      lineage: { edges: Number(lineage?.edges ?? 0), virtualNodes: Number(lineage?.virtual_nodes ?? 0), cycles: Number(facts?.cycles ?? 0), maxDepth: Number(facts?.max_depth ?? 0) },
      ancestorPairs: walked.pairs,
      ingestSeconds: 0,
    };
  } catch (error) {
    duck.close();
    await cleanup();
    throw error instanceof DataError ? error : new DataError(`reading the Hub snapshot failed: ${(error as Error).message.split('\n')[0]}; nothing was changed`);
  }
  duck.close();
  await rm(spill, { recursive: true, force: true });
  manifest.ingestSeconds = (Date.now() - started) / 1000;
  await rename(tempPath, finalPath);
  await rm(`${finalPath}.wal`, { force: true });
  // what checkStoreFile compares the file with (a store cut short or overwritten is found by
  // its size before DuckDB is loaded)
  manifest.storeBytes = await storeBytes(storeDir);
  await writeManifest(join(storeDir, MANIFEST_NAME), manifest);
  return manifest;
}

/** The walk (lineage-walk.ts) over `edges`: reads the edges into typed arrays, numbers the nodes
 *  that have an edge densely (about a third of the rows: the walk's arrays are that long, not
 *  3 M), and appends its answers to `lin` (per model with a parent) and `ancestors0` (every
 *  model–ancestor pair), by row number. */
async function walkLineage(duck: Duck): Promise<{ pairs: number }> {
  const count = await duck.one('SELECT count(*) AS e FROM edges');
  const edgeCount = Number(count?.e ?? 0);
  const child = new Int32Array(edgeCount);
  const parent = new Int32Array(edgeCount);
  let at = 0;
  await duck.forEachIntChunk('SELECT child, parent FROM edges ORDER BY child, ord', ([c, p], n) => {
    for (let i = 0; i < n; i += 1, at += 1) {
      child[at] = c!(i);
      parent[at] = p!(i);
    }
  });
  // the nodes with an edge, sorted: a node's dense number is its index (order kept, so the
  // edges stay sorted by child)
  const all = new Int32Array(at * 2);
  all.set(child.subarray(0, at));
  all.set(parent.subarray(0, at), at);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  const ids = all.subarray(0, n);
  const dense = (node: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < node) lo = mid + 1;
      else if (ids[mid]! > node) hi = mid - 1;
      else return mid;
    }
    throw new Error(`walkLineage: node ${node} not numbered`);
  };
  for (let i = 0; i < at; i += 1) {
    child[i] = dense(child[i]!);
    parent[i] = dense(parent[i]!);
  }
  const graph = parentGraph(n, child, parent, at);
  const walk = rootWalk(graph);
  for (const sql of WALK_TABLES) await duck.exec(sql);
  const lin = await duck.intAppender('lin', 5);
  try {
    for (let d = 0; d < n; d += 1) {
      const parents = graph.offsets[d + 1]! - graph.offsets[d]!;
      if (parents > 0) lin.add(ids[d]!, ids[walk.root[d]!]!, walk.depth[d]!, walk.cycle[d]!, parents);
    }
  } finally {
    lin.close();
  }
  // every (ancestor, model) pair, streamed into the appender as the walk finds it
  const ancestors = await duck.intAppender('ancestors0', 3);
  try {
    forEachAncestor(graph, walk, (a, s, toRoot) => ancestors.add(ids[a]!, ids[s]!, toRoot ? 1 : 0));
  } finally {
    ancestors.close();
  }
  return { pairs: ancestors.rows };
}

/** A full V8 collection now (issue 10's bound is the process's peak RSS: dead ArrayBuffers and
 *  the fetch's buffers count until V8 collects them, and with a small heap it does not). */
function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // best effort: without it the memory goes at V8's next major collection
  }
}

/** A statement's first words, as the timings name it. */
function statementLabel(sql: string): string {
  return sql.trim().replace(/\s+/g, ' ').slice(0, 60);
}

function timedDuck(duck: Duck, onTiming: (statement: string, seconds: number) => void): Duck {
  const exec = duck.exec.bind(duck);
  duck.exec = async (sql: string) => {
    const started = Date.now();
    await exec(sql);
    onTiming(statementLabel(sql), (Date.now() - started) / 1000);
  };
  return duck;
}

/** Bytes the store takes on disk. */
export async function storeBytes(storeDir: string): Promise<number> {
  return (await stat(join(storeDir, STORE_NAME))).size;
}
