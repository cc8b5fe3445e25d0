// A schema-1 cache as hubscope wrote it before datasets were kept apart (main at 21cd33c):
// meta.json {schema 1, writtenBy, completed}, one leaderboard.json at the top, models.json and
// commits.json, each in the compact layout (cache/codec.ts) with schema 1.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asciiJson, encodeCommits, encodeLeaderboard, encodeModels } from '../../source/cache/codec.js';
import type { CommitsDoc, LeaderboardDoc, ModelsDoc } from '../../source/cache/schema.js';

export interface LegacyDocs {
  table: LeaderboardDoc;
  models: ModelsDoc;
  commits: CommitsDoc;
  completed: { leaderboard: string | null; info: string | null; commits: string | null };
}

export async function writeSchema1Cache(dir: string, docs: LegacyDocs): Promise<void> {
  await mkdir(dir, { recursive: true });
  const table = { ...docs.table, schema: 1 };
  await writeFile(join(dir, 'leaderboard.json'), asciiJson(encodeLeaderboard(table)));
  await writeFile(join(dir, 'models.json'), asciiJson(encodeModels({ ...docs.models, schema: 1 })));
  await writeFile(join(dir, 'commits.json'), asciiJson(encodeCommits({ ...docs.commits, schema: 1 })));
  await writeFile(join(dir, 'meta.json'), JSON.stringify({ schema: 1, writtenBy: 'hubscope/0.1.0', completed: docs.completed }));
}
