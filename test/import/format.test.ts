import { describe, expect, it } from 'vitest';
import { chooseFormat, formatOfExtension, hasParquetMagic, sniffText } from '../../source/import/format.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('formatOfExtension', () => {
  it('maps every known extension, in any case', () => {
    expect(formatOfExtension('a/b.csv')).toBe('csv');
    expect(formatOfExtension('b.TXT')).toBe('csv');
    expect(formatOfExtension('b.tsv')).toBe('tsv');
    expect(formatOfExtension('b.json')).toBe('json');
    expect(formatOfExtension('b.jsonl')).toBe('jsonl');
    expect(formatOfExtension('b.ndjson')).toBe('jsonl');
    expect(formatOfExtension('b.Parquet')).toBe('parquet');
  });
  it('knows no other extension', () => {
    expect(formatOfExtension('b.xlsx')).toBeNull();
    expect(formatOfExtension('leaderboard')).toBeNull();
  });
});

describe('sniffText', () => {
  it('reads [ as JSON, a whole object as JSON, one object per line as JSONL, the rest as delimited', () => {
    expect(sniffText('  [{"a":1}]')).toBe('json');
    expect(sniffText('{"rows": [\n{"a": 1}\n]}')).toBe('json');
    expect(sniffText('{"a": 1}\n{"a": 2}\n')).toBe('jsonl');
    expect(sniffText('a;b\n1;2\n')).toBe('csv');
  });
  it('calls a broken object JSON (so the JSON error is the one reported)', () => {
    expect(sniffText('{"rows": [\n')).toBe('json');
  });
});

describe('chooseFormat', () => {
  it('lets --format win over everything', () => {
    expect(chooseFormat('x.parquet', bytes('PAR1....PAR1'), () => '', 'csv')).toBe('csv');
  });
  it('reads the parquet magic whatever the extension', () => {
    expect(hasParquetMagic(bytes('PAR1xxxx'))).toBe(true);
    expect(chooseFormat('x.csv', bytes('PAR1xxxxPAR1'), () => 'PAR1xxxxPAR1')).toBe('parquet');
  });
  it('keeps .parquet for a file without the magic (so the reader says bad magic)', () => {
    expect(chooseFormat('x.parquet', bytes('a,b\n'), () => 'a,b\n')).toBe('parquet');
  });
  it('tells JSONL saved as .json, and a JSON array saved as .jsonl', () => {
    const lines = '{"a": 1}\n{"a": 2}\n';
    expect(chooseFormat('x.json', bytes(lines), () => lines)).toBe('jsonl');
    expect(chooseFormat('x.jsonl', bytes('[{"a":1}]'), () => '[{"a":1}]')).toBe('json');
  });
  it('sniffs files without a known extension', () => {
    expect(chooseFormat('dump', bytes('[]'), () => '[]')).toBe('json');
    expect(chooseFormat('dump', bytes('a\tb\n'), () => 'a\tb\n')).toBe('csv');
  });
});
