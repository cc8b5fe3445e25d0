// The same tables for files: Markdown (pipes escaped, nothing truncated) and CSV (RFC 4180
// quoting, raw numbers). Cells are sanitised: no control characters, one line per cell.
import { formatCell, rightAligned, type Cell, type TableColumn } from './table-column.js';
import { cellText } from './text-width.js';

type ColumnLike = string | TableColumn;

function title(column: ColumnLike): string {
  return cellText(typeof column === 'string' ? column : column.title);
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

function asColumn(column: ColumnLike): TableColumn {
  return typeof column === 'string' ? { title: column } : column;
}

/** A GitHub-flavoured Markdown table: `|` and `\` escaped, numbers right-aligned and
 *  formatted as in the text table, nothing truncated. */
export function markdownTable(columns: readonly ColumnLike[], rows: readonly Cell[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((c) => markdownCell(title(c)))),
    line(columns.map((c, i) => (rightAligned(asColumn(c), rows, i) ? '---:' : '---'))),
    ...rows.map((row) => line(columns.map((c, i) => markdownCell(formatCell(asColumn(c), row[i] ?? null))))),
  ];
}

/** RFC 4180: a field with a comma, a quote, a line break or edge spaces is quoted, quotes
 *  doubled. */
export function csvField(value: Cell): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : cellText(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines (header first) of raw values: numbers unformatted, null empty. Join them with
 *  "\r\n" (RFC 4180) or "\n". */
export function csvTable(columns: readonly ColumnLike[], rows: readonly Cell[][]): string[] {
  return [columns.map((c) => csvField(title(c))).join(','), ...rows.map((row) => columns.map((_, i) => csvField(row[i] ?? null)).join(','))];
}
