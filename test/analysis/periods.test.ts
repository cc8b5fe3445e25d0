// analyses.md §0 "Periods": day, ISO week (starting Monday), month. Expected keys and labels
// are worked out from a calendar in each test.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, periodKey, periodLabel, periodRange, periodStart } from '../../source/analysis/periods.js';

describe('periodKey', () => {
  it('keeps the day, the month, or the Monday of the ISO week', () => {
    // 2024-02-01 is a Thursday; its week starts on Monday 2024-01-29
    expect(periodKey('2024-02-01', 'day')).toBe('2024-02-01');
    expect(periodKey('2024-02-01', 'month')).toBe('2024-02');
    expect(periodKey('2024-02-01', 'week')).toBe('2024-01-29');
  });

  it('reads an ISO timestamp by its UTC day', () => {
    expect(periodKey('2024-02-04T23:59:59.000Z', 'week')).toBe('2024-01-29'); // Sunday
    expect(periodKey('2024-02-05T00:00:00.000Z', 'week')).toBe('2024-02-05'); // Monday
  });

  it('puts the last days of a year in the week of the next one across the boundary', () => {
    // 2020-12-31 is a Thursday, 2021-01-03 a Sunday: both in the week of Monday 2020-12-28
    expect(periodKey('2020-12-31', 'week')).toBe('2020-12-28');
    expect(periodKey('2021-01-03', 'week')).toBe('2020-12-28');
    expect(periodKey('2021-01-04', 'week')).toBe('2021-01-04');
  });
});

describe('periodLabel', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    expect(periodLabel('2024-01-29', 'week')).toBe('2024-W05');
    // 2020 has 53 ISO weeks: the week of Monday 2020-12-28 is 2020-W53
    expect(periodLabel('2020-12-28', 'week')).toBe('2020-W53');
    expect(periodLabel('2021-01-04', 'week')).toBe('2021-W01');
    // Monday 2024-12-30: its Thursday is 2025-01-02, so it is 2025-W01
    expect(periodLabel('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodLabel('2025-12-29', 'week')).toBe('2026-W01');
  });

  it('leaves day and month keys as they are', () => {
    expect(periodLabel('2024-02', 'month')).toBe('2024-02');
    expect(periodLabel('2024-02-03', 'day')).toBe('2024-02-03');
  });
});

describe('periodRange', () => {
  it('lists months across a year boundary', () => {
    expect(periodRange('2023-11', '2024-02', 'month')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  it('lists week Mondays across a year boundary', () => {
    expect(periodRange('2020-12-21', '2021-01-11', 'week')).toEqual(['2020-12-21', '2020-12-28', '2021-01-04', '2021-01-11']);
  });

  it('lists days through a leap day', () => {
    expect(periodRange('2024-02-28', '2024-03-01', 'day')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('gives one key when first and last are the same, none when last is earlier', () => {
    expect(periodRange('2024-05', '2024-05', 'month')).toEqual(['2024-05']);
    expect(periodRange('2024-05', '2024-04', 'month')).toEqual([]);
    expect(periodRange('2024-05-06', '2024-04-29', 'week')).toEqual([]);
  });
});

describe('periodStart, daysBetween, addDays', () => {
  it('gives the first day of a period', () => {
    expect(periodStart('2024-02', 'month')).toBe('2024-02-01');
    expect(periodStart('2024-01-29', 'week')).toBe('2024-01-29');
  });

  it('counts whole days, negative backwards, through leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-03-01T22:00:00Z', '2024-02-28T01:00:00Z')).toBe(-2);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-01-01', -4)).toBe('2020-12-28');
  });
});
