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

/** One of the paper's families: a name pattern, and the base repository lineage mode uses. */
export interface FamilyPreset {
  id: string;
  label: string;
  pattern: string;
  params: number | null;
  range: number;
  base: string;
}

/** The paper's 11 families (analyses.md §4), in the paper's order. Bases are the Hub
 *  repositories the leaderboard evaluated for each release. */
export const PAPER_FAMILIES: readonly FamilyPreset[] = [
  { id: 'llama-7b', label: 'LLaMA-1 7B', pattern: 'llama7b', params: 7, range: 0, base: 'huggyllama/llama-7b' },
  { id: 'llama-30b', label: 'LLaMA-1 30B', pattern: 'llama', params: 30, range: 0, base: 'huggyllama/llama-30b' },
  { id: 'llama2-7b', label: 'Llama 2 7B', pattern: 'llama27b', params: 7, range: 0, base: 'meta-llama/Llama-2-7b-hf' },
  { id: 'llama2-70b', label: 'Llama 2 70B', pattern: 'llama2', params: 70, range: 0, base: 'meta-llama/Llama-2-70b-hf' },
  { id: 'llama3-8b', label: 'Llama 3 8B', pattern: 'llama3', params: 8, range: 0, base: 'meta-llama/Meta-Llama-3-8B' },
  { id: 'llama3-70b', label: 'Llama 3 70B', pattern: 'llama3', params: 70, range: 0, base: 'meta-llama/Meta-Llama-3-70B' },
  { id: 'mistral-7b', label: 'Mistral 7B', pattern: 'mistral7b', params: 7, range: 0, base: 'mistralai/Mistral-7B-v0.1' },
  { id: 'mixtral-8x7b', label: 'Mixtral 8x7B', pattern: 'mixtral8x7b', params: 46, range: 0, base: 'mistralai/Mixtral-8x7B-v0.1' },
  { id: 'phi-2', label: 'Phi-2', pattern: 'phi2', params: null, range: 0, base: 'microsoft/phi-2' },
  { id: 'phi-3-mini', label: 'Phi-3-mini', pattern: 'phi3mini', params: null, range: 0, base: 'microsoft/Phi-3-mini-4k-instruct' },
  { id: 'phi-3-medium', label: 'Phi-3-medium', pattern: 'phi3medium', params: null, range: 0, base: 'microsoft/Phi-3-medium-4k-instruct' },
];

/** A preset as a spec of the chosen mode. */
export function presetSpec(preset: FamilyPreset, mode: 'pattern' | 'lineage'): FamilySpec {
  const { id, label } = preset;
  return mode === 'lineage'
    ? { kind: 'lineage', id, label, base: preset.base }
    : { kind: 'pattern', id, label, pattern: preset.pattern, params: preset.params, range: preset.range };
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

/** How params are read before the [p, p + range] test. `floor`: whole billions rounded down,
 *  as the v1 snapshot stores them (Mistral 7.24 → 7, Mixtral 46.7 → 46, so v2's exact params
 *  give the paper's families); `round`: to the nearest billion; `none`: as given. */
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
  const named = models.filter((_, i) => names[i]!.includes(pattern));
  const p = spec.params ?? null;
  const inRange = named.filter((m) => paramsInRange(m.entry.params, p, spec.range ?? 0, match));
  const notes: Note[] = [];
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
  return { id: spec.id ?? `${pattern}${size}`, label: spec.label ?? `${pattern}${p === null ? '' : ` ${p}B`}` };
}
