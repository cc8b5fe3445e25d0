// The stored LMArena table: a dataset survives encode → JSON → decode (derived fields computed
// again, so a better licence table applies to cached rows), and a damaged, foreign or newer
// document is refused with one line.
import { describe, expect, it } from 'vitest';
import { ARENA_DOC_SCHEMA, decodeArenaDoc, encodeArenaDoc } from '../../source/data/arena-doc.js';
import { DataError } from '../../source/data/errors.js';
import { arenaDataset, table } from '../analysis/arena-rows.js';

const dataset = arenaDataset(
  [
    ...table('2025-01-01', ['GPT-X', 'Proprietary', 1300], ['通义千问 🦙', 'Qwen', 1250, null]),
    ...table('2025-02-01', ['GPT-X', 'Propretary', 1310], ['Odd', 'Frobnicator', 1200]),
  ],
  { revision: 'abc', fetchedAt: '2026-12-01T20:00:00.000Z', path: 'parquet' },
);

describe('the arena document', () => {
  it('round-trips through JSON, one entry per publication date, strings stored once', () => {
    const doc = encodeArenaDoc(dataset, 'parquet: 1 file');
    expect(Object.keys(doc.dates)).toEqual(['2025-01-01', '2025-02-01']);
    expect(doc.strings.filter((s) => s === 'GPT-X')).toHaveLength(1);
    expect(doc).toMatchObject({ kind: 'lmarena-table', schema: ARENA_DOC_SCHEMA, dataset: 'lmarena-ai/leaderboard-dataset', config: 'text', split: 'full', category: 'overall', pathReason: 'parquet: 1 file' });
    expect(decodeArenaDoc(JSON.parse(JSON.stringify(doc)))).toEqual(dataset);
  });

  it('classes licences again on reading', () => {
    const doc = encodeArenaDoc(dataset);
    doc.strings[doc.strings.indexOf('Frobnicator')] = 'MIT';
    expect(decodeArenaDoc(doc).rows[3]).toMatchObject({ licence: 'MIT', licenceClass: 'open, permissive', licenceKnown: true });
  });

  it.each([
    ['not an object', [], /is damaged \(not an object\)/],
    ['another kind', { kind: 'leaderboard', schema: 1 }, /is not an LMArena table \(kind "leaderboard"\)/],
    ['a newer schema', { ...encodeArenaDoc(dataset), schema: ARENA_DOC_SCHEMA + 1 }, /written by a newer hubscope \(schema 2, this one reads 1\)/],
    ['a string index out of range', (() => { const d = encodeArenaDoc(dataset); d.dates['2025-01-01']![0]![0] = 99; return d; })(), /string index 99 out of range/],
    ['a row too short', (() => { const d = encodeArenaDoc(dataset); (d.dates['2025-01-01'] as unknown[])[0] = [0, 1]; return d; })(), /a row of 2025-01-01/],
    ['a rating that is not a number', (() => { const d = encodeArenaDoc(dataset); (d.dates['2025-02-01']![0] as unknown[])[3] = 'x'; return d; })(), /a number of a row of 2025-02-01/],
    ['a bad date key', (() => { const d = encodeArenaDoc(dataset); d.dates['yesterday'] = []; return d; })(), /date "yesterday"/],
  ])('refuses %s with one line', (_name, json, message) => {
    const error = (() => { try { decodeArenaDoc(json); } catch (e) { return e; } return null; })();
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
