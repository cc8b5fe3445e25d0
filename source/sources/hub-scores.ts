// Leaderboard scores for the Hub views (analyses.md §6 "Lineage view": where a Hub model is on a
// leaderboard, its score joins): the leaderboard tables the cache already holds, read only, joined
// by lower-case repo id. A repo on several leaderboards takes the most recently fetched one's
// score; on one leaderboard with several entries (precisions), its best unflagged average. Null
// when the cache holds no leaderboard: the views then show no Score column at all.
import { readIndex, tablePath } from '../cache/meta.js';
import { readTable } from '../cache/documents.js';
import type { LeaderboardScore, LeaderboardScores } from '../views/hub-views-lineage.js';

export async function leaderboardScores(cacheDir: string): Promise<LeaderboardScores | null> {
  const index = await readIndex(cacheDir);
  const boards = Object.entries(index.meta.datasets)
    .filter(([, record]) => record.kind === 'leaderboard')
    .sort(([, a], [, b]) => (b.fetchedAt ?? '').localeCompare(a.fetchedAt ?? ''));
  if (boards.length === 0) return null;
  const scores = new Map<string, LeaderboardScore>();
  for (const [id, record] of boards) {
    // a table that cannot be read leaves its scores out (status says what is wrong with it)
    const table = await readTable(tablePath(cacheDir, index, id)).catch(() => null);
    if (!table) continue;
    const generation = record.generation ?? table.generation ?? id;
    const own = new Map<string, LeaderboardScore>();
    for (const entry of table.entries) {
      if (entry.flagged || entry.score === null || !Number.isFinite(entry.score)) continue;
      const held = own.get(entry.key);
      if (!held || entry.score > held.score) own.set(entry.key, { score: entry.score, generation });
    }
    for (const [key, score] of own) if (!scores.has(key)) scores.set(key, score);
  }
  return scores;
}
