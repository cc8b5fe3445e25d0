// analyses.md §5 search: text or regex on the repo id, @type/@arch/@license, AND within a
// search, ";" between searches (OR); an invalid regex is plain text.
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_LENGTH, parseSearch, searchMatches, searchRefusal, type SearchTexts } from '../../source/analysis/leaderboard-search.js';

const row = (repo: string, type = 'fine-tuned', arch = 'llama llamaforcausallm', license = 'apache-2.0'): SearchTexts => ({
  repo: repo.toLowerCase(),
  type,
  arch,
  license,
});

const ROWS: Record<string, SearchTexts> = {
  llamaChat: row('meta/Llama-2-7b-chat', 'chat'),
  mistral: row('mistralai/Mistral-7B-v0.1', 'pretrained', 'mistral mistralforcausallm'),
  qwen: row('Qwen/Qwen1.5-7B-Chat', 'chat', 'qwen2 qwen2forcausallm', 'mit'),
  plus: row('odd/c++coder', 'fine-tuned', 'gpt-2 gpt2lmheadmodel', 'mit'),
};

const hits = (search: string) =>
  Object.entries(ROWS)
    .filter(([, texts]) => searchMatches(parseSearch(search), texts))
    .map(([name]) => name);

describe('parseSearch + searchMatches', () => {
  it('matches everything on an empty search', () => {
    expect(parseSearch('  ').groups).toEqual([]);
    expect(hits('')).toEqual(['llamaChat', 'mistral', 'qwen', 'plus']);
  });

  it('searches plain text in the repo id, case-insensitively', () => {
    expect(hits('LLAMA')).toEqual(['llamaChat']);
    expect(hits('7b')).toEqual(['llamaChat', 'mistral', 'qwen']);
  });

  it('reads /…/ and text with regex characters as a case-insensitive regex', () => {
    expect(hits('/^qwen/')).toEqual(['qwen']);
    expect(hits('chat$')).toEqual(['llamaChat', 'qwen']);
    expect(hits('mistral.*v0')).toEqual(['mistral']);
  });

  it('combines terms with AND and searches with OR', () => {
    expect(hits('7b chat')).toEqual(['llamaChat', 'qwen']);
    expect(hits('@type:chat;llama')).toEqual(['llamaChat', 'qwen']);
    expect(hits('@type:chat qwen;mistral')).toEqual(['mistral', 'qwen']);
    expect(parseSearch('a b;c').groups.map((g) => g.length)).toEqual([2, 1]);
  });

  it('filters by @type, @arch (family or class) and @license substrings', () => {
    expect(hits('@type:pre')).toEqual(['mistral']);
    expect(hits('@arch:LLAMA')).toEqual(['llamaChat']);
    expect(hits('@arch:forcausallm')).toEqual(['llamaChat', 'mistral', 'qwen']);
    expect(hits('@license:mit')).toEqual(['qwen', 'plus']);
  });

  it('searches an invalid regex as plain text, with a warning, never throwing', () => {
    expect(() => parseSearch('c++')).not.toThrow();
    expect(hits('c++')).toEqual(['plus']);
    expect(parseSearch('c++').warnings).toHaveLength(1);
    expect(hits('/c++/')).toEqual(['plus']);
    expect(hits('[unclosed')).toEqual([]);
    expect(parseSearch('(').groups).toEqual([[{ field: 'repo', kind: 'text', text: '(' }]]);
  });

  it('ignores empty searches between semicolons and empty field values', () => {
    expect(hits('qwen;')).toEqual(['qwen']);
    expect(hits(';;')).toEqual(['llamaChat', 'mistral', 'qwen', 'plus']);
    const parsed = parseSearch('@type: qwen');
    expect(parsed.groups).toEqual([[{ field: 'repo', kind: 'text', text: 'qwen' }]]);
    expect(parsed.warnings).toHaveLength(1);
  });

  it('searches an unknown @field as text', () => {
    const parsed = parseSearch('@size:7');
    expect(parsed.groups).toEqual([[{ field: 'repo', kind: 'text', text: '@size:7' }]]);
    expect(parsed.warnings[0]).toMatch(/not a search field/);
  });

  it('compiles a regex once per search, not per row', () => {
    const parsed = parseSearch('/^meta/;/^odd/');
    const regexes = parsed.groups.flat().map((t) => (t.kind === 'regex' ? t.regex : null));
    expect(regexes.map((r) => r?.source)).toEqual(['^meta', '^odd']);
    expect(regexes.map((r) => r?.ignoreCase)).toEqual([true, true]);
  });
});

// Issue 7 item 10: a search cannot hang the explorer.
describe('searches in bounded time', () => {
  it('answers (a+)+$ over 100,000 ids in well under a second (V8 alone: 7.3 s for one 27-character id)', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => row(`${'a'.repeat(27)}${i % 2 === 0 ? '!' : ''}`));
    const parsed = parseSearch('(a+)+$');
    expect(parsed.warnings).toEqual([]);
    const start = performance.now();
    const hits = ids.filter((texts) => searchMatches(parsed, texts)).length;
    // a regression guard, generous for a loaded machine (about 0.1 s here)
    expect(performance.now() - start).toBeLessThan(2000);
    expect(hits).toBe(50_000); // the ids without "!" end in a's
  });

  it('searches a pattern with a backreference or lookaround as plain text, saying why in one line', () => {
    const back = parseSearch('(a)\\1');
    expect(back.groups).toEqual([[{ field: 'repo', kind: 'text', text: '(a)\\1' }]]);
    expect(back.warnings).toHaveLength(1);
    expect(back.warnings[0]).toMatch(/backreferences .* not supported .*: searched as plain text$/);
    const look = parseSearch('llama(?!-2)');
    expect(look.groups[0]![0]!.kind).toBe('text');
    expect(look.warnings[0]).toMatch(/lookahead/);
    expect(look.warnings[0]).not.toMatch(/\n/);
  });

  it('refuses a search longer than 1,000 characters whole: nothing matches, one line says why', () => {
    expect(searchRefusal('a'.repeat(MAX_SEARCH_LENGTH))).toBeNull();
    const long = 'a'.repeat(100_000);
    expect(searchRefusal(long)).toBe('the search is 100,000 characters long: at most 1,000');
    const parsed = parseSearch(long);
    expect(parsed.refused).toBe('the search is 100,000 characters long: at most 1,000');
    expect(parsed.warnings).toEqual(['search refused: the search is 100,000 characters long: at most 1,000']);
    expect(hits(long)).toEqual([]);
  });

  it('keeps warnings short however long the token', () => {
    const parsed = parseSearch(`[${'x'.repeat(900)}`);
    expect(parsed.warnings[0]!.length).toBeLessThan(120);
  });
});
