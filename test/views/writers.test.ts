// The two writers of a view: text lines (headings and notes wrap, figures' labels wrap rather
// than being cut, a header for print) and Markdown (paragraphs, plots at the width asked).
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import type { View } from '../../source/views/view.js';
import { textHeader, wrapText, writeText } from '../../source/views/write-text.js';
import { writeMarkdown } from '../../source/views/write-markdown.js';
import { buildDataset } from '../analysis/build-dataset.js';
import { makeDataset } from '../analysis/make-dataset.js';
import { VIEWS } from '../../source/views/registry.js';
import { DEFAULT_VIEW_OPTIONS } from '../../source/views/view.js';

const view: View = {
  id: 'overview',
  title: 'Overview',
  summary: '3 models · flagged left out',
  blocks: [
    { kind: 'heading', text: 'A heading long enough to need a second line at thirty columns' },
    { kind: 'figures', rows: [{ label: 'a figure whose label is much longer than the room', value: '12.5 %', paper: '≈ 8 %' }] },
    { kind: 'notes', notes: [{ count: 1234, text: 'models without a creation date left out of the time series' }] },
    { kind: 'paragraph', text: 'Some prose | with *stars* that wraps.' },
    { kind: 'chart', title: 'a chart', draw: (o) => [`width ${o.width}, colour ${o.color}`] },
  ],
  data: {},
};
const dataset = buildDataset({ entries: [{ repo: 'a/b' }] });

describe('writeText', () => {
  it('wraps headings, notes (hanging indent) and paragraphs; figures keep every word of the label', () => {
    const lines = writeText(view, { width: 40, color: false });
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.slice(0, 2)).toEqual(['A heading long enough to need a second', 'line at thirty columns']);
    const labelWords = lines.filter((l) => /^(a figure| \S)/.test(l)).map((l) => l.replace(/\s{2,}.*$/, '').trim()).join(' ');
    expect(labelWords.replace(/\s+/g, ' ')).toBe('a figure whose label is much longer than the room');
    expect(lines.find((l) => l.startsWith('a figure'))).toMatch(/12\.5 %\s+≈ 8 %\s*$/);
    expect(lines).toContain('· 1,234 models without a creation date');
    expect(lines).toContain('  left out of the time series');
    expect(lines).toContain('width 40, colour false');
  });

  it('wrapText: words to the width, indented continuation, nothing for empty text', () => {
    expect(wrapText('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wrapText('', 10)).toEqual([]);
  });

  it('textHeader: the title and summary, then the data source', () => {
    expect(textHeader(view, dataset, { width: 100, color: false })).toEqual(['hubscope · Overview — 3 models · flagged left out', 'data: test (v1)']);
  });
});

describe('writeMarkdown', () => {
  it('a header, paragraphs escaped, charts fenced at the width asked without colour', () => {
    const md = writeMarkdown(view, dataset, 72);
    expect(md.split('\n')[0]).toBe('**hubscope · Overview** — data: test (v1) · 3 models · flagged left out');
    expect(md).toContain('Some prose \\| with \\*stars\\* that wraps.');
    expect(md).toContain('**a chart**\n\n```text\nwidth 72, colour false\n```');
    expect(md).toContain('| a figure whose label is much longer than the room | 12.5 % | ≈ 8 % |');
    expect(writeMarkdown(view, dataset)).toContain('width 100, colour false');
  });
});

// Issue 7 item 12: what the explorer's `e` export and `c` copy write (writeMarkdown of the view
// on screen) renders hostile model ids as their literal text when pasted into GitHub.
describe('writeMarkdown: hostile model ids', () => {
  const HOSTILE = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '[x](javascript:alert(1))', '![i](https://e.vil/t.png)', 'p|q'];
  it('escapes HTML, links, images and pipes in every view that lists models', () => {
    const hostile = makeDataset(HOSTILE.map((repo, i) => ({ repo, score: 60 + i, created: '2024-01-0' + (i + 1), downloads: 10 + i })));
    for (const id of ['leaderboard', 'base-models', 'sizes', 'authors'] as const) {
      const md = writeMarkdown(VIEWS[id](hostile, { ...DEFAULT_VIEW_OPTIONS, showMerges: true, includeFlagged: true }), hostile);
      expect(md, id).not.toMatch(/<img|<script/i);
      expect(md, id).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/); // no [text](url) with both brackets bare
    }
    const leaderboard = writeMarkdown(VIEWS.leaderboard(hostile, DEFAULT_VIEW_OPTIONS), hostile);
    expect(leaderboard).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(leaderboard).toContain('\\[x\\](javascript:alert(1))');
    expect(leaderboard).toContain('\\!\\[i\\](https://e.vil/t.png)');
    expect(leaderboard).toContain('p\\|q');
  });
});
