// analyses.md §7 on hand-worked LMArena tables: the frontier per date, the gap and its margin,
// the lag in days (exact, open leading, censored, not yet matched), ties, licence spellings,
// a date with no open model, the top-k shares, the open frontier's holders and the median lag.
import { describe, expect, it } from 'vitest';
import { frontier } from '../../source/analysis/frontier.js';
import { daysBetween, medianLag } from '../../source/analysis/frontier-lag.js';
import { arenaDataset, table } from './arena-rows.js';

const P = 'Proprietary';
const A = 'Apache 2.0';
const L = 'Llama 3.1 Community';

describe('first seen and the lag in days', () => {
  // 2024-01-01: the open model leads the old proprietary one.
  // 2024-01-11 (+10 d): PropNew appears above it: behind, M = PropNew, first seen today: 0 days.
  // 2024-02-10 (+30 d after 01-11): OpenY (1080) passes PropOld but not PropNew (1090, first
  //   seen 01-11) nor PropNewer (1120, first seen today): M = PropNew, the one first seen
  //   earliest: lag = 2024-02-10 − 2024-01-11 = 30 days exactly; the gap 1120 − 1080 = 40.
  const data = arenaDataset([
    ...table('2024-01-01', ['PropOld', P, 1000], ['OpenX', A, 1010]),
    ...table('2024-01-11', ['PropOld', P, 1000], ['PropNew', P, 1100], ['OpenX', A, 1010]),
    ...table('2024-02-10', ['PropOld', P, 1000], ['PropNew', P, 1090], ['PropNewer', P, 1120], ['OpenX', A, 1010], ['OpenY', L, 1080]),
  ]);
  const result = frontier(data);
  const [d1, d2, d3] = result.dates;

  it('dates each model by its first publication', () => {
    expect(result.firstSeen.map((m) => [m.model, m.firstSeen])).toEqual([
      ['PropOld', '2024-01-01'],
      ['OpenX', '2024-01-01'],
      ['PropNew', '2024-01-11'],
      ['PropNewer', '2024-02-10'],
      ['OpenY', '2024-02-10'],
    ]);
  });

  it('open leads: no proprietary model above the best open one, lag 0', () => {
    expect(d1!.lag).toEqual({ state: 'open leads', days: 0, censored: false });
    expect(d1!.gap!.points).toBe(-10);
  });

  it('a proprietary model that appears today above the open frontier: behind by 0 days', () => {
    expect(d2!.lag).toMatchObject({ state: 'behind', days: 0, censored: false, model: { model: 'PropNew', firstSeen: '2024-01-11' } });
  });

  it('a lag of exactly 30 days, from the oldest proprietary model still above the open frontier', () => {
    expect(daysBetween('2024-01-11', '2024-02-10')).toBe(30);
    expect(d3!.bestProprietary!.model).toBe('PropNewer');
    expect(d3!.bestOpen!.model).toBe('OpenY');
    expect(d3!.gap!.points).toBe(40);
    expect(d3!.lag).toMatchObject({ state: 'behind', days: 30, censored: false, model: { model: 'PropNew', rating: 1090 } });
  });

  it('the last date says which proprietary model open has not yet matched, and for how long', () => {
    expect(result.notYetMatched).toMatchObject({ model: 'PropNew', firstSeen: '2024-01-11', asOf: '2024-02-10', days: 30, censored: false });
  });

  it('median lag over the three dates: 0, 0, 30 → 0, exact', () => {
    expect(result.medianLag).toEqual({ days: 0, atLeast: false, dates: 3, censored: 0 });
  });
});

describe('an open model that never catches up', () => {
  // PropA is first seen on 2024-03-01 (not the first date) and stays above every open model
  // to the end: the lag grows day for day, and PropA is "not yet matched" on the last date.
  const data = arenaDataset([
    ...table('2024-01-01', ['PropOld', P, 1000], ['Open1', A, 1005]),
    ...table('2024-03-01', ['PropOld', P, 1000], ['PropA', P, 1200], ['Open1', A, 1005]),
    ...table('2024-04-01', ['PropOld', P, 1000], ['PropA', P, 1200], ['Open1', A, 1005], ['Open2', A, 1150]),
    ...table('2024-06-01', ['PropOld', P, 1000], ['PropA', P, 1190], ['Open2', A, 1160], ['Open3', A, 1185]),
  ]);
  const result = frontier(data);

  it('lags 0, 0, 31 and 92 days (2024-03-01 → 04-01 → 06-01), never censored', () => {
    expect(result.dates.map((d) => [d.lag!.state, d.lag!.days, d.lag!.censored])).toEqual([
      ['open leads', 0, false],
      ['behind', 0, false],
      ['behind', 31, false],
      ['behind', 92, false],
    ]);
  });

  it('"not yet matched": PropA, first seen 2024-03-01, still above the best open model (Open3, 1185 < 1190) on 2024-06-01, for 92 days', () => {
    expect(result.notYetMatched).toEqual({
      model: 'PropA',
      organisation: 'PropA',
      rating: 1190,
      firstSeen: '2024-03-01',
      asOf: '2024-06-01',
      days: 92,
      censored: false,
    });
    expect(result.dates[3]!.gap).toEqual({ points: 5, withinMargin: true });
  });

  it('once open catches up, nothing is "not yet matched"', () => {
    const caught = frontier(arenaDataset([...data.rows.map(toSpec), ...table('2024-07-01', ['PropA', P, 1190], ['Open3', A, 1195])]));
    expect(caught.dates.at(-1)!.lag).toEqual({ state: 'open leads', days: 0, censored: false });
    expect(caught.notYetMatched).toBeNull();
  });
});

describe('censored lags', () => {
  // PropFirst is there on the series' first date and stays above open: its true first
  // appearance may be earlier, so each lag is "at least".
  const data = arenaDataset([
    ...table('2024-01-01', ['PropFirst', P, 1100], ['Open1', A, 1000]),
    ...table('2024-01-21', ['PropFirst', P, 1100], ['Open1', A, 1000]),
    ...table('2024-02-10', ['PropFirst', P, 1100], ['Open1', A, 1000], ['PropLater', P, 1150]),
  ]);
  const result = frontier(data);

  it('reports days since the first date, censored', () => {
    expect(result.dates.map((d) => [d.lag!.days, d.lag!.censored])).toEqual([
      [0, true],
      [20, true],
      [40, true],
    ]);
    expect(result.dates[2]!.lag).toMatchObject({ model: { model: 'PropFirst' } });
    expect(result.notYetMatched).toMatchObject({ model: 'PropFirst', days: 40, censored: true });
    expect(result.notes.some((n) => n.count === 3 && /censored/.test(n.text))).toBe(true);
  });

  it('the median of censored lags is "at least"', () => {
    expect(result.medianLag).toEqual({ days: 20, atLeast: true, dates: 3, censored: 3 });
  });
});

describe('the median lag', () => {
  it('is exact when every censored lag sorts above the middle', () => {
    expect(medianLag([{ days: 5, censored: false }, { days: 10, censored: false }, { days: 90, censored: true }])).toEqual({ days: 10, atLeast: false, dates: 3, censored: 1 });
  });
  it('is "at least" when a censored lag is at or below the middle', () => {
    expect(medianLag([{ days: 5, censored: true }, { days: 10, censored: false }, { days: 90, censored: false }])).toMatchObject({ days: 10, atLeast: true });
  });
  it('averages the two middle values of an even count; a censored value equal to the middle sorts after it', () => {
    expect(medianLag([{ days: 0, censored: false }, { days: 10, censored: false }, { days: 20, censored: false }, { days: 40, censored: true }])).toMatchObject({ days: 15, atLeast: false });
    expect(medianLag([{ days: 10, censored: false }, { days: 20, censored: true }, { days: 20, censored: false }])).toMatchObject({ days: 20, atLeast: false });
  });
  it('is null without lags', () => {
    expect(medianLag([])).toEqual({ days: null, atLeast: false, dates: 0, censored: 0 });
  });
});

describe('ties', () => {
  it('a proprietary model tied with the best open one is matched: open leads, gap 0, within the margin', () => {
    const [d] = frontier(arenaDataset(table('2024-05-01', ['PropT', P, 1100], ['OpenT', A, 1100]))).dates;
    expect(d!.gap).toEqual({ points: 0, withinMargin: true });
    expect(d!.lag).toEqual({ state: 'open leads', days: 0, censored: false });
  });

  it('two open models tied at the top: the one first seen earlier holds the frontier, the other is listed as tied', () => {
    const data = arenaDataset([
      ...table('2024-05-01', ['Prop', P, 1200], ['OpenLate', A, 1000], ['OpenEarly', L, 1000]),
      ...table('2024-05-08', ['Prop', P, 1200], ['OpenEarly', L, 1150], ['OpenLate', A, 1150]),
    ]);
    // both first seen 2024-05-01: the tie-break goes on to votes (equal), then the name
    const [d1, d2] = frontier(data).dates;
    expect(d1!.bestOpen!.model).toBe('OpenEarly');
    expect(d1!.bestOpen!.tiedWith).toEqual(['OpenLate']);
    const later = arenaDataset([
      ...table('2024-05-01', ['Prop', P, 1200], ['OpenB', A, 1000]),
      ...table('2024-05-08', ['Prop', P, 1200], ['OpenA', A, 1150], ['OpenB', A, 1150]),
    ]);
    // OpenB was there a week before OpenA: it holds the tie, though A sorts first by name
    expect(frontier(later).dates[1]!.bestOpen).toMatchObject({ model: 'OpenB', tiedWith: ['OpenA'] });
    expect(d2!.bestOpen!.model).toBe('OpenEarly');
  });

  it('proprietary models above the open frontier first seen on the same day: the higher rated is M', () => {
    const data = arenaDataset([
      ...table('2024-01-01', ['Open1', A, 1000]),
      ...table('2024-01-05', ['PropLow', P, 1010], ['PropHigh', P, 1050], ['Open1', A, 1000]),
    ]);
    expect(frontier(data).dates[1]!.lag).toMatchObject({ state: 'behind', days: 0, model: { model: 'PropHigh' } });
  });
});

describe('licences', () => {
  it('a misspelt "Propretary" counts as proprietary and can hold the frontier', () => {
    const [d] = frontier(arenaDataset(table('2024-05-01', ['Typo', 'Propretary', 1300], ['Prop', P, 1250], ['Open', A, 1200]))).dates;
    expect(d!.bestProprietary).toMatchObject({ model: 'Typo', licence: 'Propretary', licenceClass: 'proprietary' });
    expect(d!.counts).toMatchObject({ proprietary: 2, open: 1 });
  });

  it('an unknown licence counts as open, restricted, and is listed with its rows', () => {
    const result = frontier(arenaDataset([
      ...table('2024-05-01', ['Prop', P, 1250], ['Odd', 'Frobnicator Licence', 1240], ['Open', A, 1200]),
      ...table('2024-05-02', ['Prop', P, 1250], ['Odd', 'Frobnicator Licence', 1240]),
    ]));
    expect(result.unknownLicences).toEqual(['Frobnicator Licence']);
    expect(result.licences.find((l) => l.licence === 'Frobnicator Licence')).toEqual({ licence: 'Frobnicator Licence', licenceClass: 'open, restricted', known: false, rows: 2, models: 1 });
    expect(result.dates[0]!.bestOpen!.model).toBe('Odd');
    expect(result.notes.find((n) => /does not know/.test(n.text))).toEqual({ count: 2, text: 'rows with a licence the table does not know, counted as open, restricted: "Frobnicator Licence"' });
  });

  it('a licence that says nothing (Other, N/A, empty) is on neither side', () => {
    const [d] = frontier(arenaDataset(table('2024-05-01', ['Prop', P, 1250], ['Mystery', 'Other', 1400], ['Blank', '', 1390], ['Open', A, 1200]))).dates;
    expect(d!.counts).toEqual({ models: 4, proprietary: 1, open: 1, permissive: 1, unknown: 2 });
    expect(d!.bestProprietary!.model).toBe('Prop');
    expect(d!.bestOpen!.model).toBe('Open');
  });

  it('best permissive is the best open model under a permissive licence', () => {
    const [d] = frontier(arenaDataset(table('2024-05-01', ['Prop', P, 1300], ['Llama', L, 1280], ['Mit', 'MIT', 1270], ['Apache', A, 1260]))).dates;
    expect(d!.bestOpen!.model).toBe('Llama');
    expect(d!.bestPermissive!.model).toBe('Mit');
  });
});

describe('the margin', () => {
  it('overlapping 95 % intervals are within the margin; apart, not; without an interval, unknown', () => {
    // 1100 ± 10 = [1090, 1110] and 1085 ± 10 = [1075, 1095]: 1090 ≤ 1095, overlap
    const overlapping = frontier(arenaDataset(table('2024-05-01', ['Prop', P, 1100, 10], ['Open', A, 1085, 10]))).dates[0]!;
    expect(overlapping.gap).toEqual({ points: 15, withinMargin: true });
    expect(overlapping.bestProprietary).toMatchObject({ lower: 1090, upper: 1110 });
    // 1100 ± 3 = [1097, 1103] and 1085 ± 3 = [1082, 1088]: apart
    expect(frontier(arenaDataset(table('2024-05-01', ['Prop', P, 1100, 3], ['Open', A, 1085, 3]))).dates[0]!.gap).toEqual({ points: 15, withinMargin: false });
    // touching ends count as overlapping: [1090, 1100] and [1080, 1090]
    expect(frontier(arenaDataset(table('2024-05-01', ['Prop', P, 1095, 5], ['Open', A, 1085, 5]))).dates[0]!.gap!.withinMargin).toBe(true);
    const unknown = frontier(arenaDataset(table('2024-05-01', ['Prop', P, 1100, null], ['Open', A, 1085, 10])));
    expect(unknown.dates[0]!.gap).toEqual({ points: 15, withinMargin: null });
    expect(unknown.notes.some((n) => n.count === 1 && /without a 95 % interval/.test(n.text))).toBe(true);
  });
});

describe('dates without a point', () => {
  const data = arenaDataset([
    ...table('2024-01-01', ['Prop', P, 1100], ['Open', A, 1050]),
    ...table('2024-01-08', ['Prop', P, 1100], ['Prop2', P, 1090]),
    ...table('2024-01-15', ['Prop', P, 1100], ['Open', A, 1060]),
  ]);
  const result = frontier(data);

  it('a date with no open model says so: no gap, no lag, the proprietary frontier still given', () => {
    const d = result.dates[1]!;
    expect(d.missing).toBe('no open model');
    expect(d.gap).toBeNull();
    expect(d.lag).toBeNull();
    expect(d.bestOpen).toBeNull();
    expect(d.bestProprietary!.model).toBe('Prop');
    expect(result.counts).toMatchObject({ dates: 3, datesWithPoint: 2 });
    expect(result.notes.some((n) => n.count === 1 && /without a frontier point/.test(n.text))).toBe(true);
  });

  it('the median is over the dates with a point (censored lags 0 and 14)', () => {
    expect(result.medianLag).toEqual({ days: 7, atLeast: true, dates: 2, censored: 2 });
  });

  it('with a minimum of 2 open models, a date with one says "too few"', () => {
    const strict = frontier(data, { minOpen: 2 });
    expect(strict.dates.map((d) => d.missing)).toEqual(['too few open models (1, 2 needed)', 'no open model', 'too few open models (1, 2 needed)']);
    expect(strict.medianLag.days).toBeNull();
    expect(strict.holders).toEqual([]);
  });

  it('the open frontier\'s holders break at the date without an open model', () => {
    expect(result.holders).toEqual([
      { organisation: 'Open', from: '2024-01-01', to: '2024-01-01', dates: 1, models: ['Open'] },
      { organisation: 'Open', from: '2024-01-15', to: '2024-01-15', dates: 1, models: ['Open'] },
    ]);
    expect(result.holderTotals).toEqual([{ organisation: 'Open', dates: 2, first: '2024-01-01', last: '2024-01-15' }]);
  });
});

describe('the open share of the top', () => {
  it('counts open models among the 10 best; null for a top 20 the table does not fill', () => {
    // 12 models: ranks 1–3 proprietary, 4 open (Llama), 5 unknown, 6–8 proprietary,
    // 9–10 open (MIT), 11–12 open: top 10 holds 3 open (1 restricted, 2 permissive)
    const rows = table(
      '2024-05-01',
      ['P1', P, 1300], ['P2', P, 1290], ['P3', P, 1280], ['O4', L, 1270], ['U5', 'N/A', 1260], ['P6', P, 1250],
      ['P7', P, 1240], ['P8', P, 1230], ['O9', 'MIT', 1220], ['O10', 'MIT', 1210], ['O11', A, 1200], ['O12', A, 1190],
    );
    const [d] = frontier(arenaDataset(rows)).dates;
    expect(d!.top).toEqual([
      { k: 10, open: 3, permissive: 2, share: 0.3 },
      { k: 20, open: 5, permissive: 4, share: null },
    ]);
  });
});

describe('who holds the open frontier', () => {
  it('runs of consecutive dates per organisation, compared case-insensitively, with their models (one model in two spellings listed once)', () => {
    const spec = (date: string, model: string, organisation: string, rating: number) => ({ date, model, licence: A, rating, organisation });
    const prop = (date: string) => ({ date, model: 'Prop', licence: P, rating: 1300, organisation: 'Closed' });
    const data = arenaDataset([
      prop('2024-01-01'), spec('2024-01-01', 'Llama-A', 'Meta', 1200), spec('2024-01-01', 'Qwen-A', 'Alibaba', 1100),
      prop('2024-01-08'), spec('2024-01-08', 'Llama-B', 'meta', 1210), spec('2024-01-08', 'Qwen-A', 'Alibaba', 1100),
      prop('2024-01-10'), spec('2024-01-10', 'LLAMA-B', 'Meta', 1210),
      prop('2024-01-15'), spec('2024-01-15', 'Llama-B', 'Meta', 1210), spec('2024-01-15', 'Qwen-B', 'Alibaba', 1250),
      prop('2024-01-22'), spec('2024-01-22', 'Llama-C', 'Meta', 1260), spec('2024-01-22', 'Qwen-B', 'Alibaba', 1250),
    ]);
    const result = frontier(data);
    expect(result.holders).toEqual([
      { organisation: 'Meta', from: '2024-01-01', to: '2024-01-10', dates: 3, models: ['Llama-A', 'Llama-B'] },
      { organisation: 'Alibaba', from: '2024-01-15', to: '2024-01-15', dates: 1, models: ['Qwen-B'] },
      { organisation: 'Meta', from: '2024-01-22', to: '2024-01-22', dates: 1, models: ['Llama-C'] },
    ]);
    expect(result.holderTotals.map((t) => [t.organisation, t.dates])).toEqual([['Meta', 4], ['Alibaba', 1]]);
    expect(result.counts).toMatchObject({ models: 6, organisations: 3, dates: 5 });
  });
});

describe('one dataset, one category', () => {
  it('leaves rows of another category out and says how many; row problems are counted in the notes', () => {
    const data = arenaDataset([
      ...table('2024-05-01', ['Prop', P, 1250], ['Open', A, 1200]),
      { date: '2024-05-01', model: 'Coder', licence: A, rating: 1400, category: 'coding' },
    ], { rowProblems: 2 });
    const result = frontier(data);
    expect(result.dates[0]!.bestOpen!.model).toBe('Open');
    expect(result.notes).toContainEqual({ count: 1, text: 'rows of other categories than "overall" left out' });
    expect(result.notes).toContainEqual({ count: 2, text: 'rows that could not be read (no model, rating or date; duplicates)' });
  });

  it('an empty dataset gives no dates and no median', () => {
    const result = frontier(arenaDataset([]));
    expect(result).toMatchObject({ firstDate: null, lastDate: null, dates: [], notYetMatched: null, medianLag: { days: null } });
  });
});

function toSpec(row: { date: string; model: string; licence: string | null; rating: number }) {
  return { date: row.date, model: row.model, licence: row.licence ?? '', rating: row.rating };
}
