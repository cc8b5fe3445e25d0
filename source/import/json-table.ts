// A JSON file holding a table, in any of the shapes leaderboard data comes in:
//   - an array of row objects;
//   - a dataset-viewer /rows response: {features: [{name}], rows: [{row_idx, row: {...}}]};
//   - pandas `split` orientation: {columns: [...], data: [[...], ...]};
//   - {rows: [...]} (row objects, or viewer items without features).
import { TableError, columnsOfObjects, isPlainObject, type Table } from './table.js';
import { jsonReason } from './json-error.js';
import type { RawRow } from '../data/normalise-row.js';

export interface JsonTable extends Table {
  /** Notes for stderr (e.g. a /rows page holding part of the dataset). */
  notes: string[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TableError(`not valid JSON (${jsonReason(error, text)})`);
  }
}

function rowObjects(items: unknown[], what: string): RawRow[] {
  return items.map((item, index) => {
    if (!isPlainObject(item)) throw new TableError(`${what} ${index + 1} is not a JSON object`);
    return item;
  });
}

function fromArray(items: unknown[]): Table {
  const rows = rowObjects(items, 'row');
  return { columns: columnsOfObjects(rows), rows };
}

function isViewerItem(item: unknown): boolean {
  return isPlainObject(item) && isPlainObject(item.row) && ('row_idx' in item || Object.keys(item).length === 1 || 'truncated_cells' in item);
}

function fromViewer(doc: Record<string, unknown>, items: unknown[]): JsonTable {
  const rows = items.map((item, index) => {
    if (!isPlainObject(item) || !isPlainObject(item.row)) {
      throw new TableError(`rows[${index}] is not a dataset-viewer row ({row_idx, row: {...}})`);
    }
    return item.row;
  });
  let columns: string[];
  if (Array.isArray(doc.features)) {
    columns = doc.features.map((feature, index) => {
      if (!isPlainObject(feature) || typeof feature.name !== 'string') {
        throw new TableError(`features[${index}] has no name`);
      }
      return feature.name;
    });
    for (const key of columnsOfObjects(rows)) if (!columns.includes(key)) columns.push(key);
  } else {
    columns = columnsOfObjects(rows);
  }
  const notes: string[] = [];
  const total = doc.num_rows_total;
  if (typeof total === 'number' && total > rows.length) {
    notes.push(
      `the file is one page of a dataset-viewer response: it holds ${rows.length.toLocaleString('en-US')} ` +
        `of the ${total.toLocaleString('en-US')} rows its num_rows_total reports; importing those`,
    );
  }
  return { columns, rows, notes };
}

function fromSplit(columnsValue: unknown[], data: unknown[]): Table {
  const columns = columnsValue.map((name, index) => {
    if (typeof name !== 'string' && typeof name !== 'number') throw new TableError(`columns[${index}] is not a name`);
    return String(name);
  });
  const rows = data.map((values, index) => {
    if (!Array.isArray(values)) throw new TableError(`data[${index}] is not an array of values`);
    if (values.length !== columns.length) {
      throw new TableError(`row ${index + 1} has ${values.length} values, columns has ${columns.length}`);
    }
    const row: RawRow = {};
    columns.forEach((name, i) => {
      row[name] = values[i];
    });
    return row;
  });
  return { columns, rows };
}

/** Reads the table in a JSON text; TableError when the text is not JSON or holds no table. */
export function readJson(text: string): JsonTable {
  if (text.trim() === '') throw new TableError('the file is empty');
  const doc = parseJson(text);
  let table: JsonTable;
  if (Array.isArray(doc)) {
    table = doc.length > 0 && doc.every(isViewerItem) ? fromViewer({}, doc) : { ...fromArray(doc), notes: [] };
  } else if (isPlainObject(doc) && Array.isArray(doc.columns) && Array.isArray(doc.data)) {
    table = { ...fromSplit(doc.columns, doc.data), notes: [] };
  } else if (isPlainObject(doc) && Array.isArray(doc.rows)) {
    const items = doc.rows;
    const viewer = Array.isArray(doc.features) || (items.length > 0 && items.every(isViewerItem));
    table = viewer ? fromViewer(doc, items) : { ...fromArray(items), notes: [] };
  } else {
    throw new TableError(
      'JSON holds no table (expected an array of rows, {rows: [...]}, a dataset-viewer ' +
        'response {features, rows} or pandas split {columns, data})',
    );
  }
  if (table.rows.length === 0) throw new TableError('no rows: the table is empty');
  return table;
}
