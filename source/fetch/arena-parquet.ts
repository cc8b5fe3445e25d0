// Reading LMArena's parquet copy (hub-api.md §13) with hyparquet: only the columns the arena
// row needs (column projection), one row group at a time, keeping the rows of one category as
// each group is read — the real `text/full` holds ~1.1 M rows of every category, of which
// `overall` is a small part. ZSTD, gzip, brotli and LZ4 pages via hyparquet-compressors.
import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DataError } from '../data/errors.js';
import { ARENA_COLUMNS, REQUIRED_ARENA_COLUMNS } from '../data/arena-row.js';
import type { RawRow } from '../data/normalise-row.js';
import { sanitize } from '../text/sanitize.js';

export interface ArenaParquetTable {
  /** Every column of the file, in file order. */
  columns: string[];
  /** Arena columns the file lacks (their values are null; the required ones are an error). */
  missing: string[];
  /** The columns read (the arena columns the file has). */
  projected: string[];
  /** Rows in the file (all categories). */
  rowsRead: number;
  /** Rows of the category asked for (all rows when the file has no category column). */
  rows: RawRow[];
}

const WANTED: readonly string[] = Object.values(ARENA_COLUMNS);

/** Columns over rows [rowStart, rowEnd), each as one array of that length. */
async function readColumns(file: ArrayBuffer, metadata: FileMetaData, columns: readonly string[], rowStart: number, rowEnd: number): Promise<Map<string, unknown[]>> {
  const out = new Map(columns.map((name) => [name, new Array<unknown>(rowEnd - rowStart).fill(null)]));
  await parquetRead({
    file,
    metadata,
    columns: [...columns],
    rowStart,
    rowEnd,
    compressors,
    onChunk: (chunk) => {
      const target = out.get(chunk.columnName);
      if (!target) return;
      // chunks may hold rows outside the range asked for
      for (let row = Math.max(chunk.rowStart, rowStart); row < Math.min(chunk.rowEnd, rowEnd); row++) target[row - rowStart] = chunk.columnData[row - chunk.rowStart];
    },
  });
  return out;
}

const reasonOf = (error: unknown): string => sanitize(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 160);

/** The rows of `category` (compared case-insensitively; null: every row) in `bytes`. */
export async function readArenaParquet(bytes: Uint8Array, category: string | null, what = 'the parquet file'): Promise<ArenaParquetTable> {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'PAR1' || String.fromCharCode(...bytes.subarray(bytes.length - 4)) !== 'PAR1') {
    throw new DataError(`${what} is not a whole parquet file (${bytes.length} bytes, no PAR1 header and footer)`);
  }
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata: FileMetaData;
  let columns: string[];
  try {
    metadata = parquetMetadata(file);
    columns = parquetSchema(metadata).children.map((child) => child.element.name);
  } catch (error) {
    throw new DataError(`cannot read ${what} (${reasonOf(error)})`);
  }
  const missing = WANTED.filter((name) => !columns.includes(name));
  const missingRequired = missing.filter((name) => REQUIRED_ARENA_COLUMNS.includes(name));
  if (missingRequired.length > 0) throw new DataError(`${what} has no column ${missingRequired.map((c) => `"${c}"`).join(', ')}: not an LMArena table`);
  const projection = WANTED.filter((name) => columns.includes(name));
  const byCategory = category !== null && columns.includes(ARENA_COLUMNS.category);
  const wanted = category?.toLowerCase() ?? null;

  const rows: RawRow[] = [];
  let start = 0;
  let rowsRead = 0;
  const others = projection.filter((name) => !byCategory || name !== ARENA_COLUMNS.category);
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    const range = `rows ${start}–${end - 1} of ${what}`;
    rowsRead += end - start;
    // The category column first (cheap: one string column); the others only over the span
    // of rows that match, and only when some do.
    let keep: number[] | null = null;
    let categories: unknown[] = [];
    try {
      if (byCategory) {
        categories = (await readColumns(file, metadata, [ARENA_COLUMNS.category], start, end)).get(ARENA_COLUMNS.category)!;
        keep = [];
        for (let i = 0; i < categories.length; i++) if (String(categories[i] ?? '').trim().toLowerCase() === wanted) keep.push(i);
        if (keep.length === 0) {
          start = end;
          continue;
        }
      }
      const from = start + (keep?.[0] ?? 0);
      const to = keep ? start + keep.at(-1)! + 1 : end;
      const cells = await readColumns(file, metadata, others, from, to);
      // the rows kept, by their position in the group
      for (const g of keep ?? Array.from({ length: end - start }, (_, i) => i)) {
        const row: RawRow = {};
        for (const name of others) row[name] = cells.get(name)![g - (from - start)];
        if (byCategory) row[ARENA_COLUMNS.category] = categories[g];
        rows.push(row);
      }
    } catch (error) {
      throw new DataError(`cannot read ${range} (${reasonOf(error)})`);
    }
    start = end;
  }
  return { columns, missing, projected: projection, rowsRead, rows };
}
