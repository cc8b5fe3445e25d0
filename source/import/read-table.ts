// One entry point for every import format: reads FILE whole and returns its table, or throws
// a DataError naming the file (as the user typed it) and, where known, the line or row.
import { DataError } from '../data/errors.js';
import { sanitize } from '../text/sanitize.js';
import { chooseFormat, type ImportFormat } from './format.js';
import { detectDelimiter, readDelimited } from './delimited.js';
import { readJson } from './json-table.js';
import { readJsonl } from './jsonl.js';
import { readParquet } from './parquet.js';
import { decodeText, readBytes, revisionOf } from './read-file.js';
import { TableError, type Table } from './table.js';

export interface ReadOptions {
  /** Overrides detection by extension and content. */
  format?: ImportFormat;
  /** Delimiter for csv/tsv (otherwise tab for tsv, detected for csv). */
  delimiter?: string;
}

export interface SourceTable extends Table {
  format: ImportFormat;
  /** The delimiter used, for delimited text. */
  delimiter?: string;
  /** `sha256:<12 hex>` of the file's bytes. */
  revision: string;
  /** Things worth telling the user (stderr), each one line. */
  notes: string[];
}

async function readAs(format: ImportFormat, bytes: Uint8Array, text: () => string, options: ReadOptions) {
  switch (format) {
    case 'parquet':
      return { ...(await readParquet(bytes)), notes: [] as string[] };
    case 'json':
      return readJson(text());
    case 'jsonl':
      return { ...readJsonl(text()), notes: [] as string[] };
    case 'csv':
    case 'tsv': {
      const content = text();
      if (content.trim() === '') throw new TableError('the file is empty');
      const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : detectDelimiter(content));
      return { ...readDelimited(content, delimiter), delimiter, notes: [] as string[] };
    }
  }
}

export async function readTable(path: string, options: ReadOptions = {}): Promise<SourceTable> {
  const label = sanitize(path);
  try {
    const bytes = await readBytes(path);
    if (bytes.length === 0) throw new TableError('the file is empty');
    let decoded: string | undefined;
    const text = (): string => (decoded ??= decodeText(bytes));
    const format = chooseFormat(path, bytes, text, options.format);
    const table = await readAs(format, bytes, text, options);
    return { ...table, format, revision: revisionOf(bytes) };
  } catch (error) {
    if (error instanceof TableError) throw new DataError(`${label}: ${error.message}`);
    throw error;
  }
}
