// The same tables for files: Markdown (escaped, nothing truncated) and CSV (RFC 4180 quoting,
// raw numbers, formulas neutralised). Cells are sanitised: no control characters, one line per
// cell.
import { formatCell, rightAligned, type Cell, type TableColumn } from './table-column.js';
import { cellText } from './text-width.js';
import { escapeMarkdown } from './markdown.js';

type ColumnLike = string | TableColumn;

function title(column: ColumnLike): string {
  return cellText(typeof column === 'string' ? column : column.title);
}

/** A cell's text in a Markdown table: HTML, links, images and pipes escaped (escapeMarkdown). */
function markdownCell(text: string): string {
  return escapeMarkdown(text);
}

function asColumn(column: ColumnLike): TableColumn {
  return typeof column === 'string' ? { title: column } : column;
}

/** A GitHub-flavoured Markdown table: cells escaped (escapeMarkdown: `|`, `\`, HTML, link and
 *  image syntax), numbers right-aligned and formatted as in the text table, nothing truncated. */
export function markdownTable(columns: readonly ColumnLike[], rows: readonly Cell[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((c) => markdownCell(title(c)))),
    line(columns.map((c, i) => (rightAligned(asColumn(c), rows, i) ? '---:' : '---'))),
    ...rows.map((row) => line(columns.map((c, i) => markdownCell(formatCell(asColumn(c), row[i] ?? null))))),
  ];
}

export interface CsvOptions {
  /** Write text cells as they are, formula-like ones included (print --csv-raw). */
  raw?: boolean;
}

/** What a spreadsheet (Excel, LibreOffice, Google Sheets) reads as the start of a formula
 *  (OWASP, "CSV Injection"): =, +, -, @, a tab or a carriage return; also after leading
 *  spaces, which some of them skip. */
const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;

/** Whether a text cell would be read as a formula. Numbers are never text cells: the
 *  decision is on the cell's type, so a score of -1.5 stays the number -1.5. */
export function looksLikeFormula(value: Cell): boolean {
  // the raw text (a leading tab) and the text as written (control sequences stripped first)
  return typeof value === 'string' && (FORMULA_START.test(value) || FORMULA_START.test(cellText(value)));
}

/** RFC 4180: a field with a comma, a quote, a line break or edge spaces is quoted, quotes
 *  doubled. A text cell a spreadsheet would run as a formula (looksLikeFormula) is
 *  neutralised as OWASP advises: a single quote in front, and the whole field quoted; `raw`
 *  leaves it as it is. */
export function csvField(value: Cell, options: CsvOptions = {}): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : cellText(value);
  if (!options.raw && looksLikeFormula(value)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines (header first) of raw values: numbers unformatted, null empty, formulas
 *  neutralised unless `raw`. Join them with "\r\n" (RFC 4180) or "\n". */
export function csvTable(columns: readonly ColumnLike[], rows: readonly Cell[][], options: CsvOptions = {}): string[] {
  return [
    columns.map((c) => csvField(title(c), options)).join(','),
    ...rows.map((row) => columns.map((_, i) => csvField(row[i] ?? null, options)).join(',')),
  ];
}
