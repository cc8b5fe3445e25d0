// The per-row derivations of analyses.md §6 "Model" as SQL expressions over the projected
// snapshot columns: namespace, creation day and the 2022-03-02 floor (§0), parents and relation
// (baseModels, else base_model: tags), licence (license: tag), params and the method that gave
// it (safetensors.total, else gguf.total, else a size in the name), architecture class and the
// §0 family label (data/architecture.ts's table, as a CASE).
import { FAMILY_PATTERNS, UNKNOWN_FAMILY } from '../data/architecture.js';

/** §6 scope: the language-model pipelines. */
export const LLM_PIPELINES = ['text-generation', 'text2text-generation', 'image-text-to-text'] as const;

/** The relations a parent edge can carry (the Hub's model tree); `original` has none. */
export const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;

const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** §0 "Architecture family" of the class or model type in column `c` (NULL stays NULL), for
 *  a table of the distinct values (a few thousand: the CASE runs once per value, not per row). */
export function familyCaseSql(c = 'c'): string {
  const m = `replace(lower(${c}), '_', '')`;
  const cases = FAMILY_PATTERNS.map(([pattern, label]) => `WHEN contains(${m}, ${lit(pattern)}) THEN ${lit(label)}`).join(' ');
  const stem = `nullif(regexp_replace(${c}, '(ForCausalLM|ForConditionalGeneration|LMHeadModel|Model)$', '', 'i'), '')`;
  return `CASE WHEN ${c} IS NULL OR lower(${c}) IN ('', '?', 'unknown', 'none', 'null') THEN NULL ${cases} ELSE coalesce(${stem}, ${lit(UNKNOWN_FAMILY)}) END`;
}

/** A size in a repository name (analyses.md §6 "Params", the last resort; "8x7B → total"):
 *  `8x7B` → 56, `8x101M` → 0.808, `235B-A22B` → 235, `7B` → 7, `135M` → 0.135 — a mixture
 *  first (in billions, then in millions), then billions, then millions.
 *  nameSizeColumnsSql reads the four patterns once each, as columns (a CASE that names a regex
 *  result twice evaluates it twice), and only for a name with a digit before b or m, which every
 *  match has; nameParamsSql turns the columns into billions (NULL when the name holds none). */
const SIZE_MOE = "'(?:^|[-_ ])(\\d+)x(\\d+(?:\\.\\d+)?)[bB](?:$|[-_. ])'";
const SIZE_MOE_M = "'(?:^|[-_ ])(\\d+)x(\\d+(?:\\.\\d+)?)[mM](?:$|[-_. ])'";
const SIZE_B = "'(?:^|[-_ ])(\\d+(?:\\.\\d+)?)[bB](?:$|[-_. ])'";
const SIZE_M = "'(?:^|[-_ ])(\\d+(?:\\.\\d+)?)[mM](?:$|[-_. ])'";

/** The name to look for a size in: `nameExpr` when `when` holds and it has a digit before b/m. */
export function sizeCandidateSql(nameExpr: string, when: string): string {
  return `CASE WHEN ${when} AND regexp_matches(${nameExpr}, '[0-9][bBmM]') THEN ${nameExpr} END`;
}

/** The four pattern columns over the candidate column `c` (NULL stays NULL). */
export function nameSizeColumnsSql(c: string): string {
  return `regexp_extract(${c}, ${SIZE_MOE}, ['n', 'b']) AS size_moe, regexp_extract(${c}, ${SIZE_MOE_M}, ['n', 'm']) AS size_moe_m, regexp_extract(${c}, ${SIZE_B}, 1) AS size_b, regexp_extract(${c}, ${SIZE_M}, 1) AS size_m`;
}

export function nameParamsSql(): string {
  return `(CASE
    WHEN size_moe.n <> '' THEN TRY_CAST(size_moe.n AS DOUBLE) * TRY_CAST(size_moe.b AS DOUBLE)
    WHEN size_moe_m.n <> '' THEN TRY_CAST(size_moe_m.n AS DOUBLE) * TRY_CAST(size_moe_m.m AS DOUBLE) / 1000
    WHEN size_b <> '' THEN TRY_CAST(size_b AS DOUBLE)
    WHEN size_m <> '' THEN TRY_CAST(size_m AS DOUBLE) / 1000
    ELSE NULL END)`;
}

export interface ProjectionInput {
  present: readonly string[];
  /** DuckDB's type of createdAt as DESCRIBE gives it, when present. */
  createdType?: string;
}

/** The SELECT list that reads the present columns (NULL for the missing ones) into the slim
 *  staging shape: one row per model, `rid` its row number in the file (read_parquet with
 *  file_row_number = true). A column nothing downstream selects is never read: DuckDB prunes
 *  unused projections down to the parquet scan. */
export function projectionSql(input: ProjectionInput): string {
  const has = (path: string) => input.present.includes(path);
  const or = (path: string, expr: string, type: string) => (has(path) ? expr : `NULL::${type}`);
  const created = !has('createdAt')
    ? 'NULL::TIMESTAMP'
    : /^TIMESTAMP(?:_[A-Z]+)?$/.test(input.createdType ?? '') && !/TIME ZONE/.test(input.createdType ?? '')
      ? 'CAST("createdAt" AS TIMESTAMP)'
      : 'make_timestamp(epoch_us(TRY_CAST("createdAt" AS TIMESTAMPTZ)))';
  return [
    'CAST(file_row_number AS INTEGER) AS rid',
    'CAST(id AS VARCHAR) AS id',
    `${or('author', 'CAST(author AS VARCHAR)', 'VARCHAR')} AS author_raw`,
    `${created} AS created`,
    `${or('downloads', 'TRY_CAST(downloads AS BIGINT)', 'BIGINT')} AS downloads`,
    `${or('downloadsAllTime', 'TRY_CAST("downloadsAllTime" AS BIGINT)', 'BIGINT')} AS downloads_all`,
    `${or('likes', 'TRY_CAST(likes AS BIGINT)', 'BIGINT')} AS likes`,
    `${or('pipeline_tag', 'CAST(pipeline_tag AS VARCHAR)', 'VARCHAR')} AS pipeline`,
    `${or('library_name', 'CAST(library_name AS VARCHAR)', 'VARCHAR')} AS library`,
    `${or('tags', 'CAST(tags AS VARCHAR[])', 'VARCHAR[]')} AS tags`,
    `${or('baseModels', 'CAST("baseModels".relation AS VARCHAR)', 'VARCHAR')} AS bm_relation`,
    `${or('baseModels', 'list_transform("baseModels".models, m -> CAST(m.id AS VARCHAR))', 'VARCHAR[]')} AS bm_parents`,
    `${or('safetensors.total', 'TRY_CAST(safetensors.total AS DOUBLE)', 'DOUBLE')} AS st_total`,
    `${or('gguf.total', 'TRY_CAST(gguf.total AS DOUBLE)', 'DOUBLE')} AS gguf_total`,
    `${or('gguf.architecture', 'CAST(gguf.architecture AS VARCHAR)', 'VARCHAR')} AS gguf_arch`,
    `${or('config.architectures', 'CAST(config.architectures AS VARCHAR[])[1]', 'VARCHAR')} AS config_arch`,
    `${or('config.model_type', 'CAST(config.model_type AS VARCHAR)', 'VARCHAR')} AS model_type`,
  ].join(',\n    ');
}

/** The projection over a parquet file, one row per model; `slice` [from, to) reads those rows
 *  only (a filter on file_row_number: DuckDB skips the row groups outside it). */
export function parquetRowsSql(file: string, input: ProjectionInput, slice?: readonly [number, number]): string {
  const where = slice ? ` WHERE file_row_number >= ${slice[0]} AND file_row_number < ${slice[1]}` : '';
  return `SELECT ${projectionSql(input)} FROM read_parquet(${file}, file_row_number = true)${where}`;
}

/** The namespace an id names: the part before "/" (NULL for a legacy id, which has none). */
export function idNamespaceSql(id: string): string {
  return `nullif(CASE WHEN contains(${id}, '/') THEN split_part(${id}, '/', 1) END, '')`;
}

/** The namespace: the author column, else the id's (a legacy id has none). */
// (a CASE, not coalesce(nullif(…)): 0.62 → 0.35 s over 3.1 M rows on one thread)
const NAMESPACE = `CASE WHEN author_raw <> '' THEN author_raw ELSE ${idNamespaceSql('id')} END`;
const ARCH = 'coalesce(config_arch, model_type, gguf_arch)';

/** Parents come from baseModels; the base_model: tags stand in only when the file has no
 *  baseModels column (the Hub derives baseModels from the same card and tags, so a row without
 *  it has no such tags either: reading them for 3 M rows buys nothing). */
function parentsSql(tagFallback: boolean): string {
  const tagParents = `list_filter(list_transform(list_filter(coalesce(tags, []), t -> starts_with(t, 'base_model:')), t -> t[12:]),
      t -> NOT regexp_matches(t, '^(finetune|adapter|quantized|merge):'))`;
  return `CASE WHEN len(bm_parents) > 0 THEN list_filter(bm_parents, p -> p IS NOT NULL AND p <> '')
          ELSE ${tagFallback ? `coalesce(${tagParents}, []::VARCHAR[])` : '[]::VARCHAR[]'} END`;
}

const TAG_RELATION = `list_transform(list_filter(coalesce(tags, []), t -> regexp_matches(t, '^base_model:(finetune|adapter|quantized|merge):')), t -> split_part(t, ':', 2))[1]`;

/** The relation the row declares for its parents (NULL when it declares none). */
function declaredRelationSql(tagFallback: boolean): string {
  return `CASE WHEN len(bm_parents) > 0 THEN lower(bm_relation) ${tagFallback ? `ELSE ${TAG_RELATION}` : ''} END`;
}

/** The relation of a row with `nParents` parents (analyses.md §6 "Relation"). */
export function relationSql(nParents: string, declared: string): string {
  return `CASE WHEN ${nParents} = 0 THEN 'original' ELSE coalesce(${declared}, 'unknown') END`;
}

/** Pass 1 (the lineage pass), from the projection `source`: what the walks need of every row —
 *  its key, parents and relation — and what a root lends its family: namespace, scope, class. */
export function lineageRowsSql(source: string, tagFallback: boolean, llmPipelines: readonly string[]): string {
  const llm = `(${llmPipelines.map(lit).join(', ')})`;
  return `
    SELECT rid, key, parents, ${relationSql('len(parents)', 'rel0')} AS relation, author, llm_own, arch, downloads
    FROM (
      SELECT rid, lower(id) AS key, ${parentsSql(tagFallback)} AS parents, ${declaredRelationSql(tagFallback)} AS rel0,
        ${NAMESPACE} AS author, coalesce(pipeline IN ${llm}, false) AS llm_own, ${ARCH} AS arch, downloads
      FROM (${source})
    )`;
}

/** Pass 2, from the projection `source`: every per-row column of `models` except those the
 *  lineage gives (relation, root, family …): namespace, creation day and the 2022-03-02 floor
 *  of §0, licence, params and the method that gave it, architecture;
 *  `rel0` the relation declared, which counts only for a row the lineage finds parents for. */
export function modelRowsSql(source: string, tagFallback: boolean): string {
  const name = `split_part(id, '/', -1)`;
  return `
    SELECT * EXCLUDE (st_total, gguf_total, name_params),
      CASE WHEN st_total > 0 THEN 'safetensors' WHEN gguf_total > 0 THEN 'gguf' WHEN name_params > 0 THEN 'name' END AS params_method,
      CASE WHEN st_total > 0 THEN st_total / 1e9 WHEN gguf_total > 0 THEN gguf_total / 1e9 WHEN name_params > 0 THEN name_params END AS params
    FROM (
    SELECT * EXCLUDE (size_moe, size_moe_m, size_b, size_m), ${nameParamsSql()} AS name_params
    FROM (
    SELECT * EXCLUDE (size_name), ${nameSizeColumnsSql('size_name')}
    FROM (
      SELECT
        rid,
        id,
        ${NAMESPACE} AS author,
        created IS NOT NULL AND CAST(created AS DATE) = DATE '2022-03-02' AND created >= TIMESTAMP '2022-03-02 23:29:00' AS at_floor,
        CASE WHEN created IS NULL OR (CAST(created AS DATE) = DATE '2022-03-02' AND created >= TIMESTAMP '2022-03-02 23:29:00') THEN NULL ELSE CAST(created AS DATE) END AS day,
        downloads, downloads_all, likes, pipeline, library,
        ${tagFallback ? TAG_RELATION : 'lower(bm_relation)'} AS rel0,
        lower(list_filter(coalesce(tags, []), t -> starts_with(t, 'license:'))[1][9:]) AS license,
        ${sizeCandidateSql(name, 'NOT (coalesce(st_total > 0, false) OR coalesce(gguf_total > 0, false))')} AS size_name,
        CASE WHEN st_total < 1e14 THEN st_total END AS st_total,
        CASE WHEN gguf_total < 1e14 THEN gguf_total END AS gguf_total,
        ${ARCH} AS arch
      FROM (${source})
    )))`;
}
