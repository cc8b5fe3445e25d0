// The LMArena source against the fake Hub: the parquet path (viewer listing, or the Hub's
// route when not listed; redirects to a CDN on another origin that never sees the token; cut
// bodies resumed with Range), only the category asked for, the /rows fallback and when it is
// refused, and the errors a user sees.
import { afterEach, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { HubClient } from '../../source/fetch/http-client.js';
import { createDownloader, nextHop, sendsToken, type FileDownloader } from '../../source/fetch/file-download.js';
import { fetchArenaTable, type ArenaFetchOptions } from '../../source/fetch/arena-source.js';
import { DataError } from '../../source/data/errors.js';
import { FakeHub } from '../fake-hub/server.js';
import { FakeCdn, type ArenaFixture } from '../fake-hub/arena-routes.js';

const DATASET = 'lmarena-ai/leaderboard-dataset';
const COLUMNS = ['model_name', 'organization', 'license', 'rating', 'rating_lower', 'rating_upper', 'variance', 'vote_count', 'rank', 'category', 'leaderboard_publish_date'];
const CATEGORIES = ['overall', 'coding', 'math'];
const DATES = ['2025-01-01', '2025-02-01', '2025-03-01'];

/** 3 dates × 3 categories × 30 models = 270 rows (3 pages of /rows), categories interleaved. */
function arenaRows(): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const date of DATES) {
    for (let m = 0; m < 30; m++) {
      for (const category of CATEGORIES) {
        const rating = 1400 - m * 5 + (category === 'overall' ? 0 : 7);
        rows.push({
          model_name: `Model-${m}`,
          organization: `Org-${m % 4}`,
          license: m % 3 === 0 ? 'Proprietary' : m % 3 === 1 ? 'Apache 2.0' : 'Llama 3.1 Community',
          rating,
          rating_lower: rating - 4,
          rating_upper: rating + 4,
          variance: null,
          vote_count: 1000 + m,
          rank: m + 1,
          category,
          leaderboard_publish_date: date,
        });
      }
    }
  }
  return rows;
}

function parquetOf(rows: Array<Record<string, unknown>>, columns = COLUMNS): Uint8Array {
  const types: Record<string, 'STRING' | 'DOUBLE' | 'INT64'> = { rating: 'DOUBLE', rating_lower: 'DOUBLE', rating_upper: 'DOUBLE', variance: 'DOUBLE', vote_count: 'INT64', rank: 'INT64' };
  const buffer = parquetWriteBuffer({
    columnData: columns.map((name) => ({
      name,
      type: types[name] ?? 'STRING',
      data: rows.map((r) => (types[name] === 'INT64' ? BigInt(r[name] as number) : (r[name] ?? null))) as never,
    })),
    rowGroupSize: 64,
  });
  return new Uint8Array(buffer);
}

const ROWS = arenaRows();
const PARQUET = parquetOf(ROWS);
const TOKEN = 'hf_abcdefghijklmnopqrstuvwxyz0123';

let hub: FakeHub | null = null;
let cdn: FakeCdn | null = null;
let client: HubClient | null = null;
let downloader: FileDownloader | null = null;

async function teardown(): Promise<void> {
  await downloader?.close();
  await client?.close();
  await hub?.close();
  await cdn?.close();
  [downloader, client, hub, cdn] = [null, null, null, null];
}

/** The fake Hub (Hub and viewer on one origin) with the arena table, its CDN, a client and a
 *  downloader trusting the Hub's origin only. */
async function setup(arena: Partial<ArenaFixture> = {}, token: string | null = null): Promise<ArenaFetchOptions & { hub: FakeHub; cdn: FakeCdn }> {
  const c = (cdn = await FakeCdn.start());
  const h = (hub = await FakeHub.start({ arena: { dataset: DATASET, config: 'text', split: 'full', columns: COLUMNS, rows: ROWS, parquet: PARQUET, revision: 'rev-arena', ...arena }, cdn: c }));
  const httpClient = (client = HubClient.create({ token, trustedOrigins: [h.url], backoff: { baseMs: 5, capMs: 40 } }));
  const files = (downloader = createDownloader({ token, trustedOrigins: [h.url], backoff: { baseMs: 5, capMs: 40 } }));
  return { dataset: DATASET, config: 'text', split: 'full', category: 'overall', hubUrl: h.url, datasetsServerUrl: h.url, client: httpClient, downloader: files, hub: h, cdn: c };
}

afterEach(teardown);

describe('the parquet path', () => {
  it('reads the file the viewer lists, keeps only category overall, and says so', async () => {
    const options = await setup();
    const result = await fetchArenaTable(options);
    expect(result.path).toBe('parquet');
    expect(result.pathReason).toBe(`parquet: 1 file listed by the dataset viewer (${PARQUET.length.toLocaleString('en-US')} bytes), 10 of 11 columns read`);
    expect(result.rowsRead).toBe(270);
    expect(result.rows).toHaveLength(90);
    expect(new Set(result.rows.map((r) => r.category))).toEqual(new Set(['overall']));
    expect(new Set(result.rows.map((r) => r.date))).toEqual(new Set(DATES));
    expect(result.rows[0]).toMatchObject({ model: 'Model-0', rating: 1400, lower: 1396, upper: 1404, votes: 1000, rank: 1, licenceClass: 'proprietary' });
    expect(result).toMatchObject({ revision: 'rev-arena', revisionSource: 'viewer' });
    expect(result.problems).toEqual([]);
    expect(result.missingColumns).toEqual([]);
    expect(options.hub.requests.some((r) => r.path.startsWith('/rows'))).toBe(false);
    expect(options.cdn.requests).toHaveLength(1);
  });

  it('sends the token to the Hub and the viewer, never to the CDN it is redirected to', async () => {
    const options = await setup({}, TOKEN);
    const result = await fetchArenaTable(options);
    expect(result.files[0]!.hops).toEqual([new URL(options.hub.url).host, new URL(options.cdn.url).host]);
    const parquetRequests = options.hub.requests.filter((r) => r.path.startsWith('/parquet') || r.path.includes('/resolve/'));
    expect(parquetRequests.length).toBe(2);
    for (const r of parquetRequests) expect(r.authorization).toBe(`Bearer ${TOKEN}`);
    expect(options.cdn.requests.map((r) => r.authorization)).toEqual([undefined]);
  });

  it('not listed by the viewer: reads the shards the Hub lists', async () => {
    const options = await setup({ listParquet: false, hubListing: true });
    const result = await fetchArenaTable(options);
    expect(result.pathReason).toMatch(/^parquet: 1 file listed by the Hub \(/);
    expect(result.rows).toHaveLength(90);
  });

  it('listed nowhere: takes the Hub’s route for shard 0 through both redirects; the revision is the redirect’s commit', async () => {
    const options = await setup({ listParquet: false }, TOKEN);
    const result = await fetchArenaTable(options);
    expect(result.path).toBe('parquet');
    expect(result.pathReason).toContain('from the Hub’s route for shard 0 (neither the viewer nor the Hub lists the files)');
    expect(result).toMatchObject({ revision: 'arena-commit-1', revisionSource: 'file commit' });
    expect(options.hub.requests.map((r) => r.path)).toEqual([
      `/parquet?dataset=${encodeURIComponent(DATASET)}`,
      `/api/datasets/${DATASET}/parquet/text/full`,
      `/api/datasets/${DATASET}/parquet/text/full/0.parquet`,
      `/datasets/${DATASET}/resolve/refs/convert/parquet/text/full/0000.parquet`,
    ]);
    expect(result.files[0]!.hops).toHaveLength(3);
    expect(options.cdn.requests[0]!.authorization).toBeUndefined();
    expect(result.rows).toHaveLength(90);
  });

  it('resumes a body cut short with Range from the CDN (no token there either)', async () => {
    const options = await setup({}, TOKEN);
    options.cdn.cut = 1;
    const result = await fetchArenaTable(options);
    expect(result.rows).toHaveLength(90);
    expect(options.cdn.requests).toHaveLength(2);
    expect(options.cdn.requests[1]!.range).toBe(`bytes=${Math.floor(PARQUET.length / 2)}-`);
    expect(options.cdn.requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  it('starts over from the Hub when the CDN does not do ranges', async () => {
    const options = await setup();
    options.cdn.cut = 2;
    options.cdn.ranges = false;
    const result = await fetchArenaTable(options);
    expect(result.rows).toHaveLength(90);
    expect(options.cdn.requests.map((r) => r.range)).toEqual([undefined, undefined, undefined]);
    expect(options.hub.requests.filter((r) => r.path.includes('/resolve/'))).toHaveLength(3);
  });

  it('retries a 503 on the way to the file', async () => {
    const options = await setup();
    options.hub.addFault({ match: (url) => url.pathname.includes('/resolve/'), times: 2, action: { kind: 'status', status: 503 } });
    expect((await fetchArenaTable(options)).rows).toHaveLength(90);
    expect(options.hub.requests.filter((r) => r.path.includes('/resolve/'))).toHaveLength(3);
  });

  it('keeps another category when asked', async () => {
    const options = await setup();
    const result = await fetchArenaTable({ ...options, category: 'coding' });
    expect(result.rows).toHaveLength(90);
    expect(result.rows[0]).toMatchObject({ category: 'coding', rating: 1407 });
  });

  it('--path parquet with a file that is not parquet: one clear DataError', async () => {
    const options = await setup({ parquet: new TextEncoder().encode('<html>not a file</html>') });
    await expect(fetchArenaTable({ ...options, path: 'parquet' })).rejects.toThrow(/^could not read the parquet copy of "lmarena-ai\/leaderboard-dataset" \(parquet file 1 of 1 .* is not a whole parquet file/);
  });

  it('a parquet file without the rating column is not an LMArena table', async () => {
    const options = await setup({ parquet: parquetOf(ROWS, COLUMNS.filter((c) => c !== 'rating')) });
    await expect(fetchArenaTable({ ...options, path: 'parquet' })).rejects.toThrow(/has no column "rating": not an LMArena table/);
  });
});

describe('the /rows path', () => {
  it('falls back to /rows when there is no parquet copy, and reads the same rows', async () => {
    const viaParquet = await fetchArenaTable(await setup());
    await teardown();
    const options = await setup({ parquet: undefined });
    const result = await fetchArenaTable(options);
    expect(result.path).toBe('rows');
    expect(result.pathReason).toMatch(/^rows: the parquet copy could not be read \(HTTP 404 .*\); 3 pages of \/rows$/);
    expect(result.pages).toBe(3);
    expect(result.rowsRead).toBe(270);
    expect(result.rows).toEqual(viaParquet.rows);
    expect(options.hub.requests.filter((r) => r.path.startsWith('/rows')).every((r) => r.path.includes('config=text&split=full'))).toBe(true);
  });

  it('--path rows reads /rows only', async () => {
    const options = await setup();
    const result = await fetchArenaTable({ ...options, path: 'rows' });
    expect(result).toMatchObject({ path: 'rows', pathReason: 'rows: asked for (--path rows); 3 pages of /rows', revision: 'rev-arena' });
    expect(result.rows).toHaveLength(90);
    expect(options.cdn.requests).toHaveLength(0);
  });

  it('refuses a fallback that would take too many pages, saying why', async () => {
    const options = await setup({ parquet: undefined });
    await expect(fetchArenaTable({ ...options, maxRowsFallback: 200 })).rejects.toThrow(
      /the parquet copy could not be read \(.*\), and reading "lmarena-ai\/leaderboard-dataset" through \/rows would take 3 pages \(270 rows, over the fallback limit of 200\)/,
    );
    expect(options.hub.requests.filter((r) => r.path.startsWith('/rows'))).toHaveLength(1);
  });

  it('a config or split the dataset does not have is a DataError naming them', async () => {
    const options = await setup({ parquet: undefined });
    const error = await fetchArenaTable({ ...options, config: 'vision' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toContain('config "vision" split "full" is not available from the dataset viewer');
  });

  it('stops when the signal aborts, without falling back', async () => {
    const options = await setup();
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(fetchArenaTable({ ...options, signal: controller.signal })).rejects.toThrow('stopped');
    expect(options.hub.requests.filter((r) => r.path.startsWith('/rows'))).toHaveLength(0);
  });
});

describe('the token policy of a download', () => {
  it('sends the token only to an http(s) origin it trusts', () => {
    const trusted = ['https://huggingface.co', 'https://datasets-server.huggingface.co'];
    expect(sendsToken(new URL('https://huggingface.co/datasets/x/resolve/main/a.parquet'), trusted)).toBe(true);
    expect(sendsToken(new URL('https://datasets-server.huggingface.co/parquet?dataset=x'), trusted)).toBe(true);
    expect(sendsToken(new URL('https://cdn-lfs.hf.co/x'), trusted)).toBe(false);
    expect(sendsToken(new URL('http://huggingface.co/x'), trusted)).toBe(false);
    expect(sendsToken(new URL('https://huggingface.co.evil.example/x'), trusted)).toBe(false);
  });

  it('resolves relative redirects and refuses a non-http one', () => {
    const here = new URL('https://huggingface.co/api/datasets/a/b/parquet/text/full/0.parquet');
    expect(nextHop('/datasets/a/b/resolve/x.parquet', here).href).toBe('https://huggingface.co/datasets/a/b/resolve/x.parquet');
    expect(() => nextHop('file:///etc/passwd', here)).toThrow(/non-http\(s\) file: URL: refused/);
    expect(() => nextHop(undefined, here)).toThrow(/without a Location/);
  });
});
