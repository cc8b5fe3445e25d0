// The shape every import reader returns: the source's column names in source order and one
// object per row keyed by those names (values as the source holds them: strings, numbers,
// booleans, null). `lines`, when the format has lines, gives the 1-based line each row starts on.
import type { RawRow } from '../data/normalise-row.js';

export interface Table {
  columns: string[];
  rows: RawRow[];
  lines?: number[];
}

/** A reader's complaint about its input, without the file name (read-table.ts adds it). */
export class TableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableError';
  }
}

/** Where a row sits in the source, for messages: `line 14` when known, else `row 12` (1-based). */
export function placeOf(table: Pick<Table, 'lines'>, index: number): string {
  const line = table.lines?.[index];
  return line === undefined ? `row ${index + 1}` : `line ${line}`;
}

/** The union of the objects' keys in order of first appearance. */
export function columnsOfObjects(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** 1-based line of a character offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
