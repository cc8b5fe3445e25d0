// The embedded columnar engine (issue 10 "Store"): DuckDB through @duckdb/node-api. One instance
// per store file, one connection, closed explicitly. Results come back as plain JS: DuckDB's
// BIGINT/HUGEINT (bigint) become numbers, DATE/TIMESTAMP become ISO strings, lists and structs
// are converted recursively. Parameters are bound through prepared statements, never spliced.
import { DuckDBDataChunk, DuckDBInstance, INTEGER, type DuckDBAppender, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

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
  /** Where DuckDB spills what exceeds the memory limit (default: none for a file, which spills
   *  beside itself; an in-memory database needs one, or DuckDB picks `.tmp` in the cwd). */
  tempDirectory?: string;
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
      // hand freed memory back: the peak RSS is what issue 10 bounds, not DuckDB's own count
      allocator_flush_threshold: '32MB',
      allocator_bulk_deallocation_flush_threshold: '16MB',
      allocator_background_threads: 'true',
      write_buffer_row_group_count: '1',
    };
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    if (options.tempDirectory) config.temp_directory = options.tempDirectory;
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

  /** Hands back to the system what DuckDB's allocator keeps after a phase: its jemalloc holds
   *  what the worker threads freed (allocator_flush_threshold notwithstanding), so the RSS
   *  stays near a phase's peak into the next one; the worker threads' exit returns it. On the
   *  ingest of 3.1 M rows (bench/hub/ingest-profile.mjs) the RSS after pass 1 went 234–256 →
   *  188–197 MB, after `ancestors` ~300 → 148–150 MB, and the summaries' peak 311–359 →
   *  313–315 MB; the ingest's peak (beside the walk, or in pass 2) stayed in its 340–380 MB band.
   *  `threads`: the count to go back to. Only while no other query runs on this database (the
   *  count is the instance's). */
  async releaseMemory(threads: number): Promise<void> {
    await this.exec('SET threads = 1');
    await this.exec(`SET threads = ${threads}`);
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

  /** Streams a query's INTEGER columns chunk by chunk (at most 2,048 rows each): `onChunk` gets
   *  one value reader per column and the chunk's row count. Nothing is materialised in JS. */
  async forEachIntChunk(sql: string, onChunk: (columns: ReadonlyArray<(row: number) => number>, rows: number) => void): Promise<void> {
    const result = await this.connection.stream(sql);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const columns = Array.from({ length: chunk.columnCount }, (_, c) => {
        const vector = chunk.getColumnVector(c);
        return (row: number) => Number(vector.getItem(row) ?? -1);
      });
      onChunk(columns, chunk.rowCount);
    }
  }

  /** An appender of INTEGER rows to `table`: rows are buffered 2,048 at a time and handed to
   *  DuckDB's appender synchronously, so a synchronous producer streams into it. */
  async intAppender(table: string, columns: number): Promise<IntAppender> {
    return new IntAppender(await this.connection.createAppender(table), columns);
  }

  /** Runs `statements` in order on a connection of its own, beside what this connection runs
   *  meanwhile (the ingest writes the ids', edges' and children's tables while the walk runs in
   *  JS, which leaves a core idle). Settles when the last has run, or with the first failure
   *  (nothing after it runs); the caller awaits it before closing the database. */
  async aside(statements: readonly string[], onDone?: StatementDone): Promise<void> {
    const connection = await this.instance.connect();
    try {
      await runInOrder(connection, statements, onDone, () => false);
    } finally {
      connection.closeSync();
    }
  }

  /** Runs each lane's statements in order on a connection of its own, the lanes at once (with
   *  `threads = 1`, each query runs on its own libuv thread: independent appends in parallel
   *  without a parallel plan's buffers). The first failure stops every lane's next statement
   *  and is thrown once the running ones have finished. */
  async execLanes(lanes: ReadonlyArray<readonly string[]>, onDone?: StatementDone): Promise<void> {
    const connections: DuckDBConnection[] = [this.connection];
    try {
      while (connections.length < lanes.length) connections.push(await this.instance.connect());
      let failure: { error: unknown } | null = null;
      await Promise.all(lanes.map((lane, k) => runInOrder(connections[k]!, lane, onDone, () => failure !== null).catch((error: unknown) => {
        failure ??= { error };
      })));
      if (failure) throw (failure as { error: unknown }).error;
    } finally {
      for (const connection of connections.slice(1)) connection.closeSync();
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Told after each statement of `aside` and `execLanes` has run: the statement and its seconds. */
type StatementDone = (sql: string, seconds: number) => void;

/** `statements` one after another on `connection`, each reported to `onDone`; none starts once
 *  `stopped()` holds, and the first failure is thrown (nothing after it runs). */
async function runInOrder(connection: DuckDBConnection, statements: readonly string[], onDone: StatementDone | undefined, stopped: () => boolean): Promise<void> {
  for (const sql of statements) {
    if (stopped()) return;
    const started = Date.now();
    await connection.run(sql);
    onDone?.(sql, (Date.now() - started) / 1000);
  }
}

/** A string as a SQL literal (for file paths in read_parquet, which takes no parameters). */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** See Duck.intAppender. Call `close` when done (it flushes the last rows). */
export class IntAppender {
  private static readonly SIZE = 2048;
  private readonly types: DuckDBType[];
  private readonly buffers: number[][];
  private n = 0;
  rows = 0;

  constructor(
    private readonly appender: DuckDBAppender,
    private readonly columns: number,
  ) {
    this.types = Array.from({ length: columns }, () => INTEGER);
    this.buffers = Array.from({ length: columns }, () => new Array<number>(IntAppender.SIZE));
  }

  /** One row: `values[0 .. columns)`. */
  add(...values: number[]): void {
    for (let c = 0; c < this.columns; c += 1) this.buffers[c]![this.n] = values[c]!;
    this.n += 1;
    if (this.n === IntAppender.SIZE) this.flush();
  }

  private flush(): void {
    if (this.n === 0) return;
    const chunk = DuckDBDataChunk.create(this.types, this.n);
    for (let c = 0; c < this.columns; c += 1) chunk.setColumnValues(c, this.n === IntAppender.SIZE ? this.buffers[c]! : this.buffers[c]!.slice(0, this.n));
    this.appender.appendDataChunk(chunk);
    this.rows += this.n;
    this.n = 0;
  }

  close(): void {
    try {
      this.flush();
      this.appender.flushSync();
    } finally {
      this.appender.closeSync();
    }
  }
}
