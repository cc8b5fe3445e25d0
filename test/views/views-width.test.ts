// Every view, built from a small hand-made dataset, written as text at 40, 80 and 120 columns:
// every line fits, nothing is coloured without colour, and with colour the text strips back
// to the same lines (the explorer shows these lines at whatever width the terminal has).
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { DEFAULT_VIEW_OPTIONS, VIEW_IDS } from '../../source/views/view.js';
import { VIEWS } from '../../source/views/registry.js';
import { writeText } from '../../source/views/write-text.js';
import { buildDataset } from '../analysis/build-dataset.js';
import { sampleDataset } from './sample-dataset.js';

const dataset = sampleDataset();
const options = { ...DEFAULT_VIEW_OPTIONS, now: new Date('2024-06-01T13:00:00Z') };

describe('views as text lines', () => {
  it('the registry has a builder for every view id, and each builds its own id', () => {
    expect(Object.keys(VIEWS).sort()).toEqual([...VIEW_IDS].sort());
    for (const id of VIEW_IDS) expect(VIEWS[id](dataset, options).id).toBe(id);
  });

  it.each([...VIEW_IDS])('%s fits 40, 80 and 120 columns', (id) => {
    const view = VIEWS[id](dataset, options);
    for (const width of [40, 80, 120]) {
      const lines = writeText(view, { width, color: false });
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) {
        expect(line).not.toContain('\u001b');
        expect(stringWidth(line), `${id} at ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it.each([...VIEW_IDS])('%s with colour strips back to the plain lines', (id) => {
    const view = VIEWS[id](dataset, options);
    const plain = writeText(view, { width: 90, color: false });
    const coloured = writeText(view, { width: 90, color: true });
    expect(coloured.some((line) => line.includes('\u001b['))).toBe(true);
    expect(coloured.map((line) => stripAnsi(line))).toEqual(plain);
  });

  it.each([...VIEW_IDS])('%s builds on a dataset with no entries at all', (id) => {
    const empty = buildDataset({ entries: [] });
    const view = VIEWS[id](empty, options);
    for (const line of writeText(view, { width: 60, color: false })) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });

  it('the same view redraws its charts at the width asked (no width baked in)', () => {
    const view = VIEWS.improvement(dataset, { ...options, mode: 'pattern' });
    const narrow = writeText(view, { width: 50, color: false });
    const wide = writeText(view, { width: 130, color: false });
    const axis = (lines: string[]) => lines.find((l) => /^\s*└[─┬]+$/.test(l))!;
    expect(stringWidth(axis(narrow))).toBeLessThanOrEqual(50);
    expect(stringWidth(axis(wide))).toBeGreaterThan(100);
  });
});
