// The Hub queries of analyses.md §6 that follow the lineage: H4 (top roots by descendants, per
// relation; derivatives per period by root organisation), H5 (uptake of chosen roots by day since
// their creation), H6 (sizes) and the lineage view (chain up, tree down), plus the lookup of one
// id. They read the ingest's small tables (root_counts, day_root_org, size_stats, size_bins),
// `ancestors` by ancestor, `edges` by child and `ids` by key — each sorted so a query on one
// model reads one row group. Plain rows out; analysis/hub-*.ts shapes them.
import type { Row } from './duck.js';
import type { HubStore } from './store.js';
import { idNamespaceSql } from './model-sql.js';
import { ID_HASH_PROBE } from './lineage-sql.js';
import { memoKey, periodSql, scopeSql, type HubQueryOptions } from './query-sql.js';
import { byPeriod } from './queries-community.js';
import { SIZE_BINS } from './summary-sql.js';
export { SIZE_BINS };

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export interface RootRow {
  root: number;
  id: string;
  org: string | null;
  day: string | null;
  virtual: boolean;
  descendants: number;
  byRelation: Record<string, number>;
}

const RELATION_COLUMNS = ['finetune', 'adapter', 'quantized', 'merge', 'unknown'];

/** What the view shows of nodes (models or virtual nodes) by number. */
async function rootInfo(store: HubStore, nodes: readonly number[]): Promise<Map<number, Row>> {
  const out = new Map<number, Row>();
  // one query per node: an equality on the sorted rid reads one row group (an IN list scans all)
  for (const node of new Set(nodes)) {
    const row = (await store.all(`SELECT rid AS node, id, author AS org, strftime(day, '%Y-%m-%d') AS day, false AS virtual FROM models WHERE rid = $1
      UNION ALL SELECT nid, id, ${idNamespaceSql('id')}, NULL, true FROM virtual_nodes WHERE nid = $1`, [node]))[0];
    if (row) out.set(node, row);
  }
  return out;
}

const relationCounts = (r: Row) => Object.fromEntries(RELATION_COLUMNS.map((c) => [c, num(r[c])]));

/** H4: roots by descendants in scope (through any parent edge), with the count per relation. */
export function topRootRows(store: HubStore, options: HubQueryOptions): Promise<RootRow[]> {
  return store.cached(memoKey('roots', { scope: options.scope, top: options.top }), async () => {
    const rows = await store.all(`SELECT root, sum(n) AS n, ${RELATION_COLUMNS.map((r) => `sum("${r}") AS "${r}"`).join(', ')}
      FROM root_counts WHERE ${scopeSql(options.scope)}
      GROUP BY root ORDER BY n DESC, root LIMIT ${Math.max(1, options.top)}`);
    const byNode = await rootInfo(store, rows.map((r) => num(r.root)));
    return rows.map((r) => {
      const i = byNode.get(num(r.root));
      return { root: num(r.root), id: String(i?.id ?? '?'), org: str(i?.org), day: str(i?.day), virtual: Boolean(i?.virtual), descendants: num(r.n), byRelation: relationCounts(r) };
    });
  });
}

/** H4 per period: new derivatives (dated, in scope) by the organisation of their root. */
export function rootOrgRows(store: HubStore, options: HubQueryOptions & { yearly?: boolean }): Promise<Array<{ key: string; name: string; n: number }>> {
  return store.cached(memoKey('root-orgs', options), async () => {
    if (!options.yearly) return (await byPeriod(store, options, 'day_root_org')).rows;
    const rows = await store.all(`SELECT strftime(day, '%Y') AS key, name, sum(n) AS n
      FROM day_root_org WHERE ${scopeSql(options.scope)} AND day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
    return rows.map((r) => ({ key: String(r.key), name: String(r.name), n: num(r.n) }));
  });
}

export interface AdoptionRows {
  root: RootRow;
  /** Derivatives per day since the root's creation (offset ≥ 0), and those dated before it. */
  days: Array<{ offset: number; n: number; relation: string }>;
  undated: number;
}

/** H5: for chosen roots (ids; default the top roots), derivatives by day since creation. */
export function adoptionRows(store: HubStore, options: HubQueryOptions & { roots?: string[] }): Promise<AdoptionRows[]> {
  return store.cached(memoKey('adoption', options), async () => {
    const top = await topRootRows(store, { ...options, top: Math.max(options.top, 50) });
    let chosen: RootRow[];
    if (options.roots && options.roots.length > 0) {
      chosen = [];
      for (const id of options.roots) {
        const found = top.find((r) => r.id.toLowerCase() === id.toLowerCase()) ?? (await rootByKey(store, options, id));
        if (found) chosen.push(found);
      }
    } else chosen = top.filter((r) => r.day !== null).slice(0, 5);
    const out: AdoptionRows[] = [];
    const where = scopeSql(options.scope, 'a');
    for (const root of chosen) {
      const rows = await store.all(`SELECT CAST(date_diff('day', $1::DATE, a.day) AS INTEGER) AS offset, a.relation, count(*) AS n
        FROM ancestors a WHERE a.ancestor = $2 AND a.to_root AND ${where} AND a.day IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1`, [root.day ?? '1970-01-01', root.root]);
      const undated = await store.all(`SELECT count(*) AS n FROM ancestors a WHERE a.ancestor = $1 AND a.to_root AND ${where} AND a.day IS NULL`, [root.root]);
      out.push({ root, days: rows.map((r) => ({ offset: num(r.offset), n: num(r.n), relation: String(r.relation) })), undated: num(undated[0]?.n) });
    }
    return out;
  });
}

/** The row number of a model by id (case-insensitive): the rows whose id hashes alike, from the
 *  sorted `ids` (one row group), each checked against its id in `models` (a lookup by rid: one
 *  row group); when this engine hashes otherwise than the one that wrote the store
 *  (`id_hash`'s probe differs), the ids in `models` scanned instead: slower, never wrong. */
export async function ridOf(store: HubStore, id: string): Promise<number | null> {
  const hashed = await store.cached('ids:hash-agrees', async () => {
    const rows = await store.all(`SELECT probe = hash('${ID_HASH_PROBE}') AS same FROM id_hash`);
    return rows[0]?.same === true;
  });
  if (!hashed) {
    const rows = await store.all('SELECT rid FROM models WHERE lower(id) = lower($1) ORDER BY rid LIMIT 1', [id]);
    return rows[0] ? num(rows[0].rid) : null;
  }
  for (const row of await store.all('SELECT rid FROM ids WHERE h = hash(lower($1)) ORDER BY rid', [id])) {
    const rid = num(row.rid);
    if ((await store.all('SELECT rid FROM models WHERE rid = $1 AND lower(id) = lower($2)', [rid, id])).length > 0) return rid;
  }
  return null;
}

async function rootByKey(store: HubStore, options: HubQueryOptions, id: string): Promise<RootRow | null> {
  const rid = await ridOf(store, id);
  if (rid === null) return null;
  const r = (await store.all(`SELECT rid AS node, id, author AS org, strftime(day, '%Y-%m-%d') AS day FROM models WHERE rid = $1`, [rid]))[0];
  if (!r) return null;
  const counts = await store.all(`SELECT count(*) AS n, ${RELATION_COLUMNS.map((c) => `count_if(a.relation = '${c}') AS "${c}"`).join(', ')}
    FROM ancestors a WHERE a.ancestor = $1 AND a.to_root AND ${scopeSql(options.scope, 'a')}`, [rid]);
  const c = counts[0] ?? {};
  return { root: rid, id: String(r.id), org: str(r.org), day: str(r.day), virtual: false, descendants: num(c.n), byRelation: relationCounts(c) };
}

export interface SizeRows {
  total: number;
  known: number;
  byMethod: Record<string, number>;
  bins: Array<{ bin: number; n: number }>;
  under20: number;
  downloadsKnown: number;
  downloadsAtMost15: number;
  perRelation: Array<{ relation: string; total: number; known: number; under20: number; median: number | null }>;
}

/** H6: params of models in scope (with the method that gave each), from size_stats / size_bins. */
export function sizeRows(store: HubStore, options: HubQueryOptions): Promise<SizeRows> {
  return store.cached(memoKey('sizes', { scope: options.scope }), async () => {
    const scope = options.scope === 'all' ? 'all' : 'llm';
    const per = await store.all('SELECT * FROM size_stats WHERE scope = $1 ORDER BY total DESC, relation', [scope]);
    const bins = await store.all('SELECT bin, n FROM size_bins WHERE scope = $1 ORDER BY bin', [scope]);
    const sum = (k: string) => per.reduce((s, r) => s + num(r[k]), 0);
    return {
      total: sum('total'), known: sum('known'), under20: sum('under20'), downloadsKnown: sum('dk'), downloadsAtMost15: sum('d15'),
      byMethod: { safetensors: sum('safetensors'), gguf: sum('gguf'), name: sum('name') },
      bins: bins.map((r) => ({ bin: num(r.bin), n: num(r.n) })),
      perRelation: per.map((r) => ({ relation: String(r.relation), total: num(r.total), known: num(r.known), under20: num(r.under20), median: r.median === null ? null : Number(r.median) })),
    };
  });
}

export interface NodeRow {
  node: number;
  id: string;
  relation: string | null;
  day: string | null;
  atFloor: boolean;
  downloads: number | null;
  params: number | null;
  virtual: boolean;
  /** In the language-model scope (analyses.md §6 "Scope": its own pipeline, or its root's);
   *  null for a virtual node. */
  inScope: boolean | null;
  /** Direct children (any relation). */
  children: number;
}

export interface LineageRows {
  node: NodeRow | null;
  /** Its parents (all of them), then the first-parent chain up to the root (base first). */
  parents: NodeRow[];
  chain: NodeRow[];
  /** The chain stopped at a repeated node. */
  cycle: boolean;
  descendants: number;
  byRelation: Record<string, number>;
  children: NodeRow[];
  childCount: number;
}

const NODE_SELECT = `SELECT m.rid AS node, m.id, m.relation, strftime(m.day, '%Y-%m-%d') AS day, m.at_floor, m.downloads, m.params, false AS virtual, m.llm AS in_scope, m.children FROM models m`;
const VIRTUAL_SELECT = `SELECT nid AS node, id, NULL AS relation, NULL AS day, false AS at_floor, NULL AS downloads, NULL AS params, true AS virtual, NULL AS in_scope, children FROM virtual_nodes`;

function nodeRow(r: Row): NodeRow {
  return { node: num(r.node), id: String(r.id), relation: str(r.relation), day: str(r.day), atFloor: Boolean(r.at_floor), downloads: r.downloads === null ? null : num(r.downloads), params: r.params === null ? null : Number(r.params), virtual: Boolean(r.virtual), inScope: r.in_scope === null || r.in_scope === undefined ? null : Boolean(r.in_scope), children: num(r.children) };
}

async function nodeById(store: HubStore, id: string): Promise<NodeRow | null> {
  const rid = await ridOf(store, id);
  if (rid !== null) {
    const rows = await store.all(`${NODE_SELECT} WHERE m.rid = $1`, [rid]);
    if (rows[0]) return nodeRow(rows[0]);
  }
  const v = await store.all(`${VIRTUAL_SELECT} WHERE key = lower($1)`, [id]);
  return v[0] ? nodeRow(v[0]) : null;
}

async function nodesByNumber(store: HubStore, nodes: readonly number[]): Promise<Map<number, NodeRow>> {
  const out = new Map<number, NodeRow>();
  for (const node of new Set(nodes)) {
    const row = (await store.all(`${NODE_SELECT} WHERE m.rid = $1 UNION ALL ${VIRTUAL_SELECT} WHERE nid = $1`, [node]))[0];
    if (row) out.set(node, nodeRow(row));
  }
  return out;
}

/** The first-parent chain from `node` up to its root: one lookup per step in the sorted
 *  `edges`, stopped before a node already on the chain (a cycle) or after `maxDepth` steps. */
async function chainUp(store: HubStore, node: number, maxDepth: number): Promise<{ chain: number[]; cycle: boolean }> {
  const chain = [node];
  const seen = new Set(chain);
  for (let step = 0; step <= maxDepth; step += 1) {
    const next = await store.all('SELECT parent FROM edges WHERE child = $1 AND ord = 1', [chain[chain.length - 1]!]);
    if (!next[0]) return { chain, cycle: false };
    const parent = num(next[0].parent);
    if (seen.has(parent)) return { chain, cycle: true };
    seen.add(parent);
    chain.push(parent);
  }
  return { chain, cycle: false };
}

/** The lineage view of one model (or virtual node): parents, chain up, tree down. */
export function lineageRows(store: HubStore, options: HubQueryOptions & { base: string }): Promise<LineageRows> {
  return store.cached(memoKey('lineage', options), async () => {
    const node = await nodeById(store, options.base);
    const empty: LineageRows = { node, parents: [], chain: [], cycle: false, descendants: 0, byRelation: {}, children: [], childCount: 0 };
    if (!node) return empty;
    const parentNodes = await store.all('SELECT parent FROM edges WHERE child = $1 ORDER BY ord', [node.node]);
    const up = await chainUp(store, node.node, store.manifest.lineage.maxDepth + 1);
    const down = await store.all(`SELECT a.relation, count(*) AS n FROM ancestors a
      WHERE a.ancestor = $1 AND a.rid <> $1 AND ${scopeSql(options.scope, 'a')} GROUP BY 1`, [node.node]);
    // the children with most downloads (ranked at ingest)
    const children = await store.all(`SELECT child AS node FROM children WHERE parent = $1 AND rank <= ${Math.max(1, options.top)} ORDER BY rank`, [node.node]);
    const numbers = [...parentNodes.map((r) => num(r.parent)), ...up.chain, ...children.map((r) => num(r.node))];
    const info = await nodesByNumber(store, [...new Set(numbers)]);
    const pick = (n: number) => info.get(n);
    return {
      node,
      parents: parentNodes.map((r) => pick(num(r.parent))).filter((x): x is NodeRow => x !== undefined),
      chain: up.chain.map((n) => pick(n)).filter((x): x is NodeRow => x !== undefined),
      cycle: up.cycle,
      descendants: down.reduce((s, r) => s + num(r.n), 0),
      byRelation: Object.fromEntries(down.map((r) => [String(r.relation), num(r.n)])),
      children: children.map((r) => pick(num(r.node))).filter((x): x is NodeRow => x !== undefined),
      childCount: node.children,
    };
  });
}

/** One model by id (case-insensitive), or null: the `:goto` lookup. Its row is found through
 *  the sorted `ids` and read by number; its parents and root are named by number (each query
 *  filters on a constant: one row group of each table). */
export async function lookupModel(store: HubStore, id: string): Promise<Row | null> {
  const rid = await ridOf(store, id);
  if (rid === null) return null;
  const row = (await store.all(`SELECT id, author, strftime(day, '%Y-%m-%d') AS day, relation, params, params_method, family, root,
      CASE WHEN n_parents = 0 THEN author ELSE root_org END AS root_org, downloads, likes, license, pipeline
    FROM models WHERE rid = $1`, [rid]))[0];
  if (!row) return null;
  const parents = (await store.all('SELECT parent FROM edges WHERE child = $1 ORDER BY ord', [rid])).map((r) => num(r.parent));
  const root = num(row.root);
  const names = await nodesByNumber(store, [...new Set([...parents, root])]);
  const { root: _root, ...rest } = row;
  void _root;
  return { ...rest, parents: parents.map((p) => names.get(p)?.id ?? null), root_id: names.get(root)?.id ?? null };
}
