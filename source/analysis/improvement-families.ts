// analyses.md §4 "A family": the non-merge models (merges and their descendants left out)
// that build on one base model, formed by lineage (the base repository and every model whose
// base chain reaches it) or by name pattern (the paper's method). Also the paper's 11
// families as presets. Pure.
import type { Model } from '../data/model.js';
import { nameOf } from '../data/repo-id.js';
import { descendantKeys, type LineageGraph } from './lineage.js';
import { note, type Note } from './result.js';

/** A family by name pattern (§4 mode 2). */
export interface PatternFamilySpec {
  kind: 'pattern';
  /** Stable id (defaults to the pattern and params, e.g. "mistral7b-7"). */
  id?: string;
  /** Shown name (defaults to the pattern). */
  label?: string;
  /** Contained in the normalised repo name; normalised itself the same way. */
  pattern: string;
  /** Params p in billions; null or absent: any size (unknown params included). */
  params?: number | null;
  /** Params must lie in [p, p + range]. Default 0 (exactly p). */
  range?: number;
  /** A regular expression (source, case-insensitive) on the repo name without its namespace:
   *  a model whose name it finds is left out (the Llama 3 presets' point releases, §4). */
  exclude?: string;
}

/** A family by lineage (§4 mode 1): the base repository and its descendants. */
export interface LineageFamilySpec {
  kind: 'lineage';
  id?: string;
  label?: string;
  /** The base repository id (compared case-insensitively). */
  base: string;
}

export type FamilySpec = PatternFamilySpec | LineageFamilySpec;

/** One of the paper's families: a name pattern with a params range [params, params + range]
 *  on the stored params, and the base repository lineage mode uses. */
export interface FamilyPreset {
  id: string;
  label: string;
  pattern: string;
  params: number | null;
  range: number;
  /** See PatternFamilySpec.exclude. */
  exclude?: string;
  base: string;
}

/** §4: the later Llama 3 point releases the normalised name cannot tell apart: a version after
 *  the 3 in the raw name (`3.1`, `3_1`, `3-1` …) not followed by a size (`8B`, `1.5b`, `8x7B`).
 *  `Meta-Llama-3.1-8B`, `llama3.2-3b-it`, `Llama-3.3-70B-…` are found; `Meta-Llama-3-8B`,
 *  `llama3-8b-chinese`, `Llama-3-70B-Instruct` are not. */
export const LLAMA3_POINT_RELEASE = String.raw`llama[-_. ]?3[-_.]\d+(?![\d.]*(?:x\d+)?b)`;

/** The paper's 11 families (analyses.md §4 table), in the paper's order. The paper names sizes
 *  (7, 30, 70 B), but real models are 6.74, 32.5, 68.98 B and the v1 table stores params
 *  rounded down to whole billions: each range holds its base on both tables (v1 / v2 stored
 *  params: llama-7b 6 / 6.74, llama-30b 32 / 32.53, Llama-2-7b 6 / 6.74, Llama-2-70b 68 / 68.98,
 *  Llama-3-8B 8 / 8.03, Llama-3-70B 70 / 70.55, Mistral-7B 7 / 7.24, Mixtral 46 / 46.7, phi-2
 *  2 / 2.78, Phi-3-mini 3 / 3.82, Phi-3-medium 13 / 13.96). Bases are the Hub repositories the
 *  leaderboard evaluated for each release. */
export const PAPER_FAMILIES: readonly FamilyPreset[] = [
  { id: 'llama-7b', label: 'LLaMA-1 7B', pattern: 'llama7b', params: 6, range: 1.5, base: 'huggyllama/llama-7b' },
  { id: 'llama-30b', label: 'LLaMA-1 30B', pattern: 'llama', params: 30, range: 3, base: 'huggyllama/llama-30b' },
  { id: 'llama2-7b', label: 'Llama 2 7B', pattern: 'llama27b', params: 6, range: 1.5, base: 'meta-llama/Llama-2-7b-hf' },
  { id: 'llama2-70b', label: 'Llama 2 70B', pattern: 'llama2', params: 65, range: 7, base: 'meta-llama/Llama-2-70b-hf' },
  { id: 'llama3-8b', label: 'Llama 3 8B', pattern: 'llama3', params: 7.5, range: 1, exclude: LLAMA3_POINT_RELEASE, base: 'meta-llama/Meta-Llama-3-8B' },
  { id: 'llama3-70b', label: 'Llama 3 70B', pattern: 'llama3', params: 65, range: 7, exclude: LLAMA3_POINT_RELEASE, base: 'meta-llama/Meta-Llama-3-70B' },
  { id: 'mistral-7b', label: 'Mistral 7B', pattern: 'mistral7b', params: 7, range: 0.5, base: 'mistralai/Mistral-7B-v0.1' },
  { id: 'mixtral-8x7b', label: 'Mixtral 8x7B', pattern: 'mixtral8x7b', params: 46, range: 1, base: 'mistralai/Mixtral-8x7B-v0.1' },
  { id: 'phi-2', label: 'Phi-2', pattern: 'phi2', params: 2, range: 1, base: 'microsoft/phi-2' },
  { id: 'phi-3-mini', label: 'Phi-3-mini', pattern: 'phi3mini', params: 3, range: 1, base: 'microsoft/Phi-3-mini-4k-instruct' },
  { id: 'phi-3-medium', label: 'Phi-3-medium', pattern: 'phi3medium', params: 13, range: 1.5, base: 'microsoft/Phi-3-medium-4k-instruct' },
];

/** A preset as a spec of the chosen mode. */
export function presetSpec(preset: FamilyPreset, mode: 'pattern' | 'lineage'): FamilySpec {
  const { id, label } = preset;
  if (mode === 'lineage') return { kind: 'lineage', id, label, base: preset.base };
  const spec: PatternFamilySpec = { kind: 'pattern', id, label, pattern: preset.pattern, params: preset.params, range: preset.range };
  if (preset.exclude !== undefined) spec.exclude = preset.exclude;
  return spec;
}

/** Whether a repo id matches a pattern spec by name: its normalised name contains the
 *  pattern and its raw name is not excluded (the params test is separate). */
export function nameMatches(repo: string, spec: Pick<PatternFamilySpec, 'pattern' | 'exclude'>): boolean {
  if (!normaliseName(repo).includes(normaliseName(spec.pattern))) return false;
  return spec.exclude === undefined || !excluder(spec.exclude).test(nameOf(repo));
}

const excluders = new Map<string, RegExp>();

function excluder(source: string): RegExp {
  let re = excluders.get(source);
  if (!re) excluders.set(source, (re = new RegExp(source, 'i')));
  return re;
}

/** §4: drop the namespace, lowercase, remove `-`, `_` and `.` ("mistralai/Mistral-7B_v0.1" →
 *  "mistral7bv01"). */
export function normaliseName(repo: string): string {
  return nameOf(repo).toLowerCase().replace(/[-_.]/g, '');
}

// Every family scans every model's name: normalise the names of a model array once (the
// analyses of one dataset share one selection array, select.ts).
const namesOf = new WeakMap<readonly Model[], string[]>();

function normalisedNames(models: readonly Model[]): string[] {
  let names = namesOf.get(models);
  if (!names) namesOf.set(models, (names = models.map((m) => normaliseName(m.entry.repo))));
  return names;
}

/** How params are read before the [p, p + range] test. `none` (the default): as stored, the
 *  presets' ranges are made for that; `floor`: whole billions rounded down, as the v1 snapshot
 *  stores them; `round`: to the nearest billion. */
export type ParamsRounding = 'floor' | 'round' | 'none';

export interface ParamsMatch {
  rounding: ParamsRounding;
  /** Widens [p, p + range] by this much on both sides, after rounding. */
  tolerance: number;
}

/** §4 mode 2 params test; p null: any size, unknown params included. */
export function paramsInRange(params: number | null, p: number | null, range: number, match: ParamsMatch): boolean {
  if (p === null) return true;
  if (params === null) return false;
  const read = match.rounding === 'floor' ? Math.floor(params) : match.rounding === 'round' ? Math.round(params) : params;
  return read >= p - match.tolerance && read <= p + range + match.tolerance;
}

/** A family's models before ordering, with what was left out on the way. */
export interface FormedFamily {
  /** Members, merges and merge descendants left out (order: the base first, then source). */
  members: Model[];
  /** Lineage mode: the base model when it is in view (and not a merge). */
  base: Model | null;
  notes: Note[];
}

/** §4 mode 2: name pattern and params range over the models in view. */
export function patternFamily(
  models: readonly Model[],
  tainted: ReadonlySet<string>,
  spec: PatternFamilySpec,
  match: ParamsMatch,
): FormedFamily {
  const pattern = normaliseName(spec.pattern);
  const names = normalisedNames(models);
  const matched = models.filter((_, i) => names[i]!.includes(pattern));
  const later = spec.exclude === undefined ? null : excluder(spec.exclude);
  const named = later === null ? matched : matched.filter((m) => !later.test(nameOf(m.entry.repo)));
  const p = spec.params ?? null;
  const inRange = named.filter((m) => paramsInRange(m.entry.params, p, spec.range ?? 0, match));
  const notes: Note[] = [];
  note(notes, matched.length - named.length, 'name matches of a later release left out (e.g. Llama 3.1, 3.2, 3.3)');
  if (p !== null) {
    const unknown = named.filter((m) => m.entry.params === null).length;
    note(notes, unknown, 'name matches with unknown params left out');
    note(notes, named.length - inRange.length - unknown, 'name matches outside the params range left out');
  }
  return { members: exclude(inRange, tainted, notes), base: null, notes };
}

/** §4 mode 1: the base repository and every model whose base chain reaches it. `graph` must
 *  be built over every model in view (merges included), so chains through merges are seen. */
export function lineageFamily(graph: LineageGraph, tainted: ReadonlySet<string>, spec: LineageFamilySpec): FormedFamily {
  const baseKey = spec.base.toLowerCase();
  const notes: Note[] = [];
  const inView = graph.byKey.get(baseKey) ?? null;
  const keys = [...descendantKeys(graph, baseKey)].filter((key) => graph.byKey.has(key));
  const derivatives = keys.map((key) => graph.byKey.get(key)!).sort((a, b) => a.entry.index - b.entry.index);
  const candidates = inView ? [inView, ...derivatives] : derivatives;
  const members = exclude(candidates, tainted, notes);
  const base = inView !== null && !tainted.has(baseKey) ? inView : null;
  if (inView !== null && base === null) note(notes, 1, 'the base is itself a merge or descends from one');
  return { members, base, notes };
}

/** Leaves merges and merge descendants out, noting each kind. */
function exclude(models: readonly Model[], tainted: ReadonlySet<string>, notes: Note[]): Model[] {
  const merges = models.filter((m) => m.isMerge).length;
  const descendants = models.filter((m) => !m.isMerge && tainted.has(m.entry.key)).length;
  note(notes, merges, 'merges left out of the family');
  note(notes, descendants, 'descendants of merges left out of the family');
  return models.filter((m) => !tainted.has(m.entry.key) && !m.isMerge);
}

/** A spec's id and label when it does not give them. */
export function specName(spec: FamilySpec): { id: string; label: string } {
  if (spec.kind === 'lineage') return { id: spec.id ?? spec.base.toLowerCase(), label: spec.label ?? spec.base };
  const pattern = normaliseName(spec.pattern);
  const p = spec.params ?? null;
  const size = p === null ? '' : spec.range ? `-${p}-${p + spec.range}` : `-${p}`;
  const sizeLabel = p === null ? '' : spec.range ? ` ${p}–${p + spec.range}B` : ` ${p}B`;
  return { id: spec.id ?? `${pattern}${size}`, label: spec.label ?? `${pattern}${sizeLabel}` };
}
