// analyses.md §5 "search the repo id": the search syntax leaderboard users know. Plain text
// or a regex (`/…/`, or any text with regex characters that parses as one; case-insensitive)
// on the repo id; `@type:chat` (the §0 type), `@arch:llama` (family or model class), `@license:mit`
// (substrings, case-insensitive). Terms separated by spaces combine with AND; `;` separates
// searches combined with OR. An invalid regex is searched as plain text (never throws).
// Pure. Every regex is compiled once here, never per row.
//
// Searches cannot hang the explorer (issue 7 item 10): a regex runs on a linear-time matcher
// (text/linear-regex.ts: `(a+)+$` took V8 7.3 s on a 27-character id, doubling per
// character), which refuses backreferences and lookaround (searched as plain text, with the
// reason); and a search longer than MAX_SEARCH_LENGTH is refused whole, in one line.
import { compileLinear, RegexRefused, type LinearRegex } from '../text/linear-regex.js';

export type SearchField = 'repo' | 'type' | 'arch' | 'license';

export type SearchTerm =
  | { field: SearchField; kind: 'text'; text: string }
  | { field: 'repo'; kind: 'regex'; regex: LinearRegex };

export interface ParsedSearch {
  /** OR of groups; each group is an AND of terms. No group: everything matches. */
  groups: SearchTerm[][];
  /** Things the parser let go, e.g. an invalid regex searched as text. */
  warnings: string[];
  /** Why the whole search was refused (too long), or null. A refused search matches nothing. */
  refused: string | null;
}

/** Characters a search may have. Far above any real search (the longest repo id is 96);
 *  a pasted page of text is refused in one line instead of being searched. */
export const MAX_SEARCH_LENGTH = 1000;

/** Why a search text is refused, or null when it is searched: the one line `print --search`
 *  and the explorer say. */
export function searchRefusal(search: string): string | null {
  if (search.length <= MAX_SEARCH_LENGTH) return null;
  return `the search is ${search.length.toLocaleString('en-US')} characters long: at most ${MAX_SEARCH_LENGTH.toLocaleString('en-US')}`;
}

/** A token as it may be quoted in a warning: long ones cut. */
function quoted(token: string): string {
  return `“${token.length > 60 ? `${token.slice(0, 59)}…` : token}”`;
}

const FIELDS: Record<string, SearchField> = { type: 'type', arch: 'arch', license: 'license' };
const REGEX_CHARS = /[\\^$.*+?()[\]{}|]/;

function repoTerm(token: string, warnings: string[]): SearchTerm {
  const slashed = token.length >= 2 && token.startsWith('/') && token.endsWith('/');
  const body = slashed ? token.slice(1, -1) : token;
  if (slashed || REGEX_CHARS.test(body)) {
    try {
      return { field: 'repo', kind: 'regex', regex: compileLinear(body, { ignoreCase: true }) };
    } catch (error) {
      if (error instanceof RegexRefused) warnings.push(`${quoted(token)}: ${error.message} (searches run in linear time): searched as plain text`);
      else warnings.push(`${quoted(token)} is not a valid regex: searched as plain text`);
    }
  }
  return { field: 'repo', kind: 'text', text: body.toLowerCase() };
}

/** Parses a search line. Never throws. */
export function parseSearch(search: string): ParsedSearch {
  const refused = searchRefusal(search);
  if (refused !== null) return { groups: [], warnings: [`search refused: ${refused}`], refused };
  const warnings: string[] = [];
  const groups: SearchTerm[][] = [];
  for (const part of search.split(';')) {
    const terms: SearchTerm[] = [];
    for (const token of part.trim().split(/\s+/)) {
      if (token === '') continue;
      const prefixed = /^@([a-z]+):(.*)$/i.exec(token);
      const field = prefixed ? FIELDS[prefixed[1]!.toLowerCase()] : undefined;
      if (prefixed && field) {
        const text = prefixed[2]!.trim().toLowerCase();
        if (text === '') warnings.push(`${quoted(token)} has no value: ignored`);
        else terms.push({ field, kind: 'text', text });
      } else {
        if (prefixed) warnings.push(`“@${prefixed[1]}:” is not a search field (@type, @arch, @license): searched as text`);
        terms.push(repoTerm(token, warnings));
      }
    }
    if (terms.length > 0) groups.push(terms);
  }
  return { groups, warnings, refused: null };
}

/** The lowercased texts a search reads for one row. */
export interface SearchTexts {
  repo: string;
  type: string;
  arch: string;
  license: string;
}

export function termMatches(term: SearchTerm, texts: SearchTexts): boolean {
  if (term.kind === 'regex') return term.regex.test(texts.repo);
  return texts[term.field].includes(term.text);
}

/** Does a row match the parsed search? (No group: yes; a refused search: no.) */
export function searchMatches(parsed: ParsedSearch, texts: SearchTexts): boolean {
  if (parsed.refused !== null) return false;
  if (parsed.groups.length === 0) return true;
  return parsed.groups.some((group) => group.every((term) => termMatches(term, texts)));
}
