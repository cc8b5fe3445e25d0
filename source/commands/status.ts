// `hubscope status`: every dataset the cache holds (kind, generation, rows, freshness,
// coverage), then the details of one — the one --dataset names, else the most recently
// fetched — from its source kind (for a leaderboard: the table, each stage's counts over its
// repos, what failed). Text by default, --format json for scripts. Exit 0; 1 when the cache
// cannot be read (corrupt or newer: the one-line DataError) or holds no such dataset.
import { CacheStore, cacheDir } from '../cache/store.js';
import { DEFAULT_TTL_DAYS } from '../cache/freshness.js';
import { heldList } from '../cache/meta.js';
import { DataError } from '../data/errors.js';
import { sourceFor } from '../sources/registry.js';
import { sanitize } from '../text/sanitize.js';
import { UsageError, numberOption, parse } from './args.js';
import { safeJson, safeLines } from '../text/safe-output.js';
import { HUBSCOPE } from '../text/command.js';

export { ago } from '../sources/leaderboard-status.js';

const HOW = { asked: '', recent: ' (most recently fetched; --dataset to choose)', default: '' } as const;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { format: { type: 'string' }, ttl: { type: 'string' }, dataset: { type: 'string' } });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, got "${format}"`);
  const ttlDays = numberOption(values.ttl, 'ttl', DEFAULT_TTL_DAYS);
  if (ttlDays < 0) throw new UsageError(`--ttl must be a number of days ≥ 0, got "${values.ttl}"`);
  // every string made safe on the way out, whatever the cache holds (a revision or a file
  // name with escape sequences, an error text with a token, a cache written before a fix)
  const dir = cacheDir(values.cache);
  const store = await CacheStore.open(dir, { dataset: values.dataset ?? null });
  const ids = Object.keys(store.datasets);
  if (store.choice.how === 'asked' && !store.choice.held) {
    throw new DataError(`the cache at ${sanitize(dir)} has no dataset "${sanitize(store.datasetId)}": it ${heldList(store.metaDoc)}`);
  }
  if (ids.length === 0) {
    if (format === 'json') process.stdout.write(`${safeJson({ dir, empty: true, datasets: [] }, 2)}\n`);
    else process.stdout.write(`The cache at ${sanitize(dir)} is empty: run ${HUBSCOPE} fetch (or ${HUBSCOPE} import FILE).\n`);
    return 0;
  }
  const now = Date.now();
  // a dataset of a kind this hubscope does not know (written by a newer one) is listed as such
  const summaries = await Promise.all(
    ids.map((id) =>
      Promise.resolve()
        .then(() => sourceFor(id, store.datasets[id]).summary(store, id, ttlDays, now))
        .catch((error: unknown) => {
          if (!(error instanceof DataError)) throw error;
          return { rows: 0, line: `a "${sanitize(store.datasets[id]!.kind)}" dataset, which this hubscope cannot read`, json: { id, kind: store.datasets[id]!.kind } };
        }),
    ),
  );
  const detail = await sourceFor(store.datasetId, store.record).status(store, ttlDays, now);
  if (format === 'json') {
    const report = {
      ...detail.json,
      dir,
      writtenBy: store.metaDoc.writtenBy,
      ttlDays,
      empty: false,
      dataset: store.datasetId,
      chosen: store.choice.how,
      datasets: summaries.map((s) => s.json),
    };
    process.stdout.write(`${safeJson(report, 2)}\n`);
    return 0;
  }
  const width = Math.max(...ids.map((id) => sanitize(id).length));
  const lines = [
    `cache        ${sanitize(dir)} (written by ${sanitize(store.metaDoc.writtenBy)})`,
    `datasets     ${ids.length} held${ids.length > 1 ? ' (* the one detailed below)' : ''}:`,
    ...ids.map((id, i) => `  ${id === store.datasetId ? '*' : ' '} ${sanitize(id).padEnd(width)}  ${summaries[i]!.line}`),
    `dataset      ${sanitize(store.datasetId)}${HOW[store.choice.how]}`,
    ...detail.lines,
  ];
  process.stdout.write(safeLines(`${lines.join('\n')}\n`));
  return 0;
}
