// Licence classes of LMArena's licence column (analyses.md §7 "Licence class"). The leaderboard
// writes `Proprietary` for closed models and names the weights' licence otherwise, in free text
// with typos (`Propretary`), several spellings of one licence (`Apache 2.0`, `Apache-2.0`) and
// placeholders (`Other`, `N/A`, empty). One ordered table below decides; it matches a spelling
// after folding case, whitespace and punctuation away (`licenceKey`), so `Llama-3.3`,
// `llama 3.3` and `LLAMA_3.3` are one licence. A spelling no rule knows is open (the
// leaderboard says `Proprietary` for closed models), counted as `open, restricted` — the
// cautious side — and reported as unknown by the analysis, never hidden.

export type LicenceClass = 'proprietary' | 'open, permissive' | 'open, restricted' | 'unknown';

export const LICENCE_CLASSES: readonly LicenceClass[] = ['proprietary', 'open, permissive', 'open, restricted', 'unknown'];

/** True for the two open classes. */
export const isOpen = (c: LicenceClass): boolean => c === 'open, permissive' || c === 'open, restricted';

export interface LicenceVerdict {
  licenceClass: LicenceClass;
  /** The rule that matched (a licence family, e.g. "Llama community licence"), or null when
   *  no rule knows the spelling (then the class is `open, restricted`). */
  rule: string | null;
}

interface Rule {
  name: string;
  licenceClass: LicenceClass;
  test: (key: string) => boolean;
}

/** Lowercase letters and digits only: case, spaces, punctuation and accents folded away. */
export function licenceKey(raw: string | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, for the misspellings of "proprietary" (`Propretary` is 1 away). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const re = (pattern: RegExp) => (key: string) => pattern.test(key);

/** Placeholders that say nothing about the weights. */
const UNKNOWN_KEYS = new Set(['', 'other', 'others', 'na', 'none', 'null', 'nan', 'unknown', 'tbd', 'tba', 'unspecified']);

/** The table, first match wins: the non-commercial and share-alike variants come before the
 *  permissive families they extend (CC-BY-NC before CC-BY), vendor families before generic
 *  words. Every spelling of the shared 2024–2025 table is matched by one rule (test/data/
 *  licence-class.test.ts lists all 38 with the class each gets). */
const RULES: readonly Rule[] = [
  { name: 'placeholder (Other, N/A, empty)', licenceClass: 'unknown', test: (k) => UNKNOWN_KEYS.has(k) },
  {
    name: 'Proprietary',
    licenceClass: 'proprietary',
    // "Proprietary" and its misspellings (edit distance ≤ 2: Propretary, Proprietory,
    // Proprietry), with a suffix ("Proprietary (API)"), or said another way ("closed").
    test: (k) => editDistance(k, 'proprietary') <= 2 || /^propri?e?t[ao]r/.test(k) || /^closed(source|weights|model)?$/.test(k),
  },
  // open, restricted: non-commercial and research terms, whatever family they extend
  { name: 'Creative Commons non-commercial (CC-BY-NC, CC-BY-NC-SA, CC-BY-NC-ND)', licenceClass: 'open, restricted', test: re(/^(cc)?bync/) },
  { name: 'Creative Commons no-derivatives (CC-BY-ND)', licenceClass: 'open, restricted', test: re(/^(cc)?bynd/) },
  { name: 'non-commercial', licenceClass: 'open, restricted', test: re(/noncommercial|^nc$/) },
  { name: 'Mistral Research Licence (MRL)', licenceClass: 'open, restricted', test: re(/^mrl|mistralresearch/) },
  { name: 'research licence', licenceClass: 'open, restricted', test: re(/research/) },
  // open, permissive: commercial use, redistribution and modification with attribution only
  { name: 'Apache 2.0', licenceClass: 'open, permissive', test: re(/^apache/) },
  // MIT, and Moonshot's "Modified MIT" (Kimi K2): MIT plus one clause asking very large
  // commercial products to display the model's name — an attribution duty, no field-of-use or
  // commercial restriction, so permissive.
  { name: 'MIT', licenceClass: 'open, permissive', test: re(/^(modified)?mit(license|licence)?$/) },
  { name: 'BSD', licenceClass: 'open, permissive', test: re(/^bsd/) },
  { name: 'Creative Commons attribution (CC-BY, CC-BY-SA)', licenceClass: 'open, permissive', test: re(/^(cc)?by(sa)?\d*$|^creativecommonsattribution(sharealike)?\d*$/) },
  { name: 'public domain (CC0, Unlicense)', licenceClass: 'open, permissive', test: re(/^cc0|^unlicense$|^publicdomain$/) },
  { name: 'ISC, MPL, zlib, UPL', licenceClass: 'open, permissive', test: re(/^(isc|mpl\d*|zlib|upl\d*)(license|licence)?$/) },
  // open, restricted: model families and vendors with their own terms (use policies,
  // user thresholds, attribution in names, non-commercial clauses)
  { name: 'Llama community licence (Llama 2, 3, 3.1, 3.2, 3.3, 4)', licenceClass: 'open, restricted', test: re(/^(meta)?llama/) },
  { name: 'Gemma terms of use', licenceClass: 'open, restricted', test: re(/gemma/) },
  { name: 'Qwen / Tongyi Qianwen licence', licenceClass: 'open, restricted', test: re(/qwen|qianwen|tongyi/) },
  { name: 'DeepSeek licence', licenceClass: 'open, restricted', test: re(/deepseek/) },
  { name: 'Yi licence', licenceClass: 'open, restricted', test: re(/^yi(\d|license|licence|model|community|$)/) },
  { name: 'NVIDIA Open Model licence', licenceClass: 'open, restricted', test: re(/nvidia/) },
  { name: 'DBRX licence', licenceClass: 'open, restricted', test: re(/dbrx/) },
  { name: 'Falcon TII licence', licenceClass: 'open, restricted', test: re(/falcon|^tii/) },
  { name: 'Jamba Open Model licence (AI21)', licenceClass: 'open, restricted', test: re(/jamba|ai21/) },
  { name: 'Nexusflow licence (Athene)', licenceClass: 'open, restricted', test: re(/nexusflow|athene/) },
  { name: 'AI2 ImpACT licence', licenceClass: 'open, restricted', test: re(/impact|^ai2/) },
  { name: 'OpenRAIL (use restrictions)', licenceClass: 'open, restricted', test: re(/rail/) },
  { name: 'other vendor or community licence', licenceClass: 'open, restricted', test: re(/community|cohere|^glm|chatglm|internlm|baichuan|minimax|^skywork|^tencent|^hunyuan|^ernie/) },
];

/** Verdicts by spelling: a table has a few dozen spellings over thousands of rows. Bounded,
 *  since the spellings come from the source. */
const verdicts = new Map<string, LicenceVerdict>();
const MAX_REMEMBERED = 2000;

/** The class of one licence text (analyses.md §7). An unknown spelling: `open, restricted`
 *  with rule null, for the analysis to report. */
export function classifyLicence(raw: string | null | undefined): LicenceVerdict {
  const remembered = verdicts.get(raw ?? '');
  if (remembered) return remembered;
  const key = licenceKey(raw);
  const rule = RULES.find((r) => r.test(key));
  const verdict: LicenceVerdict = rule ? { licenceClass: rule.licenceClass, rule: rule.name } : { licenceClass: 'open, restricted', rule: null };
  if (verdicts.size < MAX_REMEMBERED) verdicts.set(raw ?? '', verdict);
  return verdict;
}
