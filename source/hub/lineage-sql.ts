// analyses.md §6 "Lineage" over the whole snapshot, in SQL: parent edges, virtual nodes (a parent
// id not in the snapshot, kept and counted), the root of every model (follow the first parent to
// a model with none; a cycle is broken at the first repeated node and counted), the root
// organisation (the root's namespace), and the families (a root and all its descendants through
// any parent edge: a merge counts once in each root family it reaches).
//
// Measured choices (bench/hub): nodes are integers — a model is its row in `staging` (rowid), a
// virtual node gets a number after the last row — so the walks join and hash integers, not ids.
// The first-parent walk carries its path (a chain: one row per model and depth), so a cycle stops
// at its first repeated node; the any-edge walk uses UNION's set semantics over (model, ancestor)
// pairs, which ends on cycles without paths and never multiplies rows along the many routes of
// merge-heavy lineages.

/** Statements that build `virtual_nodes`, `edges`, `walk_roots` and `families` from `staging`. */
export function lineageStatements(): string[] {
  return [
    `CREATE TABLE edge_ids AS
      SELECT child, relation, parent_id, lower(parent_id) AS parent_key, ord
      FROM (SELECT rowid AS child, relation, unnest(parents) AS parent_id, unnest(range(1, len(parents) + 1)) AS ord FROM staging WHERE len(parents) > 0)`,
    `CREATE TABLE virtual_nodes AS
      SELECT (SELECT count(*) FROM staging) + row_number() OVER (ORDER BY key) - 1 AS nid, key, id, children
      FROM (
        SELECT e.parent_key AS key, min(e.parent_id) AS id, count(DISTINCT e.child) AS children
        FROM edge_ids e ANTI JOIN staging s ON s.key = e.parent_key
        GROUP BY e.parent_key
      )`,
    `CREATE TABLE edges AS
      SELECT e.child, coalesce(s.rowid, v.nid) AS parent, e.ord, e.relation
      FROM edge_ids e
      LEFT JOIN staging s ON s.key = e.parent_key
      LEFT JOIN virtual_nodes v ON v.key = e.parent_key`,
    `DROP TABLE edge_ids`,
    `CREATE TABLE first_edges AS SELECT child, parent FROM edges WHERE ord = 1`,
    `CREATE TABLE walk_roots AS
      WITH RECURSIVE walk(start, node, depth, path) AS (
        SELECT child, parent, 1, [child, parent] FROM first_edges
        UNION ALL
        SELECT w.start, f.parent, w.depth + 1, list_append(w.path, f.parent)
        FROM walk w JOIN first_edges f ON f.child = w.node
        WHERE NOT list_contains(w.path, f.parent)
      )
      SELECT w.start AS rid, w.root, w.depth, (f.child IS NOT NULL) AS cycle
      FROM (SELECT start, arg_max(node, depth) AS root, max(depth) AS depth FROM walk GROUP BY start) w
      LEFT JOIN (SELECT DISTINCT child FROM first_edges) f ON f.child = w.root`,
    // roots reached through any parent edge: nodes with no parent (originals, virtual nodes);
    // a cycle with no way out keeps its first-parent root
    `CREATE TABLE families AS
      WITH RECURSIVE up(start, node) AS (
        SELECT child, parent FROM edges
        UNION
        SELECT u.start, e.parent FROM up u JOIN edges e ON e.child = u.node
      )
      SELECT start AS rid, node AS root FROM up ANTI JOIN (SELECT DISTINCT child FROM edges) c ON c.child = up.node
      UNION
      SELECT rid, root FROM walk_roots`,
  ];
}

/** `models`: staging and the family label of each class (`arch_families`) with the lineage columns (root,
 *  depth, cycle, root org), the family label (own class, else the root's) and the §6 scope flag.
 *  `rid` is the row number every lineage table refers to. */
export function modelsTableSql(llmPipelines: readonly string[]): string[] {
  const llm = `(${llmPipelines.map((p) => `'${p}'`).join(', ')})`;
  return [
    // the few distinct roots, so the 3 M-row table never joins itself
    `CREATE TABLE root_info AS
      SELECT d.root, coalesce(r.id, v.id) AS root_id,
        CASE WHEN r.id IS NOT NULL THEN r.author ELSE nullif(CASE WHEN contains(v.id, '/') THEN split_part(v.id, '/', 1) END, '') END AS root_org,
        coalesce(r.pipeline IN ${llm}, false) AS root_llm, fr.own_family AS root_family, (v.nid IS NOT NULL) AS virtual_root
      FROM (SELECT DISTINCT root FROM walk_roots) d
      LEFT JOIN staging r ON r.rowid = d.root
      LEFT JOIN virtual_nodes v ON v.nid = d.root
      LEFT JOIN arch_families fr ON fr.arch = r.arch`,
    `CREATE TABLE models AS
    SELECT
      o.rowid AS rid,
      o.id, o.key, o.author, o.created, o.at_floor, o.day, o.downloads, o.downloads_all, o.likes, o.pipeline, o.library,
      o.relation, o.parents, len(o.parents) AS n_parents, o.license, o.merge_tag, o.params, o.params_method,
      o.arch, o.arch_source,
      coalesce(fo.own_family, ri.root_family) AS family,
      CASE WHEN fo.own_family IS NOT NULL THEN 'own' WHEN ri.root_family IS NOT NULL THEN 'root' END AS family_source,
      coalesce(w.root, o.rowid) AS root,
      coalesce(ri.root_id, o.id) AS root_id,
      CASE WHEN w.root IS NULL THEN o.author ELSE ri.root_org END AS root_org,
      coalesce(w.depth, 0) AS depth,
      coalesce(w.cycle, false) AS cycle,
      coalesce(ri.virtual_root, false) AS virtual_root,
      (o.pipeline IN ${llm} OR coalesce(ri.root_llm, false)) AS llm
    FROM staging o
    LEFT JOIN walk_roots w ON w.rid = o.rowid
    LEFT JOIN root_info ri ON ri.root = w.root
    LEFT JOIN arch_families fo ON fo.arch = o.arch`,
  ];
}
