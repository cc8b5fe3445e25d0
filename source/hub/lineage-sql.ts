// analyses.md §6 "Lineage" over the whole snapshot, in SQL: parent edges, virtual nodes (a parent
// id not in the snapshot, kept and counted), the root of every model (follow the first parent to
// a model with none; a cycle is broken at the first repeated node and counted), the root
// organisation (the root's namespace), and the families (a root and all its descendants through
// any parent edge: a merge counts once in each root family it reaches).
//
// Measured choice: a recursive CTE. The first-parent walk carries its path (a chain: at most one
// row per model and depth) so a cycle stops at its first repeated node; the any-edge walk uses
// UNION's set semantics over (model, ancestor) pairs, which ends on cycles without paths and never
// multiplies rows along the many routes of merge-heavy lineages.

/** Statements that build `edges`, `virtual_nodes`, `walk_roots` and `families` from `staging`. */
export function lineageStatements(): string[] {
  return [
    `CREATE TABLE edges AS
      SELECT key AS child, lower(parent) AS parent, parent AS parent_id, ord, relation
      FROM (SELECT key, relation, unnest(parents) AS parent, unnest(range(1, len(parents) + 1)) AS ord FROM staging WHERE len(parents) > 0)`,
    `CREATE TABLE virtual_nodes AS
      SELECT e.parent AS key, min(e.parent_id) AS id, count(DISTINCT e.child) AS children
      FROM edges e ANTI JOIN staging s ON s.key = e.parent
      GROUP BY e.parent`,
    `CREATE TABLE first_edges AS SELECT child, parent FROM edges WHERE ord = 1`,
    `CREATE TABLE walk_roots AS
      WITH RECURSIVE walk(start, node, depth, path) AS (
        SELECT child, parent, 1, [child, parent] FROM first_edges
        UNION ALL
        SELECT w.start, f.parent, w.depth + 1, list_append(w.path, f.parent)
        FROM walk w JOIN first_edges f ON f.child = w.node
        WHERE NOT list_contains(w.path, f.parent)
      )
      SELECT w.start AS key, w.root, w.depth,
        (w.root IN (SELECT child FROM first_edges)) AS cycle
      FROM (SELECT start, arg_max(node, depth) AS root, max(depth) AS depth FROM walk GROUP BY start) w`,
    // roots reached through any parent edge: nodes with no parent (originals, virtual nodes)
    `CREATE TABLE families AS
      WITH RECURSIVE up(start, node) AS (
        SELECT child, parent FROM edges
        UNION
        SELECT u.start, e.parent FROM up u JOIN edges e ON e.child = u.node
      )
      SELECT DISTINCT start AS key, node AS root FROM up WHERE node NOT IN (SELECT child FROM edges)
      UNION
      SELECT key, root FROM walk_roots`,
  ];
}

/** `models`: staging (which holds each row's own family label) with the lineage columns (root,
 *  depth, cycle, root org), the family label (own class, else the root's) and the §6 scope flag. */
export function modelsTableSql(llmPipelines: readonly string[]): string {
  const llm = `(${llmPipelines.map((p) => `'${p}'`).join(', ')})`;
  return `CREATE TABLE models AS
    SELECT
      o.id, o.key, o.author, o.created, o.at_floor, o.day, o.downloads, o.downloads_all, o.likes, o.pipeline, o.library,
      o.relation, o.parents, len(o.parents) AS n_parents, o.license, o.merge_tag, o.params, o.params_method,
      o.arch, o.arch_source,
      coalesce(o.own_family, r.own_family) AS family,
      CASE WHEN o.own_family IS NOT NULL THEN 'own' WHEN r.own_family IS NOT NULL THEN 'root' END AS family_source,
      coalesce(w.root, o.key) AS root_key,
      coalesce(r.id, v.id, o.id) AS root_id,
      CASE WHEN w.root IS NULL THEN o.author
        WHEN r.id IS NOT NULL THEN r.author
        ELSE nullif(CASE WHEN contains(v.id, '/') THEN split_part(v.id, '/', 1) END, '') END AS root_org,
      coalesce(w.depth, 0) AS depth,
      coalesce(w.cycle, false) AS cycle,
      (v.key IS NOT NULL) AS virtual_root,
      (o.pipeline IN ${llm} OR coalesce(r.pipeline IN ${llm}, false)) AS llm
    FROM staging o
    LEFT JOIN walk_roots w ON w.key = o.key
    LEFT JOIN staging r ON r.key = w.root
    LEFT JOIN virtual_nodes v ON v.key = w.root`;
}
