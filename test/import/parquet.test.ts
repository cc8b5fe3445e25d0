import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readParquet } from '../../source/import/parquet.js';
import { fixture, removeTempDirs, tempDir, writeV2Parquet } from './helpers.js';

afterAll(removeTempDirs);

describe('readParquet', () => {
  it('reads columns in schema order and plain values (BigInt → number, null kept)', async () => {
    const path = join(tempDir(), 'v2.parquet');
    writeV2Parquet(path);
    const table = await readParquet(readFileSync(path));
    expect(table.columns.slice(0, 5)).toEqual(['eval_name', 'Type', 'Architecture', 'fullname', 'Average ⬆️']);
    expect(table.columns).toHaveLength(18);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toMatchObject({ fullname: 'delta/Chat-8B', 'Hub ❤️': 15, Generation: 1, Flagged: false });
    expect(typeof table.rows[0]!['Hub ❤️']).toBe('number');
    expect(table.rows[1]!['MMLU-PRO']).toBeNull();
    expect(table.lines).toBeUndefined();
  });
  it('reads a file given as a view into a larger buffer', async () => {
    const path = join(tempDir(), 'v2.parquet');
    writeV2Parquet(path);
    const file = readFileSync(path);
    const padded = new Uint8Array(file.length + 16);
    padded.set(file, 8);
    const table = await readParquet(padded.subarray(8, 8 + file.length));
    expect(table.rows).toHaveLength(2);
  });
  it('refuses a file without the magic', async () => {
    await expect(readParquet(readFileSync(fixture('not-parquet.parquet')))).rejects.toThrow('not a parquet file (bad magic)');
  });
  it('refuses a truncated file', async () => {
    const path = join(tempDir(), 'v2.parquet');
    writeV2Parquet(path);
    const file = readFileSync(path);
    await expect(readParquet(file.subarray(0, Math.floor(file.length / 2)))).rejects.toThrow(
      'truncated parquet file (no PAR1 footer)',
    );
  });
  it('turns a corrupt footer into one line', async () => {
    const path = join(tempDir(), 'v2.parquet');
    writeV2Parquet(path);
    const file = Buffer.from(readFileSync(path));
    // the 4 bytes before the closing magic hold the footer length: make it absurd
    file.writeUInt32LE(0x7fffffff, file.length - 8);
    await expect(readParquet(file)).rejects.toThrow(/^cannot read parquet \(.+\)$/);
  });
  it('refuses an empty file and a table without rows', async () => {
    await expect(readParquet(new Uint8Array(0))).rejects.toThrow('the file is empty');
    const empty = parquetWriteBuffer({ columnData: [{ name: 'fullname', data: [], type: 'STRING' }] });
    const path = join(tempDir(), 'empty.parquet');
    writeFileSync(path, new Uint8Array(empty));
    await expect(readParquet(readFileSync(path))).rejects.toThrow('no rows: the table is empty (1 columns)');
  });
});
