import { describe, expect, it } from 'vitest';
import { Columns, columnKey, detectGeneration } from '../../source/data/columns.js';
import { DataError } from '../../source/data/errors.js';

describe('columnKey and Columns', () => {
  it('ignores U+FE0F, case and runs of spaces', () => {
    expect(columnKey('Average \u2B06\uFE0F')).toBe('average \u2B06');
    expect(columnKey('  Weight   type ')).toBe('weight type');
  });
  it('finds the source\'s own spelling from any candidate', () => {
    const columns = new Columns(['fullname', 'Average \u2B06', 'Hub \u2764\uFE0F']);
    expect(columns.find('Average \u2B06\uFE0F')).toBe('Average \u2B06');
    expect(columns.find('Likes', 'hub \u2764')).toBe('Hub \u2764\uFE0F');
    expect(columns.find('Model')).toBeUndefined();
    expect(columns.has('FULLNAME')).toBe(true);
  });
});

describe('detectGeneration', () => {
  it('tells v1 and v2 by their benchmarks', () => {
    expect(detectGeneration(['fullname', 'ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'Winogrande', 'GSM8K'])).toBe('v1');
    expect(detectGeneration(['fullname', 'IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO'])).toBe('v2');
    expect(detectGeneration(['arc', 'mmlu', 'gsm8k'])).toBe('v1');
  });
  it('prefers v2 when a table has both', () => {
    expect(detectGeneration(['ARC', 'HellaSwag', 'MMLU', 'IFEval', 'BBH', 'GPQA'])).toBe('v2');
    expect(detectGeneration(['ARC', 'HellaSwag', 'MMLU', 'TruthfulQA', 'IFEval', 'BBH', 'GPQA'])).toBe('v1');
  });
  it('throws a DataError with fewer than three of either', () => {
    expect(() => detectGeneration(['fullname', 'ARC', 'IFEval', 'MMLU'])).toThrow(DataError);
    expect(() => detectGeneration([])).toThrow(/cannot tell a v1 from a v2 leaderboard table/);
  });
});
