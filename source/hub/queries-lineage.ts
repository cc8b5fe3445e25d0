// The Hub queries of analyses.md §6 that follow the lineage: H4 (top roots by descendants, per
// relation; derivatives per period by root organisation), H5 (uptake of chosen roots by day since
// their creation), H6 (sizes) and the lineage view (chain up, tree down), plus the lookup of one
// id. Plain rows out; analysis/hub-*.ts shapes them.
import type { Row } from './duck.js';
import type { HubStore } from './store.js';
import { memoKey, periodSql, scopeSql, type HubQueryOptions } from './query-sql.js';

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

/** H4: roots by descendants in scope (through any parent edge), with the count per relation. */
export function topRootRows(store: HubStore, options: HubQueryOptions): Promise<RootRow[]> {
  return store.cached(memoKey('roots', { scope: options.scope, top: options.top }), async () => {
    const where = scopeSql(options.scope, 'm');
    const rows = await store.all(`SELECT f.root, count(*) AS n, ${RELATION_COLUMNS.map((r) => `count_if(m.relation = '${r}') AS "${r}"`).join(', ')}
      FROM families f JOIN models m ON m.rid = f.rid WHERE ${where}
      GROUP BY f.root ORDER BY n DESC, f.root LIMIT ${Math.max(1, options.top)}`);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => num(r.root)).join(', ');
    const info = await store.all(`SELECT rid AS node, id, author AS org, strftime(day, '%Y-%m-%d') AS day, false AS virtual FROM models WHERE rid IN (${ids})
      UNION ALL SELECT nid, id, nullif(CASE WHEN contains(id, '/') THEN split_part(id, '/', 1) END, ''), NULL, true FROM virtual_nodes WHERE nid IN (${ids})`);
    const byNode = new Map(info.map((r) => [num(r.node), r]));
    return rows.map((r) => {
      const i = byNode.get(num(r.root));
      return {
        root: num(r.root), id: String(i?.id ?? '?'), org: str(i?.org), day: str(i?.day), virtual: Boolean(i?.virtual), descendants: num(r.n),
        byRelation: Object.fromEntries(RELATION_COLUMNS.map((c) => [c, num(r[c])])),
      };
    });
  });
}

/** H4 per period: new derivatives (dated, in scope) by the organisation of their root. */
export function rootOrgRows(store: HubStore, options: HubQueryOptions & { yearly?: boolean }): Promise<Array<{ key: string; name: string; n: number }>> {
  return store.cached(memoKey('root-orgs', options), async () => {
    const key = options.yearly ? `strftime(day, '%Y')` : periodSql(options.period);
    const rows = await store.all(`SELECT ${key} AS key, coalesce(root_org, 'unknown') AS name, count(*) AS n
      FROM models WHERE ${scopeSql(options.scope)} AND relation <> 'original' AND day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
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
    for (const root of chosen) {
      const rows = await store.all(`SELECT CAST(date_diff('day', $1::DATE, m.day) AS INTEGER) AS offset, m.relation, count(*) AS n
        FROM families f JOIN models m ON m.rid = f.rid WHERE f.root = $2 AND ${scopeSql(options.scope, 'm')} AND m.day IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1`, [root.day ?? '1970-01-01', root.root]);
      const undated = await store.all(`SELECT count(*) AS n FROM families f JOIN models m ON m.rid = f.rid WHERE f.root = $1 AND ${scopeSql(options.scope, 'm')} AND m.day IS NULL`, [root.root]);
      out.push({ root, days: rows.map((r) => ({ offset: num(r.offset), n: num(r.n), relation: String(r.relation) })), undated: num(undated[0]?.n) });
    }
    return out;
  });
}

async function rootByKey(store: HubStore, options: HubQueryOptions, id: string): Promise<RootRow | null> {
  const rows = await store.all(`SELECT rid AS node, id, author AS org, strftime(day, '%Y-%m-%d') AS day FROM models WHERE key = lower($1)`, [id]);
  const r = rows[0];
  if (!r) return null;
  const counts = await store.all(`SELECT count(*) AS n, ${RELATION_COLUMNS.map((c) => `count_if(m.relation = '${c}') AS "${c}"`).join(', ')}
    FROM families f JOIN models m ON m.rid = f.rid WHERE f.root = $1 AND ${scopeSql(options.scope, 'm')}`, [num(r.node)]);
  const c = counts[0] ?? {};
  return { root: num(r.node), id: String(r.id), org: str(r.org), day: str(r.day), virtual: false, descendants: num(c.n), byRelation: Object.fromEntries(RELATION_COLUMNS.map((k) => [k, num(c[k])])) };
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

/** Lower edges (B params) of the size histogram's bins. */
export const SIZE_BINS = [0, 1, 3, 7, 14, 20, 35, 75, 150];

/** H6: params of models in scope (with the method that gave each). */
export function sizeRows(store: HubStore, options: HubQueryOptions): Promise<SizeRows> {
  return store.cached(memoKey('sizes', { scope: options.scope }), async () => {
    const where = scopeSql(options.scope);
    const binCase = `CASE ${SIZE_BINS.map((lower, i) => `WHEN params >= ${lower} THEN ${i}`).reverse().join(' ')} END`;
    const [head] = await store.all(`SELECT count(*) AS total, count(params) AS known, count_if(params < 20) AS under20,
      coalesce(sum(downloads) FILTER (WHERE params IS NOT NULL), 0) AS dk, coalesce(sum(downloads) FILTER (WHERE params <= 15), 0) AS d15,
      count_if(params_method = 'safetensors') AS safetensors, count_if(params_method = 'gguf') AS gguf, count_if(params_method = 'name') AS name
      FROM models WHERE ${where}`);
    const bins = await store.all(`SELECT ${binCase} AS bin, count(*) AS n FROM models WHERE ${where} AND params IS NOT NULL GROUP BY 1 ORDER BY 1`);
    const per = await store.all(`SELECT relation, count(*) AS total, count(params) AS known, count_if(params < 20) AS under20, median(params) AS median
      FROM models WHERE ${where} GROUP BY relation ORDER BY total DESC`);
    const h: Row = head ?? {};
    return {
      total: num(h.total), known: num(h.known), under20: num(h.under20), downloadsKnown: num(h.dk), downloadsAtMost15: num(h.d15),
      byMethod: { safetensors: num(h.safetensors), gguf: num(h.gguf), name: num(h.name) },
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

const NODE_SELECT = `SELECT m.rid AS node, m.id, m.relation, strftime(m.day, '%Y-%m-%d') AS day, m.at_floor, m.downloads, m.params, false AS virtual,
  (SELECT count(*) FROM edges e WHERE e.parent = m.rid) AS children FROM models m`;

function nodeRow(r: Row): NodeRow {
  return { node: num(r.node), id: String(r.id), relation: str(r.relation), day: str(r.day), atFloor: Boolean(r.at_floor), downloads: r.downloads === null ? null : num(r.downloads), params: r.params === null ? null : Number(r.params), virtual: Boolean(r.virtual), children: num(r.children) };
}

async function nodeById(store: HubStore, id: string): Promise<NodeRow | null> {
  const rows = await store.all(`${NODE_SELECT} WHERE m.key = lower($1)`, [id]);
  if (rows[0]) return nodeRow(rows[0]);
  const v = await store.all(`SELECT nid AS node, id, NULL AS relation, NULL AS day, false AS at_floor, NULL AS downloads, NULL AS params, true AS virtual, children FROM virtual_nodes WHERE key = lower($1)`, [id]);
  return v[0] ? nodeRow(v[0]) : null;
}

async function nodesByNumber(store: HubStore, nodes: readonly number[]): Promise<Map<number, NodeRow>> {
  if (nodes.length === 0) return new Map();
  const list = nodes.join(', ');
  const rows = await store.all(`${NODE_SELECT} WHERE m.rid IN (${list})
    UNION ALL SELECT nid, id, NULL, NULL, false, NULL, NULL, true, children FROM virtual_nodes WHERE nid IN (${list})`);
  return new Map(rows.map((r) => [num(r.node), nodeRow(r)]));
}

/** The lineage view of one model (or virtual node): parents, chain up, tree down. */
export function lineageRows(store: HubStore, options: HubQueryOptions & { base: string }): Promise<LineageRows> {
  return store.cached(memoKey('lineage', options), async () => {
    const node = await nodeById(store, options.base);
    const empty: LineageRows = { node, parents: [], chain: [], cycle: false, descendants: 0, byRelation: {}, children: [], childCount: 0 };
    if (!node) return empty;
    const parentNodes = await store.all(`SELECT parent FROM edges WHERE child = $1 ORDER BY ord`, [node.node]);
    const chainRows = await store.all(`WITH RECURSIVE up(node, depth, path) AS (
        SELECT $1::BIGINT, 0, [$1::BIGINT]
        UNION ALL
        SELECT e.parent, u.depth + 1, list_append(u.path, e.parent) FROM up u JOIN edges e ON e.child = u.node AND e.ord = 1
        WHERE NOT list_contains(u.path, e.parent)
      ) SELECT node, depth FROM up ORDER BY depth`, [node.node]);
    const last = chainRows[chainRows.length - 1];
    const cycleCheck = last ? await store.all(`SELECT count(*) AS n FROM edges WHERE child = $1 AND ord = 1`, [num(last.node)]) : [];
    const down = await store.all(`WITH RECURSIVE down(node) AS (
        SELECT child FROM edges WHERE parent = $1
        UNION
        SELECT e.child FROM down d JOIN edges e ON e.parent = d.node
      ) SELECT m.relation, count(*) AS n FROM down JOIN models m ON m.rid = down.node WHERE ${scopeSql(options.scope, 'm')} AND m.rid <> $1 GROUP BY 1`, [node.node]);
    const children = await store.all(`SELECT e.child AS node FROM edges e JOIN models m ON m.rid = e.child WHERE e.parent = $1
      ORDER BY m.downloads DESC NULLS LAST, m.id LIMIT ${Math.max(1, options.top)}`, [node.node]);
    const childCount = await store.all(`SELECT count(*) AS n FROM edges WHERE parent = $1`, [node.node]);
    const numbers = [...parentNodes.map((r) => num(r.parent)), ...chainRows.map((r) => num(r.node)), ...children.map((r) => num(r.node))];
    const info = await nodesByNumber(store, [...new Set(numbers)]);
    const pick = (n: number) => info.get(n);
    return {
      node,
      parents: parentNodes.map((r) => pick(num(r.parent))).filter((x): x is NodeRow => x !== undefined),
      chain: chainRows.map((r) => pick(num(r.node))).filter((x): x is NodeRow => x !== undefined),
      cycle: num(cycleCheck[0]?.n) > 0 && !(last && pick(num(last.node))?.virtual),
      descendants: down.reduce((s, r) => s + num(r.n), 0),
      byRelation: Object.fromEntries(down.map((r) => [String(r.relation), num(r.n)])),
      children: children.map((r) => pick(num(r.node))).filter((x): x is NodeRow => x !== undefined),
      childCount: num(childCount[0]?.n),
    };
  });
}

/** One model by id (case-insensitive), or null: the `:goto` lookup. */
export async function lookupModel(store: HubStore, id: string): Promise<Row | null> {
  const rows = await store.all(`SELECT id, author, strftime(day, '%Y-%m-%d') AS day, relation, parents, params, params_method, family, root_id, root_org, downloads, likes, license, pipeline
    FROM models WHERE key = lower($1) LIMIT 1`, [id]);
  return rows[0] ?? null;
}
