// Reads a file whole, turning the usual failures into one-line messages.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { TableError } from './table.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'cannot read it (permission denied)',
  EPERM: 'cannot read it (operation not permitted)',
  ENOTDIR: 'no such file (a parent is not a directory)',
  ELOOP: 'cannot read it (too many symbolic links)',
};

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new TableError(REASONS[code] ?? `cannot read it (${code || 'unknown error'})`);
  }
}

/** `sha256:` and the first 12 hex digits of the content's SHA-256 (the import's revision). */
export function revisionOf(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;
}

/** The bytes as UTF-8 text (a BOM is dropped); TableError for binary content. */
export function decodeText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new TableError('not a text file (binary content; UTF-8 text expected)');
  return new TextDecoder('utf-8').decode(bytes);
}
