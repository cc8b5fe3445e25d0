// The fake Hub's dataset-file routes (hub-api.md §12), for the Hub snapshot a test writes
// (test/hub/snapshot-fixture.ts): dataset info with its `sha` (at `main` or the sha itself),
// `tree` with sizes, and `resolve/{sha}/{path}` → 302 to the CDN on another origin
// (arena-routes.ts FakeCdn `blobs`: Range, bytes counted, bodies it can cut short) with
// X-Repo-Commit and X-Linked-Size, as the Hub answers.
import type { FakeCdn } from './arena-routes.js';

export interface HubFilesFixture {
  /** `cfahlgren1/hub-stats`, `hfmlsoc/hub_weekly_snapshots`. */
  dataset: string;
  sha: string;
  /** Path in the repository → bytes (`models.parquet`, `models/2026-09-30/models.parquet`). */
  files: Record<string, Uint8Array>;
}

type Answer = [number, unknown, Record<string, string>];

/** The answer to a dataset-file route, or null when the request is not one. */
export function hubFilesAnswer(fixtures: readonly HubFilesFixture[], cdn: FakeCdn | null, path: string): Answer | null {
  for (const f of fixtures) {
    const api = `/api/datasets/${f.dataset}`;
    if (path.startsWith(`${api}/revision/`)) {
      const rev = path.slice(`${api}/revision/`.length);
      if (rev !== 'main' && rev !== f.sha) return [404, { error: `Invalid rev id: ${rev}` }, { 'X-Error-Code': 'RevisionNotFound' }];
      return [200, { _id: 'fake', id: f.dataset, sha: f.sha, siblings: Object.keys(f.files).map((rfilename) => ({ rfilename })) }, {}];
    }
    if (path.startsWith(`${api}/tree/${f.sha}`)) {
      const under = path.slice(`${api}/tree/${f.sha}`.length).replace(/^\//, '');
      const entries = new Map<string, unknown>();
      for (const [file, bytes] of Object.entries(f.files)) {
        if (under && !file.startsWith(`${under}/`)) continue;
        const rest = under ? file.slice(under.length + 1) : file;
        const [head, ...tail] = rest.split('/');
        const entryPath = under ? `${under}/${head}` : head!;
        entries.set(entryPath, tail.length > 0 ? { type: 'directory', path: entryPath, size: 0, oid: 'd' } : { type: 'file', path: entryPath, size: bytes.length, oid: 'f', lfs: { oid: 'l', size: bytes.length } });
      }
      return [200, [...entries.values()], {}];
    }
    const resolve = `/datasets/${f.dataset}/resolve/${f.sha}/`;
    if (path.startsWith(resolve)) {
      const file = path.slice(resolve.length);
      const bytes = f.files[file];
      if (!bytes || cdn === null) return [404, { error: 'Entry not found' }, { 'X-Error-Code': 'EntryNotFound' }];
      const name = `${f.dataset}/${file}`;
      cdn.blobs.set(name, bytes);
      return [302, '', { Location: `${cdn.url}/blobs/${encodeURIComponent(name)}`, 'X-Repo-Commit': f.sha, 'X-Linked-Size': String(bytes.length), 'X-Linked-Etag': `"${f.sha.slice(0, 8)}"` }];
    }
  }
  return null;
}
