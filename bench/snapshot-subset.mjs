// A smaller copy of a hub-replay data folder for short benchmark runs (CI runs each benchmark
// once at a few hundred models): the first N repositories of leaderboard.csv (every row of
// each), and the model_info.csv and commit_activity.csv rows of those repositories, byte for
// byte; manifest.json as it is. Written to a temporary folder, never into the repository.
//
//   node bench/snapshot-subset.mjs --data ../shared/data/leaderboard-v1-2024 --models 300 --out DIR
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The file's header line and its records with their raw text. */
function records(path) {
  const text = readFileSync(path, 'utf8');
  const firstLine = text.slice(0, text.indexOf('\n') + 1);
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows = parse(text, { delimiter, columns: true, raw: true, relax_quotes: true, relax_column_count: true, bom: true });
  const eol = firstLine.endsWith('\r\n') ? '\r\n' : '\n';
  // a record's raw text, without the line break it ended with (csv-parse keeps part of one)
  for (const row of rows) row.raw = row.raw.replace(/[\r\n]+$/, '') + eol;
  return { header: firstLine, rows };
}

/** Writes the subset of `data` with the first `models` repositories into `out`; returns the
 *  number of leaderboard rows written. */
export function writeSnapshotSubset(data, out, models) {
  mkdirSync(out, { recursive: true });
  const board = records(join(data, 'leaderboard.csv'));
  const repos = new Set();
  const kept = [];
  for (const { record, raw } of board.rows) {
    const repo = String(record.fullname ?? '').toLowerCase();
    if (!repos.has(repo)) {
      if (repos.size >= models) continue;
      repos.add(repo);
    }
    kept.push(raw);
  }
  writeFileSync(join(out, 'leaderboard.csv'), board.header + kept.join(''));
  for (const name of ['model_info.csv', 'commit_activity.csv']) {
    if (!existsSync(join(data, name))) continue;
    const file = records(join(data, name));
    const rows = file.rows.filter(({ record }) => repos.has(String(record.name ?? '').toLowerCase())).map(({ raw }) => raw);
    writeFileSync(join(out, name), file.header + rows.join(''));
  }
  if (existsSync(join(data, 'manifest.json'))) copyFileSync(join(data, 'manifest.json'), join(out, 'manifest.json'));
  return kept.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { data: { type: 'string' }, models: { type: 'string' }, out: { type: 'string' } } });
  if (!values.data || !values.models || !values.out) {
    console.error('usage: node bench/snapshot-subset.mjs --data DIR --models N --out DIR');
    process.exit(2);
  }
  const rows = writeSnapshotSubset(values.data, values.out, Number(values.models));
  console.error(`snapshot-subset: ${rows} rows of the first ${values.models} repositories → ${values.out}`);
}
