// End to end against ../shared/tools/hub-replay serving the shared LMArena table (91 dates)
// through /rows and its real (ZSTD) parquet copy: the parquet path and the /rows path read the
// same rows, the counts are the CSV's (computed here, not hard-coded), and a replay that cuts
// bodies and garbles answers gives the same result. Skipped where ../shared is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { HubClient } from '../../source/fetch/http-client.js';
import { createDownloader } from '../../source/fetch/file-download.js';
import { DEFAULT_ARENA_TABLE, arenaDatasetOf, fetchArenaTable, type ArenaFetchResult } from '../../source/fetch/arena-source.js';
import { ARENA_VIEWS, ARENA_VIEW_IDS, arenaHeader } from '../../source/views/arena-views.js';
import { textHeader, writeText } from '../../source/views/write-text.js';
import { DEFAULT_VIEW_OPTIONS } from '../../source/views/view.js';
import stringWidth from 'string-width';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = resolve(ROOT, '../shared');
const REPLAY = join(SHARED, 'tools/hub-replay');
const DATA = join(SHARED, 'data/lmarena-text-2024-2025');
const present = existsSync(REPLAY) && existsSync(join(DATA, 'text-full-0000.parquet'));

const replays: ChildProcess[] = [];
const dirs: string[] = [];

async function startReplay(extra: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hs-arena-replay-'));
  dirs.push(dir);
  const ready = join(dir, 'url');
  const child = spawn(
    REPLAY,
    ['--port', '0', '--data', DATA, '--file', `lmarena-ai/leaderboard-dataset:text/full/0000.parquet=${join(DATA, 'text-full-0000.parquet')}`, '--ready-file', ready, ...extra],
    { stdio: 'ignore' },
  );
  replays.push(child);
  for (let i = 0; i < 200; i++) {
    if (existsSync(ready) && readFileSync(ready, 'utf8').trim() !== '') return readFileSync(ready, 'utf8').trim();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('hub-replay did not start');
}

async function fetchFrom(url: string, path: 'auto' | 'rows'): Promise<ArenaFetchResult> {
  const client = HubClient.create({ backoff: { baseMs: 5, capMs: 50 } });
  const downloader = createDownloader({ trustedOrigins: [new URL(url).origin], backoff: { baseMs: 5, capMs: 50 } });
  try {
    return await fetchArenaTable({ ...DEFAULT_ARENA_TABLE, hubUrl: url, datasetsServerUrl: url, client, downloader, path });
  } finally {
    await downloader.close();
    await client.close();
  }
}

afterAll(() => {
  for (const child of replays) child.kill();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!present)('LMArena from hub-replay', () => {
  let url: string;
  let csv: Array<Record<string, string>>;
  beforeAll(async () => {
    url = await startReplay();
    csv = parse(readFileSync(join(DATA, 'leaderboard.csv')), { columns: true }) as Array<Record<string, string>>;
  });

  it('reads the ZSTD parquet copy: every row of the CSV, its dates, models and licence spellings', async () => {
    const result = await fetchFrom(url, 'auto');
    expect(result.path).toBe('parquet');
    expect(result.pathReason).toMatch(/^parquet: 1 file listed by the dataset viewer \(124,694 bytes\), 10 of 11 columns read$/);
    const overall = csv.filter((r) => r.category === 'overall');
    expect(result.rowsRead).toBe(csv.length);
    // every CSV row is a row or a problem (the CSV lists Yi-34B-Chat twice on 4 dates)
    expect(result.rows.length + result.problems.length).toBe(overall.length);
    expect(result.problems.every((p) => / listed twice on /.test(p.reason))).toBe(true);
    expect(new Set(result.rows.map((r) => r.date)).size).toBe(new Set(overall.map((r) => r.leaderboard_publish_date)).size);
    expect(new Set(result.rows.map((r) => r.model)).size).toBe(new Set(overall.map((r) => r.model_name)).size);
    expect(new Set(result.rows.map((r) => r.licence ?? '')).size).toBe(new Set(overall.map((r) => r.license)).size);
    expect(result.rows.every((r) => r.licenceKnown)).toBe(true);
    expect(result.revision).not.toBeNull();
  });

  it('its views fit 80 and 120 columns, every line', async () => {
    const dataset = arenaDatasetOf(await fetchFrom(url, 'auto'), '2026-12-01T20:00:00.000Z');
    for (const id of ARENA_VIEW_IDS) {
      const view = ARENA_VIEWS[id](dataset, DEFAULT_VIEW_OPTIONS);
      for (const width of [80, 120]) {
        const lines = [...textHeader(view, arenaHeader(dataset), { width, color: false }), ...writeText(view, { width, color: false })];
        expect(lines.length).toBeGreaterThan(60);
        for (const line of lines) expect(stringWidth(line), `${id} at ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('reads the same rows through /rows', async () => {
    const [parquet, rows] = [await fetchFrom(url, 'auto'), await fetchFrom(url, 'rows')];
    expect(rows.path).toBe('rows');
    expect(rows.pages).toBe(Math.ceil(csv.length / 100));
    expect(rows.rows).toEqual(parquet.rows);
    // the replay sends X-Revision on /rows but not on /parquet: there the file's commit stands in
    expect([rows.revisionSource, parquet.revisionSource]).toEqual(['viewer', 'file commit']);
    expect(rows.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(parquet.revision).toMatch(/^[0-9a-f]{40}$/);
  });

  it('gives the same rows from a replay that cuts bodies and garbles answers', async () => {
    const clean = await fetchFrom(url, 'auto');
    const faulty = await startReplay(['--malformed-rate', '0.3', '--error-rate', '0.1', '--seed', '7']);
    const result = await fetchFrom(faulty, 'auto');
    expect(result.path).toBe('parquet');
    expect(result.rows).toEqual(clean.rows);
    const stats = (await (await fetch(`${faulty}/__stats`)).json()) as { errors: number; malformed: number };
    expect(stats.errors + stats.malformed).toBeGreaterThan(0);
  });
});
