// The explorer as a whole (issue 4): every screen on the fake Hub's fixtures through the real
// cache, and every app-level key path. Widths are the App's own `size` (ink-testing-library's
// stdout is fixed at 100 columns).
import React from 'react';
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type AppProps } from '../../source/app/App.js';
import { loadDataset } from '../../source/cache/store.js';
import { buildDataset } from '../analysis/build-dataset.js';
import { FACTS } from '../print/fixture-facts.js';
import { fixtureApp, KEY, renderApp, type Rendered } from './render-app.js';

const fx = fixtureApp();

const NOW = new Date('2026-11-28T12:00:00Z');

async function open(overrides: Partial<AppProps> = {}): Promise<{ app: Rendered; raw: string[]; exportDir: string }> {
  const raw: string[] = [];
  const exportDir = await mkdtemp(join(tmpdir(), 'hubscope-export-'));
  const app = fx.track(await renderApp(
    <App
      initial={fx.dataset}
      reload={() => loadDataset(fx.cache)}
      fetcher={null}
      autoFetch={false}
      color={false}
      exportDir={exportDir}
      writeRaw={(text) => raw.push(text)}
      size={{ columns: 100, rows: 30 }}
      now={() => NOW}
      {...overrides}
    />,
  ));
  return { app, raw, exportDir };
}

describe('explorer screens', () => {
  it('opens on the overview with the data source, counts and the paper beside the figures', async () => {
    const { app } = await open();
    const frame = app.lastFrame();
    expect(frame).toContain('1 Overview');
    expect(frame).toContain('8 Improvement');
    expect(frame).toContain(`${FACTS.entries} / ${FACTS.repositories}`);
    expect(frame).toMatch(/Overview │/);
  });

  it('switches screens with number keys, Tab and Shift-Tab, each showing its own analysis', async () => {
    const { app } = await open();
    await app.press('3');
    let frame = await app.waitFor((f) => f.includes('period: month'));
    expect(frame).toMatch(/Authors │/);
    expect(frame).toMatch(/authors/i);
    await app.press(KEY.tab);
    frame = await app.waitFor((f) => /Types │/.test(f));
    expect(frame).toMatch(/pretrained/);
    await app.press(KEY.tab);
    frame = await app.waitFor((f) => /Architectures │/.test(f));
    expect(frame).toContain(FACTS.family);
    await app.press(KEY.shiftTab, KEY.shiftTab);
    await app.waitFor((f) => /Authors │/.test(f));
    await app.press('7');
    frame = await app.waitFor((f) => /Sizes │/.test(f));
    // the fixtures are a v2 table: Fig. 10's default threshold is 40 there (§0 "Score")
    expect(frame).toContain('score: average (b: next) · threshold for "params needed": 40');
    await app.press('8');
    frame = await app.waitFor((f) => /Improvement │/.test(f));
    expect(frame).toContain('score points');
    await app.press('2');
    frame = await app.waitFor((f) => /Leaderboard │/.test(f));
    expect(frame).toContain(FACTS.leaderboardTop.repo);
    await app.press('6');
    frame = await app.waitFor((f) => /Lineage │/.test(f));
    expect(frame).toContain(FACTS.bases.top);
  });

  it('cycles the period with p', async () => {
    const { app } = await open({ startScreen: 'types' });
    await app.press('p');
    await app.waitFor((f) => f.includes('period: day'));
    await app.press('p');
    await app.waitFor((f) => f.includes('period: week'));
  });

  it('scrolls a long view with the arrow keys and shows where it is', async () => {
    const { app } = await open();
    const first = app.lastFrame().match(/\((\d+)–(\d+) of (\d+) lines\)/);
    expect(first?.[1]).toBe('1');
    await app.press(KEY.down, 'j');
    const frame = await app.waitFor((f) => /\(3–\d+ of \d+ lines\)/.test(f));
    expect(frame).toMatch(/\(3–/);
    await app.press(KEY.end);
    await app.waitFor((f) => new RegExp(`–${first![3]} of ${first![3]} lines`).test(f));
  });

  it('shows the help overlay for the current screen with ? and closes it with Esc', async () => {
    const { app } = await open({ startScreen: 'improvement' });
    await app.press('?');
    const frame = await app.waitFor((f) => f.includes('Keys on Improvement'));
    expect(frame).toContain('toggle normalised');
    expect(frame).toContain('switch to screen 1–8');
    await app.press(KEY.escape);
    await app.waitFor((f) => !f.includes('Keys on Improvement'));
  });

  it('copies the current view as markdown over OSC 52', async () => {
    const { app, raw } = await open({ startScreen: 'authors' });
    await app.press('c');
    await app.waitFor((f) => f.includes('copied Authors as markdown'));
    expect(raw).toHaveLength(1);
    const payload = /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(raw[0]!)?.[1];
    const markdown = Buffer.from(payload!, 'base64').toString('utf8');
    expect(markdown.split('\n')[0]).toMatch(/^\*\*hubscope · Authors\*\* — data: /);
    expect(markdown).toContain('|');
  });

  it('exports the current view to a markdown file and says where', async () => {
    const { app, exportDir } = await open({ startScreen: 'sizes' });
    await app.press('e');
    const frame = await app.waitFor((f) => f.includes('exported to'));
    const files = await readdir(exportDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^hubscope-sizes-\d{8}-\d{6}\.md$/);
    expect(frame).toContain(`exported to ${join(exportDir, files[0]!)}`); // the full path, first on the status line
    expect(await readFile(join(exportDir, files[0]!), 'utf8')).toContain('**hubscope · Sizes**');
  });

  it('an export folder that cannot be made: one line in the status bar, nothing written', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hubscope-export-'));
    await writeFile(join(root, 'file'), 'x');
    const { app } = await open({ startScreen: 'types', exportDir: join(root, 'file', 'exports'), size: { columns: 160, rows: 30 } });
    await app.press('e');
    const frame = await app.waitFor((f) => f.includes('export failed'));
    expect(frame).toMatch(/export failed: cannot create the export folder .*file\/exports \(a part of the path is a file/);
    expect(await readdir(root)).toEqual(['file']);
  });

  it('c and e of the Leaderboard take the whole filtered table, not a first page', async () => {
    // 1,200 models, a third of them chat: the search keeps 400, more than any page
    const n = 1200;
    const big = buildDataset({ entries: Array.from({ length: n }, (_, i) => ({ repo: `org${i % 40}/model-${i}`, type: i % 3 === 0 ? 'chat' : 'fine-tuned', score: (i * 37) % 100 })) });
    const chats = Math.ceil(n / 3);
    const { app, raw, exportDir } = await open({ initial: big, reload: async () => big, startScreen: 'leaderboard' });
    await app.waitFor((f) => f.includes(`${n.toLocaleString('en-US')} shown`));
    await app.press('/', ...'@type:chat', KEY.enter);
    await app.waitFor((f) => f.includes(`${chats} of ${n.toLocaleString('en-US')}`));
    const rowsOf = (markdown: string): string[] => markdown.split('\n').filter((l) => /^\| [\d,]+ \| org\d+\/model-\d+ \|/.test(l));
    await app.press('c');
    await app.waitFor((f) => f.includes('copied Leaderboard'));
    const copied = Buffer.from(/\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(raw[0]!)![1]!, 'base64').toString('utf8');
    expect(rowsOf(copied)).toHaveLength(chats);
    await app.press('e');
    await app.waitFor((f) => f.includes('exported to'));
    const files = await readdir(exportDir);
    const exported = await readFile(join(exportDir, files[0]!), 'utf8');
    expect(rowsOf(exported)).toHaveLength(chats);
    expect(rowsOf(exported).every((l) => / chat \|/.test(l))).toBe(true);
  });

  it('says that r cannot fetch when offline', async () => {
    const { app } = await open();
    await app.press('r');
    await app.waitFor((f) => f.includes('offline: no fetch'));
  });

  it('sets the sizes threshold through a prompt that turns the global keys off', async () => {
    const { app } = await open({ startScreen: 'sizes' });
    await app.press('t');
    await app.waitFor((f) => f.includes('score threshold (now 40; 0–100'));
    await app.press(KEY.backspace, KEY.backspace, '6', '5', '3'); // "3" must not switch screens
    await app.waitFor((f) => f.includes('663█') || f.includes('653█'));
    await app.press(KEY.backspace, KEY.enter);
    const frame = await app.waitFor((f) => f.includes('"params needed": 65'));
    expect(frame).toMatch(/Sizes │/);
  });

  it('toggles the improvement units and opens the family picker', async () => {
    const { app } = await open({ startScreen: 'improvement' });
    await app.press('n');
    await app.waitFor((f) => f.includes('normalised by ln(1 + n(d))'));
    await app.press('u');
    await app.waitFor((f) => f.includes('% of the reference score'));
    await app.press('f');
    await app.waitFor((f) => f.includes('[x] Mistral 7B'));
    await app.press('o'); // only the first preset
    await app.waitFor((f) => f.includes('1 families'));
    await app.press(KEY.escape);
    await app.waitFor((f) => !f.includes('[x]'));
  });

  it('switches how the presets are formed with m, and cycles the score with b (issue 8 §10, §11)', async () => {
    const { app } = await open({ startScreen: 'improvement' });
    // the fixtures have Hub info: lineage by default
    let frame = await app.waitFor((f) => f.includes('presets by lineage (m)'));
    expect(frame).toContain('score: average (b: next)');
    await app.press('m');
    frame = await app.waitFor((f) => f.includes('presets by name pattern (m)'));
    expect(frame).toMatch(/pattern/);
    await app.press('b');
    frame = await app.waitFor((f) => f.includes('score: IFEval (b: next)'));
    await app.press('b', 'b', 'b', 'b', 'b', 'b');
    await app.waitFor((f) => f.includes('score: average (b: next)'));
    await app.press('m');
    await app.waitFor((f) => f.includes('presets by lineage (m)'));
  });

  it('cycles the score of Sizes and Types with b', async () => {
    const { app } = await open({ startScreen: 'sizes' });
    await app.press('b');
    let frame = await app.waitFor((f) => f.includes('score: IFEval (b: next)'));
    expect(frame).toMatch(/Sizes │/);
    await app.press('4');
    frame = await app.waitFor((f) => /Types │/.test(f) && f.includes('score: average (b: next)'));
    await app.press('b', 'b');
    await app.waitFor((f) => f.includes('score: BBH (b: next)'));
  });

  it('opens the fetch and cache details from the overview and goes back with Esc', async () => {
    const { app } = await open();
    await app.press(KEY.enter);
    const frame = await app.waitFor((f) => f.includes('Fetch and cache details'));
    expect(frame).toContain('offline: no fetch');
    expect(frame).toMatch(/model info\s+\d+/);
    await app.press(KEY.escape);
    await app.waitFor((f) => f.includes('Enter: fetch and cache details'));
  });

  it('Esc typed together with the next key closes help and runs that key (issue 9 §1)', async () => {
    const { app } = await open({ startScreen: 'improvement' });
    await app.press('?');
    await app.waitFor((f) => f.includes('Keys on Improvement'));
    await app.press(`${KEY.escape}3`);
    await app.waitFor((f) => /Authors │/.test(f) && !f.includes('Keys on'));
  });

  it('v cycles the bars of Types: counts only, shares only, both', async () => {
    const { app } = await open({ startScreen: 'types' });
    await app.waitFor((f) => f.includes('bars: counts and shares (v)'));
    await app.press('v');
    await app.waitFor((f) => f.includes('bars: counts only (v)'));
    await app.press('v');
    await app.waitFor((f) => f.includes('bars: shares only (v)'));
  });

  it('shows the key hints of the screen from the key map at 80 columns, and help scrolls at 80×24', async () => {
    const { app } = await open({ startScreen: 'sizes', size: { columns: 80, rows: 24 } });
    const hints = app.lastFrame().split('\n').at(-2)!;
    expect(hints).toContain('? help');
    expect(hints).toContain('t threshold');
    expect(app.lastFrame().split('\n')[0]).not.toMatch(/Overvi |Leaderboa /);
    await app.press('?');
    const first = await app.waitFor((f) => /Keys on Sizes .* lines 1–20 of \d+/.test(f));
    await app.press(KEY.pageDown);
    const next = await app.waitFor((f) => /lines 21–/.test(f));
    expect(next).not.toBe(first);
  });

  it(':dataset ID opens another held dataset, keeping the screen and its settings', async () => {
    const opened: string[] = [];
    const { app } = await open({
      startScreen: 'sizes',
      datasets: ['open-llm-leaderboard/contents', 'other/board'],
      openDataset: async (id) => {
        opened.push(id);
        return { initial: await loadDataset(fx.cache), reload: () => loadDataset(fx.cache), fetcher: null };
      },
    });
    await app.press('t', '6', '1', KEY.enter);
    await app.waitFor((f) => f.includes('"params needed": 61'));
    await app.press(':', 'd', 'a', KEY.tab);
    await app.waitFor((f) => f.includes(':dataset █'));
    for (const ch of 'nope') await app.press(ch);
    await app.press(KEY.enter);
    await app.waitFor((f) => f.includes('the cache holds no dataset “nope”'));
    await app.press(':');
    for (const ch of 'dataset other/board') await app.press(ch);
    await app.press(KEY.enter);
    const frame = await app.waitFor((f) => f.includes('showing other/board'));
    expect(opened).toEqual(['other/board']);
    expect(frame).toContain('"params needed": 61');
  });

  it('asks for a bigger window below 80×24', async () => {
    const { app } = await open({ size: { columns: 70, rows: 20 } });
    expect(app.lastFrame()).toContain('at least 80×24; this one is 70×20');
  });

  it('quits with q', async () => {
    const { app } = await open();
    await app.press('q');
    const frames = app.frames.length;
    await app.press('3');
    expect(app.frames.length).toBe(frames);
  });
});
