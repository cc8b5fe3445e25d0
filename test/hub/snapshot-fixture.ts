// Tiny hub-stats snapshots written by the tests (hub-api.md §12 columns and nested types),
// through DuckDB: rows as JSON lines, typed by an explicit schema, copied to parquet.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duck, sqlString } from '../../source/hub/duck.js';

export interface FixtureRow {
  id: string;
  author?: string | null;
  createdAt?: string | null;
  downloads?: number | null;
  downloadsAllTime?: number | null;
  likes?: number | null;
  pipeline_tag?: string | null;
  library_name?: string | null;
  tags?: string[];
  baseModels?: { relation: string; models: Array<{ _id: string; id: string }> } | null;
  safetensors?: { parameters: Record<string, number>; total: number } | null;
  gguf?: { total: number; architecture: string } | null;
  config?: { architectures: string[] | null; model_type: string | null } | null;
  siblings?: Array<{ rfilename: string }>;
  cardData?: string | null;
}

export const FULL_SCHEMA: Record<string, string> = {
  id: 'VARCHAR',
  author: 'VARCHAR',
  createdAt: 'TIMESTAMP',
  downloads: 'BIGINT',
  downloadsAllTime: 'BIGINT',
  likes: 'BIGINT',
  pipeline_tag: 'VARCHAR',
  library_name: 'VARCHAR',
  tags: 'VARCHAR[]',
  baseModels: 'STRUCT(relation VARCHAR, models STRUCT(_id VARCHAR, id VARCHAR)[])',
  safetensors: 'STRUCT(parameters MAP(VARCHAR, BIGINT), total BIGINT)',
  gguf: 'STRUCT(total BIGINT, architecture VARCHAR)',
  config: 'STRUCT(architectures VARCHAR[], model_type VARCHAR)',
  siblings: 'STRUCT(rfilename VARCHAR)[]',
  cardData: 'VARCHAR',
};

/** A parent reference as baseModels lists it. */
export const parent = (id: string) => ({ _id: id.replace(/[^a-z0-9]/gi, '').slice(0, 24), id });

/** Writes `rows` as models.parquet in a new temp folder (or `dir`); `schema` picks the columns. */
export async function writeSnapshot(rows: readonly FixtureRow[], options: { dir?: string; schema?: Record<string, string>; rowGroupSize?: number } = {}): Promise<string> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'hub-fixture-')));
  const schema = options.schema ?? FULL_SCHEMA;
  const jsonl = join(dir, 'rows.jsonl');
  await writeFile(jsonl, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = join(dir, 'models.parquet');
  const duck = await Duck.open(':memory:');
  try {
    const columns = `{${Object.entries(schema).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ')}}`;
    await duck.exec(`COPY (SELECT * FROM read_json(${sqlString(jsonl)}, format = 'newline_delimited', columns = ${columns}))
      TO ${sqlString(out)} (FORMAT parquet, ROW_GROUP_SIZE ${options.rowGroupSize ?? 100000})`);
  } finally {
    duck.close();
  }
  return out;
}
