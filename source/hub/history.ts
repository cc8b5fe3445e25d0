// The weekly history (issue 10 "Source"; hub-api.md §12): `hfmlsoc/hub_weekly_snapshots` keeps a
// copy of the Hub-wide dump every week (`models/YYYY-MM-DD/models.parquet`). Only the slim
// columns are read — id, createdAt, downloadsAllTime — and a model's downloads in a week are the
// difference of its downloadsAllTime between that snapshot and the one before, clipped at 0
// (a counter that went down: a reset or a re-upload); never a sum of 30-day `downloads` windows,
// which overlap. A model absent from the previous snapshot counts whole only when it was created
// after that snapshot (new that week); otherwise its week is unknown, and counted as such.
//
// The weeks are folded into `history.duckdb` beside the snapshot store: per week and scope flag,
// the totals, and the downloads by root organisation as the current snapshot knows the model's
// lineage (a derivative's root organisation, an original's own namespace; a model gone from the
// snapshot: its namespace). Built beside the old file and renamed over it: a failed run loses
// nothing.
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../data/errors.js';
import { Duck, sqlString } from './duck.js';
import type { FieldSpec } from './columns.js';
import { INGEST_MEMORY_LIMIT } from './ingest.js';
import { idNamespaceSql } from './model-sql.js';
import { HISTORY_DATASET, HISTORY_MANIFEST, HISTORY_NAME, HISTORY_VERSION, STORE_NAME, writeJson, readJson, type HistoryManifest } from './manifest.js';

// the history's names and manifest live in manifest.ts (read by status without loading DuckDB)
export { HISTORY_DATASET, HISTORY_MANIFEST, HISTORY_NAME, HISTORY_VERSION, type HistoryManifest } from './manifest.js';


/** The slim columns of a weekly file. */
export const HISTORY_FIELDS: readonly FieldSpec[] = [
  { path: 'id', required: true, use: 'the model' },
  { path: 'downloadsAllTime', required: true, use: 'downloads per week (the difference between snapshots)' },
  { path: 'createdAt', required: false, use: 'a model new in a week counts whole' },
];

export interface WeeklyFile {
  /** The snapshot's date, YYYY-MM-DD (its folder name). */
  week: string;
  path: string;
}


const WEEK = /^\d{4}-\d{2}-\d{2}$/;

/** Per week (each snapshot after the first) from `weekly(idx, week, key, id, created, total)`:
 *  every model's clipped difference, or NULL when its week is unknown. Pure SQL. */
export function weeklyDeltaSql(): string {
  return `SELECT c.idx, c.week, c.key, c.id,
      CASE WHEN p.key IS NOT NULL THEN c.total - p.total
        WHEN c.created IS NOT NULL AND CAST(c.created AS DATE) > w.prev THEN c.total END AS delta
    FROM weekly c
    JOIN (SELECT DISTINCT idx, lag(week) OVER (ORDER BY idx) AS prev FROM (SELECT DISTINCT idx, week FROM weekly)) w ON w.idx = c.idx
    LEFT JOIN weekly p ON p.idx = c.idx - 1 AND p.key = c.key
    WHERE c.idx > 0`;
}

/** Folds the weekly files (any order; two at least) into `history.duckdb` in `storeDir`, which
 *  holds the snapshot store the lineage is taken from. */
export async function ingestHistory(files: readonly WeeklyFile[], storeDir: string, options: { dataset?: string; memoryLimit?: string; origins?: readonly string[] } = {}): Promise<HistoryManifest> {
  const sorted = [...files].sort((a, b) => a.week.localeCompare(b.week));
  if (sorted.length < 2) throw new DataError('the weekly history needs two snapshots at least (one week is the difference of two)');
  for (const f of sorted) if (!WEEK.test(f.week)) throw new DataError(`${f.path}: "${f.week}" is not a snapshot date (YYYY-MM-DD)`);
  if (new Set(sorted.map((f) => f.week)).size !== sorted.length) throw new DataError('the weekly history lists a snapshot date twice');
  await mkdir(storeDir, { recursive: true });
  const finalPath = join(storeDir, HISTORY_NAME);
  const tempPath = join(storeDir, `${HISTORY_NAME}.${process.pid}.building`);
  const spill = join(storeDir, `${HISTORY_NAME}.${process.pid}.spill`);
  const cleanup = async () => {
    for (const p of [tempPath, `${tempPath}.wal`]) await rm(p, { force: true });
    await rm(spill, { recursive: true, force: true });
  };
  await cleanup();
  const snapshotPath = join(storeDir, STORE_NAME);
  const duck = await Duck.open(':memory:', { memoryLimit: options.memoryLimit ?? INGEST_MEMORY_LIMIT, tempDirectory: spill });
  let manifest: HistoryManifest;
  try {
    await duck.exec(`ATTACH ${sqlString(snapshotPath)} AS snap (READ_ONLY)`).catch((error: Error) => {
      throw new DataError(`${storeDir}: the weekly history is read against the Hub snapshot, and there is none here (${error.message.split('\n')[0]})`);
    });
    const weeks: HistoryManifest['weeks'] = [];
    await duck.exec('CREATE TABLE weekly (idx INTEGER, week DATE, key VARCHAR, id VARCHAR, created TIMESTAMP, total BIGINT)');
    for (const [idx, f] of sorted.entries()) {
      const file = sqlString(f.path);
      const columns = await duck.all(`SELECT name FROM parquet_schema(${file})`).catch((error: Error) => {
        throw new DataError(`${f.path}: not a readable parquet file (${error.message.split('\n')[0]})`);
      });
      const names = new Set(columns.map((c) => String(c.name)));
      const absent = HISTORY_FIELDS.filter((c) => c.required && !names.has(c.path)).map((c) => c.path);
      if (absent.length > 0) throw new DataError(`${f.path}: the weekly snapshot has no ${absent.join(', ')} column; nothing was changed`);
      const type = names.has('createdAt') ? String((await duck.one(`DESCRIBE SELECT "createdAt" FROM read_parquet(${file})`))?.column_type ?? '') : '';
      const created = !names.has('createdAt') ? 'NULL::TIMESTAMP'
        : /^TIMESTAMP(?:_[A-Z]+)?$/.test(type) ? 'CAST("createdAt" AS TIMESTAMP)' : 'make_timestamp(epoch_us(TRY_CAST("createdAt" AS TIMESTAMPTZ)))';
      // one row per model and week (a case-insensitive duplicate keeps its largest counter)
      await duck.exec(`INSERT INTO weekly SELECT ${idx}, DATE '${f.week}', key, arg_max(id, total), max(created), max(total) FROM (
          SELECT lower(CAST(id AS VARCHAR)) AS key, CAST(id AS VARCHAR) AS id, ${created} AS created, TRY_CAST("downloadsAllTime" AS BIGINT) AS total
          FROM read_parquet(${file}) WHERE id IS NOT NULL) GROUP BY key`);
      const n = await duck.one(`SELECT count(*) AS n FROM weekly WHERE idx = ${idx}`);
      weeks.push({ week: f.week, rows: Number(n?.n ?? 0), origin: options.origins?.[files.indexOf(f)] ?? `file:${f.path}` });
    }
    await duck.exec(`CREATE TABLE deltas AS
      SELECT d.week, d.delta, coalesce(m.llm, false) AS llm,
        coalesce(CASE WHEN m.rid IS NULL THEN NULL WHEN m.n_parents = 0 THEN m.author ELSE m.root_org END,
          ${idNamespaceSql('d.id')}, 'unknown') AS org
      FROM (${weeklyDeltaSql()}) d
      LEFT JOIN (SELECT lower(id) AS key, rid, llm, n_parents, author, root_org FROM snap.models) m ON m.key = d.key`);
    await duck.exec(`ATTACH ${sqlString(tempPath)} AS out`);
    await duck.exec(`CREATE TABLE out.weekly_totals AS
      SELECT week, llm, count(delta) AS models, coalesce(sum(greatest(delta, 0)), 0) AS downloads,
        count_if(delta < 0) AS clipped, count_if(delta IS NULL) AS unknown
      FROM deltas GROUP BY ALL ORDER BY week`);
    await duck.exec(`CREATE TABLE out.weekly_orgs AS
      SELECT week, llm, org, sum(greatest(delta, 0)) AS downloads FROM deltas WHERE delta IS NOT NULL GROUP BY ALL ORDER BY week`);
    const snap = await duck.one(`SELECT strftime(max(day), '%Y-%m-%d') AS day FROM snap.models`);
    await duck.exec('DETACH out');
    await duck.exec('DETACH snap');
    const snapshotManifest = await readJson<{ sha?: string | null }>(join(storeDir, 'manifest.json'));
    manifest = {
      version: HISTORY_VERSION,
      dataset: options.dataset ?? HISTORY_DATASET,
      weeks,
      snapshot: { sha: snapshotManifest?.sha ?? null, day: snap?.day === null || snap?.day === undefined ? null : String(snap.day) },
      fetchedAt: new Date().toISOString(),
    };
  } catch (error) {
    duck.close();
    await cleanup();
    throw error instanceof DataError ? error : new DataError(`reading the weekly history failed: ${(error as Error).message.split('\n')[0]}; nothing was changed`);
  }
  duck.close();
  await rm(spill, { recursive: true, force: true });
  await rename(tempPath, finalPath);
  await writeJson(join(storeDir, HISTORY_MANIFEST), manifest);
  return manifest;
}
