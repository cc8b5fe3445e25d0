// The arena views (frontier and overview) on a hand-made LMArena history: written as text at
// 40, 80 and 120 columns every line fits, colour strips back to the plain lines, the Markdown
// writer names the dataset and its table, the headline reads as §7 says, and the CSV and JSON
// hold the numbers.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { DEFAULT_VIEW_OPTIONS } from '../../source/views/view.js';
import { ARENA_VIEWS, ARENA_VIEW_IDS, arenaHeader } from '../../source/views/arena-views.js';
import { writeText, textHeader } from '../../source/views/write-text.js';
import { writeMarkdown } from '../../source/views/write-markdown.js';
import { frontier } from '../../source/analysis/frontier.js';
import { frontierHeadline } from '../../source/views/frontier-text.js';
import { arenaDataset, table } from '../analysis/arena-rows.js';

const P = 'Proprietary';
const LONG = 'An-Extremely-Long-Proprietary-Model-Name-That-Goes-On-And-On-2025-07-01-preview';

// 2025-01-01: GPT-X leads (censored from here on); 2025-01-15: no open model; 2025-02-01: an
// unknown licence, an emoji and a CJK name; 2025-03-03: Claude-Y (first seen 02-01) is the
// oldest proprietary model above the open frontier: lag 30 days, gap 10 points.
const dataset = arenaDataset(
  [
    ...table('2025-01-01', ['GPT-X', P, 1300], ['Llama-Open', 'Llama 3.1 Community', 1250], ['Mistral-Open', 'Apache 2.0', 1240]),
    ...table('2025-01-15', ['GPT-X', P, 1300], ['Gemini-Z', 'Propretary', 1290]),
    ...table('2025-02-01', ['GPT-X', P, 1300], ['Claude-Y', P, 1320], ['🦙 Llama-Next', 'Llama 4', 1310], ['通义千问-Max', 'Frobnicator Licence', 1305]),
    ...table('2025-03-03', ['GPT-X', P, 1295], ['Claude-Y', P, 1330], [LONG, P, 1340], ['🦙 Llama-Next', 'Llama 4', 1320], ['DeepSeek-Open', 'MIT', 1300]),
  ],
  { revision: '668fc29f8993df4c500d4d2a0738f5a7604a642d', fetchedAt: '2026-12-01T20:00:00.000Z', path: 'parquet' },
);
const options = { ...DEFAULT_VIEW_OPTIONS, now: new Date('2026-12-01T22:00:00Z') };

describe('arena views as text lines', () => {
  it('the registry builds each id', () => {
    for (const id of ARENA_VIEW_IDS) expect(ARENA_VIEWS[id](dataset, options).id).toBe(id);
  });

  it.each([...ARENA_VIEW_IDS])('%s fits 40, 80 and 120 columns, header included', (id) => {
    const view = ARENA_VIEWS[id](dataset, options);
    for (const width of [40, 80, 120]) {
      const lines = [...textHeader(view, arenaHeader(dataset), { width, color: false }), ...writeText(view, { width, color: false })];
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) {
        expect(line).not.toContain('\u001b');
        expect(stringWidth(line), `${id} at ${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it.each([...ARENA_VIEW_IDS])('%s with colour strips back to the plain lines', (id) => {
    const view = ARENA_VIEWS[id](dataset, options);
    const plain = writeText(view, { width: 90, color: false });
    const coloured = writeText(view, { width: 90, color: true });
    expect(coloured.some((line) => line.includes('\u001b['))).toBe(true);
    expect(coloured.map((line) => stripAnsi(line))).toEqual(plain);
  });

  it.each([...ARENA_VIEW_IDS])('%s builds on an empty dataset', (id) => {
    const view = ARENA_VIEWS[id](arenaDataset([]), options);
    for (const width of [40, 80]) for (const line of writeText(view, { width, color: false })) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });

  it('the frontier plot draws two step lines told apart by glyph, with a legend', () => {
    const lines = writeText(ARENA_VIEWS.frontier(dataset, options), { width: 80, color: false });
    const legend = lines.find((l) => l.includes('best proprietary') && l.includes('best open'))!;
    expect(legend).toMatch(/● *─* best proprietary/);
    expect(legend).toMatch(/■\S* best open/);
  });
});

describe('the frontier view', () => {
  const view = ARENA_VIEWS.frontier(dataset, options);
  const text = writeText(view, { width: 120, color: false }).join('\n');

  it('names the dataset, its table and its dates in the summary', () => {
    expect(view.summary).toBe('lmarena-ai/leaderboard-dataset text/full · overall · 4 dates 2025-01-01 → 2025-03-03 · 9 models');
  });

  it('says the headline of the last date as §7 puts it', () => {
    expect(frontierHeadline(frontier(dataset))).toBe(
      `On 2025-03-03 the best open model (🦙 Llama-Next, 🦙, 1320) trails the best proprietary (${LONG}, ${LONG}, 1340) by 20 points ` +
        '(outside the margin: their 95 % intervals do not overlap), the proprietary frontier of 30 days earlier ' +
        '(Claude-Y, the oldest proprietary model still ahead, was first seen on 2025-02-01).',
    );
    expect(text).toContain('On 2025-03-03 the best open model');
  });

  it('shows the date without an open model, the censored lags and the unknown licence', () => {
    expect(text).toMatch(/2025-01-15 +Gemini-Z|2025-01-15 +GPT-X/);
    expect(text).toMatch(/^2025-01-15 .* no open$/m);
    expect(text).toMatch(/≥0\b/);
    expect(text).toContain('"Frobnicator Licence"');
    expect(text).toMatch(/median lag over 3 dates \(1 censored\) +at least 0 days/);
  });

  it('puts every date in the CSV with the numbers behind the tables', () => {
    const { columns, rows } = view.csv!;
    expect(rows).toHaveLength(4);
    const row = Object.fromEntries(columns.map((c, i) => [c, rows[3]![i]]));
    expect(row).toMatchObject({ date: '2025-03-03', best_open: '🦙 Llama-Next', open_rating: 1320, gap: 20, within_margin: 'false', lag_state: 'behind', lag_days: 30, lag_censored: 'false', lag_model: 'Claude-Y', top10_open_share: null });
    expect(Object.fromEntries(columns.map((c, i) => [c, rows[1]![i]]))).toMatchObject({ gap: null, lag_state: null, missing: 'no open model' });
  });

  it('holds the analysis in its JSON data', () => {
    const data = JSON.parse(JSON.stringify(view.data)) as { headline: string; dates: unknown[]; unknownLicences: string[]; source: { dataset: string } };
    expect(data.dates).toHaveLength(4);
    expect(data.unknownLicences).toEqual(['Frobnicator Licence']);
    expect(data.source.dataset).toBe('lmarena-ai/leaderboard-dataset');
  });

  it('writes Markdown with a header naming the dataset, table, revision and fetch time', () => {
    const md = writeMarkdown(view, arenaHeader(dataset));
    expect(md.split('\n')[0]).toBe(
      '**hubscope · Frontier** — data: lmarena-ai/leaderboard-dataset (text/full, overall) · rev 668fc29f8993 · fetched 2026-12-01 20:00 UTC · ' +
        'lmarena-ai/leaderboard-dataset text/full · overall · 4 dates 2025-01-01 → 2025-03-03 · 9 models',
    );
    expect(md).toContain('| Date | Proprietary | Rating | Open | Rating | Gap | Margin | Lag |');
    expect(md).toContain('```text');
  });
});

describe('the arena overview', () => {
  const view = ARENA_VIEWS.overview(dataset, options);
  const text = writeText(view, { width: 100, color: false }).join('\n');

  it('tells where the table comes from, how it was read and when', () => {
    expect(text).toMatch(/source +lmarena-ai\/leaderboard-dataset \(dataset viewer, parquet copy\)/);
    expect(text).toMatch(/config \/ split \/ category +text \/ full \/ overall/);
    expect(text).toMatch(/fetched +2026-12-01 20:00 UTC \(2 h ago\)/);
  });

  it('lists every licence spelling with its class, the unknown one marked', () => {
    const csv = view.csv!;
    expect(csv.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Proprietary', 'proprietary', 'true'],
      ['Llama 4', 'open, restricted', 'true'],
      ['Apache 2.0', 'open, permissive', 'true'],
      ['Frobnicator Licence', 'open, restricted', 'false'],
      ['Llama 3.1 Community', 'open, restricted', 'true'],
      ['MIT', 'open, permissive', 'true'],
      ['Propretary', 'proprietary', 'true'],
    ]);
    expect(text).toContain('open, restricted (unknown spelling)');
    expect(text).toContain('Spellings the licence table does not know (counted as open, restricted): "Frobnicator Licence".');
  });

  it('points to the frontier as the answer to the title question', () => {
    expect(text).toContain('Is open source the future of AI?');
    expect(text).toContain('npx hubscope print frontier --dataset lmarena-ai/leaderboard-dataset');
  });
});
