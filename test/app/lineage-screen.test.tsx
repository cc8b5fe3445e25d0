// The Lineage screen in Ink (issue 4 screen 6): the base-model list (most declared first, `/`
// finds by id with the app's keys off), Enter opens the derivative tree with type, score and
// date per node, → expands, ← collapses, Esc back; a cycle in declarations stays finite.
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenHost } from './screen-host.js';
import { DEFER_ABOVE } from '../../source/app/hooks/use-deferred.js';
import type { Dataset } from '../../source/data/model.js';
import type { View } from '../../source/views/view.js';
import { displayWidth } from '../../source/render/text-width.js';
import { buildDataset } from '../analysis/build-dataset.js';
import { KEY, renderApp, type Rendered } from './render-app.js';

// base/root ← mid/ft (finetune) ← leaf/a (quantized), leaf/c (adapter) ← leaf/d; other/x ← base/root;
// 'Qwen/通义千问-7B' declared by two models
const dataset = buildDataset({
  entries: [
    { repo: 'base/root', type: 'pretrained', score: 40 },
    { repo: 'mid/ft', type: 'chat', score: 57 },
    { repo: 'leaf/a', score: 50 },
    { repo: 'leaf/c', score: null },
    { repo: 'leaf/d', score: 60, params: 13 },
    { repo: 'other/x', score: 44 },
    { repo: 'q/one', score: 30 },
    { repo: 'q/two', score: 31 },
  ],
  info: {
    'mid/ft': { tags: ['base_model:finetune:base/root'], created: '2024-01-01' },
    'leaf/a': { tags: ['base_model:quantized:mid/ft'], created: '2024-02-02' },
    'leaf/c': { tags: ['base_model:adapter:mid/ft'] },
    'leaf/d': { bases: ['leaf/c'], created: '2024-03-03' },
    'other/x': { bases: ['base/root'] },
    'q/one': { bases: ['Qwen/通义千问-7B'] },
    'q/two': { bases: ['Qwen/通义千问-7B'] },
  },
});

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

async function open(data: Dataset = dataset, width = 80, onView: (v: View) => void = () => {}) {
  const setCapture = vi.fn();
  app = await renderApp(
    <ScreenHost screen="lineage" dataset={data} width={width} height={22} setCapture={setCapture} onView={onView} />,
  );
  await app.waitFor((f) => !f.includes('reading the base models'));
  return { app, setCapture };
}

const rows = (frame: string): string[] => {
  const all = frame.split('\n');
  const rule = all.findIndex((l) => /^ {2}─/.test(l));
  return all.slice(rule + 1).filter((l) => l.trim() !== '');
};
/** The first cell of a row: the id with its branch characters. */
const firstCell = (row: string): string => row.slice(2).split(/ {2,}(?=[^│├└ ])/)[0]!;

describe('Lineage screen', () => {
  it('lists the base models, most declared first, with family and counts', async () => {
    const { app } = await open();
    const frame = app.lastFrame();
    expect(frame).toContain('Lineage · 4 of 4 base models');
    expect(rows(frame).map(firstCell)).toEqual(['base/root', 'mid/ft', 'Qwen/通义千问-7B', 'leaf/c']);
    expect(rows(frame)[0]).toMatch(/^› base\/root\s+LLaMA\s+2\s+5\s+40\.00/);
    expect(rows(frame)[2]).toMatch(/Qwen\/通义千问-7B\s+LLaMA\s+2\s+2\s+not on board/);
    // the list's lines line up with the CJK id in them
    expect(new Set(frame.split('\n').slice(2, 8).map((l) => displayWidth(l.trimEnd()))).size).toBe(1);
  });

  it('opens the tree with Enter: children with relation, type, score, date; → expands, ← collapses; Esc back', async () => {
    const views: View[] = [];
    const { app } = await open(dataset, 80, (v) => views.push(v));
    await app.press(KEY.enter);
    let frame = await app.waitFor((f) => f.includes('Lineage of base/root'));
    expect(rows(frame).map(firstCell)).toEqual(['base/root', '├─ mid/ft', '└─ other/x']);
    expect(rows(frame)[1]).toMatch(/├─ mid\/ft\s+finetune\s+chat\s+57\.00\s+2024-01-01\s+7 B\s+\+2/);
    expect(rows(frame)[2]).toMatch(/└─ other\/x\s+unknown\s+fine-tuned\s+44\.00\s+–\s+7 B\s+–/);
    expect(views.at(-1)!.summary).toBe('base base/root · 5 derivatives · 3 rows expanded');
    await app.press('j', KEY.right);
    frame = await app.waitFor((f) => f.includes('│  └─ leaf/a'));
    expect(rows(frame).map(firstCell)).toEqual(['base/root', '├─ mid/ft', '│  ├─ leaf/c', '│  └─ leaf/a', '└─ other/x']);
    expect(rows(frame)[1]).toMatch(/^› ├─ mid\/ft.*\s2$/);
    expect(rows(frame)[2]).toMatch(/leaf\/c\s+adapter\s+fine-tuned\s+–\s+–\s+7 B\s+\+1/);
    expect(rows(frame)[3]).toMatch(/leaf\/a\s+quantized\s+fine-tuned\s+50\.00\s+2024-02-02/);
    await app.press('j', 'l');
    frame = await app.waitFor((f) => f.includes('│  │  └─ leaf/d'));
    expect(rows(frame)[3]).toMatch(/leaf\/d\s+unknown\s+fine-tuned\s+60\.00\s+2024-03-03\s+13 B/);
    await app.press('j', KEY.left); // on a leaf: up to its parent
    frame = await app.waitFor((f) => rows(f).some((r) => r.startsWith('› │  ├─ leaf/c')));
    await app.press(KEY.left); // collapse leaf/c
    frame = await app.waitFor((f) => !f.includes('leaf/d'));
    await app.press('k', 'h'); // collapse mid/ft
    frame = await app.waitFor((f) => rows(f).length === 3);
    expect(rows(frame)[1]).toMatch(/^› ├─ mid\/ft.*\+2$/);
    await app.press(KEY.enter); // Enter toggles
    await app.waitFor((f) => rows(f).length === 5);
    await app.press(KEY.escape);
    frame = await app.waitFor((f) => f.includes('4 of 4 base models'));
    expect(rows(frame)[0]).toMatch(/^› base\/root/);
  });

  it('finds a base model by id with /, the app keys off while typing', async () => {
    const { app, setCapture } = await open();
    await app.press('/');
    expect(setCapture).toHaveBeenLastCalledWith(true);
    for (const ch of '通义') await app.press(ch);
    let frame = await app.waitFor((f) => f.includes('find: 通义█'));
    expect(frame).toContain('1 of 4 base models');
    await app.press(KEY.enter);
    frame = await app.waitFor((f) => f.includes('find “通义”'));
    expect(setCapture).toHaveBeenLastCalledWith(false);
    await app.press(KEY.enter);
    frame = await app.waitFor((f) => f.includes('Lineage of Qwen/通义千问-7B'));
    expect(rows(frame).map(firstCell)).toEqual(['Qwen/通义千问-7B', '├─ q/one', '└─ q/two']);
    expect(rows(frame)[0]).toMatch(/Qwen\/通义千问-7B\s+off board\s+–/);
    await app.press(KEY.escape);
    await app.waitFor((f) => f.includes('find “通义” · 1 of 4'));
    await app.press(KEY.escape);
    await app.waitFor((f) => f.includes('4 of 4 base models') && !f.includes('find “'));
  });

  it('stays finite on a cycle of declarations', async () => {
    const cyclic = buildDataset({
      entries: [{ repo: 'z/a' }, { repo: 'z/b' }, { repo: 'z/c' }],
      info: { 'z/a': { bases: ['z/c'] }, 'z/b': { bases: ['z/a'] }, 'z/c': { bases: ['z/b'] } },
    });
    const { app } = await open(cyclic);
    expect(rows(app.lastFrame()).map(firstCell)).toEqual(['z/a', 'z/b', 'z/c']);
    await app.press(KEY.enter);
    await app.waitFor((f) => f.includes('Lineage of z/a'));
    await app.press('j', 'l');
    const frame = await app.waitFor((f) => f.includes('└─ z/c'));
    expect(rows(frame).map(firstCell)).toEqual(['z/a', '└─ z/b', '   └─ z/c']);
    await app.press('j', 'l'); // z/c's link back to z/a is not drawn: nothing to expand
    expect(rows(app.lastFrame())).toHaveLength(3);
  });

  it('draws a first frame while the base models of a big dataset are read', async () => {
    const n = DEFER_ABOVE + 1;
    const big = buildDataset({ entries: Array.from({ length: n }, (_, i) => ({ repo: `o/m${i}`, baseModel: i === 0 ? null : 'o/m0' })) });
    const { app } = await open(big);
    expect(app.frames[0]).toContain(`Lineage · reading the base models of ${n.toLocaleString('en-US')} entries…`);
    expect(app.lastFrame()).toContain('1 of 1 base models');
    expect(rows(app.lastFrame())[0]).toMatch(/^› o\/m0\s+LLaMA\s+20,000\s+20,000/);
  });

  it('says so when no model declares a base', async () => {
    const { app } = await open(buildDataset({ entries: [{ repo: 'a/b' }] }));
    expect(app.lastFrame()).toContain('no model in view declares a base model');
    await app.press(KEY.enter, 'j');
    expect(app.lastFrame()).toContain('0 of 0 base models');
  });
});
