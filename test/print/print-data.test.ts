// `hubscope print VIEW --format json|csv` on a cache fetched from the fake Hub's fixtures:
// JSON parses and carries the numbers the views show (worked out from the fixtures); CSV has
// its header and one row per table row; views without a table refuse csv with one line.
import { beforeAll, describe, expect, it } from 'vitest';
import { VIEW_IDS } from '../../source/views/view.js';
import { ESC, printAll, printRunner, type PrintRunner } from './fixture-cache.js';
import { FACTS } from './fixture-facts.js';
import type { CliRun } from '../fetch/run-cli.js';

let runner: PrintRunner;
/** --from/--to in each form of the one date syntax (data/date-range.ts) and the days they
 *  mean, inclusive: a year, a month, a week (2023-W05: Monday 30 January to Sunday 5 February,
 *  the fixtures' dates being Sundays), a day. */
const DATE_SPECS: Array<[string, string, string, string]> = [
  ['2023', '2023', '2023-01-01', '2023-12-31'],
  ['2023-02', '2023-03', '2023-02-01', '2023-03-31'],
  ['2023-W05', '2023-W05', '2023-01-30', '2023-02-05'],
  ['2023-01-08', '2023-02-12', '2023-01-08', '2023-02-12'],
];
let runs: Map<string, CliRun>;
const TABULAR = VIEW_IDS.filter((v) => v !== 'overview');

const json = (args: string): any => JSON.parse(runs.get(args)!.stdout);
const csv = (args: string): string[] => runs.get(args)!.stdout.trimEnd().split('\n');

beforeAll(async () => {
  runner = await printRunner();
  runs = await printAll(runner, [
    ...VIEW_IDS.map((v) => [v, '--format', 'json']),
    ...VIEW_IDS.map((v) => [v, '--format', 'csv']),
    ['all', '--format', 'json'],
    ['all', '--format', 'csv'],
    ['leaderboard', '--format', 'csv', '--top', '3'],
    ['leaderboard', '--format', 'json', '--show-merges', '--top', '3'],
    ['leaderboard', '--format', 'csv', '--search', 'zeta', '--sort', 'params', '--asc'],
    ['leaderboard', '--format', 'csv', '--type', 'chat'],
    ['improvement', '--format', 'json', '--families', 'pattern:m,alpha/m1'],
    ['improvement', '--format', 'csv', '--families', 'pattern:m', '--percent'],
    ['sizes', '--format', 'json', '--score', 'bbh'],
    ...DATE_SPECS.map(([from, to]) => ['leaderboard', '--format', 'json', '--show-merges', '--from', from, '--to', to]),
  ]);
}, 180_000);

describe('print leaderboard --from/--to: the date syntax of the filter panel', () => {
  it.each(DATE_SPECS)('--from %s --to %s: the rows created %s to %s, ends included', (from, to, first, last) => {
    const run = runs.get(`leaderboard --format json --show-merges --from ${from} --to ${to}`)!;
    expect(run.code, run.stderr).toBe(0);
    const all = json('leaderboard --format json --show-merges --top 3').data.rows;
    const expected = all.filter((r: any) => r.created !== null && r.created >= first && r.created <= last).map((r: any) => r.repo);
    const { data } = JSON.parse(run.stdout);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length); // the range leaves some rows out
    expect(data.rows.map((r: any) => r.repo)).toEqual(expected);
    expect(data.query.created).toEqual({ from: first, to: last });
  });
});

describe('print VIEW --format json', () => {
  it.each([...VIEW_IDS])('%s: parses, with view, title, summary, source, options and data', (view) => {
    const run = runs.get(`${view} --format json`)!;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    const value = JSON.parse(run.stdout);
    expect(Object.keys(value)).toEqual(['view', 'title', 'summary', 'source', 'options', 'data']);
    expect(value.view).toBe(view);
    expect(value.source).toMatchObject({ dataset: 'open-llm-leaderboard/contents', revision: 'rev-1', generation: 'v2' });
    expect(value.options).toMatchObject({ period: 'month', top: 20, includeFlagged: false });
    expect(value.data).toBeTypeOf('object');
  });

  it('overview: counts, what is missing, and the §1 figures', () => {
    const { data } = json('overview --format json');
    expect(data.counts).toEqual({
      entries: FACTS.entries,
      repositories: FACTS.repositories,
      models: FACTS.models,
      flagged: FACTS.flagged,
      duplicates: FACTS.duplicates,
    });
    expect(data.missing).toMatchObject({
      withoutHubInfo: FACTS.withoutHubInfo,
      withoutHistory: FACTS.withoutHistory,
      withoutDate: 0,
      rowProblems: FACTS.rowProblems,
    });
    const authors = data.sections.find((s: any) => s.id === 'authors');
    expect(authors.data.concentration.authors).toBe(FACTS.authors.n);
    expect(authors.data.concentration.pairs).toBe(FACTS.authors.pairs);
    expect(authors.data.concentration.price.share).toBeCloseTo(FACTS.authors.price, 10);
    expect(authors.data.concentration.gini).toBeCloseTo(FACTS.authors.gini, 10);
    expect(authors.figures.find((f: any) => f.label.startsWith('top 10')).paper).toBeUndefined(); // v2: no paper figures
    const types = data.sections.find((s: any) => s.id === 'types');
    expect(types.data.types.map((t: any) => [t.type, t.count])).toEqual(Object.entries(FACTS.types));
    expect(types.data.mostDeclared).toMatchObject({ repo: FACTS.bases.top, count: FACTS.bases.topCount });
  });

  it('leaderboard: every matching row (not only --top), ranked', () => {
    const { data } = json('leaderboard --format json --show-merges --top 3');
    expect(data.shown).toBe(FACTS.models);
    expect(data.rows).toHaveLength(FACTS.models);
    expect(data.rows[0]).toMatchObject({ rank: 1, repo: FACTS.leaderboardTop.repo });
    expect(data.rows.filter((r: any) => r.merge)).toHaveLength(FACTS.merges);
    expect(data.rows.map((r: any) => r.score)).toEqual([...data.rows.map((r: any) => r.score)].sort((a, b) => b - a));
  });

  it('improvement: a pattern family and a lineage family, with their notes', () => {
    const { data } = json('improvement --format json --families pattern:m,alpha/m1');
    const [m, lineage] = data.result.families;
    expect(m).toMatchObject({ kind: 'pattern', size: FACTS.familyM.size, total: 0, records: [expect.objectContaining({ repo: FACTS.familyM.reference })] });
    expect(m.reference).toMatchObject({ repo: FACTS.familyM.reference, score: FACTS.familyM.referenceScore });
    expect(m.notes).toEqual([
      { count: FACTS.familyM.merges, text: 'merges left out of the family' },
      { count: FACTS.familyM.descendants, text: 'descendants of merges left out of the family' },
    ]);
    // alpha/m1 carries a "merge" tag: a merge base forms no family
    expect(lineage).toMatchObject({ kind: 'lineage', size: 0, total: null });
    expect(lineage.notes).toContainEqual({ count: 1, text: 'the base is itself a merge or descends from one' });
    expect(data.plotted).toEqual([]);
  });

  it('all: one object per view, in VIEW_IDS order', () => {
    const value = json('all --format json');
    expect(Object.keys(value)).toEqual([...VIEW_IDS]);
    expect(value.sizes.data.bins).toHaveLength(FACTS.sizeBins);
  });
});

describe('print VIEW --format csv', () => {
  it('overview has no table: exit 2 with one line, nothing on stdout', () => {
    const run = runs.get('overview --format csv')!;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('hubscope: the overview view has no table: use --format text, markdown or json\n');
  });

  it.each(TABULAR)('%s: a header and rows, no escape codes', (view) => {
    const run = runs.get(`${view} --format csv`)!;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    const lines = csv(`${view} --format csv`);
    expect(lines.length).toBeGreaterThan(1);
    const width = lines[0]!.split(',').length;
    expect(width).toBeGreaterThan(1);
  });

  it('rows worked out from the fixtures', () => {
    const leaderboard = csv('leaderboard --format csv --top 3');
    expect(leaderboard[0]).toMatch(/^rank,repo,type,family,architecture,params,score,IFEval,BBH,MATH Lvl 5,GPQA,MUSR,MMLU-PRO,/);
    expect(leaderboard).toHaveLength(1 + FACTS.leaderboardShown);
    expect(leaderboard[1]).toMatch(new RegExp(`^1,${FACTS.leaderboardTop.repo},pretrained,LLaMA,LlamaForCausalLM,7.24,49.24`));
    const types = csv('types --format csv');
    expect(types[0]).toBe('month,pretrained,chat,merge,total');
    expect(types).toHaveLength(1 + FACTS.months);
    expect(types.slice(1).reduce((sum, line) => sum + Number(line.split(',').at(-1)), 0)).toBe(FACTS.models);
    expect(csv('architectures --format csv')[0]).toBe(`month,${FACTS.family},total`);
    const bases = csv('base-models --format csv');
    expect(bases.slice(1).map((l) => l.split(',').slice(1, 2).concat(l.split(',')[4]!))).toEqual([
      [FACTS.bases.top, String(FACTS.bases.topCount)],
      [FACTS.bases.second, String(FACTS.bases.secondCount)],
    ]);
    expect(csv('lineage --format csv')).toHaveLength(1 + 1 + FACTS.bases.topCount);
    const sizes = csv('sizes --format csv');
    expect(sizes).toHaveLength(1 + FACTS.sizeBins);
    expect(sizes.find((l) => l.startsWith('7–8,'))).toMatch(/^7–8,7,8,27,27,/);
    expect(csv('authors --format csv')).toHaveLength(1 + FACTS.authors.n);
    expect(csv('improvement --format csv')).toHaveLength(1 + 11);
  });

  it('leaderboard filters: search and sort, type', () => {
    const zeta = csv('leaderboard --format csv --search zeta --sort params --asc');
    // zeta's 12, less its 6 merges (z01, z04, z07, z10 by type; z08, z12 by tag)
    expect(zeta).toHaveLength(1 + 6);
    expect(zeta.slice(1).every((l) => l.split(',')[1]!.startsWith('zeta/'))).toBe(true);
    const chat = csv('leaderboard --format csv --type chat');
    // 9 chat models, less beta/b3 and zeta/z12 (merges by tag)
    expect(chat).toHaveLength(1 + 7);
    expect(chat.slice(1).every((l) => l.split(',')[2] === 'chat')).toBe(true);
  });

  it('improvement --percent: the unit in the table', () => {
    const lines = csv('improvement --format csv --families pattern:m --percent');
    expect(lines[0]).toBe('id,family,kind,score,models,release,reference,reference_score,record_holder,record_score,total,unit,total_normalised,days_to_90,peak_normalised,peak_day,records');
    expect(lines[1]).toBe('m,m,pattern,average,1,2024-05-11,alpha/m7,26.3,alpha/m7,26.3,0,percent,0,,,,1');
  });

  it('--score: a benchmark in place of the average, named in the data (§0 "Score")', () => {
    const { data, options } = json('sizes --format json --score bbh');
    expect(options.score).toBe('BBH');
    expect(data.score).toMatchObject({ id: 'BBH', label: 'BBH', generation: 'v2' });
    expect(json('sizes --format json').data.score.id).toBe('average');
    expect(data.paramsForScore.threshold).toBe(40);
  });

  it('all: one CSV per tabular view, each after a "# view" line', () => {
    const out = runs.get('all --format csv')!.stdout;
    expect([...out.matchAll(/^# (\S+)$/gm)].map((m) => m[1])).toEqual(TABULAR);
    expect(out).toContain('\n\n# authors\nrank,author,repos,share,first_seen\n');
  });
});
