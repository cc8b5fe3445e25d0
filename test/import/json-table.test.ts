import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../source/import/json-table.js';
import { jsonReason } from '../../source/import/json-error.js';
import { fixture } from './helpers.js';

const V2_COLUMNS_HEAD = ['eval_name', 'Precision', 'Type', 'T', 'Weight type', 'Architecture', 'Model', 'fullname'];

describe('readJson shapes', () => {
  it('reads a dataset-viewer /rows page: columns from features, rows unwrapped, a note on num_rows_total', () => {
    const table = readJson(readFileSync(fixture('v2-viewer.json'), 'utf8'));
    expect(table.columns).toHaveLength(27);
    expect(table.columns.slice(0, 8)).toEqual(V2_COLUMNS_HEAD);
    expect(table.columns[26]).toBe('Base Model');
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]!.fullname).toBe('delta/Chat-8B');
    expect(table.rows[2]!['#Params (B)']).toBe(-1);
    expect(table.notes).toEqual([
      'the file is one page of a dataset-viewer response: it holds 3 of the 4,576 rows its num_rows_total reports; importing those',
    ]);
  });
  it('reads an array of row objects, columns in order of first appearance', () => {
    const table = readJson(readFileSync(fixture('v2-array.json'), 'utf8'));
    expect(table.columns.slice(0, 8)).toEqual(V2_COLUMNS_HEAD);
    expect(table.rows.map((r) => r.fullname)).toEqual(['delta/Chat-8B', 'eps/Mix-2x7B', 'zeta/Orig']);
    expect(table.notes).toEqual([]);
  });
  it('reads {rows: [...]} of row objects', () => {
    const table = readJson(readFileSync(fixture('v2-rows.json'), 'utf8'));
    expect(table.rows).toHaveLength(3);
    expect(table.rows[1]!.Merged).toBe(true);
  });
  it('reads pandas split orientation {columns, data}', () => {
    const table = readJson(readFileSync(fixture('v1-split.json'), 'utf8'));
    expect(table.columns[0]).toBe('fullname');
    expect(table.columns).toHaveLength(14);
    expect(table.rows[1]).toMatchObject({ fullname: 'theta/Moe-4x7', ARC: null, MoE: true, '#Params (B)': 24.15 });
  });
  it('keeps the union of keys when rows differ', () => {
    const table = readJson('[{"a": 1}, {"b": 2, "a": 3}]');
    expect(table.columns).toEqual(['a', 'b']);
  });
  it('unwraps a bare array of viewer items', () => {
    const table = readJson('[{"row_idx": 0, "row": {"fullname": "x/y"}}]');
    expect(table.rows).toEqual([{ fullname: 'x/y' }]);
  });
});

describe('readJson errors', () => {
  it('says where JSON ends early (a truncated download)', () => {
    const whole = readFileSync(fixture('v2-viewer.json'), 'utf8');
    const cut = whole.indexOf('"rows": [') + '"rows": ['.length;
    const text = whole.slice(0, cut);
    const lines = text.split('\n').length;
    expect(() => readJson(text)).toThrow(`not valid JSON (Unexpected end of JSON input at position ${cut}, line ${lines})`);
  });
  it('keeps V8\'s position for other syntax errors', () => {
    expect(() => readJson('{"rows": [{"a": 1}]')).toThrow(/^not valid JSON \(Expected .* at position 19\)$/);
    expect(() => readJson('[{"a": 1},\n {"a": "x')).toThrow('not valid JSON (Unterminated string in JSON at position 20, line 2)');
  });
  it('refuses JSON without a table', () => {
    expect(() => readJson(readFileSync(fixture('no-table.json'), 'utf8'))).toThrow(/^JSON holds no table \(expected/);
    expect(() => readJson('42')).toThrow(/^JSON holds no table/);
  });
  it('names a row that is not an object', () => {
    expect(() => readJson('[{"a": 1}, 2]')).toThrow('row 2 is not a JSON object');
    expect(() => readJson('{"features": [{"name": "a"}], "rows": [{"row_idx": 0, "row": {"a": 1}}, {"row_idx": 1}]}')).toThrow(
      'rows[1] is not a dataset-viewer row',
    );
  });
  it('names a split row of the wrong length', () => {
    expect(() => readJson('{"columns": ["a", "b"], "data": [[1, 2], [3]]}')).toThrow('row 2 has 1 values, columns has 2');
  });
  it('refuses empty input and empty tables', () => {
    expect(() => readJson('  \n')).toThrow('the file is empty');
    expect(() => readJson('[]')).toThrow('no rows: the table is empty');
    expect(() => readJson('{"features": [], "rows": []}')).toThrow('no rows: the table is empty');
  });
});

describe('jsonReason', () => {
  it('drops the quoted input V8 puts in its message, and its control sequences', () => {
    let message = '';
    const text = '{"a": \u001b]52;c;ZXZpbA==\u0007x}';
    try {
      JSON.parse(text);
    } catch (error) {
      message = jsonReason(error, text);
    }
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message).not.toContain('ZXZpbA');
    expect(message).not.toContain('is not valid JSON');
    expect(message.length).toBeGreaterThan(0);
  });
});
