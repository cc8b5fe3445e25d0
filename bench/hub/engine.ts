// What bench/hub/run.mjs drives: the engine's API, and the floor — the overview's figures by a
// plain DuckDB SQL script over the raw parquet (no store, no lineage tables kept).
import { Duck, sqlString } from '../../source/hub/duck.js';
export { fetchHubSnapshot } from '../../source/fetch/hub-snapshot.js';
export { HubStore } from '../../source/hub/store.js';
export { hubView } from '../../source/views/hub-registry.js';
export { writeHubView } from '../../source/views/hub-print.js';
export { HUB_VIEW_IDS } from '../../source/views/hub-view-common.js';
export { lookupModel } from '../../source/hub/queries-lineage.js';

export async function plainOverviewFloor(file: string): Promise<{ ms: number; figures: Record<string, unknown> }> {
  const duck = await Duck.open(':memory:', { memoryLimit: '1GB' });
  const f = sqlString(file);
  const t = performance.now();
  try {
    await duck.exec(`CREATE TABLE m AS SELECT id, lower(id) AS key, coalesce(author, split_part(id, '/', 1)) AS author, createdAt, downloads, pipeline_tag,
      baseModels.relation AS relation, lower(baseModels.models[1].id) AS p1, safetensors.total AS st, gguf.total AS gg FROM read_parquet(${f})`);
    await duck.exec(`CREATE TABLE r AS WITH RECURSIVE w(start, node, path) AS (
        SELECT key, p1, [key, p1] FROM m WHERE p1 IS NOT NULL
        UNION ALL SELECT w.start, m.p1, list_append(w.path, m.p1) FROM w JOIN m ON m.key = w.node WHERE m.p1 IS NOT NULL AND NOT list_contains(w.path, m.p1))
      SELECT start, arg_max(node, len(path)) AS root FROM w GROUP BY start`);
    const figures: Record<string, unknown> = {};
    figures.rows = (await duck.one('SELECT count(*) AS n FROM m'))?.n;
    await duck.exec(`CREATE TABLE s AS SELECT m.*, coalesce(r.root, m.key) AS root FROM m LEFT JOIN r ON r.start = m.key`);
    await duck.exec(`CREATE TABLE sc AS SELECT s.* FROM s LEFT JOIN m rm ON rm.key = s.root
      WHERE s.pipeline_tag IN ('text-generation', 'text2text-generation', 'image-text-to-text') OR rm.pipeline_tag IN ('text-generation', 'text2text-generation', 'image-text-to-text')`);
    figures.inScope = (await duck.one('SELECT count(*) AS n FROM sc'))?.n;
    figures.namespaces = await duck.one(`WITH a AS (SELECT author, count(*) AS n FROM sc GROUP BY 1), o AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS r FROM a)
      SELECT count(*) AS n, sum(n) FILTER (WHERE r <= 10) / sum(n) AS top10, sum(n) FILTER (WHERE r <= 200) / sum(n) AS top200 FROM o`);
    figures.relations = await duck.all(`SELECT coalesce(relation, 'original') AS relation, count(*) AS n FROM sc GROUP BY 1 ORDER BY 2 DESC`);
    figures.params = await duck.one(`SELECT avg((coalesce(st, 0) > 0 OR coalesce(gg, 0) > 0)::INT) AS coverage FROM sc`);
    figures.topRoots = await duck.all(`SELECT root, count(*) AS n FROM sc WHERE relation IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 10`);
    figures.orgYears = (await duck.all(`SELECT year(createdAt) AS y, split_part(root, '/', 1) AS org, count(*) AS n FROM sc WHERE relation IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 3 DESC`)).length;
    return { ms: performance.now() - t, figures };
  } finally {
    duck.close();
  }
}
