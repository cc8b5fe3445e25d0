// A table column: its title, alignment, width limits and how its cells read. Shared by the
// text table (table.ts) and the Markdown/CSV writers (table-export.ts).
import type { Role } from './theme.js';
import { cellText } from './text-width.js';
import { formatDecimal, formatInteger } from './format-number.js';

export type Cell = string | number | null;

export interface TableColumn {
  title: string;
  /** Numbers: right-aligned. When neither this nor `align` is set, a column whose cells are
   *  all numbers is right-aligned. */
  numeric?: boolean;
  align?: 'left' | 'right';
  /** Takes the room left and is truncated with … (the id column). */
  flex?: boolean;
  /** Narrowest a flexible column gets before other columns are left out (default: the
   *  title's width, at least 8). */
  minWidth?: number;
  /** Widest the column gets (cells beyond it are truncated with …). */
  maxWidth?: number;
  /** Draw a sort marker (▲ ascending, ▼ descending) after the title. */
  sort?: 'asc' | 'desc';
  /** Text of a cell (default: integers with thousands separators, other numbers with two
   *  decimals, null as empty). */
  format?: (cell: Cell) => string;
  /** Colour role of the column's cells. */
  role?: Role;
}

/** The text of a cell as the table shows it. */
export function formatCell(column: TableColumn, cell: Cell): string {
  if (column.format) return cellText(column.format(cell));
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return Number.isInteger(cell) ? formatInteger(cell) : formatDecimal(cell, 2);
  }
  return cellText(cell);
}

/** Whether a column's cells are right-aligned (explicit, or all cells are numbers). */
export function rightAligned(column: TableColumn, rows: readonly Cell[][], index: number): boolean {
  if (column.align) return column.align === 'right';
  if (column.numeric !== undefined) return column.numeric;
  let numbers = 0;
  for (const row of rows) {
    const cell = row[index];
    if (cell === null || cell === undefined || cell === '') continue;
    if (typeof cell !== 'number') return false;
    numbers++;
  }
  return numbers > 0;
}

