// Duck.execLanes (pass 2 of the ingest, source/hub/ingest.ts): each lane's statements in order on
// a connection of its own, the lanes at once, into one table of a real DuckDB file; a failing
// statement stops what has not started and is thrown, and the connection stays usable. And
// Duck.aside (the ids', edges' and children's tables beside the walk): the same for one list of
// statements on a second connection while the first goes on. And Duck.releaseMemory (between
// the ingest's phases): the thread count restored, nothing lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Duck } from '../../source/hub/duck.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openDuck(): Promise<Duck> {
  dir = await mkdtemp(join(tmpdir(), 'duck-lanes-'));
  const duck = await Duck.open(join(dir, 'lanes.duckdb'), { threads: 1, memoryLimit: '64MB' });
  await duck.exec('SET preserve_insertion_order = true');
  await duck.exec('CREATE TABLE t (lane INTEGER, step INTEGER, v INTEGER)');
  return duck;
}

const insert = (lane: number, step: number) => `INSERT INTO t SELECT ${lane}, ${step}, range FROM range(${step * 1000}, ${(step + 1) * 1000})`;

describe('Duck.execLanes', () => {
  it('runs every lane, each in its order, and reports each statement', async () => {
    const duck = await openDuck();
    const done: string[] = [];
    try {
      await duck.execLanes([[insert(0, 0), insert(0, 2), insert(0, 4)], [insert(1, 1), insert(1, 3)]], (sql) => done.push(sql));
      const rows = await duck.all('SELECT lane, step, count(*) AS n, min(v) AS lo, max(v) AS hi FROM t GROUP BY ALL ORDER BY step');
      expect(rows).toEqual([0, 1, 2, 3, 4].map((step) => ({ lane: step % 2, step, n: 1000, lo: step * 1000, hi: step * 1000 + 999 })));
      expect(done).toHaveLength(5);
      // within a lane, the order given
      expect(done.filter((sql) => sql.startsWith('INSERT INTO t SELECT 0,'))).toEqual([insert(0, 0), insert(0, 2), insert(0, 4)]);
    } finally {
      duck.close();
    }
  });

  it('throws the first failure, starts nothing after it in that lane, and leaves the connection usable', async () => {
    const duck = await openDuck();
    try {
      await expect(duck.execLanes([[insert(0, 0), 'INSERT INTO missing_table VALUES (1)', insert(0, 9)], [insert(1, 1)]])).rejects.toThrow(/missing_table/);
      const steps = (await duck.all('SELECT DISTINCT step FROM t ORDER BY step')).map((r) => r.step);
      expect(steps).not.toContain(9);
      expect(steps).toContain(0);
      expect(await duck.one('SELECT count(*) AS n FROM t WHERE step = 0')).toEqual({ n: 1000 });
    } finally {
      duck.close();
    }
  });
});

describe('Duck.aside', () => {
  it('runs its statements in order on a connection of its own while this one goes on, and reports each', async () => {
    const duck = await openDuck();
    const done: string[] = [];
    try {
      const aside = duck.aside([insert(1, 1), insert(1, 3)], (sql) => done.push(sql));
      // this connection meanwhile: its own statements, and a read
      await duck.exec(insert(0, 0));
      expect(await duck.one('SELECT count(*) AS n FROM t WHERE lane = 0')).toEqual({ n: 1000 });
      await aside;
      expect(done).toEqual([insert(1, 1), insert(1, 3)]);
      expect((await duck.all('SELECT DISTINCT step FROM t ORDER BY step')).map((r) => r.step)).toEqual([0, 1, 3]);
    } finally {
      duck.close();
    }
  });

  it('rejects with the first failure and runs nothing after it; the database stays usable', async () => {
    const duck = await openDuck();
    try {
      await expect(duck.aside([insert(1, 1), 'INSERT INTO missing_table VALUES (1)', insert(1, 5)])).rejects.toThrow(/missing_table/);
      expect((await duck.all('SELECT DISTINCT step FROM t ORDER BY step')).map((r) => r.step)).toEqual([1]);
      await duck.exec(insert(0, 2));
      expect(await duck.one('SELECT count(*) AS n FROM t')).toEqual({ n: 2000 });
    } finally {
      duck.close();
    }
  });
});

describe('Duck.releaseMemory', () => {
  it('goes back to the thread count asked for, and keeps every table and row', async () => {
    const duck = await openDuck();
    try {
      await duck.exec(insert(0, 0));
      await duck.exec('CREATE TEMP TABLE scratch AS SELECT range AS v FROM range(50000)');
      await duck.releaseMemory(2);
      expect(await duck.one("SELECT current_setting('threads') AS t")).toEqual({ t: 2 });
      await duck.releaseMemory(1);
      expect(await duck.one("SELECT current_setting('threads') AS t")).toEqual({ t: 1 });
      expect(await duck.one('SELECT count(*) AS n, sum(v) AS s FROM t')).toEqual({ n: 1000, s: 499500 });
      expect(await duck.one('SELECT count(*) AS n FROM scratch')).toEqual({ n: 50000 });
    } finally {
      duck.close();
    }
  });
});
