// The Leaderboard screen on 100,000 synthetic models: only the window of rows reaches Ink
// (the frame has `height` lines whatever the row count), and a key → the next frame stays well
// under a second for a move, a sort on a new column, a reverse, a search keystroke and a
// model's detail (whose first one on a big table draws a frame while the lineage is built).
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScreenHost } from './screen-host.js';
import { leaderboardTable } from '../../source/views/leaderboard-view.js';
import type { Dataset } from '../../source/data/model.js';
import { buildDataset, type EntrySpec, type InfoSpec } from '../analysis/build-dataset.js';
import { KEY, renderApp, type Rendered } from './render-app.js';

const N = 100_000;
const HEIGHT = 22;
let dataset: Dataset;
let app: Rendered;

beforeAll(async () => {
  const entries: EntrySpec[] = Array.from({ length: N }, (_, i) => ({
    repo: `user${i % 5000}/model-${i}${i % 10 === 0 ? '-chat' : ''}`,
    score: i % 7 === 0 ? null : (i * 37) % 100,
    params: (i % 90) + 1,
    type: i % 10 === 0 ? 'chat' : 'fine-tuned',
    likes: i % 1000,
    benchmarks: { ARC: (i * 13) % 100, MMLU: (i * 17) % 100 },
  }));
  const info: Record<string, InfoSpec> = {};
  for (let i = 0; i < N; i += 1) info[entries[i]!.repo] = { created: `2023-0${1 + (i % 9)}-1${i % 10}`, downloads: i * 3 };
  dataset = buildDataset({ entries, info });
  leaderboardTable(dataset); // built once per dataset, as when the app loads it
  app = await renderApp(
    <ScreenHost screen="leaderboard" dataset={dataset} width={100} height={HEIGHT} />,
  );
  await app.waitFor((f) => f.includes('[Average] ▼'));
}, 120_000);

afterAll(() => app?.unmount());

/** ms from writing the key until a frame that passes `test`. */
async function keyToFrame(key: string, test: (frame: string) => boolean): Promise<number> {
  const started = performance.now();
  await app.press(key);
  await app.waitFor(test, 10_000);
  return performance.now() - started;
}

describe('Leaderboard screen on 100,000 models', () => {
  it('says it is building the table in its first frame, then draws only the window', () => {
    expect(app.frames[0]).toContain(`Leaderboard · building the table of ${(N).toLocaleString('en-US')} entries…`);
    const lines = app.lastFrame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(HEIGHT);
    expect(lines[0]).toContain(`${(N).toLocaleString('en-US')} shown`);
    expect(lines.filter((l) => /^[› ] user\d+\/model-\d+/.test(l))).toHaveLength(HEIGHT - 5);
  });

  it('answers a key with its frame in well under a second', async () => {
    const times: Record<string, number> = {};
    times.down = await keyToFrame('j', (f) => f.includes('row 2'));
    times.pageDown = await keyToFrame(KEY.pageDown, (f) => f.includes('row 19'));
    times.reverse = await keyToFrame('s', (f) => f.includes('[Average] ▲'));
    times.again = await keyToFrame('s', (f) => f.includes('[Average] ▼'));
    await app.press('l');
    times.newColumn = await keyToFrame('s', (f) => f.includes('[ARC] ▼'));
    times.reverseColumn = await keyToFrame('s', (f) => f.includes('[ARC] ▲'));
    await app.press('/');
    times.searchKey = await keyToFrame('7', (f) => f.includes('/7█'));
    await app.press(KEY.escape);
    // the first detail of a big table says it is building the lineage, then shows the model
    const before = app.frames.length;
    times.detail = await keyToFrame(KEY.enter, (f) => f.includes('Model details'));
    const shown = await app.waitFor((f) => f.includes('Base-model chain up') || f.includes('Leaderboard entry'), 10_000);
    expect(app.frames.slice(before).some((f) => f.includes(`building the lineage of ${(N).toLocaleString('en-US')} entries…`))).toBe(true);
    expect(shown).toMatch(/user\d+\/model-\d+(-chat)? — /);
    times.back = await keyToFrame(KEY.escape, (f) => !f.includes('Model details'));
    console.log(`100k rows, key → frame (ms): ${Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    for (const ms of Object.values(times)) expect(ms).toBeLessThan(1000);
    expect(app.lastFrame().split('\n').length).toBeLessThanOrEqual(HEIGHT);
  });
});
