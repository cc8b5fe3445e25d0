// The Leaderboard's search line while typing: the search keeps at least half the line (or all it
// needs) at 80 columns, the hint after it giving way first (the tester's `/mistral;@arch:llama`
// showed 10 characters of it at 80×24).
import { describe, expect, it } from 'vitest';
import { searchLineText } from '../../source/app/components/SearchLine.js';
import { displayWidth } from '../../source/render/text-width.js';

const line = (search: string, width: number) => searchLineText({ width, color: false, editing: true, search, count: '2,409 of 4,616', hint: '' });

describe('the search line at 80 and 120 columns', () => {
  it('shows the whole search and the count at 80; the whole hint at 120', () => {
    const at80 = line('mistral;@arch:llama', 80);
    expect(at80.startsWith('/mistral;@arch:llama█')).toBe(true);
    expect(at80).toContain('2,409 of 4,616');
    expect(displayWidth(at80)).toBeLessThanOrEqual(80);
    expect(line('mistral;@arch:llama', 120)).toBe('/mistral;@arch:llama█  2,409 of 4,616 · Enter keeps · Esc puts back · ";" between searches');
  });

  it('a search longer than the line shows its tail in at least half the line', () => {
    const long = 'x'.repeat(200) + 'END';
    const at80 = line(long, 80);
    expect(at80).toContain('END█');
    expect(at80.indexOf('█')).toBeGreaterThanOrEqual(40);
    expect(displayWidth(at80)).toBeLessThanOrEqual(80);
  });
});
