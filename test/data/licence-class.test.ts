// Licence classes (analyses.md §7): every one of the 38 spellings of the shared LMArena table
// (../shared/data/lmarena-text-2024-2025, counted there with csv) with the class it gets,
// checked by hand against each licence's terms; then the tolerance of the matching and an
// unknown spelling.
import { describe, expect, it } from 'vitest';
import { classifyLicence, licenceKey, type LicenceClass } from '../../source/data/licence-class.js';

const P = 'proprietary';
const OP = 'open, permissive';
const OR = 'open, restricted';
const U = 'unknown';

/** The 38 spellings of the shared table, as written there, and the hand-checked class. */
const SHARED_SPELLINGS: ReadonlyArray<[string, LicenceClass]> = [
  ['', U], // 4 rows without a licence
  ['AI2 ImpACT Low-risk', OR], // AI2's licence: use restrictions, derivative-impact reporting
  ['Apache 2.0', OP],
  ['Apache-2.0', OP],
  ['CC-BY-NC-4.0', OR], // non-commercial
  ['CC-BY-NC-SA-4.0', OR], // non-commercial, share-alike
  ['DBRX LICENSE', OR], // Databricks Open Model License: use policy, user threshold
  ['DeepSeek', OR], // DeepSeek License Agreement: use restrictions
  ['DeepSeek License', OR],
  ['Falcon-180B TII License', OR], // TII's: hosting-use restriction
  ['Gemma', OR], // Gemma terms of use: prohibited-use policy
  ['Gemma license', OR],
  ['Jamba Open', OR], // Jamba Open Model License: revenue threshold
  ['Llama', OR], // Llama community licences: use policy, 700 M MAU clause
  ['Llama 2 Community', OR],
  ['Llama 3 Community', OR],
  ['Llama 3.1', OR],
  ['Llama 3.1 Community', OR],
  ['Llama 3.2', OR],
  ['Llama 4', OR],
  ['Llama-3.3', OR],
  ['MIT', OP],
  ['MRL', OR], // Mistral Research License: research and non-commercial use
  ['Mistral Research', OR],
  ['Modified MIT', OP], // Kimi K2: MIT plus a display-the-name clause for very large products
  ['N/A', U],
  ['NVIDIA Open Model', OR], // NVIDIA Open Model License: vendor terms, guardrail clause
  ['NexusFlow', OR], // Athene: Nexusflow's non-commercial research licence
  ['Non-commercial', OR],
  ['Nvidia', OR],
  ['Nvidia Open', OR],
  ['Nvidia Open Model', OR],
  ['Other', U],
  ['Propretary', P], // the leaderboard's typo
  ['Proprietary', P],
  ['Qianwen LICENSE', OR], // Tongyi Qianwen licence: 100 M MAU clause
  ['Qwen', OR],
  ['Yi License', OR], // Yi licence: commercial use needs registration
];

describe('licence classes of the shared LMArena table', () => {
  it('lists 38 distinct spellings', () => {
    expect(new Set(SHARED_SPELLINGS.map(([s]) => s)).size).toBe(38);
  });

  it.each(SHARED_SPELLINGS)('%j is %s, by a rule of the table (none is unknown)', (spelling, expected) => {
    const verdict = classifyLicence(spelling);
    expect(verdict.licenceClass).toBe(expected);
    expect(verdict.rule).not.toBeNull();
  });

  it('counts 2 proprietary, 4 permissive, 29 restricted and 3 unknown spellings', () => {
    const tally: Record<string, number> = {};
    for (const [s] of SHARED_SPELLINGS) {
      const c = classifyLicence(s).licenceClass;
      tally[c] = (tally[c] ?? 0) + 1;
    }
    expect(tally).toEqual({ [P]: 2, [OP]: 4, [OR]: 29, [U]: 3 });
  });
});

describe('matching tolerates case, spacing, punctuation and typos', () => {
  it('folds case, whitespace, punctuation and accents into one key', () => {
    expect(licenceKey('  Apache-2.0 ')).toBe('apache20');
    expect(licenceKey('LLAMA_3.3')).toBe('llama33');
    expect(licenceKey('Propriétaire')).toBe('proprietaire');
    expect(licenceKey(null)).toBe('');
  });

  it.each([
    ['apache 2.0', OP],
    ['APACHE LICENSE 2.0', OP],
    ['mit license', OP],
    ['cc by 4.0', OP],
    ['CC-BY-SA-4.0', OP],
    ['cc by-nc 4.0', OR],
    ['llama 3.3 community license', OR],
    ['gemma  terms of use', OR],
    ['PROPRIETARY', P],
    ['Proprietery', P],
    ['Propietary', P],
    ['Proprietary (API only)', P],
    [' proprietary\t', P],
    ['n / a', U],
    ['OTHER', U],
    ['  ', U],
  ] as Array<[string, LicenceClass]>)('%j is %s', (spelling, expected) => {
    expect(classifyLicence(spelling).licenceClass).toBe(expected);
  });

  it('a null licence is unknown', () => {
    expect(classifyLicence(null).licenceClass).toBe(U);
  });
});

describe('a licence the table does not know', () => {
  it('counts as open, restricted, with no rule (the analysis lists it)', () => {
    expect(classifyLicence('Frobnicator Public Licence v2')).toEqual({ licenceClass: OR, rule: null });
    expect(classifyLicence('WTFPL')).toEqual({ licenceClass: OR, rule: null });
  });

  it('is not mistaken for a close relative ("Mitigation" is not MIT, "Apachee" is Apache)', () => {
    expect(classifyLicence('Mitigation Licence').rule).toBeNull();
    expect(classifyLicence('Apachee 2').licenceClass).toBe(OP);
  });
});
