// A small hand-built LMArena history for the arena tests (CLI, explorer), worked by hand per
// analyses.md §7 (±5 intervals unless said):
//
//   2025-01-01  Prop-A 1300 (Acme), Open-X 1250 (Apache 2.0, Libre), Prop-B 1200
//               best proprietary Prop-A, best open Open-X: gap 50, outside the margin; Prop-A is
//               ahead and was there on the first date: lag censored, "at least 0 days"
//   2025-01-11  Prop-C 1340 (new, Acme), Open-Y 1320 (new, Llama 3.1 Community, Llamas),
//               Prop-A 1300, Open-X 1260
//               gap 20, outside; only Prop-C (first seen today) is above Open-Y: lag 0
//   2025-01-31  Prop-C 1345, Open-Z 1342 (new, MIT, Zeta), Open-Y 1320, Prop-A 1300,
//               "Propretary" Prop-D 1100 (a misspelling: proprietary)
//               gap 3, within the margin; Prop-C (first seen 2025-01-11) is above: lag 20 days
//
// Each date also has a `coding` row the category filter must drop.
import { rawRow, type RowSpec } from '../analysis/arena-rows.js';

export const ARENA_ID = 'lmarena-ai/leaderboard-dataset';
export const ARENA_COLUMNS = ['model_name', 'organization', 'license', 'rating', 'rating_lower', 'rating_upper', 'variance', 'vote_count', 'rank', 'category', 'leaderboard_publish_date'];

const spec = (date: string, model: string, organisation: string, licence: string, rating: number, rank: number): RowSpec & { rank: number } => ({
  date, model, organisation, licence, rating, rank,
});

const SPECS = [
  spec('2025-01-01', 'Prop-A', 'Acme', 'Proprietary', 1300, 1),
  spec('2025-01-01', 'Open-X', 'Libre', 'Apache 2.0', 1250, 2),
  spec('2025-01-01', 'Prop-B', 'Bolt', 'Proprietary', 1200, 3),
  spec('2025-01-11', 'Prop-C', 'Acme', 'Proprietary', 1340, 1),
  spec('2025-01-11', 'Open-Y', 'Llamas', 'Llama 3.1 Community', 1320, 2),
  spec('2025-01-11', 'Prop-A', 'Acme', 'Proprietary', 1300, 3),
  spec('2025-01-11', 'Open-X', 'Libre', 'Apache 2.0', 1260, 4),
  spec('2025-01-31', 'Prop-C', 'Acme', 'Proprietary', 1345, 1),
  spec('2025-01-31', 'Open-Z', 'Zeta', 'MIT', 1342, 1),
  spec('2025-01-31', 'Open-Y', 'Llamas', 'Llama 3.1 Community', 1320, 3),
  spec('2025-01-31', 'Prop-A', 'Acme', 'Proprietary', 1300, 4),
  spec('2025-01-31', 'Prop-D', 'Dent', 'Propretary', 1100, 5),
];

/** The rows in the dataset's column names, a `coding` row after each date's first. */
export function arenaRows(): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const s of SPECS) {
    rows.push({ ...rawRow(s), rank: s.rank });
    if (s.rank === 1 && s.model.startsWith('Prop')) rows.push({ ...rawRow({ ...s, category: 'coding', rating: s.rating + 99 }), rank: 1 });
  }
  return rows;
}

/** Rows of category overall. */
export const OVERALL_ROWS = SPECS.length;
