// "cache 3 h old" for the status bar, from the dataset's source times.
import type { Dataset } from '../../data/model.js';

export function age(fromIso: string | null, now: Date): string | null {
  if (!fromIso) return null;
  const seconds = Math.max(0, (now.getTime() - Date.parse(fromIso)) / 1000);
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

export function freshness(dataset: Dataset, now: Date): string {
  if (dataset.entries.length === 0) return 'cache empty';
  const a = age(dataset.source.leaderboardFetchedAt, now);
  return a === null ? `${dataset.entries.length.toLocaleString('en-US')} entries` : `cache ${a} old`;
}
