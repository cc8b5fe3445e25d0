// analyses.md §2 "Models per base family" [Fig. 6]: the paper's "over 300 models specify
// Mistral as the base model and over 200 Llama 3" count families of bases, not one repository:
// per family, the models in view that declare any base of it. A base belongs to a family when
// its id matches the family's §4 preset pattern (normalised name, later releases excluded) and
// its params lie in the preset's range: the params of its leaderboard entry, else its Hub
// info's safetensors total, else a size in its name ("Mistral-7B-v0.1" → 7). A base whose size
// cannot be told is matched on its name alone only when the pattern names the size itself
// (`mistral7b`, `llama27b`, `mixtral8x7b`); otherwise (`llama`, `llama3`, `phi2`) it is left
// out, and both are counted. Pure.
import type { Dataset, Entry, Generation, Model } from '../data/model.js';
import { nameOf } from '../data/repo-id.js';
import { aliasesOf } from '../data/aliases.js';
import { buildLineage } from './lineage.js';
import { nameMatches, PAPER_FAMILIES, presetSpec, specName, type PatternFamilySpec } from './improvement-families.js';
import { dedupEntries, selectModels, selectionNotes, type SelectOptions } from './select.js';
import { note, type Note } from './result.js';

export interface BaseFamilyOptions extends SelectOptions {
  /** The families. Default: the §4 presets (as name patterns with their ranges). */
  families?: readonly PatternFamilySpec[];
  /** Bases listed per family, most declared first. Default 3. */
  topBases?: number;
}

export interface BaseFamilyCount {
  id: string;
  label: string;
  pattern: string;
  /** [low, high] in billions, or null: any size. */
  params: [number, number] | null;
  /** Models in view that declare at least one base of the family. */
  models: number;
  /** Distinct declared bases in the family. */
  bases: number;
  /** Of those, matched on the name alone (no size known, the pattern names one). */
  nameOnly: number;
  /** Bases whose name matches but whose size is unknown and the pattern names none: left out. */
  unsized: number;
  /** The preset's own base (a §4 preset only) and the models declaring it directly. */
  base: { repo: string; models: number } | null;
  /** The family's most declared bases. */
  top: Array<{ repo: string; models: number }>;
}

export interface BaseFamiliesResult {
  generation: Generation;
  families: BaseFamilyCount[];
  /** Models in view declaring any base model. */
  declaring: number;
  notes: Note[];
}

/** A size in a repo name, in billions ("Llama-2-70b-hf" → 70, "llama7b" → 7, "Qwen1.5-1.8B"
 *  → 1.8, "smol_llama-220M" → 0.22); null for none, and for an expert count ("8x7B": the name
 *  does not give the total). */
export function sizeInName(id: string): number | null {
  const name = nameOf(id);
  if (/\d\s*x\s*\d+(?:\.\d+)?\s*b(?![a-z])/i.test(name)) return null;
  const match = /(?:^|[^0-9.])(\d+(?:\.\d+)?)\s*([bm])(?![a-z])/i.exec(name);
  if (!match) return null;
  return match[2]!.toLowerCase() === 'm' ? Number(match[1]) / 1000 : Number(match[1]);
}

/** The pattern names a size itself ("mistral7b", "mixtral8x7b"): its name alone places a base. */
const namesSize = (pattern: string): boolean => /\d+b/i.test(pattern);

interface BaseFacts {
  key: string;
  repo: string;
  /** Keys of the models in view declaring it directly. */
  declarers: string[];
  params: number | null;
}

/** Every declared base of the models in view, with its declarers and params (see the top). */
function declaredBases(dataset: Dataset, options: SelectOptions): { bases: BaseFacts[]; declaring: number; notes: Note[]; children: (key: string) => number } {
  const { models, excluded } = selectModels(dataset, options);
  const graph = buildLineage(models);
  // a base's own leaderboard entry (flagged ones too: §0 dedup over all its entries)
  const entries = new Map<string, Entry[]>();
  for (const e of dataset.entries) entries.set(e.key, [...(entries.get(e.key) ?? []), e]);
  const paramsOf = (key: string, repo: string): number | null => {
    const own = entries.get(key);
    const params = own ? dedupEntries(own)[0]!.params : null;
    if (params !== null) return params;
    const total = dataset.info.get(key)?.safetensorsTotal ?? null;
    if (total !== null && total > 0) return total / 1e9;
    return sizeInName(repo);
  };
  const bases = [...graph.children].map(([key, links]): BaseFacts => {
    const repo = graph.spelling.get(key) ?? key;
    return { key, repo, declarers: links.map((l) => l.key), params: paramsOf(key, repo) };
  });
  return {
    bases,
    declaring: models.filter((m: Model) => m.bases.length > 0).length,
    notes: selectionNotes(excluded),
    children: (key) => graph.children.get(key)?.length ?? 0,
  };
}

/** The bases of a family among `bases`, and those left out for want of a size. */
function inFamily(bases: readonly BaseFacts[], spec: PatternFamilySpec): { matched: BaseFacts[]; unsized: BaseFacts[] } {
  const low = spec.params ?? null;
  const high = low === null ? null : low + (spec.range ?? 0);
  const named = bases.filter((b) => nameMatches(b.repo, spec));
  if (low === null) return { matched: named, unsized: [] };
  const byName = namesSize(spec.pattern);
  return {
    matched: named.filter((b) => (b.params === null ? byName : b.params >= low && b.params <= high!)),
    unsized: byName ? [] : named.filter((b) => b.params === null),
  };
}

/** The §4 presets as pattern specs (the default families). */
export function presetPatternSpecs(): PatternFamilySpec[] {
  return PAPER_FAMILIES.map((p) => presetSpec(p, 'pattern') as PatternFamilySpec);
}

/** analyses.md §2 "Models per base family" over the dataset. */
export function baseFamilies(dataset: Dataset, options: BaseFamilyOptions = {}): BaseFamiliesResult {
  const { bases, declaring, notes, children } = declaredBases(dataset, options);
  const aliases = aliasesOf(dataset);
  const specs = options.families ?? presetPatternSpecs();
  const top = Math.max(0, options.topBases ?? 3);
  const byNameOnly = new Set<string>();
  const leftUnsized = new Set<string>();
  const families = specs.map((spec): BaseFamilyCount => {
    const { id, label } = specName(spec);
    const low = spec.params ?? null;
    const { matched, unsized } = inFamily(bases, spec);
    for (const b of unsized) leftUnsized.add(b.key);
    if (low !== null) for (const b of matched) if (b.params === null) byNameOnly.add(b.key);
    const preset = PAPER_FAMILIES.find((p) => p.id === spec.id && p.pattern === spec.pattern);
    const presetKey = preset ? aliases.resolve(preset.base.toLowerCase()) : null;
    return {
      id,
      label,
      pattern: spec.pattern,
      params: low === null ? null : [low, low + (spec.range ?? 0)],
      models: new Set(matched.flatMap((b) => b.declarers)).size,
      bases: matched.length,
      nameOnly: low === null ? 0 : matched.filter((b) => b.params === null).length,
      unsized: unsized.length,
      base: preset && presetKey ? { repo: aliases.spelling(presetKey) ?? preset.base, models: children(presetKey) } : null,
      top: [...matched]
        .sort((a, b) => b.declarers.length - a.declarers.length || (a.key < b.key ? -1 : 1))
        .slice(0, top)
        .map((b) => ({ repo: b.repo, models: b.declarers.length })),
    };
  });
  note(notes, byNameOnly.size, 'declared bases placed in a family by their name alone (size unknown; the pattern names it)');
  note(notes, leftUnsized.size, 'declared bases whose name matches a family but whose size is unknown, left out of it');
  return { generation: dataset.generation, families, declaring, notes };
}

/** Models in view declaring a base of any of the families (e.g. both Llama 3 presets: the
 *  paper's "over 200 name Llama 3"). */
export function modelsDeclaringAny(dataset: Dataset, specs: readonly PatternFamilySpec[], options: SelectOptions = {}): number {
  const { bases } = declaredBases(dataset, options);
  return new Set(specs.flatMap((spec) => inFamily(bases, spec).matched.flatMap((b) => b.declarers))).size;
}
