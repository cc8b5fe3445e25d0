import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../source/import/read-table.js';
import { DataError } from '../../source/data/errors.js';
import { fixture, removeTempDirs, tempDir, writeV2Parquet } from './helpers.js';

afterAll(removeTempDirs);

describe('readTable', () => {
  it('reads each format and records the revision from the sha256 of the bytes', async () => {
    const parquet = join(tempDir(), 'v2.parquet');
    writeV2Parquet(parquet);
    const cases: Array<[string, string, number]> = [
      [fixture('v1-negated.csv'), 'csv', 4],
      [fixture('v2.tsv'), 'tsv', 3],
      [fixture('v2-viewer.json'), 'json', 3],
      [fixture('v2.jsonl'), 'jsonl', 3],
      [parquet, 'parquet', 2],
    ];
    for (const [path, format, rows] of cases) {
      const table = await readTable(path);
      expect(table.format).toBe(format);
      expect(table.rows).toHaveLength(rows);
      const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
      expect(table.revision).toBe(`sha256:${sha.slice(0, 12)}`);
    }
  });
  it('detects the delimiter of a .csv and uses tab for .tsv', async () => {
    expect((await readTable(fixture('v1-negated.csv'))).delimiter).toBe(';');
    expect((await readTable(fixture('v2.tsv'))).delimiter).toBe('\t');
  });
  it('follows --format and --delimiter', async () => {
    const dir = tempDir();
    const path = join(dir, 'table.dat');
    writeFileSync(path, readFileSync(fixture('v1-negated.csv')));
    const table = await readTable(path, { format: 'csv', delimiter: ';' });
    expect(table.columns).toHaveLength(22);
    const wrong = await readTable(path, { format: 'csv', delimiter: '|' });
    expect(wrong.columns).toHaveLength(1);
  });
  it('tells content without a known extension', async () => {
    const path = join(tempDir(), 'dump');
    copyFileSync(fixture('v2.jsonl'), path);
    expect((await readTable(path)).format).toBe('jsonl');
  });
});

describe('readTable errors name the file', () => {
  const fails = async (path: string, message: string | RegExp): Promise<void> => {
    const error = await readTable(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    const text = (error as DataError).message;
    expect(text.startsWith(`${path}: `)).toBe(true);
    if (typeof message === 'string') expect(text).toBe(`${path}: ${message}`);
    else expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  };
  it('a missing file, a directory', async () => {
    const dir = tempDir();
    await fails(join(dir, 'nope.csv'), 'no such file');
    await fails(dir, 'is a directory, not a file');
  });
  it.skipIf(process.getuid?.() === 0)('an unreadable file (not as root: root reads anything)', async () => {
    const path = join(tempDir(), 'locked.csv');
    writeFileSync(path, 'a,b\n');
    chmodSync(path, 0o000);
    await fails(path, 'cannot read it (permission denied)');
  });
  it('an empty file of every format', async () => {
    const dir = tempDir();
    for (const name of ['empty.csv', 'empty.json', 'empty.jsonl', 'empty.parquet', 'empty']) {
      writeFileSync(join(dir, name), '');
      await fails(join(dir, name), 'the file is empty');
    }
    writeFileSync(join(dir, 'blank.csv'), '\n\n  \n');
    await fails(join(dir, 'blank.csv'), 'the file is empty');
  });
  it('binary content read as text', async () => {
    const path = join(tempDir(), 'x.csv');
    writeFileSync(path, Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02]));
    await fails(path, 'not a text file (binary content; UTF-8 text expected)');
  });
  it('a malformed file of each format', async () => {
    const dir = tempDir();
    await fails(fixture('bad-fields.csv'), 'line 3 has 4 fields, the header has 10 (delimiter ",")');
    const tsv = join(dir, 'bad.tsv');
    writeFileSync(tsv, 'fullname\tIFEval\tBBH\nacme/One\t1\n');
    await fails(tsv, 'line 2 has 2 fields, the header has 3 (delimiter tab)');
    const json = join(dir, 'cut.json');
    writeFileSync(json, '[{"fullname": "acme/One",');
    await fails(json, 'not valid JSON (Expected double-quoted property name in JSON at position 25)');
    await fails(fixture('bad-line.jsonl'), /: line 2 is not valid JSON \(.+\)$/);
    await fails(fixture('not-parquet.parquet'), 'not a parquet file (bad magic)');
    const parquet = join(dir, 'cut.parquet');
    writeV2Parquet(parquet);
    writeFileSync(parquet, readFileSync(parquet).subarray(0, 100));
    await fails(parquet, 'truncated parquet file (no PAR1 footer)');
  });
  it('strips control sequences from the file name it prints', async () => {
    const dir = tempDir();
    const path = join(dir, 'evil\u001b[31m.csv');
    const error = (await readTable(path).catch((e: unknown) => e)) as DataError;
    expect(error.message).toBe(`${dir}/evil.csv: no such file`);
  });
});
