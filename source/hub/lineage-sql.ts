// analyses.md §6 "Lineage" around the walk (lineage-walk.ts), in SQL: the parent edges with each
// parent id resolved to its row, virtual nodes (a parent id not in the snapshot, kept and
// counted), and the store's tables built from the walk's answers — `models` with its root, root
// organisation, family and scope, `edges` (by child), `children` (by parent, ranked by
// downloads, then id case aside), `virtual_nodes`, `ancestors` (every model and every model it
// descends from, by ancestor: the tree down of any model and, with `to_root`, the root
// families) and `ids` (the hash of the lower-case id → row, sorted: a lookup reads one row
// group).
//
// Nodes are integers: a model is its row in the file (`rid`), a virtual node gets a number after
// the file's last row. `nodes` (pass 1) and `lin` / `ancestors0` (the walk's output) live in the
// in-memory build database; the tables named `out.*` are written once into the store file.

import { idNamespaceSql } from './model-sql.js';

/** Statements from `nodes` to `edges` and `virtual_nodes` (in the build database). */
export function edgeStatements(fileRows: number): string[] {
  return [
    `CREATE TABLE edge_ids AS
      SELECT e.child, e.relation, e.parent_id, e.parent_key, e.ord, n.rid AS parent_rid
      FROM (SELECT child, relation, parent_id, lower(parent_id) AS parent_key, ord
        FROM (SELECT rid AS child, relation, unnest(parents) AS parent_id, unnest(range(1, len(parents) + 1)) AS ord FROM nodes WHERE len(parents) > 0)) e
      LEFT JOIN nodes n ON n.key = e.parent_key`,
    `CREATE TABLE virtual_nodes AS
      SELECT CAST(${fileRows} + row_number() OVER (ORDER BY key) - 1 AS INTEGER) AS nid, key, id, children
      FROM (SELECT parent_key AS key, min(parent_id) AS id, count(DISTINCT child) AS children FROM edge_ids WHERE parent_rid IS NULL GROUP BY 1)`,
    `CREATE TABLE edges AS
      SELECT e.child, CAST(coalesce(e.parent_rid, v.nid) AS INTEGER) AS parent, CAST(e.ord AS INTEGER) AS ord, e.relation
      FROM edge_ids e LEFT JOIN virtual_nodes v ON v.key = e.parent_key`,
    `DROP TABLE edge_ids`,
  ];
}

/** The walk's output tables, filled by the appender. `lin`: one row per model with a parent. */
export const WALK_TABLES = [
  'CREATE TABLE lin (rid INTEGER, root INTEGER, depth INTEGER, cycle INTEGER, n_parents INTEGER)',
  'CREATE TABLE ancestors0 (ancestor INTEGER, rid INTEGER, to_root INTEGER)',
];

/** The roots' attributes a family takes from its root (the few distinct roots: the 3 M-row
 *  table never joins itself), and each class's §0 family (`arch_families`, built before). */
export function rootInfoSql(): string {
  return `CREATE TABLE root_info AS
    SELECT d.root,
      CASE WHEN n.rid IS NOT NULL THEN n.author ELSE ${idNamespaceSql('v.id')} END AS root_org,
      coalesce(n.llm_own, false) AS root_llm, fr.own_family AS root_family
    FROM (SELECT DISTINCT root FROM lin) d
    LEFT JOIN nodes n ON n.rid = d.root
    LEFT JOIN virtual_nodes v ON v.nid = d.root
    LEFT JOIN arch_families fr ON fr.arch = n.arch`;
}

/** The rows [from, to) of `models` (written into a lane's table: ingest.ts), from the second
 *  read of that slice of the file (`rows`: modelRowsSql over a read filtered on
 *  file_row_number, which skips the other row groups) and the walk's answers for the same rows —
 *  so each join's table holds one slice, not the whole. The caller keeps the file's row order
 *  within a slice (preserve_insertion_order: rid ranges per row group stay narrow, and a lookup
 *  by rid reads one row group). `dropped`: rows left out as duplicate ids, if any. */
export function modelsSliceSql(rows: string, llmPipelines: readonly string[], dropped: boolean, from: number, to: number): string {
  const llm = `(${llmPipelines.map((p) => `'${p}'`).join(', ')})`;
  const slice = (column: string) => `${column} >= ${from} AND ${column} < ${to}`;
  return `SELECT
      m.rid, m.id, m.author, m.day, m.at_floor, m.downloads, m.downloads_all, m.likes, m.pipeline, m.library,
      CASE WHEN l.rid IS NULL THEN 'original' ELSE coalesce(m.rel0, 'unknown') END AS relation,
      coalesce(l.n_parents, 0) AS n_parents, m.license, m.params, m.params_method, m.arch,
      coalesce(fo.own_family, ri.root_family) AS family,
      CASE WHEN fo.own_family IS NOT NULL THEN 'own' WHEN ri.root_family IS NOT NULL THEN 'root' END AS family_source,
      coalesce(l.root, m.rid) AS root,
      -- a derivative's root organisation; NULL for an original (its own namespace is author)
      CASE WHEN l.rid IS NOT NULL THEN ri.root_org END AS root_org,
      coalesce(l.depth, 0) AS depth,
      coalesce(l.cycle = 1, false) AS cycle,
      (coalesce(m.pipeline IN ${llm}, false) OR coalesce(ri.root_llm, false)) AS llm,
      coalesce(c.n, 0) AS children
    FROM (${rows}) m
    LEFT JOIN (SELECT * FROM lin WHERE ${slice('rid')}) l ON l.rid = m.rid
    LEFT JOIN root_info ri ON ri.root = l.root
    LEFT JOIN arch_families fo ON fo.arch = m.arch
    LEFT JOIN (SELECT parent, n FROM child_counts WHERE ${slice('parent')}) c ON c.parent = m.rid
    ${dropped ? `WHERE m.rid NOT IN (SELECT rid FROM dropped WHERE ${slice('rid')})` : ''}`;
}

/** The text whose hash `out.id_hash` keeps: a reader whose engine hashes it otherwise (another
 *  DuckDB version: hash() is not promised stable across versions) cannot use `ids`. */
export const ID_HASH_PROBE = 'hubscope ids';

/** The compression each text column of `models` gets, named when the table is created: the ones
 *  DuckDB chose itself for 3.1 M rows (pragma_storage_info: FSST for the ids, namespaces and root
 *  organisations, a dictionary for the few-valued columns), so that it no longer tries every
 *  method on every segment of 24 columns as it writes. Pass 2's write of a 496 k-row slice:
 *  1.45 → 1.11 s on one thread, the same 19.4 MB (bench/hub/ingest-profile.mjs, .tmp/exp). */
export const MODELS_COMPRESSION: Readonly<Record<string, string>> = {
  id: 'fsst', author: 'fsst', root_org: 'fsst',
  pipeline: 'dictionary', library: 'dictionary', relation: 'dictionary', license: 'dictionary', params_method: 'dictionary',
  arch: 'dictionary', family: 'dictionary', family_source: 'dictionary',
};

/** CREATE TABLE `table` with the columns `shape` describes (DESCRIBE's column_name, column_type),
 *  each with its compression from `compression` where one is named. */
export function createTableSql(table: string, shape: ReadonlyArray<Readonly<Record<string, unknown>>>, compression: Readonly<Record<string, string>> = {}): string {
  const columns = shape.map(({ column_name: name, column_type: type }) => {
    const method = compression[String(name)];
    return `"${String(name).replace(/"/g, '""')}" ${String(type)}${method ? ` USING COMPRESSION ${method}` : ''}`;
  });
  return `CREATE TABLE ${table} (${columns.join(', ')})`;
}

/** `out.ids`: every model's row by the hash of its lower-case id, sorted by the hash (a lookup
 *  reads one row group; the id itself is checked against `models`). Sorting the 64-bit hashes
 *  instead of the ids: 2.0–2.4 → 0.5 s on 3.1 M rows (bench/hub/ingest-profile.mjs), and the
 *  ids are not stored twice. `out.id_hash`: the probe's hash by the engine that wrote `ids`. */
export const IDS_STATEMENTS = [
  'CREATE TABLE out.ids AS SELECT hash(key) AS h, rid FROM nodes ORDER BY h',
  `CREATE TABLE out.id_hash AS SELECT hash('${ID_HASH_PROBE}') AS probe`,
];

/** What runs beside the walk, on the second connection (`Duck.aside`): the store's `edges`,
 *  `virtual_nodes` and `children`, and the build table `child_counts`, all from the build's
 *  tables (they need nothing of the walk or of pass 2). `children`: each model's children
 *  ranked by downloads, then by id case aside (pass 1's `key`: ranked from the 3 M-row `models`
 *  instead, the join read every id back out of the store, 1.1 s on 3.1 M rows after pass 2). */
export const BESIDE_WALK_STATEMENTS = [
  'CREATE TABLE out.edges AS SELECT child, parent, ord, relation FROM edges ORDER BY child, ord',
  'CREATE TABLE out.virtual_nodes AS SELECT nid, key, id, CAST(children AS INTEGER) AS children FROM virtual_nodes ORDER BY nid',
  `CREATE TABLE out.children AS
    SELECT c.parent, row_number() OVER (PARTITION BY c.parent ORDER BY n.downloads DESC NULLS LAST, n.key) AS rank, c.child
    FROM (SELECT DISTINCT parent, child FROM edges) c JOIN nodes n ON n.rid = c.child
    ORDER BY c.parent, rank`,
  // what pass 2 needs of the edges (each model's count of child edges): then `edges` goes before
  // pass 2, and its memory with it
  'CREATE TABLE child_counts AS SELECT parent, CAST(count(*) AS INTEGER) AS n FROM edges GROUP BY parent',
];

/** The other store tables, once `out.models` is written. */
export function storeTableStatements(): string[] {
  return [
    // what every ancestor query needs of the descendant, so none joins the 3 M rows
    `CREATE TABLE out.ancestors AS
      SELECT a.ancestor, a.rid, a.to_root = 1 AS to_root, m.relation, m.llm, m.day
      FROM out.ancestor_pairs a JOIN out.models m ON m.rid = a.rid
      ORDER BY a.ancestor, a.rid`,
  ];
}
