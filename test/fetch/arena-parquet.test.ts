// Reading an LMArena parquet file: only the category asked for, whatever the row groups hold
// (none of it, all of it, or a span), with the category's own spelling kept; a file without a
// category column keeps every row; missing optional columns are reported.
import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readArenaParquet } from '../../source/fetch/arena-parquet.js';

function file(rows: Array<Record<string, unknown>>, rowGroupSize: number, columns = ['model_name', 'license', 'rating', 'vote_count', 'category', 'leaderboard_publish_date']): Uint8Array {
  const types: Record<string, 'STRING' | 'DOUBLE' | 'INT64'> = { rating: 'DOUBLE', vote_count: 'INT64' };
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: columns.map((name) => ({ name, type: types[name] ?? 'STRING', data: rows.map((r) => (name === 'vote_count' ? BigInt(r[name] as number) : r[name])) as never })),
      rowGroupSize,
    }),
  );
}

const row = (i: number, category: string) => ({ model_name: `M${i}`, license: 'MIT', rating: 1000 + i, vote_count: i, category, leaderboard_publish_date: '2025-01-01' });

describe('readArenaParquet', () => {
  it('keeps the category asked for when the file is sorted by category (groups with none are skipped)', async () => {
    // 30 coding, 12 overall, 30 math in groups of 10: groups 0–1 none, 2–4 some, 5–7 none
    const rows = [...Array.from({ length: 30 }, (_, i) => row(i, 'coding')), ...Array.from({ length: 12 }, (_, i) => row(100 + i, 'overall')), ...Array.from({ length: 30 }, (_, i) => row(200 + i, 'math'))];
    const table = await readArenaParquet(file(rows, 10), 'overall');
    expect(table.rowsRead).toBe(72);
    expect(table.rows.map((r) => r.model_name)).toEqual(Array.from({ length: 12 }, (_, i) => `M${100 + i}`));
    expect(table.rows[0]).toEqual({ model_name: 'M100', license: 'MIT', rating: 1100, vote_count: 100n, category: 'overall', leaderboard_publish_date: '2025-01-01' });
  });

  it('keeps interleaved rows in order, matching the category case-insensitively and keeping its spelling', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(i, i % 3 === 0 ? (i % 2 ? 'Overall' : 'overall') : 'coding'));
    const table = await readArenaParquet(file(rows, 7), 'OVERALL');
    expect(table.rows.map((r) => [r.model_name, r.category])).toEqual(
      [0, 3, 6, 9, 12, 15, 18, 21, 24].map((i) => [`M${i}`, i % 2 ? 'Overall' : 'overall']),
    );
  });

  it('keeps every row of a file without a category column, and names the columns it lacks', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i, 'x'));
    const table = await readArenaParquet(file(rows, 2, ['model_name', 'rating', 'leaderboard_publish_date']), 'overall');
    expect(table.rows).toHaveLength(5);
    expect(table.missing).toEqual(['organization', 'license', 'rating_lower', 'rating_upper', 'vote_count', 'rank', 'category']);
    expect(table.projected).toEqual(['model_name', 'rating', 'leaderboard_publish_date']);
  });

  it('a truncated file is one clear error', async () => {
    const bytes = file([row(1, 'overall')], 1);
    await expect(readArenaParquet(bytes.subarray(0, bytes.length - 10), 'overall', 'the file')).rejects.toThrow(/^the file is not a whole parquet file/);
  });
});
