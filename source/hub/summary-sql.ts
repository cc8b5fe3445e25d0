// The small tables a Hub view reads instead of the 3 M rows (issue 10: each screen's first view
// ≤ 1.5 s), computed once at ingest from `out.models` and `out.ancestors`: what analyses.md §6's
// H1–H7 aggregate, at the finest grain any option needs — per day (the period is chosen at
// view time), per scope flag `llm` (scope `all` sums both), per root, per namespace. A view
// then sums a few thousand rows. What depends on the scope only (H1's concentration, H6's
// medians) is computed per scope: `scope` is 'llm' or 'all'.
import { concentrationSql } from './query-sql.js';

/** Lower edges (B params) of the size histogram's bins. */
export const SIZE_BINS = [0, 1, 3, 7, 14, 20, 35, 75, 150];

const SCOPES: ReadonlyArray<{ scope: string; where: string }> = [
  { scope: 'llm', where: 'llm' },
  { scope: 'all', where: 'TRUE' },
];

/** Rankings keep this many (namespaces, publishers): a view asking for more reads the full
 *  per-namespace table instead. */
export const TOP_KEPT = 1000;

const perScope = (make: (scope: string, where: string) => string): string => SCOPES.map((s) => make(s.scope, s.where)).join('\nUNION ALL\n');

/** Statements that build the summary tables in `out` (the store being written). */
export function summaryStatements(): string[] {
  const binCase = `CASE ${SIZE_BINS.map((lower, i) => `WHEN params >= ${lower} THEN ${i}`).reverse().join(' ')} END`;
  return [
    // H1: per namespace, over all models and over the language models
    `CREATE TABLE out.author_stats AS
      SELECT author,
        count(*) AS n_all, coalesce(sum(downloads), 0) AS d_all, min(day) AS first_all,
        count_if(llm) AS n_llm, coalesce(sum(downloads) FILTER (WHERE llm), 0) AS d_llm, min(day) FILTER (WHERE llm) AS first_llm
      FROM out.models WHERE author IS NOT NULL GROUP BY author`,
    `CREATE TABLE out.scope_counts AS ${perScope((scope, where) => `
      SELECT '${scope}' AS scope, (SELECT count(*) FROM out.models) AS rows, count(*) AS in_scope,
        count(day) AS dated, count_if(at_floor) AS at_floor, count_if(day IS NULL AND NOT at_floor) AS undated,
        count_if(n_parents > 0) AS with_parents, count(params) AS with_params,
        (SELECT count(*) FROM out.author_stats WHERE n_${scope} > 0) AS authors,
        coalesce(sum(downloads), 0) AS downloads, count_if(author IS NULL) AS no_author
      FROM out.models WHERE ${where}`)}`,
    `CREATE TABLE out.concentration AS ${SCOPES.flatMap(({ scope }) => ['models', 'downloads'].map((weight) => `
      SELECT '${scope}' AS scope, '${weight}' AS weight, * FROM (${concentrationSql(`(SELECT ${weight === 'models' ? 'n' : 'd'}_${scope} AS x FROM out.author_stats WHERE n_${scope} > 0)`)})`)).join('\nUNION ALL\n')}`,
    // H1's rankings, buckets and first days: the per-namespace table holds ~1 M rows (3.1 M
    // models), which a view would sort each time
    `CREATE TABLE out.author_top AS ${perScope((scope) => `
      SELECT '${scope}' AS scope, row_number() OVER (ORDER BY n DESC, author) AS rank, author, n, d, first FROM (
        SELECT author, n_${scope} AS n, d_${scope} AS d, first_${scope} AS first
        FROM out.author_stats WHERE n_${scope} > 0 ORDER BY n DESC, author LIMIT ${TOP_KEPT})`)}`,
    `CREATE TABLE out.author_counts AS ${perScope((scope) => `
      SELECT '${scope}' AS scope, n_${scope} AS n, first_${scope} AS first, count(*) AS authors FROM out.author_stats WHERE n_${scope} > 0 GROUP BY ALL`)}`,
    // H2, H3, H4 per period: new models per day by relation, family, root organisation
    'CREATE TABLE out.day_relation AS SELECT day, llm, relation AS name, count(*) AS n FROM out.models GROUP BY ALL',
    `CREATE TABLE out.day_family AS SELECT day, llm, coalesce(family, 'unknown') AS name, count(*) AS n FROM out.models GROUP BY ALL`,
    `CREATE TABLE out.day_root_org AS SELECT day, llm, coalesce(root_org, 'unknown') AS name, count(*) AS n FROM out.models WHERE relation <> 'original' GROUP BY ALL`,
    // H4: descendants per root, through any parent edge, by relation
    `CREATE TABLE out.root_counts AS
      SELECT ancestor AS root, llm, count(*) AS n,
        count_if(relation = 'finetune') AS finetune, count_if(relation = 'adapter') AS adapter, count_if(relation = 'quantized') AS quantized,
        count_if(relation = 'merge') AS merge, count_if(relation = 'unknown') AS unknown
      FROM out.ancestors WHERE to_root GROUP BY ALL ORDER BY root`,
    // H7: who publishes the quantized and adapter models
    `CREATE TABLE out.intermediaries AS
      SELECT relation, llm, author, count(*) AS n, coalesce(sum(downloads), 0) AS d
      FROM out.models WHERE relation IN ('quantized', 'adapter') AND author IS NOT NULL GROUP BY ALL`,
    `CREATE TABLE out.intermediary_top AS ${SCOPES.flatMap(({ scope, where }) => ['quantized', 'adapter'].map((relation) => `
      SELECT '${scope}' AS scope, '${relation}' AS relation, row_number() OVER (ORDER BY n DESC, author) AS rank, author, n, d FROM (
        SELECT author, sum(n) AS n, sum(d) AS d FROM out.intermediaries WHERE relation = '${relation}' AND ${where}
        GROUP BY author ORDER BY n DESC, author LIMIT ${TOP_KEPT})`)).join('\nUNION ALL\n')}`,
    // H6: params per relation (the median cannot be summed: per scope)
    `CREATE TABLE out.size_stats AS ${perScope((scope, where) => `
      SELECT '${scope}' AS scope, relation, count(*) AS total, count(params) AS known, count_if(params < 20) AS under20, median(params) AS median,
        coalesce(sum(downloads) FILTER (WHERE params IS NOT NULL), 0) AS dk, coalesce(sum(downloads) FILTER (WHERE params <= 15), 0) AS d15,
        count_if(params_method = 'safetensors') AS safetensors, count_if(params_method = 'gguf') AS gguf, count_if(params_method = 'name') AS name
      FROM out.models WHERE ${where} GROUP BY relation`)}`,
    `CREATE TABLE out.size_bins AS ${perScope((scope, where) => `
      SELECT '${scope}' AS scope, ${binCase} AS bin, count(*) AS n FROM out.models WHERE ${where} AND params IS NOT NULL GROUP BY 2`)}`,
  ];
}
