// `hubscope print VIEW` as text and as Markdown, for every view, on a cache fetched from the
// fake Hub's fixtures: real content (headings, repo ids and numbers worked out from the
// fixtures), lines within --width, no escape codes into a pipe, Markdown tables and fences.
import { beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { VIEW_IDS } from '../../source/views/view.js';
import { ESC, printAll, printRunner, type PrintRunner } from './fixture-cache.js';
import { FACTS } from './fixture-facts.js';
import type { CliRun } from '../fetch/run-cli.js';

let runner: PrintRunner;
let runs: Map<string, CliRun>;
const WIDTHS = [60, 80, 120];

const text = (view: string, width = 100): string => runs.get(`${view} --width ${width}`)!.stdout;
const markdown = (view: string): string => runs.get(`${view} --format markdown`)!.stdout;

beforeAll(async () => {
  runner = await printRunner();
  runs = await printAll(runner, [
    ...VIEW_IDS.flatMap((v) => WIDTHS.map((w) => [v, '--width', String(w)])),
    ...VIEW_IDS.map((v) => [v, '--width', '100']),
    ...VIEW_IDS.map((v) => [v, '--format', 'markdown']),
    ['all', '--format', 'markdown'],
    ['all', '--width', '100'],
  ]);
}, 180_000);

describe('print VIEW --format text', () => {
  it.each([...VIEW_IDS])('%s: exit 0, nothing on stderr, no escape codes, every line within --width', (view) => {
    for (const width of WIDTHS) {
      const run = runs.get(`${view} --width ${width}`)!;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toContain(ESC);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(8);
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    }
  });

  it('every view starts with its title (wrapped at the width) and the data source line', () => {
    for (const view of VIEW_IDS) {
      const lines = text(view).split('\n');
      expect(lines[0]).toMatch(/^hubscope · [A-Z]/);
      expect(lines.slice(1, 4).find((l) => l.startsWith('data: '))).toMatch(/^data: open-llm-leaderboard\/contents \(v2\) · rev rev-1 · fetched \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    }
  });

  it('overview: entries, repositories, what is missing, and each section (v2: no paper column, no note on its scrape)', () => {
    const out = text('overview');
    expect(out).toMatch(new RegExp(`entries / distinct repositories\\s+${FACTS.entries} / ${FACTS.repositories}`));
    expect(out).toMatch(new RegExp(`flagged repositories left out\\s+${FACTS.flagged}\\b`));
    expect(out).toMatch(new RegExp(`models in view \\(one per repository\\)\\s+${FACTS.models}\\b`));
    expect(out).toMatch(new RegExp(`without Hub info\\s+${FACTS.withoutHubInfo} \\(`));
    expect(out).toMatch(new RegExp(`without commit history\\s+${FACTS.withoutHistory} \\(`));
    expect(out).toMatch(new RegExp(`leaderboard rows that could not be read\\s+${FACTS.rowProblems}\\b`));
    // the fixtures are a v2 table: the paper studied v1, so its figures are not beside these
    // …and 3 of its 27 repos have no commit history, 4 no Hub info (gone): under 90 %, marked
    expect(out).toMatch(/authors \(N\)\s+7 \(low coverage\) *\n/);
    expect(out).toMatch(/top 10 authors’ share of author–repo pairs\s+100\.0 % \(low coverage\) *\n/);
    expect(out).toMatch(/Price’s law: top √N = 3 authors’ share\s+83\.3 % \(low coverage\) *\n/);
    expect(out).toMatch(/downloads going to models of at most 15 B\s+100\.0 % \(low coverage\) *\n/);
    expect(out).toMatch(/Mistral 7B, lineage\s+no models \(low coverage\) *\n/);
    expect(out).toMatch(/Mistral 7B, name pattern\s+no models *\n/); // dates are all there
    expect(out).toContain('What is missing — of 27 models in view (a part under 90 % of them: low coverage)');
    expect(out).not.toContain('Low coverage: '); // nothing is still to come: no opening line
    expect(out).not.toMatch(/1,829|≈ 8 %|> 300 models|≈ 15 points|later scrape of v1/);
    expect(out).toContain(`most-declared base model: ${FACTS.bases.top}`);
  });

  it('leaderboard: N of M, the best non-merge first, merges hidden by default', () => {
    const out = text('leaderboard', 120);
    expect(out).toContain(`${FACTS.leaderboardShown} of ${FACTS.leaderboardShown} entries`);
    // the screen's table (no rank column: the screen says "row N"): the first row under the rule
    const lines = out.split('\n');
    const first = lines[lines.findIndex((l) => /^ {2}─+/.test(l)) + 1]!;
    expect(first).toContain(FACTS.leaderboardTop.repo);
    expect(first).toContain(FACTS.leaderboardTop.score);
    expect(out).toContain(`· ${FACTS.merges} merges hidden`);
    expect(out).not.toContain('alpha/m2 '); // a merge
  });

  it('authors: the concentration headline and the top author with their repositories', () => {
    const out = text('authors');
    expect(out).toMatch(new RegExp(`^1\\s+${FACTS.authors.top}\\s+${FACTS.authors.topRepos}\\s+50\\.00 %`, 'm'));
    expect(out).toMatch(new RegExp(`Gini coefficient of repositories per author\\s+${FACTS.authors.gini.toFixed(3)}`));
    expect(out).toMatch(/author–repository pairs\s+24\b/);
    expect(out).toContain('Authors over time [Fig. 1]');
    expect(out).toContain('authors (running total)');
  });

  it('types and architectures: shares, per-month bars, the family', () => {
    const types = text('types');
    expect(types).toMatch(/^pretrained\s+37\.0 % \(10\)$/m);
    expect(types).toMatch(/^chat\s+33\.3 % \(9\)$/m);
    expect(types).toMatch(/^2023-01\s+\d/m);
    expect(types).toMatch(/Score by type over time \[Fig\. 7\] — average score \(v2 scale: normalised 0–100 \(random baseline 0\),\s+lower than v1\)/);
    const arch = text('architectures');
    expect(arch).toMatch(new RegExp(`^${FACTS.family}\\s+100\\.0 % \\(27\\)$`, 'm'));
    expect(arch).toMatch(/^2024-05\s+4\s/m); // the four dated by the leaderboard's upload day
    expect(arch).toContain('┊ 2024-04-18 Llama 3 released');
  });

  it('base models and lineage: alpha/m1 declared by 23, its tree drawn with branches', () => {
    const bases = text('base-models');
    expect(bases).toMatch(new RegExp(`^1\\s+${FACTS.bases.top}\\s+LLaMA\\s+${FACTS.bases.topCount}\\s`, 'm'));
    expect(bases).toMatch(new RegExp(`^2\\s+${FACTS.bases.second}\\s+LLaMA\\s+${FACTS.bases.secondCount}\\s`, 'm'));
    const lineage = text('lineage');
    expect(lineage).toContain(`Lineage of ${FACTS.bases.top}`);
    expect(lineage).toMatch(/derivatives \(all levels\)\s+23/);
    expect(lineage).toMatch(new RegExp(`relation merge\\s+${FACTS.bases.merge}`));
    expect(lineage).toMatch(new RegExp(`relation not stated\\s+${FACTS.bases.unstated}`));
    // the screen's tree: a two-column cursor gutter first
    expect(lineage).toMatch(/^ {2}├─ zeta\/z11\s+unknown\s+pretrained\s+49\.24/m);
    expect(lineage).toMatch(/^ {2}└─ \S+/m);
  });

  it('sizes: every model in the 7–8 B bin, the best of it', () => {
    const out = text('sizes');
    expect(out).toMatch(/models in the 7–8 B bin\s+27 \(100\.0 %\)/);
    expect(out).toMatch(new RegExp(`^7–8 B\\s+27\\s+${FACTS.leaderboardTop.score}\\s+${FACTS.leaderboardTop.repo}`, 'm'));
    // v2: Fig. 10's threshold defaults to 40 (§0 "Score"), not 70, which no model reaches
    expect(out).toMatch(/^Params needed for average 40 \[Fig\. 10\] — 7\.2 B in 2023-01/m);
    expect(out).toMatch(/default threshold 40 on v2/);
  });

  it('improvement: the 11 presets by lineage (the fixtures have Hub info), none of them present', () => {
    const out = text('improvement', 120);
    expect(out).toContain('11 preset families · lineage');
    expect(out).toContain('(no family improved on its first model: nothing to plot)');
    expect(out).toMatch(/· 11 families with no model to measure/);
    for (const label of ['Mistral 7B', 'LLaMA-1 7B', 'Llama 3 8B', 'Phi-2', 'Phi-3-medium']) expect(out).toContain(label);
  });

  it('all: every view in order, separated by a rule', () => {
    const out = runs.get('all --width 100')!.stdout;
    const titles = [...out.matchAll(/^hubscope · (\S+)/gm)].map((m) => m[1]);
    expect(titles).toEqual(['Overview', 'Leaderboard', 'Authors', 'Types', 'Architectures', 'Base', 'Lineage', 'Sizes', 'Improvement']);
    expect(out.match(/^─{100}$/gm)).toHaveLength(VIEW_IDS.length - 1);
  });
});

describe('print VIEW --format markdown', () => {
  it.each([...VIEW_IDS])('%s: a one-line source header, Markdown tables, no escape codes', (view) => {
    const run = runs.get(`${view} --format markdown`)!;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    const [header] = run.stdout.split('\n');
    expect(header).toMatch(/^\*\*hubscope · .+\*\* — data: open-llm-leaderboard\/contents \(v2\) · rev rev-1 · fetched .+ UTC · .*flagged left out/);
    expect(run.stdout).toMatch(/^\| .+ \|$/m);
    expect(run.stdout).toMatch(/^\| (---:?|:?---)( \| (---:?|:?---))* \|$/m);
    expect(run.stdout).toMatch(/^### /m);
  });

  it('charts are fenced blocks, drawn without colour at 100 columns', () => {
    for (const view of ['authors', 'types', 'architectures', 'sizes', 'improvement', 'lineage']) {
      const md = markdown(view);
      const fences = md.match(/^```/gm) ?? [];
      expect(fences.length, view).toBeGreaterThanOrEqual(2);
      expect(fences.length % 2, view).toBe(0);
      const blocks = [...md.matchAll(/^```text\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split('\n'));
      for (const line of blocks) expect(stringWidth(line)).toBeLessThanOrEqual(100);
    }
  });

  it('overview: the figures as a table (v2: without the paper column)', () => {
    const md = markdown('overview');
    expect(md).toContain('| Figure | hubscope |');
    expect(md).not.toContain('| Paper |');
    expect(md).toContain('| top 10 authors’ share of author–repo pairs | 100.0 % (low coverage) |');
    expect(md).toContain('| authors (N) | 7 (low coverage) |');
    expect(md).toContain(`| entries / distinct repositories | ${FACTS.entries} / ${FACTS.repositories} |`);
  });

  it('all: every view, separated by ---', () => {
    const md = runs.get('all --format markdown')!.stdout;
    expect(md.match(/^\*\*hubscope · /gm)).toHaveLength(VIEW_IDS.length);
    expect(md.match(/^---$/gm)).toHaveLength(VIEW_IDS.length - 1);
  });
});
