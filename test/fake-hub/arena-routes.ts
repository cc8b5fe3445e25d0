// The fake Hub's LMArena routes (hub-api.md §3, §3.5, §13), for a small table a test writes:
// /rows for one config/split, the viewer's /parquet listing, the Hub's
// /api/datasets/{id}/parquet/{config}/{split}/0.parquet → 302 → resolve/refs%2Fconvert%2Fparquet/…
// → 302 to a CDN on another origin (FakeCdn: its own server, Range support, a request log
// with the Authorization header each request carried, and bodies it can cut short).
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ArenaFixture {
  dataset: string;
  config: string;
  split: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
  /** The parquet copy; absent: the viewer lists none and the Hub's route answers 404. */
  parquet?: Uint8Array;
  /** The viewer lists the parquet file (default: when there is one). */
  listParquet?: boolean;
  /** The Hub answers /api/datasets/{id}/parquet/{config}/{split} with the shard list (default false). */
  hubListing?: boolean;
  revision?: string;
  commit?: string;
}

type Answer = [number, unknown, Record<string, string>];

export class FakeCdn {
  readonly requests: Array<{ path: string; authorization: string | undefined; range: string | undefined }> = [];
  file: Uint8Array | null = null;
  /** Responses still to cut halfway (the socket is destroyed after half the body). */
  cut = 0;
  /** Answer Range requests with 206 (default true). */
  ranges = true;
  /** Files served under /blobs/NAME with full Range support (`bytes=a-b`, `bytes=a-`): the Hub
   *  snapshot's (hub-files.ts). */
  readonly blobs = new Map<string, Uint8Array>();
  /** Body bytes sent for /blobs/ requests (column projection is asserted on it). */
  blobBytes = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeCdn> {
    const server = createServer();
    const cdn = new FakeCdn(server);
    server.on('connection', (socket: Socket) => {
      cdn.sockets.add(socket);
      socket.on('close', () => cdn.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      cdn.requests.push({ path: req.url ?? '/', authorization: req.headers.authorization, range: req.headers.range });
      if ((req.url ?? '').startsWith('/blobs/')) return cdn.serveBlob(decodeURIComponent(req.url!.slice('/blobs/'.length)), req.headers.range, res);
      const file = cdn.file;
      if (file === null || !(req.url ?? '').startsWith('/files/')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      const range = cdn.ranges ? /^bytes=(\d+)-$/.exec(req.headers.range ?? '') : null;
      const from = range ? Number(range[1]) : 0;
      const body = Buffer.from(file.subarray(from));
      const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) };
      if (cdn.ranges) headers['Accept-Ranges'] = 'bytes';
      if (range) headers['Content-Range'] = `bytes ${from}-${file.length - 1}/${file.length}`;
      res.writeHead(range ? 206 : 200, headers);
      if (cdn.cut > 0) {
        cdn.cut -= 1;
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
        return;
      }
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return cdn;
  }

  private serveBlob(name: string, rangeHeader: string | undefined, res: import('node:http').ServerResponse): void {
    const blob = this.blobs.get(name);
    if (!blob) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(rangeHeader ?? '');
    const from = m ? Number(m[1]) : 0;
    const to = m && m[2] !== '' ? Math.min(Number(m[2]), blob.length - 1) : blob.length - 1;
    if (m && from >= blob.length) {
      res.writeHead(416, { 'Content-Range': `bytes */${blob.length}` });
      res.end();
      return;
    }
    const body = Buffer.from(blob.subarray(from, to + 1));
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length), 'Accept-Ranges': 'bytes' };
    if (m) headers['Content-Range'] = `bytes ${from}-${to}/${blob.length}`;
    res.writeHead(m ? 206 : 200, headers);
    if (this.cut > 0 && body.length > 2000) {
      this.cut -= 1;
      const half = body.subarray(0, Math.floor(body.length / 2));
      this.blobBytes += half.length;
      res.write(half, () => res.socket?.destroy());
      return;
    }
    this.blobBytes += body.length;
    res.end(body);
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The answer to an arena route, or null when the request is not one. */
export function arenaAnswer(arena: ArenaFixture, cdn: FakeCdn | null, path: string, url: URL, hubUrl: string): Answer | null {
  const q = url.searchParams;
  const revision = { 'X-Revision': arena.revision ?? 'arena-rev-1' };
  const resolvePath = `/datasets/${arena.dataset}/resolve/refs/convert/parquet/${arena.config}/${arena.split}/0000.parquet`;
  if (path === '/rows' && q.get('dataset') === arena.dataset) {
    if (q.get('config') !== arena.config || q.get('split') !== arena.split) return [404, { error: 'The config or the split does not exist in the dataset' }, {}];
    const offset = Number(q.get('offset') ?? 0);
    const length = Number(q.get('length') ?? 100);
    if (!(length >= 0 && length <= 100)) return [422, { error: "Parameter 'length' must not be greater than 100" }, {}];
    const chunk = arena.rows.slice(offset, offset + length);
    return [
      200,
      {
        features: arena.columns.map((name, i) => ({ feature_idx: i, name, type: { dtype: 'string', _type: 'Value' } })),
        rows: chunk.map((row, i) => ({ row_idx: offset + i, row, truncated_cells: [] })),
        num_rows_total: arena.rows.length,
        num_rows_per_page: 100,
        partial: false,
      },
      revision,
    ];
  }
  if (path === '/parquet' && q.get('dataset') === arena.dataset) {
    const listed = arena.parquet !== undefined && (arena.listParquet ?? true);
    const files = listed
      ? [{ dataset: arena.dataset, config: arena.config, split: arena.split, url: `${hubUrl}${resolvePath.replace('refs/convert/parquet', 'refs%2Fconvert%2Fparquet')}`, filename: '0000.parquet', size: arena.parquet!.length }]
      : [];
    return [200, { parquet_files: files, pending: [], failed: [], partial: false }, revision];
  }
  if (path === `/api/datasets/${arena.dataset}/parquet/${arena.config}/${arena.split}`) {
    if (!arena.hubListing || arena.parquet === undefined) return [404, { error: 'Not Found' }, {}];
    return [200, [`${hubUrl}/api/datasets/${arena.dataset}/parquet/${arena.config}/${arena.split}/0.parquet`], {}];
  }
  if (path === `/api/datasets/${arena.dataset}/parquet/${arena.config}/${arena.split}/0.parquet`) {
    if (arena.parquet === undefined) return [404, { error: 'Not Found' }, {}];
    return [302, '', { Location: resolvePath.replace('refs/convert/parquet', 'refs%2Fconvert%2Fparquet') }];
  }
  if (path === resolvePath) {
    if (arena.parquet === undefined || cdn === null) return [404, { error: 'Entry not found' }, {}];
    cdn.file = arena.parquet;
    return [302, '', { Location: `${cdn.url}/files/0000.parquet`, 'X-Repo-Commit': arena.commit ?? 'arena-commit-1', 'X-Linked-Size': String(arena.parquet.length) }];
  }
  return null;
}
