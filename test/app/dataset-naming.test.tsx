// Issue 7 §2 in the explorer: every screen's title line and the status bar name the dataset
// and its generation (a pasted screen says whether it is v1 or v2), and `o` on the Authors
// screen lets the namespace owner stand in for repositories without a commit history.
import React from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../../source/app/App.js';
import { loadDataset } from '../../source/cache/store.js';
import { SCREENS } from '../../source/app/screens/screen-list.js';
import { fixtureApp, renderApp, type Rendered } from './render-app.js';

const fx = fixtureApp();

const open = async (): Promise<Rendered> =>
  fx.track(await renderApp(
    <App
      initial={fx.dataset}
      reload={() => loadDataset(fx.cache)}
      fetcher={null}
      autoFetch={false}
      color={false}
      exportDir={fx.cache}
      writeRaw={() => undefined}
      size={{ columns: 120, rows: 30 }}
      now={() => new Date('2026-11-28T12:00:00Z')}
    />,
  ));

describe('the explorer names its dataset', () => {
  it('on every screen: the title line under the tabs, and the status bar', async () => {
    const app = await open();
    for (const screen of SCREENS) {
      await app.press(screen.key);
      const frame = await app.waitFor((f) => f.split('\n')[1]!.startsWith(`${screen.title} — `));
      const lines = frame.split('\n');
      expect(lines[1]).toMatch(new RegExp(`^${screen.title} — data: open-llm-leaderboard/contents \\(v2\\) · rev rev-1 · fetched `));
      expect(lines.at(-1)).toContain('│ open-llm-leaderboard/contents (v2) │');
    }
  });

  it('o on Authors: the namespace owners stand in, and o again puts the commit authors back', async () => {
    const app = await open();
    await app.press('3');
    await app.waitFor((f) => f.includes('authors: commit authors (o: let namespace owners stand in)'));
    await app.press('o');
    const owners = await app.waitFor((f) => f.includes('namespace owners standing in'));
    expect(owners).toMatch(/repositories whose namespace owner stands in \(no history\)\s+3/);
    await app.press('o');
    await app.waitFor((f) => f.includes('authors: commit authors (o: let'));
  });
});
