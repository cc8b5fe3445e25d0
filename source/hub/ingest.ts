// Reads a hub-stats models.parquet (a full local copy, or the sparse file the fetch wrote: the
// footer and only the needed column chunks at their own offsets) into the store: the slim
// `models` table (analyses.md §6 "Model" with its derived columns), `edges`, `virtual_nodes`,
// `families`. DuckDB reads the parquet with projection, so it never touches the holes.
// The new store is built beside the old one and renamed over it only when complete: a failed
// ingest loses nothing already cached.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../data/errors.js';
import { Duck, sqlString } from './duck.js';
import { HUB_FIELDS, SKIPPED_FIELDS, planProblem, type ColumnPlan } from './columns.js';
import { LLM_PIPELINES, familyCaseSql, modelRowsSql, projectionSql } from './model-sql.js';
import { lineageStatements, modelsTableSql } from './lineage-sql.js';
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
  await rm(tempPath, { force: true });
  await rm(`${tempPath}.wal`, { force: true });
  const opened = await Duck.open(tempPath, { memoryLimit: options.memoryLimit ?? '300MB' });
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
    const step = (text: string) => options.onStep?.(text);
    step('reading the columns; params, licence, relation');
    const projection = `SELECT ${projectionSql({ present, createdType: String(types[0]?.column_type ?? '') })} FROM read_parquet(${file})`;
    await duck.exec(`CREATE TABLE rows0 AS ${modelRowsSql(projection, !present.includes('baseModels'))}`);
    await duck.exec(`CREATE TABLE arch_families AS SELECT c AS arch, ${familyCaseSql('c')} AS own_family FROM (SELECT DISTINCT arch AS c FROM rows0 WHERE arch IS NOT NULL)`);
    const counts = await duck.one('SELECT count(*) AS n, count(DISTINCT key) AS k FROM rows0');
    const duplicates = Number(counts?.n ?? 0) - Number(counts?.k ?? 0);
    if (duplicates > 0) {
      await duck.exec('CREATE TABLE staging AS SELECT * FROM rows0 QUALIFY row_number() OVER (PARTITION BY key ORDER BY downloads DESC NULLS LAST, id) = 1');
      await duck.exec('DROP TABLE rows0');
    } else {
      await duck.exec('ALTER TABLE rows0 RENAME TO staging');
    }
    step('lineage: roots, cycles, virtual parents, families');
    for (const sql of lineageStatements()) await duck.exec(sql);
    for (const sql of modelsTableSql(LLM_PIPELINES)) await duck.exec(sql);
    for (const table of ['staging', 'first_edges', 'walk_roots', 'arch_families', 'root_info']) await duck.exec(`DROP TABLE ${table}`);
    const facts = await duck.one(`SELECT count(*) AS rows,
      avg((created IS NOT NULL)::INT) AS "createdAt",
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
      FROM models`);
    const lineage = await duck.one('SELECT (SELECT count(*) FROM edges) AS edges, (SELECT count(*) FROM virtual_nodes) AS virtual_nodes');
    await duck.exec('CHECKPOINT');
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
      ingestSeconds: 0,
    };
  } catch (error) {
    duck.close();
    await rm(tempPath, { force: true });
    await rm(`${tempPath}.wal`, { force: true });
    throw error instanceof DataError ? error : new DataError(`reading the Hub snapshot failed: ${(error as Error).message.split('\n')[0]}; nothing was changed`);
  }
  duck.close();
  manifest.ingestSeconds = (Date.now() - started) / 1000;
  await rename(tempPath, finalPath);
  await rm(`${finalPath}.wal`, { force: true });
  await writeManifest(join(storeDir, MANIFEST_NAME), manifest);
  return manifest;
}

function timedDuck(duck: Duck, onTiming: (statement: string, seconds: number) => void): Duck {
  const exec = duck.exec.bind(duck);
  duck.exec = async (sql: string) => {
    const started = Date.now();
    await exec(sql);
    onTiming(sql.trim().replace(/\s+/g, ' ').slice(0, 60), (Date.now() - started) / 1000);
  };
  return duck;
}

/** Bytes the store takes on disk. */
export async function storeBytes(storeDir: string): Promise<number> {
  return (await stat(join(storeDir, STORE_NAME))).size;
}
