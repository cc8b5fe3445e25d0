// The overview's headline figures of every section of analyses.md (§1–§4), each with the
// paper's figure beside it where the paper has one (paper-figures.ts). Pure: no IO, no clock.
import type { Dataset, Model } from '../data/model.js';
import { nameOf } from '../data/repo-id.js';
import { UNKNOWN_FAMILY } from '../data/architecture.js';
import { authorsAnalysis } from '../analysis/authors.js';
import { typesOverTime } from '../analysis/types.js';
import { familyLabels, familyRule, OTHER_FAMILY } from '../analysis/architectures.js';
import { baseModels } from '../analysis/base-models.js';
import { sizes } from '../analysis/sizes.js';
import { improvement } from '../analysis/improvement.js';
import { PAPER_FAMILIES, presetSpec } from '../analysis/improvement-families.js';
import { selectModels } from '../analysis/select.js';
import { formatInteger } from '../render/format-number.js';
import type { ViewOptions } from './view.js';
import { pct, type FigureRow } from './view-blocks.js';
import { paper, paperImprovement } from './paper-figures.js';
import { concentrationRows } from './authors-view.js';
import { sizeRows, sevenBillionBin } from './sizes-view.js';
import { defaultMode } from './view-options.js';
import { familyText } from './improvement-view.js';

/** One section's figures, and its numbers for JSON. */
export interface SectionFigures {
  id: 'authors' | 'types' | 'sizes' | 'improvement';
  heading: string;
  rows: FigureRow[];
  data: unknown;
}

/** §2 "name Mistral / Llama 3 as base" (the paper's count): a model counts once when one of
 *  its declared base models has a repository name (after the namespace, compared
 *  case-insensitively) matching the rule. Mistral 7B: "mistral" then "7b", with at most one
 *  `-`, `_`, `.` or space between ("Mistral-7B-v0.1", "OpenHermes-2.5-Mistral-7B"; not
 *  Mixtral, Mistral-Nemo). Llama 3: "llama" then "3" with at most one separator, the 3 not
 *  followed by a digit or "b" ("Meta-Llama-3-8B", "llama3-70b", "Llama-3.1"; not llama-30b
 *  nor open_llama_3b). Compiled once. */
export const BASE_NAME_RULES = {
  mistral7b: /mistral[-_. ]?7b/i,
  llama3: /llama[-_. ]?3(?![0-9b])/i,
} as const;

export function countDeclaring(models: readonly Model[], rule: RegExp): number {
  let count = 0;
  for (const model of models) if (model.bases.some((b) => rule.test(nameOf(b.id)))) count += 1;
  return count;
}

/** The four families the overview quotes (the paper states figures for three of them). */
export const OVERVIEW_FAMILIES = ['mistral-7b', 'llama-7b', 'llama3-8b', 'phi-2'] as const;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function improvementSection(dataset: Dataset, options: ViewOptions): SectionFigures {
  const first = options.mode ?? defaultMode(dataset);
  const modes: Array<'lineage' | 'pattern'> = first === 'lineage' ? ['lineage', 'pattern'] : ['pattern', 'lineage'];
  const label = { lineage: 'lineage', pattern: 'name pattern' };
  const rows: FigureRow[] = [];
  const data: Record<string, unknown> = {};
  const results = modes.map((mode) => ({
    mode,
    result: improvement(dataset, {
      includeFlagged: options.includeFlagged,
      mode,
      families: PAPER_FAMILIES.map((p) => presetSpec(p, mode)),
    }),
  }));
  for (const id of OVERVIEW_FAMILIES) {
    for (const { mode, result } of results) {
      const f = result.families.find((x) => x.id === id);
      const figure = paperImprovement(id);
      rows.push({ label: `${f?.label ?? id}, ${label[mode]}`, value: f ? familyText(f) : 'no models', ...(figure ? { paper: paper(figure) } : {}) });
    }
  }
  for (const { mode, result } of results) {
    const days = result.families.map((f) => f.daysToExhaust).filter((d): d is number => d !== null);
    const m = median(days);
    rows.push({
      label: `median day of 90 % (${days.length} families), ${label[mode]}`,
      value: m === null ? '–' : `day ${formatInteger(m)}`,
      paper: paper('exhaust'),
    });
    data[mode] = { summary: result.summary, medianDaysToExhaust: m, notes: result.notes };
  }
  return {
    id: 'improvement',
    heading: '§4 Community improvement — total in score points · day 90 % of it was reached · models in the family [Fig. 11, 12]',
    rows,
    data: { firstMode: first, ...data },
  };
}

/** The §1–§4 figures of the overview. */
export function sectionFigures(dataset: Dataset, options: ViewOptions): SectionFigures[] {
  const select = { includeFlagged: options.includeFlagged };
  const authors = authorsAnalysis(dataset, select);
  const types = typesOverTime(dataset, select);
  const { models } = selectModels(dataset, select);
  const { labelOf, counts } = familyLabels(models, familyRule(options.familyThreshold));
  const grouped = new Map<string, number>();
  for (const [family, n] of counts) grouped.set(labelOf(family), (grouped.get(labelOf(family)) ?? 0) + n);
  const rank = (label: string) => (label === UNKNOWN_FAMILY ? 2 : label === OTHER_FAMILY ? 1 : 0);
  const families = [...grouped].sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1]);
  const bases = baseModels(dataset, { ...select, top: 1 });
  const mistral = countDeclaring(models, BASE_NAME_RULES.mistral7b);
  const llama3 = countDeclaring(models, BASE_NAME_RULES.llama3);
  const size = sizes(dataset, select);
  const seven = sevenBillionBin(size);
  const top = bases.top[0];
  return [
    {
      id: 'authors',
      heading: '§1 Community growth and author concentration [Fig. 1–3]',
      rows: concentrationRows(authors),
      data: { concentration: authors.concentration, authorsPerRepo: { ...authors.authorsPerRepo, counts: undefined }, repos: authors.repos },
    },
    {
      id: 'types',
      heading: '§2 What gets built: types and architectures [Fig. 4–7]',
      rows: [
        ...types.overall.map((t) => ({ label: `type ${t.type}`, value: `${pct(t.share)} (${formatInteger(t.count)})` })),
        ...families.map(([family, n]) => ({ label: `architecture ${family}`, value: `${pct(models.length > 0 ? n / models.length : null)} (${formatInteger(n)})` })),
        { label: 'models declaring a Mistral 7B base (name matches mistral-7b)', value: formatInteger(mistral), paper: paper('mistralBase') },
        { label: 'models declaring a Llama 3 base (name matches llama-3)', value: formatInteger(llama3), paper: paper('llama3Base') },
        ...(top ? [{ label: `most-declared base model: ${top.repo}`, value: `${formatInteger(top.count)} models` }] : []),
      ],
      data: {
        types: types.overall,
        architectures: families.map(([family, count]) => ({ family, count, share: models.length > 0 ? count / models.length : null })),
        declaringMistral7b: mistral,
        declaringLlama3: llama3,
        mostDeclared: top ?? null,
      },
    },
    {
      id: 'sizes',
      heading: '§3 Size [Fig. 8–10]',
      rows: sizeRows(size),
      data: { known: size.known, small: size.small, downloads: size.downloads, sevenToEight: seven ? { count: seven.count, share: size.known > 0 ? seven.count / size.known : null } : null },
    },
    improvementSection(dataset, options),
  ];
}
