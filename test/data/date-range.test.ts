// data/date-range.ts: the one date syntax of the filter panel and `print --from/--to`
// (issue 9 item 8): a year, a month, a day or an ISO week (analyses.md §0 "Periods"), `from`
// taking the period's first day and `to` its last, inclusive.
import { describe, expect, it } from 'vitest';
import { DATE_SYNTAX, isoWeeksIn, parseDateBound, parseDateRange } from '../../source/data/date-range.js';
import { INITIAL_STATE, leaderboardReducer as reduce, parseField } from '../../source/app/state/leaderboard-state.js';
import { periodKey, periodLabel } from '../../source/analysis/periods.js';

const day = (text: string, bound: 'from' | 'to'): string => {
  const r = parseDateBound(text, bound);
  if (!r.ok) throw new Error(r.error);
  return r.day;
};

describe('parseDateBound', () => {
  it('a year, a month, a day: from its first day to its last', () => {
    expect([day('2024', 'from'), day('2024', 'to')]).toEqual(['2024-01-01', '2024-12-31']);
    expect([day('2024-02', 'from'), day('2024-02', 'to')]).toEqual(['2024-02-01', '2024-02-29']); // leap year
    expect([day('2023-02', 'from'), day('2023-02', 'to')]).toEqual(['2023-02-01', '2023-02-28']);
    expect([day('2023-04', 'to'), day('2023-12', 'to')]).toEqual(['2023-04-30', '2023-12-31']);
    expect([day(' 2023-07-18 ', 'from'), day('2023-07-18', 'to')]).toEqual(['2023-07-18', '2023-07-18']);
  });

  it('an ISO week: Monday to Sunday, across a year boundary too', () => {
    // 2024-W01 starts on Monday 1 January 2024; 2025-W01 on Monday 30 December 2024;
    // 2021-W53 (2020 has 53 weeks) is 28 Dec 2020 … 3 Jan 2021
    expect([day('2024-W01', 'from'), day('2024-W01', 'to')]).toEqual(['2024-01-01', '2024-01-07']);
    expect([day('2025-W01', 'from'), day('2025-w01', 'to')]).toEqual(['2024-12-30', '2025-01-05']);
    expect([day('2020-W53', 'from'), day('2020-W53', 'to')]).toEqual(['2020-12-28', '2021-01-03']);
    expect([isoWeeksIn(2020), isoWeeksIn(2023), isoWeeksIn(2026)]).toEqual([53, 52, 53]);
  });

  it('a week bound is the week the time series label with that name', () => {
    // every day of 2023–2025: the day's week key (its Monday) and label name the week whose
    // bounds parseDateBound gives for that label
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      const monday = periodKey(d, 'week');
      const label = periodLabel(monday, 'week');
      expect(day(label, 'from')).toBe(monday);
      expect(day(label, 'from') <= d && d <= day(label, 'to')).toBe(true);
    }
  });

  it('refuses anything else with one line naming the forms', () => {
    const cases: Array<[string, RegExp]> = [
      ['2024-13', /\(month 01 to 12\)/],
      ['2023-02-29', /\(2023-02 has days 01 to 28\)/],
      ['2024-04-31', /\(2024-04 has days 01 to 30\)/],
      ['2023-W53', /\(2023 has ISO weeks 01 to 52\)/],
      ['2024-W00', /ISO weeks 01 to 52/],
      ['July', /^“July” is not a date: use /],
      ['24', /is not a date/],
      ['2024/03', /is not a date/],
      ['2024-3', /is not a date/],
      ['0001', /year out of range/],
      ['2024-03-01T00:00', /is not a date/],
    ];
    for (const [text, message] of cases) {
      const r = parseDateBound(text, 'from');
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      expect(r.error).toMatch(message);
      expect(r.error).toContain(DATE_SYNTAX);
      expect(r.error).not.toContain('\n');
    }
    // what was typed is echoed without control characters
    const r = parseDateBound('20\u001b[31m24x', 'to');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).not.toContain('\u001b');
  });
});

describe('parseDateRange', () => {
  it('either bound may be missing; a from after the to is refused', () => {
    expect(parseDateRange('2024', undefined)).toEqual({ ok: true, from: '2024-01-01', to: null });
    expect(parseDateRange(undefined, '2024-W10')).toEqual({ ok: true, from: null, to: '2024-03-10' });
    expect(parseDateRange('2024-03', '2024-03')).toEqual({ ok: true, from: '2024-03-01', to: '2024-03-31' });
    expect(parseDateRange('2024-06', '2024-03', { from: '--from', to: '--to' })).toEqual({
      ok: false,
      error: '--from 2024-06 (2024-06-01) is after --to 2024-03 (2024-03-31): nothing is in that range',
    });
    const bad = parseDateRange('2024', 'soon', { from: '--from', to: '--to' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^--to: “soon” is not a date/);
  });

  it('the filter panel reads the same syntax to the same days', () => {
    for (const text of ['2023', '2023-02', '2023-02-05', '2023-W05', '2024-W01']) {
      expect(parseField('created-from', text)).toEqual({ ok: true, value: day(text, 'from') });
      expect(parseField('created-to', text)).toEqual({ ok: true, value: day(text, 'to') });
    }
    // a from after the to: refused by the panel as by print, the filters kept as they were
    let state = reduce(INITIAL_STATE, { type: 'panel-open' });
    const apply = (id: 'created-from' | 'created-to', text: string): void => {
      state = reduce(state, { type: 'panel-pick', item: { kind: 'field', id } });
      state = reduce(reduce(state, { type: 'field-edit', text }), { type: 'field-apply' });
    };
    apply('created-from', '2024-06');
    apply('created-to', '2024-03');
    expect(state.filters.created).toEqual({ from: '2024-06-01', to: null });
    expect(state.panel!.error).toBe('created from 2024-06-01 is after created to 2024-03-31: nothing is in that range');
    apply('created-to', '2024-W30');
    expect(state.filters.created).toEqual({ from: '2024-06-01', to: '2024-07-28' });
    expect(state.panel!.error).toBeNull();
    const wrong = parseField('created-to', '2023-02-30');
    expect(wrong).toEqual({ ok: false, error: (parseDateBound('2023-02-30', 'to') as { error: string }).error });
  });
});
