// The embedded columnar engine (issue 10 "Store"): DuckDB through @duckdb/node-api. One instance
// per store file, one connection, closed explicitly. Results come back as plain JS: DuckDB's
// BIGINT/HUGEINT (bigint) become numbers, DATE/TIMESTAMP become ISO strings, lists and structs
// are converted recursively. Parameters are bound through prepared statements, never spliced.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };
export type Row = Record<string, Plain>;

/** A value read from DuckDB as JSON-ready JS (bigint → number; Date → ISO string). */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, Plain> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return String(value);
}

export interface DuckOptions {
  /** Open the file read-only (the explorer and print: several readers at once). */
  readOnly?: boolean;
  threads?: number;
  memoryLimit?: string;
}

export class Duck {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens (creating when writable) a DuckDB database file, or ':memory:'. */
  static async open(path: string, options: DuckOptions = {}): Promise<Duck> {
    const config: Record<string, string> = {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? '256MB',
      preserve_insertion_order: 'false',
    };
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    const instance = await DuckDBInstance.create(path, config);
    try {
      return new Duck(instance, await instance.connect());
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  /** Runs statements that return nothing the caller needs. */
  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Rows as plain objects. Values bind to $1, $2, … through a prepared statement. */
  async all(sql: string, values: readonly DuckDBValue[] = []): Promise<Row[]> {
    let reader;
    if (values.length === 0) reader = await this.connection.runAndReadAll(sql);
    else {
      const prepared = await this.connection.prepare(sql);
      try {
        prepared.bind([...values]);
        reader = await prepared.runAndReadAll();
      } finally {
        prepared.destroySync();
      }
    }
    return reader.getRowObjectsJS().map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
      return out;
    });
  }

  /** The first row, or null. */
  async one(sql: string, values: readonly DuckDBValue[] = []): Promise<Row | null> {
    return (await this.all(sql, values))[0] ?? null;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** A string as a SQL literal (for file paths in read_parquet, which takes no parameters). */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
