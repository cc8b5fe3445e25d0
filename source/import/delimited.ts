// Delimited text (CSV, TSV, `;`- or `|`-separated): the delimiter is the candidate seen most
// often in the header line outside quotes; csv-parse reads the rest (relax_quotes copes with
// the v1 snapshot's `"https://…"""` cells). Every row must have as many fields as the header.
import { parse } from 'csv-parse/sync';
import { sanitize } from '../text/sanitize.js';
import { TableError, type Table } from './table.js';
import type { RawRow } from '../data/normalise-row.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** pandas writes Python's None for missing values; read it as a missing cell. */
const MISSING = 'None';

/** The header line (up to the first line break outside quotes). */
export function headerLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if ((char === '\n' || char === '\r') && !quoted) return text.slice(0, i);
  }
  return text;
}

/** The delimiter among `,` `;` tab `|` that the header line uses most outside quotes (`,`
 *  first on a tie; `,` when there is none: a one-column table). */
export function detectDelimiter(text: string): string {
  const header = headerLine(text.replace(/^\uFEFF/, ''));
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function describe(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `"${delimiter}"`;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** The line a record starts on: csv-parse reports the line it ends on. */
function startLine(record: ParsedRecord): number {
  let breaks = 0;
  for (const field of record.record) breaks += field.split('\n').length - 1;
  return record.info.lines - breaks;
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return sanitize(message).replace(/\s+/g, ' ').trim().slice(0, 200);
}

export function readDelimited(text: string, delimiter = detectDelimiter(text)): Table {
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as ParsedRecord[];
  } catch (error) {
    throw new TableError(`not valid delimited text (${reasonOf(error)})`);
  }
  if (records.length === 0) throw new TableError('the file is empty');
  const [head, ...body] = records;
  const columns = head!.record.map((name) => name.trim());
  if (body.length === 0) {
    throw new TableError(`no rows: only a header of ${columns.length} column${columns.length === 1 ? '' : 's'} (delimiter ${describe(delimiter)})`);
  }
  const rows: RawRow[] = [];
  const lines: number[] = [];
  for (const record of body) {
    const line = startLine(record);
    if (record.record.length !== columns.length) {
      throw new TableError(
        `line ${line} has ${record.record.length} field${record.record.length === 1 ? '' : 's'}, ` +
          `the header has ${columns.length} (delimiter ${describe(delimiter)})`,
      );
    }
    const row: RawRow = {};
    columns.forEach((name, i) => {
      const cell = record.record[i]!;
      row[name] = cell === MISSING ? null : cell;
    });
    rows.push(row);
    lines.push(line);
  }
  return { columns, rows, lines };
}
