// A regular-expression matcher that runs in time linear in the text, for searches typed by
// users (issue 7 item 10: `(a+)+$` against a 27-character id took 7.3 s in V8's backtracking
// engine, doubling per character). The pattern is JavaScript's syntax (no `u` flag), compiled
// to a Thompson NFA and run as a lazily built DFA: each character of the text costs one table
// lookup once the DFA state it reaches has been seen, and at most one pass over the NFA
// before that. What cannot run in linear time is refused with a reason (RegexRefused):
// backreferences and lookaround. Only `test` is offered: the search asks "does the id
// match", never where. Pure: no IO, no clock.

/** Why a pattern is not run (a sentence fragment: "backreferences (\1) are not supported"). */
export class RegexRefused extends Error {}

/** NFA states at most (counted repetitions are expanded: `(ab){500}` is 1,000 states). */
export const MAX_NFA_STATES = 4000;
/** DFA states kept at most; past that the cache starts over (still linear, slower). */
const MAX_DFA_STATES = 10_000;

// ---------------------------------------------------------------------------------------------
// Character sets: sorted, disjoint, inclusive ranges of UTF-16 code units, maybe negated.

type Ranges = Array<[number, number]>;

interface CharSet {
  ranges: Ranges;
  negated: boolean;
}

const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: Ranges = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const LINE_TERMINATORS: Ranges = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];

function invert(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of normalise(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
}

function normalise(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function inRanges(ranges: Ranges, code: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (code < a) hi = mid - 1;
    else if (code > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The code unit in the other case, when it is one code unit (JavaScript's `i` without `u`,
 *  which never maps a character outside ASCII to one inside: "ſ" is not "s"). */
function otherCases(code: number): number[] {
  const ch = String.fromCharCode(code);
  const out: number[] = [];
  for (const other of [ch.toLowerCase(), ch.toUpperCase()]) {
    if (other.length !== 1) continue;
    const c = other.charCodeAt(0);
    if (c !== code && !(code >= 128 && c < 128)) out.push(c);
  }
  return out;
}

function setMatches(set: CharSet, code: number, ignoreCase: boolean): boolean {
  let hit = inRanges(set.ranges, code);
  if (!hit && ignoreCase) hit = otherCases(code).some((c) => inRanges(set.ranges, c));
  return hit !== set.negated;
}

// ---------------------------------------------------------------------------------------------
// Parser: pattern text → syntax tree.

type Node =
  | { kind: 'set'; set: CharSet }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }
  | { kind: 'assert'; what: Assertion };

type Assertion = 'start' | 'end' | 'boundary' | 'non-boundary';

/** Counted repetitions above this are refused before they are expanded. */
const MAX_COUNT = 1000;

class Parser {
  private at = 0;
  groups = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.disjunction();
    if (this.at < this.source.length) throw new SyntaxError(`unmatched ")" at ${this.at}`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.at + offset];
  }

  private disjunction(): Node {
    const options = [this.alternative()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.alternative());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.term());
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  }

  private term(): Node {
    const c = this.peek()!;
    if (c === '^') return this.advance({ kind: 'assert', what: 'start' });
    if (c === '$') return this.advance({ kind: 'assert', what: 'end' });
    if (c === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.at += 2;
      return { kind: 'assert', what: this.source[this.at - 1] === 'b' ? 'boundary' : 'non-boundary' };
    }
    if (c === '(' && this.peek(1) === '?') {
      const kind = this.source.slice(this.at + 2, this.at + 4);
      if (kind.startsWith('=') || kind.startsWith('!') || kind === '<=' || kind === '<!') {
        throw new RegexRefused('lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported');
      }
    }
    const atom = this.atom();
    return this.quantified(atom);
  }

  private advance(node: Node, by = 1): Node {
    this.at += by;
    return node;
  }

  private quantified(atom: Node): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.at++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!counted) return atom; // a literal "{" (JavaScript without the u flag)
      this.at += counted[0].length;
      min = Number(counted[1]);
      max = counted[2] === undefined ? min : counted[3] === '' ? Infinity : Number(counted[3]);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) {
        throw new RegexRefused(`repetition counts above ${MAX_COUNT} are not supported`);
      }
      if (max < min) throw new SyntaxError('numbers out of order in {} quantifier');
    } else {
      return atom;
    }
    if (this.peek() === '?') this.at++; // lazy: the same for "does it match"
    return { kind: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const c = this.peek()!;
    switch (c) {
      case '.':
        this.at++;
        return { kind: 'set', set: { ranges: LINE_TERMINATORS, negated: true } };
      case '[':
        return { kind: 'set', set: this.charClass() };
      case '(': {
        this.at++;
        if (this.peek() === '?') {
          if (this.peek(1) === ':') this.at += 2;
          else if (this.peek(1) === '<') {
            const name = /^\?<([^>]*)>/.exec(this.source.slice(this.at));
            if (!name) throw new SyntaxError('invalid group');
            this.at += name[0].length;
            this.groups++;
          } else throw new SyntaxError('invalid group');
        } else this.groups++;
        const inner = this.disjunction();
        if (this.peek() !== ')') throw new SyntaxError('unterminated group');
        this.at++;
        return inner;
      }
      case ')':
        throw new SyntaxError('unmatched ")"');
      case '*':
      case '+':
      case '?':
        throw new SyntaxError('nothing to repeat');
      case '{':
        if (/^\{\d+(,\d*)?\}/.test(this.source.slice(this.at))) throw new SyntaxError('nothing to repeat');
        this.at++;
        return literal(c.charCodeAt(0));
      case '\\':
        return { kind: 'set', set: this.escape(false) };
      default: {
        this.at++;
        return literal(c.charCodeAt(0));
      }
    }
  }

  /** After a backslash (at it): a character class escape or one code unit. */
  private escape(inClass: boolean): CharSet {
    this.at++; // the backslash
    const c = this.peek();
    if (c === undefined) throw new SyntaxError('\\ at end of pattern');
    this.at++;
    const one = (code: number): CharSet => ({ ranges: [[code, code]], negated: false });
    switch (c) {
      case 'd':
        return { ranges: DIGIT, negated: false };
      case 'D':
        return { ranges: DIGIT, negated: true };
      case 'w':
        return { ranges: WORD, negated: false };
      case 'W':
        return { ranges: WORD, negated: true };
      case 's':
        return { ranges: SPACE, negated: false };
      case 'S':
        return { ranges: SPACE, negated: true };
      case 't':
        return one(0x09);
      case 'n':
        return one(0x0a);
      case 'v':
        return one(0x0b);
      case 'f':
        return one(0x0c);
      case 'r':
        return one(0x0d);
      case 'b':
        return one(0x08); // only reached inside a class: backspace
      case '0':
        if (!/[0-9]/.test(this.peek() ?? '')) return one(0);
        throw new RegexRefused('octal escapes (\\0NN) are not supported');
      case 'c': {
        const letter = this.peek();
        if (letter !== undefined && /[A-Za-z]/.test(letter)) {
          this.at++;
          return one(letter.charCodeAt(0) % 32);
        }
        this.at--; // "\c" not followed by a letter is a backslash and a "c"
        return one(0x5c);
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.at));
        if (!hex) return one('x'.charCodeAt(0));
        this.at += 2;
        return one(parseInt(hex[0], 16));
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.at));
        if (!hex) return one('u'.charCodeAt(0));
        this.at += 4;
        return one(parseInt(hex[0], 16));
      }
      case 'k':
        if (!inClass && this.peek() === '<') throw new RegexRefused('backreferences (\\k<name>) are not supported');
        return one('k'.charCodeAt(0));
      default:
        if (/[1-9]/.test(c)) throw new RegexRefused(`backreferences and octal escapes (\\${c}) are not supported`);
        return one(c.charCodeAt(0));
    }
  }

  /** A bracketed class, from its "[" to its "]". */
  private charClass(): CharSet {
    this.at++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.at++;
    }
    const ranges: Ranges = [];
    const atom = (): CharSet => {
      if (this.peek() === '\\') return this.escape(true);
      const code = this.source.charCodeAt(this.at);
      this.at++;
      return { ranges: [[code, code]], negated: false };
    };
    const single = (set: CharSet): number | null =>
      !set.negated && set.ranges.length === 1 && set.ranges[0]![0] === set.ranges[0]![1] ? set.ranges[0]![0] : null;
    const add = (set: CharSet) => ranges.push(...(set.negated ? invert(set.ranges) : set.ranges));
    while (this.peek() !== ']') {
      if (this.at >= this.source.length) throw new SyntaxError('unterminated character class');
      const from = atom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.at++; // -
        const to = atom();
        const lo = single(from);
        const hi = single(to);
        if (lo === null || hi === null) {
          // a class escape at either end (Annex B): both and a literal "-"
          add(from);
          add(to);
          ranges.push([0x2d, 0x2d]);
        } else {
          if (lo > hi) throw new SyntaxError('range out of order in character class');
          ranges.push([lo, hi]);
        }
      } else add(from);
    }
    this.at++; // ]
    return { ranges: normalise(ranges), negated };
  }
}

function literal(code: number): Node {
  return { kind: 'set', set: { ranges: [[code, code]], negated: false } };
}

// ---------------------------------------------------------------------------------------------
// NFA: Thompson's construction, built back to front (each piece is compiled knowing what
// follows it).

const SET = 0;
const SPLIT = 1;
const ASSERT = 2;
const MATCH = 3;

interface Nfa {
  kind: number[];
  out: number[];
  out2: number[];
  set: Array<CharSet | null>;
  assertion: Array<Assertion | null>;
  start: number;
}

function buildNfa(root: Node): Nfa {
  const nfa: Nfa = { kind: [], out: [], out2: [], set: [], assertion: [], start: 0 };
  const add = (kind: number, out = -1, out2 = -1, set: CharSet | null = null, assertion: Assertion | null = null): number => {
    if (nfa.kind.length >= MAX_NFA_STATES) {
      throw new RegexRefused(`the pattern is too large (more than ${MAX_NFA_STATES.toLocaleString('en-US')} states once its repetitions are expanded)`);
    }
    nfa.kind.push(kind);
    nfa.out.push(out);
    nfa.out2.push(out2);
    nfa.set.push(set);
    nfa.assertion.push(assertion);
    return nfa.kind.length - 1;
  };
  const compile = (node: Node, next: number): number => {
    switch (node.kind) {
      case 'set':
        return add(SET, next, -1, node.set);
      case 'assert':
        return add(ASSERT, next, -1, null, node.what);
      case 'seq': {
        let s = next;
        for (let i = node.items.length - 1; i >= 0; i--) s = compile(node.items[i]!, s);
        return s;
      }
      case 'alt': {
        let s = compile(node.options[node.options.length - 1]!, next);
        for (let i = node.options.length - 2; i >= 0; i--) s = add(SPLIT, compile(node.options[i]!, next), s);
        return s;
      }
      case 'repeat': {
        let s = next;
        if (node.max === Infinity) {
          const loop = add(SPLIT, -1, next);
          nfa.out[loop] = compile(node.node, loop);
          s = loop;
        } else {
          for (let i = 0; i < node.max - node.min; i++) s = add(SPLIT, compile(node.node, s), next);
        }
        for (let i = 0; i < node.min; i++) s = compile(node.node, s);
        return s;
      }
    }
  };
  nfa.start = compile(root, add(MATCH));
  return nfa;
}

// ---------------------------------------------------------------------------------------------
// The lazy DFA. A DFA state is the set of NFA states reached by the last character (before
// the empty moves after it are followed) together with the class of that character, which the
// assertions need: ^ holds only before the first character, \b between a word character and
// a non-word one. The empty moves are followed when the next character is known.

const AT_START = 0;
const WORD_CHAR = 1;
const OTHER_CHAR = 2;
const AT_END = 3;

const isWordCode = (code: number): boolean => inRanges(WORD, code);

interface DState {
  kernel: number[];
  prev: number;
  /** Next state per code unit of 128 and above (the ASCII ones are in Matcher.ascii). */
  other: Map<number, number>;
  /** A match once the text ends here (undefined: not worked out yet). */
  atEnd?: boolean;
}

export interface LinearRegex {
  readonly source: string;
  readonly ignoreCase: boolean;
  /** Does the pattern match anywhere in the text? Linear in the text's length. */
  test(text: string): boolean;
}

const MATCHED = -2;
const UNKNOWN = -1;

class Matcher implements LinearRegex {
  private states: DState[] = [];
  private index = new Map<string, number>();
  /** Next state per (state, ASCII code unit): ascii[state * 128 + code]; -1 not built yet. */
  private ascii = new Int32Array(128 * 64).fill(UNKNOWN);
  private start = -1;
  private readonly mark: Int32Array;
  private generation = 0;
  private readonly stack: number[] = [];

  constructor(
    readonly source: string,
    readonly ignoreCase: boolean,
    private readonly nfa: Nfa,
  ) {
    this.mark = new Int32Array(nfa.kind.length);
  }

  private holds(assertion: Assertion, prev: number, next: number): boolean {
    switch (assertion) {
      case 'start':
        return prev === AT_START;
      case 'end':
        return next === AT_END;
      case 'boundary':
        return (prev === WORD_CHAR) !== (next === WORD_CHAR);
      case 'non-boundary':
        return (prev === WORD_CHAR) === (next === WORD_CHAR);
    }
  }

  /** The SET states reached from the kernel (and the start: the match may begin anywhere)
   *  by empty moves, or null when the MATCH state is among them. */
  private closure(kernel: readonly number[], prev: number, next: number): number[] | null {
    const { kind, out, out2, assertion } = this.nfa;
    const gen = ++this.generation;
    const sets: number[] = [];
    const stack = this.stack;
    stack.length = 0;
    for (let i = kernel.length - 1; i >= 0; i--) stack.push(kernel[i]!);
    stack.push(this.nfa.start);
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (s < 0 || this.mark[s] === gen) continue;
      this.mark[s] = gen;
      switch (kind[s]) {
        case MATCH:
          return null;
        case SET:
          sets.push(s);
          break;
        case SPLIT:
          stack.push(out2[s]!, out[s]!);
          break;
        case ASSERT:
          if (this.holds(assertion[s]!, prev, next)) stack.push(out[s]!);
          break;
      }
    }
    return sets;
  }

  private intern(kernel: number[], prev: number): number {
    const key = `${prev}:${kernel.join(',')}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    if (this.states.length >= MAX_DFA_STATES) {
      // start over: the table would grow without bound on patterns whose DFA is exponential
      this.states = [];
      this.index = new Map();
      this.ascii.fill(UNKNOWN);
      this.start = -1;
    }
    const id = this.states.length;
    this.states.push({ kernel, prev, other: new Map() });
    this.index.set(key, id);
    if ((id + 1) * 128 > this.ascii.length) {
      const grown = new Int32Array(Math.min(MAX_DFA_STATES, this.ascii.length / 64) * 2 * 128).fill(UNKNOWN);
      grown.set(this.ascii);
      this.ascii = grown;
    }
    return id;
  }

  /** The state after `code` from state `from` (its kernel and class survive a cache reset),
   *  or MATCHED. */
  private step(from: DState, code: number): number {
    const next = isWordCode(code) ? WORD_CHAR : OTHER_CHAR;
    const sets = this.closure(from.kernel, from.prev, next);
    if (sets === null) return MATCHED;
    const targets: number[] = [];
    for (const s of sets) if (setMatches(this.nfa.set[s]!, code, this.ignoreCase)) targets.push(this.nfa.out[s]!);
    const kernel = [...new Set(targets)].sort((a, b) => a - b);
    return this.intern(kernel, next);
  }

  test(text: string): boolean {
    if (this.start < 0) this.start = this.intern([], AT_START);
    let current = this.start;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      let next = code < 128 ? this.ascii[current * 128 + code]! : (this.states[current]!.other.get(code) ?? UNKNOWN);
      if (next === UNKNOWN) {
        const from = this.states[current]!;
        const before = this.states;
        next = this.step(from, code);
        // a cache reset drops every table: record only into the live one
        if (before === this.states || next === MATCHED) {
          if (before !== this.states) {
            // the state we came from is gone; nothing to record
          } else if (code < 128) this.ascii[current * 128 + code] = next;
          else from.other.set(code, next);
        }
      }
      if (next === MATCHED) return true;
      current = next;
    }
    const state = this.states[current]!;
    if (state.atEnd === undefined) state.atEnd = this.closure(state.kernel, state.prev, AT_END) === null;
    return state.atEnd;
  }
}

/**
 * Compiles a JavaScript regular expression (the syntax without the `u` flag) into a matcher
 * that runs in linear time. Throws SyntaxError when JavaScript would, and RegexRefused (with
 * the reason) for what cannot run in linear time: backreferences, lookaround, octal escapes,
 * counts above 1,000 and patterns over MAX_NFA_STATES states.
 */
export function compileLinear(pattern: string, options: { ignoreCase?: boolean } = {}): LinearRegex {
  new RegExp(pattern); // JavaScript's own syntax check first: what it refuses is not a regex
  const parser = new Parser(pattern);
  const tree = parser.parse();
  return new Matcher(pattern, options.ignoreCase ?? false, buildNfa(tree));
}
