// Parquet, read whole with hyparquet (snappy or uncompressed, as the Hub writes them). Column
// names come from the schema in source order; BigInt becomes number, Date an ISO string.
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { sanitize } from '../text/sanitize.js';
import { hasParquetMagic } from './format.js';
import { TableError, type Table } from './table.js';
import type { RawRow } from '../data/normalise-row.js';

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return sanitize(message).replace(/\s+/g, ' ').trim().slice(0, 160);
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return null;
  return value;
}

export async function readParquet(bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw new TableError('the file is empty');
  if (!hasParquetMagic(bytes)) throw new TableError('not a parquet file (bad magic)');
  const tail = bytes.subarray(bytes.length - 4);
  if (bytes.length < 12 || String.fromCharCode(...tail) !== 'PAR1') {
    throw new TableError('truncated parquet file (no PAR1 footer)');
  }
  // hyparquet wants an ArrayBuffer of exactly the file's bytes.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let columns: string[];
  let objects: Record<string, unknown>[];
  try {
    const metadata = parquetMetadata(buffer);
    columns = parquetSchema(metadata).children.map((child) => child.element.name);
    objects = await parquetReadObjects({ file: buffer, metadata });
  } catch (error) {
    throw new TableError(`cannot read parquet (${reasonOf(error)})`);
  }
  if (objects.length === 0) throw new TableError(`no rows: the table is empty (${columns.length} columns)`);
  const rows: RawRow[] = objects.map((object) => {
    const row: RawRow = {};
    for (const name of columns) row[name] = plain(object[name]);
    return row;
  });
  return { columns, rows };
}
