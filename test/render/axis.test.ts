import { describe, expect, it } from 'vitest';
import { dateTicks, dayNumber, dayString, labelLine, niceStep, numericTicks, placeLabels } from '../../source/render/axis.js';

describe('numeric ticks', () => {
  it('picks 1, 2, 2.5, 5 × 10^k steps', () => {
    expect(niceStep(60, 9)).toBe(10);
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(0, 5)).toBe(1);
  });
  it('lists multiples of the step inside the range', () => {
    expect(numericTicks(0, 60, 6).map((t) => t.label)).toEqual(['0', '10', '20', '30', '40', '50', '60']);
    expect(numericTicks(0.3, 1.1, 4).map((t) => t.label)).toEqual(['0.4', '0.6', '0.8', '1.0']);
    expect(numericTicks(5, 5, 4)).toEqual([{ value: 5, label: '5' }]);
  });
});

describe('date ticks', () => {
  it('converts days both ways', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayString(dayNumber('2024-04-18'))).toBe('2024-04-18');
    expect(dayNumber(new Date(Date.UTC(2023, 1, 24, 15)))).toBe(dayNumber('2023-02-24'));
  });
  it('uses months for a year and quarters or more when narrow', () => {
    const from = dayNumber('2023-01-15');
    const to = dayNumber('2024-01-10');
    expect(dateTicks(from, to, 200).map((t) => t.label)).toEqual([
      '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07',
      '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01',
    ]);
    expect(dateTicks(from, to, 45).map((t) => t.label)).toEqual(['2023-04', '2023-07', '2023-10', '2024-01']);
  });
  it('uses days or Mondays for short ranges', () => {
    const from = dayNumber('2024-04-18'); // a Thursday
    expect(dateTicks(from, from + 3, 80).map((t) => t.label)).toEqual(['04-18', '04-19', '04-20', '04-21']);
    expect(dateTicks(from, from + 20, 30).map((t) => t.label)).toEqual(['04-22', '04-29', '05-06']);
  });
});

describe('placeLabels', () => {
  it('keeps the marked labels and skips others that would overlap', () => {
    const placed = placeLabels(
      [
        { column: 0, text: 'first', keep: true },
        { column: 19, text: 'last', keep: true },
        { column: 5, text: 'mid' }, // would touch "first" (gap 1 needed)
        { column: 10, text: 'ok' },
      ],
      20,
    );
    expect(placed.map((p) => p.text)).toEqual(['first', 'ok', 'last']);
    expect(labelLine(placed)).toBe('first     ok    last'); // ok at 10–11, last at 16–19
  });
  it('centres labels on their column and keeps them inside the line', () => {
    expect(labelLine(placeLabels([{ column: 10, text: 'abc' }], 20))).toBe('         abc');
    expect(labelLine(placeLabels([{ column: 19, text: 'abc' }], 20))).toBe('                 abc');
  });
});
