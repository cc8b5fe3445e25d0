// Issue 9 items 7 and 8 through Ink (ink-testing-library, keys typed after Ink listens):
// Shift-F on the Leaderboard, Enter into a value's rows and Esc back; C hides a column; Space
// marks, = compares, e exports the comparison; { narrows the window of dates on Types. At 80
// and 120 columns.
import React from 'react';
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../source/app/App.js';
import { loadDataset } from '../../source/cache/store.js';
import { dataMonths } from '../../source/views/date-window.js';
import { fixtureApp, KEY, renderApp, type Rendered } from './render-app.js';

const fx = fixtureApp();

/** The title over the heavy rule (━): the selected column ('' before the table is drawn). */
function selectedTitle(frame: string): string {
  const lines = frame.split('\n');
  const r = lines.findIndex((l) => l.includes('━'));
  if (r < 1) return '';
  return lines[r - 1]!.slice(lines[r]!.indexOf('━'), lines[r]!.lastIndexOf('━') + 1).trim();
}

async function open(columns: number, rows: number): Promise<{ app: Rendered; exportDir: string }> {
  const exportDir = await mkdtemp(join(tmpdir(), 'hubscope-export-'));
  const app = fx.track(await renderApp(
    <App initial={fx.dataset} reload={() => loadDataset(fx.cache)} fetcher={null} autoFetch={false} color={false} exportDir={exportDir} writeRaw={() => {}} size={{ columns, rows }} now={() => new Date('2026-11-28T12:00:00Z')} startScreen="leaderboard" />,
  ));
  return { app, exportDir };
}

describe.each([
  [80, 24],
  [120, 40],
])('at %i×%i', (columns, rows) => {
  it('F: the frequency of Type, Enter into a value, Esc back to the values', async () => {
    const { app } = await open(columns, rows);
    await app.waitFor((f) => selectedTitle(f).startsWith('Average'));
    await app.press('h', 'h', 'h', 'F');
    const freq = await app.waitFor((f) => f.includes('Frequency of Type'));
    const first = /›\s+(\S+)\s+\d/.exec(freq)![1]!;
    await app.press(KEY.enter);
    await app.waitFor((f) => f.includes(`Type = ${first}`));
    await app.press(KEY.escape);
    await app.waitFor((f) => f.includes('Frequency of Type'));
    await app.press('F');
    await app.waitFor((f) => selectedTitle(f).startsWith('Type'));
  });

  it('C hides a column; Space marks, = compares, e exports the comparison', async () => {
    const { app, exportDir } = await open(columns, rows);
    await app.waitFor((f) => selectedTitle(f).startsWith('Average'));
    await app.press('C', 'j', ' ');
    await app.waitFor((f) => f.includes('[ ] Type'));
    await app.press(KEY.escape);
    await app.waitFor((f) => selectedTitle(f).startsWith('Average') && !/\bType\b/.test(f.split('\n').find((l) => l.includes('Model'))!));
    await app.press(' ', ' ', '=');
    const compare = await app.waitFor((f) => f.includes('Compare [§5]'));
    expect(compare).toMatch(/Params/);
    await app.press('e');
    await app.waitFor((f) => f.includes('exported to'));
    const [file] = await readdir(exportDir);
    expect(await readFile(join(exportDir, file!), 'utf8')).toMatch(/\| Field \|/);
    await app.press(KEY.escape);
    await app.waitFor((f) => !f.includes('Compare [§5]') && (f.match(/✓/g) ?? []).length === 2);
  });

  it('{ narrows the window of dates on Types and the header says which months', async () => {
    const { app } = await open(columns, rows);
    await app.press('4');
    await app.waitFor((f) => f.includes('window: every date'));
    await app.press('{');
    const frame = await app.waitFor((f) => /window: \d{4}-\d{2} → \d{4}-\d{2}/.test(f));
    const [, from, to] = /window: (\d{4}-\d{2}) → (\d{4}-\d{2})/.exec(frame)!;
    const span = dataMonths(fx.dataset)!;
    expect(from! >= span.from && to! <= span.to && from! <= to!).toBe(true);
    await app.press('0');
    await app.waitFor((f) => f.includes('window: every date'));
  });
});
