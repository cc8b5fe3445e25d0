// The Leaderboard screen in Ink (issue 4 screen 2) on a hand-built dataset, at 80 and 100
// columns: first frame, cursor and paging, sort by any column, the search line (global keys
// off while typing), the filter panel, a model's detail and back, CJK/emoji alignment,
// escape sequences in the data, state kept across a remount.
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenHost, newStore } from './screen-host.js';
import type { Store } from '../../source/app/state/store.js';
import type { AppState } from '../../source/app/state/app-state.js';
import type { View } from '../../source/views/view.js';
import { displayWidth } from '../../source/render/text-width.js';
import { buildDataset, type EntrySpec } from '../analysis/build-dataset.js';
import { KEY, renderApp, type Rendered } from './render-app.js';

const entries: EntrySpec[] = [
  { repo: 'base/root', type: 'pretrained', score: 40, params: 70 },
  { repo: 'mid/ft', type: 'chat', score: 57, params: 7 },
  { repo: 'leaf/a', score: 50, params: 7 },
  { repo: 'leaf/c', score: 45, params: 13 },
  { repo: 'leaf/m', type: 'merge', score: 80, merged: true },
  { repo: 'Qwen/通义千问-7B', type: 'chat', score: 61, architecture: 'Qwen2ForCausalLM', params: 7.7 },
  { repo: 'emoji/🤗-hugs', score: 44, params: 1 },
  { repo: 'evil/\u001b[31mred', score: 43 },
  { repo: 'flag/x', score: 90, flagged: true },
  ...Array.from({ length: 30 }, (_, i): EntrySpec => ({ repo: `org${i}/m${i}`, score: 10 + i * 0.5, params: 1 + (i % 5) })),
];
const dataset = buildDataset({
  entries,
  info: {
    'mid/ft': { tags: ['base_model:finetune:base/root'], created: '2024-01-01', downloads: 5000 },
    'leaf/a': { tags: ['base_model:quantized:mid/ft'] },
    'leaf/c': { tags: ['base_model:adapter:mid/ft'] },
    'leaf/m': { tags: ['base_model:merge:mid/ft'] },
  },
  activity: { 'mid/ft': { authors: ['kim', 'system', 'leaderboard-pr-bot'], first: '2024-01-01', last: '2024-03-01', commits: 12 } },
});
const SHOWN = 37; // 39 entries less the merge and the flagged one

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

async function open(options: { width?: number; color?: boolean; onView?: (v: View) => void; store?: Store<AppState> } = {}) {
  const setCapture = vi.fn();
  const onView = options.onView ?? vi.fn();
  app = await renderApp(
    <ScreenHost
      screen="leaderboard"
      dataset={dataset}
      width={options.width ?? 80}
      height={22}
      color={options.color ?? false}
      setCapture={setCapture}
      onView={onView}
      store={options.store}
    />,
  );
  return { app, setCapture, onView };
}

const lines = (frame: string): string[] => frame.split('\n');
/** The table's rows (after the header and its rule). */
const rows = (frame: string): string[] => {
  const all = lines(frame);
  const rule = all.findIndex((l) => /^ {2}─/.test(l));
  return all.slice(rule + 1, -1);
};
/** The repo id of a table row (the first cell). */
const repoOf = (row: string): string => row.slice(2).split(/ {2,}/)[0]!;
const type = async (a: Rendered, text: string) => {
  for (const ch of text) await a.press(ch);
};

describe('Leaderboard screen', () => {
  it('opens sorted by score ▼ with "N of M" and the cursor on the best model', async () => {
    const { app } = await open();
    const frame = app.lastFrame();
    expect(lines(frame)[0]).toContain(`Leaderboard · ${SHOWN} shown · 1 merges hidden (m) · sorted by Average ▼ · row 1`);
    expect(frame).toContain('[Average] ▼');
    expect(rows(frame)[0]).toMatch(/^› Qwen/);
    expect(rows(frame).slice(0, 4).map(repoOf)).toEqual(['Qwen/通义千问-7B', 'mid/ft', 'leaf/a', 'leaf/c']);
    expect(frame).not.toContain('leaf/m');
    expect(frame).not.toContain('flag/x');
    expect(lines(frame)).toHaveLength(22);
  });

  it('moves with ↓ and j, pages with PgDn, and only the window of rows is drawn', async () => {
    const { app } = await open();
    await app.press('j');
    expect(rows(app.lastFrame())[1]).toMatch(/^› mid\/ft/);
    await app.press(KEY.down);
    expect(rows(app.lastFrame())[2]).toMatch(/^› leaf\/a/);
    await app.press(KEY.pageDown);
    const frame = await app.waitFor((f) => f.includes('row 20'));
    expect(frame).not.toContain('Qwen');
    expect(rows(frame).filter((r) => r.startsWith('›'))).toHaveLength(1);
    expect(rows(frame)).toHaveLength(17);
    await app.press(KEY.home);
    await app.waitFor((f) => f.includes('row 1') && rows(f)[0]!.startsWith('› Qwen'));
  });

  it('sorts by the selected column with s, ▲/▼ flipping on a second s', async () => {
    const { app } = await open();
    await app.press('h');
    expect(app.lastFrame()).toContain('[Params]');
    await app.press('s');
    let frame = await app.waitFor((f) => f.includes('[Params] ▼'));
    expect(frame).toContain('sorted by Params (B) ▼');
    expect(frame).not.toContain('Average ▼');
    expect(rows(frame)[0]).toMatch(/^› base\/root .* 70 B/);
    await app.press('s');
    frame = await app.waitFor((f) => f.includes('[Params] ▲'));
    expect(rows(frame)[0]).toMatch(/^› emoji\/🤗-hugs .* 1 B/);
    for (let i = 0; i < 3; i++) await app.press('h');
    await app.press('s');
    frame = await app.waitFor((f) => f.includes('[Model] ▲'));
    expect(rows(frame).slice(0, 3).map(repoOf)).toEqual(['base/root', 'emoji/🤗-hugs', 'evil/red']);
  });

  it('searches with / as you type, with ; as OR; global keys are off while typing; Esc clears', async () => {
    const { app, setCapture } = await open();
    await app.press('/');
    expect(setCapture).toHaveBeenLastCalledWith(true);
    await type(app, '@type:chat');
    let frame = await app.waitFor((f) => f.includes('/@type:chat█'));
    expect(frame).toContain(`2 of ${SHOWN}`);
    await app.press(KEY.enter);
    frame = await app.waitFor((f) => f.includes(`search “@type:chat” · 2 of ${SHOWN}`));
    expect(setCapture).toHaveBeenLastCalledWith(false);
    expect(rows(frame).slice(0, 2).map(repoOf)).toEqual(['Qwen/通义千问-7B', 'mid/ft']);
    await app.press('/', '\u0015'); // Ctrl-U clears the line
    await type(app, '@type:pretrained;通义 ; org1/');
    await app.press(KEY.enter);
    frame = await app.waitFor((f) => f.includes(`search “@type:pretrained;通义 ; org1/” · 3 of ${SHOWN}`));
    expect(rows(frame).slice(0, 3).map(repoOf)).toEqual(['Qwen/通义千问-7B', 'base/root', 'org1/m1']);
    await app.press(KEY.escape);
    await app.waitFor((f) => f.includes(`${SHOWN} shown`) && !f.includes('search “'));
  });

  it('Esc on the search line puts back the search from before /', async () => {
    const { app, setCapture } = await open();
    await app.press('/');
    await type(app, 'leaf');
    await app.press(KEY.enter);
    await app.waitFor((f) => f.includes(`search “leaf” · 2 of ${SHOWN}`));
    await app.press('/');
    await type(app, 'zzz');
    let frame = await app.waitFor((f) => f.includes('/leafzzz█'));
    expect(frame).toContain(`0 of ${SHOWN}`);
    expect(frame).toContain('no model matches');
    await app.press(KEY.escape);
    frame = await app.waitFor((f) => f.includes(`search “leaf” · 2 of ${SHOWN}`));
    expect(setCapture).toHaveBeenLastCalledWith(false);
  });

  it('shows search warnings first in the footer (an invalid regex is searched as text)', async () => {
    const { app } = await open();
    await app.press('/');
    await type(app, 'org1(');
    const frame = await app.waitFor((f) => f.includes('/org1(█'));
    expect(frame.split('\n').find((l) => l.includes('not a valid regex'))).toMatch(/^“org1\(” is not a valid regex: searched as plain text · no model matches/);
    expect(frame).toContain(`0 of ${SHOWN}`);
  });

  it('opens the filter panel with f: show merges brings the merge back, a params field filters', async () => {
    const { app, setCapture } = await open();
    await app.press('f');
    let frame = await app.waitFor((f) => f.includes('Filters —'));
    expect(frame).toContain('› [ ] show merges');
    await app.press(' ');
    frame = await app.waitFor((f) => f.includes('[x] show merges'));
    expect(frame).toContain(`${SHOWN + 1} shown · sorted`);
    expect(frame).toContain('merges shown');
    expect(rows(frame)[0]).toMatch(/^ {2}leaf\/m/); // the panel has the focus: no › in the table
    await app.press(' '); // hide them again
    for (let i = 0; i < 15; i++) await app.press('j'); // 4 toggles, 6 types, 5 sizes: params min
    frame = await app.waitFor((f) => f.includes('› ') && /› +params min \(B\): any/.test(f));
    await app.press(KEY.enter);
    expect(setCapture).toHaveBeenLastCalledWith(true);
    await type(app, '10');
    await app.waitFor((f) => f.includes('params min (B): 10█'));
    await app.press(KEY.enter);
    frame = await app.waitFor((f) => f.includes(`2 of ${SHOWN}`) && f.includes('params min (B): 10'));
    expect(setCapture).toHaveBeenLastCalledWith(false);
    expect(frame).toContain('params 10–… B');
    await app.press(KEY.escape);
    frame = await app.waitFor((f) => !f.includes('Filters —'));
    expect(rows(frame)[0]).toMatch(/^› leaf\/c/);
    expect(rows(frame).slice(0, 2).map(repoOf)).toEqual(['leaf/c', 'base/root']);
  });

  it('opens a model with Enter: fields, chain up, derivatives by relation, activity; Esc returns to the row', async () => {
    const views: View[] = [];
    const { app } = await open({ onView: (v) => views.push(v) });
    await app.press('j');
    await app.press(KEY.enter);
    let frame = await app.waitFor((f) => f.includes('Model details'));
    expect(frame).toContain('mid/ft — chat, LLaMA, 7 B, score 57.00');
    expect(views.at(-1)!.title).toBe('Leaderboard · mid/ft');
    // scroll through the whole detail
    const seen: string[] = [frame];
    for (let i = 0; i < 6; i++) {
      await app.press(KEY.pageDown);
      seen.push(app.lastFrame());
    }
    const text = seen.join('\n');
    for (const part of ['Leaderboard entry', 'Hub', 'Base-model chain up (1 step)', 'Derivatives down: 3 direct, 3 in all', 'Commit activity']) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/1\s+base\/root\s+finetune\s+pretrained\s+40\.00/);
    expect(text).toMatch(/quantized\s+1/);
    expect(text).toMatch(/adapter\s+1/);
    expect(text).toMatch(/merge\s+1/);
    expect(text).toMatch(/commits\s+12/);
    expect(text).toMatch(/authors\s+1: kim/);
    expect(text).toMatch(/first commit\s+2024-01-01/);
    await app.press(KEY.escape);
    frame = await app.waitFor((f) => !f.includes('Model details'));
    expect(rows(frame)[1]).toMatch(/^› mid\/ft/);
    expect(views.at(-1)!.title).toBe('Leaderboard');
  });

  for (const width of [80, 100]) {
    it(`keeps columns aligned with CJK and emoji ids at ${width} columns`, async () => {
      const { app } = await open({ width });
      const frame = app.lastFrame();
      const all = lines(frame);
      const rule = all.findIndex((l) => /^ {2}─/.test(l));
      const table = all.slice(rule - 1, -1);
      expect(table.some((l) => l.includes('Qwen/通义千问-7B'))).toBe(true);
      expect(table.some((l) => l.includes('emoji/🤗-hugs'))).toBe(true);
      const widths = new Set(table.map((l) => displayWidth(l.trimEnd())));
      expect(widths.size).toBe(1);
      expect([...widths][0]).toBeLessThanOrEqual(width);
      // the score column ends at the same display column on every line
      const ends = new Set(table.slice(2).map((l) => displayWidth(l.slice(0, l.search(/\d+\.\d\d/) + 5))));
      expect(ends.size).toBe(1);
      for (const line of all) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    });
  }

  it('draws a repo id with an escape sequence in the data without it', async () => {
    for (const color of [false, true]) {
      const { app } = await open({ color });
      const frame = app.lastFrame();
      expect(frame).toContain('evil/red');
      expect(frame).not.toContain('\u001b[31m');
      app.unmount();
    }
  });

  it('reports the query as a View: "N of M", the sort, every column of the rows', async () => {
    const views: View[] = [];
    const { app } = await open({ onView: (v) => views.push(v) });
    expect(views.at(-1)!.summary).toBe(`${SHOWN} shown · 1 merges hidden (m) · sorted by Average ▼`);
    const table = views.at(-1)!.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(SHOWN);
    expect(table?.kind === 'table' && table.columns.length).toBe(16);
    await app.press('/');
    await type(app, 'leaf');
    await app.waitFor(() => views.at(-1)!.summary.startsWith('2 of'));
    expect(views.at(-1)!.summary).toBe(`2 of ${SHOWN} shown · 1 merges hidden (m) · sorted by Average ▼ · search “leaf”`);
  });

  it('keeps its state across a remount (the help overlay, a screen switch)', async () => {
    const onView = vi.fn();
    const store = newStore('leaderboard');
    const first = await open({ onView, store });
    await first.app.press('j', 'j', 'h', 's');
    await first.app.waitFor((f) => f.includes('[Params] ▼'));
    first.app.unmount();
    const { app } = await open({ onView, store });
    expect(app.lastFrame()).toContain('[Params] ▼');
  });
});
