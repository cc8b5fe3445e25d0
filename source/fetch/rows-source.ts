// The leaderboard table from the dataset viewer's /rows (hub-api.md §3.1): pages of at most
// 100 rows; the column names come from `features`; X-Revision identifies the table's version
// (sanitised and bounded before it is kept: header-value.ts). num_rows_total sizes the fetch,
// so it is checked first: a total over MAX_ROWS_TOTAL is refused with one line (limits.ts).
import { DataError } from '../data/errors.js';
import type { RawRow } from '../data/normalise-row.js';
import { storedHeaderValue } from './header-value.js';
import type { HubClient } from './http-client.js';
import { MAX_ROWS_TOTAL, checkedTotal } from './limits.js';

export const PAGE_SIZE = 100;

export interface RowsPage {
  offset: number;
  rows: RawRow[];
  columns: string[];
  total: number;
  revision: string | null;
}

/** A dataset's config and split (a leaderboard's are default/train). */
export interface TableRef {
  config: string;
  split: string;
}

export const DEFAULT_TABLE: TableRef = { config: 'default', split: 'train' };

export function rowsUrl(base: string, dataset: string, offset: number, length = PAGE_SIZE, table: TableRef = DEFAULT_TABLE): string {
  const query = new URLSearchParams({ dataset, config: table.config, split: table.split, offset: String(offset), length: String(length) });
  return `${base}/rows?${query.toString()}`;
}

function shapeError(dataset: string, what: string): DataError {
  return new DataError(`the dataset viewer's /rows answer for "${dataset}" has an unexpected shape (${what})`);
}

/** One page. Throws DataError when the dataset is unknown, the answer is not a /rows page or
 *  its total is absurd; HttpError when the request failed for good. */
export async function fetchRowsPage(
  client: HubClient,
  base: string,
  dataset: string,
  offset: number,
  signal?: AbortSignal,
  length = PAGE_SIZE,
  table: TableRef = DEFAULT_TABLE,
): Promise<RowsPage> {
  const response = await client.getJson(rowsUrl(base, dataset, offset, length, table), signal);
  if (response.body === null) {
    throw new DataError(
      `dataset "${dataset}" is not available from the dataset viewer at ${base} ` +
        `(HTTP ${response.status}${response.errorMessage ? `: ${response.errorMessage}` : ''}); check --dataset`,
    );
  }
  const body = response.body as { features?: unknown; rows?: unknown; num_rows_total?: unknown };
  if (!Array.isArray(body.features)) throw shapeError(dataset, 'no features list');
  const columns: string[] = [];
  for (const feature of body.features) {
    const name = (feature as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') throw shapeError(dataset, 'a feature without a name');
    columns.push(name);
  }
  if (!Array.isArray(body.rows)) throw shapeError(dataset, 'no rows list');
  const rows: RawRow[] = [];
  for (const item of body.rows) {
    const row = (item as { row?: unknown } | null)?.row;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw shapeError(dataset, 'a row that is not an object');
    rows.push(row as RawRow);
  }
  if (body.num_rows_total === undefined || body.num_rows_total === null) throw shapeError(dataset, 'no num_rows_total');
  const total = checkedTotal(body.num_rows_total, MAX_ROWS_TOTAL, `the row count of "${dataset}" (num_rows_total)`);
  return { offset, rows, columns, total, revision: storedHeaderValue(response.headers['x-revision']) };
}
