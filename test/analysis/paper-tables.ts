// The small realistic v1 and v2 leaderboard tables of test/fixtures/paper (made by generate.py
// there), read the way an import reads them (delimited text → normaliseRows) into Datasets.
// Both hold the base row of every §4 preset: v1 with its params stored rounded down to whole
// billions, v2 with the exact params and v2's Base Model, Generation and Upload To Hub Date
// columns (hub-api.md §1.1). Hub info, when a test wants it, is added as the fetch stores it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDelimited } from '../../source/import/delimited.js';
import { normaliseRows } from '../../source/data/normalise-row.js';
import type { Dataset, Generation, ModelInfo } from '../../source/data/model.js';
import { infoOf, type InfoSpec } from './build-dataset.js';

const DIR = fileURLToPath(new URL('../fixtures/paper/', import.meta.url));

export interface PaperTableOptions {
  /** Hub info by repo id (the map key is the id lowercased). */
  info?: Record<string, InfoSpec>;
  /** Renamed repositories, old id → new id: info under the OLD key with the NEW id (hub-api.md §11). */
  renamed?: Record<string, string>;
}

/** The fixture table of one generation as a Dataset. */
export function paperTable(generation: Generation, options: PaperTableOptions = {}): Dataset {
  const table = readDelimited(readFileSync(`${DIR}${generation}-leaderboard.tsv`, 'utf8'), '\t');
  const { entries, problems, generation: detected } = normaliseRows(table.rows, table.columns);
  if (problems.length > 0 || detected !== generation) throw new Error(`fixture ${generation}: ${problems.length} bad rows, read as ${detected}`);
  const info = new Map<string, ModelInfo>();
  for (const [id, spec] of Object.entries(options.info ?? {})) info.set(id.toLowerCase(), infoOf(id, spec));
  for (const [oldId, newId] of Object.entries(options.renamed ?? {})) info.set(oldId.toLowerCase(), infoOf(newId, options.info?.[oldId] ?? {}));
  return {
    generation,
    source: { dataset: `fixture-${generation}`, revision: null, origin: 'test', leaderboardFetchedAt: null, infoFetchedAt: null, commitsFetchedAt: null },
    entries,
    info,
    infoStatus: new Map(),
    activity: new Map(),
    activityStatus: new Map(),
  };
}
