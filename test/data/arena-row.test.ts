// LMArena rows normalised: strings sanitised, the licence classed, numbers validated; a row
// without a model, rating or date is a counted problem, never a crash.
import { describe, expect, it } from 'vitest';
import { normaliseArenaRow, normaliseArenaRows } from '../../source/data/arena-row.js';

const good = {
  model_name: 'GPT-4o-2024-05-13',
  organization: 'OpenAI',
  license: 'Proprietary',
  rating: 1287.0,
  rating_lower: 1284.0,
  rating_upper: 1291.0,
  variance: null,
  vote_count: 55826,
  rank: 1,
  category: 'overall',
  leaderboard_publish_date: '2024-07-07',
};

describe('normaliseArenaRow', () => {
  it('reads a real row of the shared table', () => {
    expect(normaliseArenaRow(good, 3)).toEqual({
      index: 3,
      model: 'GPT-4o-2024-05-13',
      key: 'gpt-4o-2024-05-13',
      organisation: 'OpenAI',
      licence: 'Proprietary',
      licenceClass: 'proprietary',
      licenceKnown: true,
      rating: 1287,
      lower: 1284,
      upper: 1291,
      votes: 55826,
      rank: 1,
      category: 'overall',
      date: '2024-07-07',
    });
  });

  it('takes numbers as text or bigint (parquet INT64), dates as Date or timestamps', () => {
    const row = normaliseArenaRow({ ...good, rating: '1250.5', vote_count: 12n, rank: '3', leaderboard_publish_date: new Date('2025-01-02T00:00:00Z') }, 0);
    expect(row).toMatchObject({ rating: 1250.5, votes: 12, rank: 3, date: '2025-01-02' });
    expect(normaliseArenaRow({ ...good, leaderboard_publish_date: '2025-03-04T12:00:00Z' }, 0)).toMatchObject({ date: '2025-03-04' });
  });

  it('strips terminal control sequences from the strings', () => {
    const row = normaliseArenaRow({ ...good, model_name: 'Evil\u001b[31m Model\u0007', organization: '\u001b]8;;http://x\u0007Org', license: 'MIT\u001b[0m' }, 0);
    expect(row).toMatchObject({ model: 'Evil Model', organisation: 'Org', licence: 'MIT', licenceClass: 'open, permissive' });
  });

  it('drops an interval that is missing or not around the rating, and bad votes or ranks', () => {
    expect(normaliseArenaRow({ ...good, rating_lower: 1290 }, 0)).toMatchObject({ lower: null, upper: null });
    expect(normaliseArenaRow({ ...good, rating_upper: null }, 0)).toMatchObject({ lower: null, upper: null });
    expect(normaliseArenaRow({ ...good, vote_count: -3, rank: 0 }, 0)).toMatchObject({ votes: null, rank: null });
    expect(normaliseArenaRow({ ...good, vote_count: 2.5, rank: 'first' }, 0)).toMatchObject({ votes: null, rank: null });
  });

  it('an empty licence is null and unknown; an unknown spelling is open, restricted and not known', () => {
    expect(normaliseArenaRow({ ...good, license: '  ' }, 0)).toMatchObject({ licence: null, licenceClass: 'unknown', licenceKnown: true });
    expect(normaliseArenaRow({ ...good, license: 'Frobnicator' }, 0)).toMatchObject({ licenceClass: 'open, restricted', licenceKnown: false });
  });

  it.each([
    [{ model_name: '' }, 'no model name'],
    [{ model_name: null }, 'no model name'],
    [{ rating: null }, 'no rating for "GPT-4o-2024-05-13"'],
    [{ rating: 'NaN' }, 'no rating for "GPT-4o-2024-05-13"'],
    [{ rating: Infinity }, 'no rating for "GPT-4o-2024-05-13"'],
    [{ leaderboard_publish_date: '' }, 'no publication date for "GPT-4o-2024-05-13"'],
    [{ leaderboard_publish_date: '2024-02-30' }, 'no publication date for "GPT-4o-2024-05-13"'],
    [{ leaderboard_publish_date: 'yesterday' }, 'no publication date for "GPT-4o-2024-05-13"'],
  ])('a row with %j is a problem: %s', (patch, reason) => {
    expect(normaliseArenaRow({ ...good, ...patch }, 0)).toEqual({ problem: reason });
  });
});

describe('normaliseArenaRows', () => {
  it('keeps the good rows, counts the bad ones and a model listed twice on one date', () => {
    const result = normaliseArenaRows(
      [good, { ...good, rating: null }, { ...good, model_name: 'gpt-4o-2024-05-13' }, { ...good, leaderboard_publish_date: '2024-07-08' }, { ...good, category: 'coding' }, { ...good, rating_lower: null }],
      100,
    );
    expect(result.rows.map((r) => [r.index, r.date, r.category])).toEqual([
      [100, '2024-07-07', 'overall'],
      [103, '2024-07-08', 'overall'],
      [104, '2024-07-07', 'coding'],
    ]);
    expect(result.problems).toEqual([
      { index: 101, reason: 'no rating for "GPT-4o-2024-05-13"' },
      { index: 102, reason: '"gpt-4o-2024-05-13" listed twice on 2024-07-07' },
      { index: 105, reason: '"GPT-4o-2024-05-13" listed twice on 2024-07-07' },
    ]);
    expect(result.withoutInterval).toBe(0);
  });
});
