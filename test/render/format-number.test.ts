import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatDate,
  formatDecimal,
  formatInteger,
  formatMonth,
  formatParams,
  formatPercent,
  formatScore,
  formatSigned,
  formatTick,
  MISSING,
} from '../../source/render/format-number.js';

describe('number formats', () => {
  it('thousands separators', () => {
    expect(formatInteger(1829)).toBe('1,829');
    expect(formatInteger(1234567.6)).toBe('1,234,568');
    expect(formatDecimal(12345.67, 1)).toBe('12,345.7');
    expect(formatDecimal(-1234567.891, 2)).toBe('-1,234,567.89');
    expect(formatDecimal(999.96, 1)).toBe('1,000.0'); // the carry reaches the grouping
    expect(formatDecimal(123, 0)).toBe('123');
    expect(formatDecimal(-0.04, 1)).toBe('-0.0');
    expect(formatInteger(-0)).toBe('0');
    expect(formatInteger(123456789012)).toBe('123,456,789,012');
  });
  it('percentages with a space before the sign', () => {
    expect(formatPercent(0.0861)).toBe('8.6 %');
    expect(formatPercent(0.5, 0)).toBe('50 %');
    expect(formatPercent(1)).toBe('100.0 %');
  });
  it('compact counts', () => {
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1234)).toBe('1.2k');
    expect(formatCompact(12345)).toBe('12k');
    expect(formatCompact(3_400_000)).toBe('3.4M');
    expect(formatCompact(999_999)).toBe('1M');
    expect(formatCompact(5_600_000_000)).toBe('5.6B');
    expect(formatCompact(-1500)).toBe('-1.5k');
  });
  it('params in billions', () => {
    expect(formatParams(7)).toBe('7 B');
    expect(formatParams(0.5)).toBe('0.5 B');
    expect(formatParams(46.7)).toBe('46.7 B');
    expect(formatParams(7.24)).toBe('7.2 B');
    expect(formatParams(0.124)).toBe('0.12 B');
    expect(formatParams(0)).toBe('?');
    expect(formatParams(null)).toBe('?');
  });
  it('signed differences and scores', () => {
    expect(formatSigned(12.34)).toBe('+12.3');
    expect(formatSigned(-0.5)).toBe('-0.5');
    expect(formatSigned(0)).toBe('0.0');
    expect(formatSigned(-0.01)).toBe('0.0');
    expect(formatScore(72.3141)).toBe('72.31');
  });
  it('dates', () => {
    expect(formatDate('2024-04-18T10:00:00.000Z')).toBe('2024-04-18');
    expect(formatDate(new Date(Date.UTC(2023, 1, 24)))).toBe('2023-02-24');
    expect(formatDate(Date.UTC(2023, 8, 20))).toBe('2023-09-20');
    expect(formatMonth('2023-09-20')).toBe('2023-09');
    expect(formatDate('soon')).toBe(MISSING);
  });
  it('missing values', () => {
    for (const f of [formatInteger, formatPercent, formatCompact, formatSigned, formatScore]) {
      expect(f(null)).toBe(MISSING);
      expect(f(Number.NaN)).toBe(MISSING);
      expect(f(undefined)).toBe(MISSING);
    }
  });
  it('axis ticks with the decimals the step needs', () => {
    expect(formatTick(20, 10)).toBe('20');
    expect(formatTick(2.5, 0.5)).toBe('2.5');
    expect(formatTick(0.25, 0.25)).toBe('0.25');
    expect(formatTick(-0, 1)).toBe('0');
    expect(formatTick(25000, 5000)).toBe('25k');
  });
});
