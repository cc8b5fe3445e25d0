// JSON Lines: one row object per non-empty line.
import { TableError, columnsOfObjects, isPlainObject, type Table } from './table.js';
import { jsonReason } from './json-error.js';
import type { RawRow } from '../data/normalise-row.js';

export function readJsonl(text: string): Table {
  const rows: RawRow[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new TableError(`line ${index + 1} is not valid JSON (${jsonReason(error, line)})`);
    }
    if (!isPlainObject(value)) throw new TableError(`line ${index + 1} is not a JSON object`);
    rows.push(value);
    lines.push(index + 1);
  });
  if (rows.length === 0) throw new TableError('the file is empty');
  return { columns: columnsOfObjects(rows), rows, lines };
}
