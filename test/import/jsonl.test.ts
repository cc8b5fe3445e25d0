import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../source/import/jsonl.js';
import { fixture } from './helpers.js';

describe('readJsonl', () => {
  it('reads one object per line, skipping blank lines, with line numbers', () => {
    const table = readJsonl(readFileSync(fixture('v2.jsonl'), 'utf8'));
    expect(table.rows).toHaveLength(3);
    expect(table.columns).toHaveLength(27);
    expect(table.columns[9]).toBe('Average ⬆️');
    expect(table.rows[2]!['Base Model']).toBe('zeta/Orig');
    expect(table.lines).toEqual([1, 2, 3]);
  });
  it('counts lines through blank ones and CRLF', () => {
    const table = readJsonl('\r\n{"a": 1}\r\n\r\n{"b": 2}\r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.lines).toEqual([2, 4]);
  });
  it('names the broken line', () => {
    expect(() => readJsonl(readFileSync(fixture('bad-line.jsonl'), 'utf8'))).toThrow(/^line 2 is not valid JSON \(/);
  });
  it('names a line that is not an object', () => {
    expect(() => readJsonl('{"a": 1}\n[1, 2]\n')).toThrow('line 2 is not a JSON object');
  });
  it('refuses a file of blank lines', () => {
    expect(() => readJsonl('\n \n')).toThrow('the file is empty');
  });
});
