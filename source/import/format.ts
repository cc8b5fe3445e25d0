// Which reader a file needs: --format, else the extension, else the content. Parquet's magic
// wins over a text extension (a parquet file saved as .csv is still parquet).
import { extname } from 'node:path';

export const FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'parquet'] as const;
export type ImportFormat = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
};

export const PARQUET_MAGIC = 'PAR1';

export function hasParquetMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === PARQUET_MAGIC;
}

export function formatOfExtension(path: string): ImportFormat | null {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** JSON or JSONL from the text: `[` is JSON; `{` is JSON when the whole text parses, JSONL
 *  when only its first line does; anything else is delimited text. */
export function sniffText(text: string): ImportFormat {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return 'json';
  if (!trimmed.startsWith('{')) return 'csv';
  try {
    JSON.parse(trimmed);
    return 'json';
  } catch {
    const firstLine = trimmed.split('\n', 1)[0]!;
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
}

/** The format to read `bytes` (the file at `path`) with. */
export function chooseFormat(path: string, bytes: Uint8Array, text: () => string, override?: ImportFormat): ImportFormat {
  if (override !== undefined) return override;
  if (hasParquetMagic(bytes)) return 'parquet';
  const byExtension = formatOfExtension(path);
  if (byExtension === 'json') {
    // A .json that holds one object per line is JSONL.
    return sniffText(text()) === 'jsonl' ? 'jsonl' : 'json';
  }
  if (byExtension === 'jsonl') {
    // A .jsonl that holds one JSON array is JSON.
    return text().trimStart().startsWith('[') ? 'json' : 'jsonl';
  }
  if (byExtension !== null) return byExtension;
  return sniffText(text());
}
