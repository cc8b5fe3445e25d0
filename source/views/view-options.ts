// Reading view options that come as text (the command line, a screen's prompt): §4 family
// specs, and the defaults a view derives from the dataset. Pure.
import type { Dataset } from '../data/model.js';
import { PAPER_FAMILIES, presetSpec, type FamilySpec } from '../analysis/improvement-families.js';

/** A family spec that cannot be read; print turns it into a usage error. */
export class FamilySpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FamilySpecError';
  }
}

export const FAMILY_SPEC_HELP =
  `a preset (${PAPER_FAMILIES.map((p) => p.id).join(', ')}), pattern:P[:params[:range]], or a base repository org/name`;

/** §4 "A family": the preset families form by lineage when the dataset has Hub metadata (the
 *  spec's default), else by name pattern (the paper's method, which needs no metadata). */
export function defaultMode(dataset: Dataset): 'lineage' | 'pattern' {
  return dataset.info.size > 0 ? 'lineage' : 'pattern';
}

function number(text: string, what: string, spec: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new FamilySpecError(`family "${spec}": ${what} must be a number ≥ 0, got "${text}"`);
  return value;
}

/** One family spec:
 *  - a preset id of the paper's 11 (e.g. `mistral-7b`, `phi-2`; case-insensitive), formed in
 *    `mode`;
 *  - `pattern:P[:params[:range]]`, e.g. `pattern:mistral7b:7`, `pattern:phi2`,
 *    `pattern:llama2:13:1` (params empty or absent: any size);
 *  - a base repository id `org/name`: that repository and its descendants (lineage). */
export function parseFamilySpec(text: string, mode: 'lineage' | 'pattern'): FamilySpec {
  const spec = text.trim();
  if (spec === '') throw new FamilySpecError('empty family spec');
  const preset = PAPER_FAMILIES.find((p) => p.id === spec.toLowerCase());
  if (preset) return presetSpec(preset, mode);
  if (spec.toLowerCase().startsWith('pattern:')) {
    const [pattern = '', params = '', range = '', ...rest] = spec.slice('pattern:'.length).split(':');
    if (pattern.trim() === '' || rest.length > 0) throw new FamilySpecError(`family "${spec}": write pattern:P[:params[:range]]`);
    const p = number(params, 'params', spec);
    const r = number(range, 'range', spec) ?? 0;
    return { kind: 'pattern', pattern: pattern.trim(), params: p, range: r };
  }
  if (/^[^/\s:]+\/[^/\s:]+$/.test(spec)) return { kind: 'lineage', base: spec };
  throw new FamilySpecError(`unknown family "${spec}": give ${FAMILY_SPEC_HELP}`);
}

/** Several specs (each may itself be a comma list); none: the presets. */
export function parseFamilySpecs(texts: readonly string[] | undefined, mode: 'lineage' | 'pattern'): FamilySpec[] | 'presets' {
  const parts = (texts ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
  return parts.length === 0 ? 'presets' : parts.map((p) => parseFamilySpec(p, mode));
}
