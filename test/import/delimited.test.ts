import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, headerLine, readDelimited } from '../../source/import/delimited.js';
import { TableError } from '../../source/import/table.js';
import { fixture } from './helpers.js';

describe('detectDelimiter', () => {
  it('picks the candidate the header uses most', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n')).toBe('|');
    expect(detectDelimiter('a,b,c\n')).toBe(',');
  });
  it('counts outside quotes only', () => {
    // three ';' inside the quoted name, two ',' outside
    expect(detectDelimiter('"x;y;z;w",b,c\n')).toBe(',');
  });
  it('looks at the header line only, and skips a BOM', () => {
    expect(detectDelimiter('\uFEFFa,b\n1;2;3;4;5\n')).toBe(',');
  });
  it('takes "," on a tie and for a one-column header', () => {
    expect(detectDelimiter('a,b;c\n')).toBe(',');
    expect(detectDelimiter('fullname\n')).toBe(',');
  });
  it('finds the header line end outside quotes', () => {
    expect(headerLine('"a\nb",c\r\n1,2')).toBe('"a\nb",c');
  });
});

describe('readDelimited', () => {
  it('reads the v1 scrape: ";", "…""" quoting, None as missing, columns in source order', () => {
    const table = readDelimited(readFileSync(fixture('v1-negated.csv'), 'utf8'));
    expect(table.columns).toHaveLength(22);
    expect(table.columns[0]).toBe('T');
    expect(table.columns[2]).toBe('Average ⬆️');
    expect(table.columns[21]).toBe('fullname');
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0]!.Model).toBe('https://huggingface.co/acme/Merge-7B"');
    expect(table.rows[0]!.fullname).toBe('acme/Merge-7B');
    expect(table.rows[1]!['Hub License']).toBeNull();
    expect(table.rows[2]!.Architecture).toBe('L,l,a,m,a,F,o,r,C,a,u,s,a,l,L,M');
    expect(table.rows[3]!.ARC).toBeNull();
    expect(table.rows[3]!.Type).toBe('');
    expect(table.lines).toEqual([2, 3, 4, 5]);
  });
  it('reads TSV with unquoted HTML holding quotes', () => {
    const table = readDelimited(readFileSync(fixture('v2.tsv'), 'utf8'), '\t');
    expect(table.columns).toHaveLength(27);
    expect(table.rows).toHaveLength(3);
    expect(String(table.rows[0]!.Model)).toContain('href="https://huggingface.co/delta/Chat-8B"');
    expect(table.rows[1]!['Base Model']).toBe('eps/Parent-7B (Merge)');
  });
  it('gives the line a record starts on, past quoted line breaks and blank lines', () => {
    const table = readDelimited('a,b\n"x\ny",1\n\n"z",2\n');
    expect(table.rows).toEqual([
      { a: 'x\ny', b: '1' },
      { a: 'z', b: '2' },
    ]);
    expect(table.lines).toEqual([2, 5]);
  });
  it('reads CRLF line ends and counts their lines', () => {
    expect(() => readDelimited('a,b\r\n1,2\r\n3\r\n')).toThrow('line 3 has 1 field, the header has 2 (delimiter ",")');
    expect(readDelimited('a,b\r\n1,2\r\n').rows).toEqual([{ a: '1', b: '2' }]);
  });
  it('names the line with the wrong number of fields', () => {
    const text = readFileSync(fixture('bad-fields.csv'), 'utf8');
    expect(() => readDelimited(text)).toThrow(TableError);
    expect(() => readDelimited(text)).toThrow('line 3 has 4 fields, the header has 10 (delimiter ",")');
  });
  it('reports a quote never closed', () => {
    expect(() => readDelimited(readFileSync(fixture('unclosed-quote.csv'), 'utf8'))).toThrow(
      /^not valid delimited text \(Quote Not Closed.*line 3/,
    );
  });
  it('refuses a header without rows, and an empty text', () => {
    expect(() => readDelimited('a;b;c\n', ';')).toThrow('no rows: only a header of 3 columns (delimiter ";")');
    expect(() => readDelimited('\n\n')).toThrow('the file is empty');
  });
});
