// The overview's headline figures of every section of analyses.md (§1–§4), each with the
// paper's figure beside it where the paper has one (paper-figures.ts). Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { UNKNOWN_FAMILY } from '../data/architecture.js';
import { authorsAnalysis } from '../analysis/authors.js';
import { typesOverTime } from '../analysis/types.js';
import { familyLabels, familyRule, OTHER_FAMILY } from '../analysis/architectures.js';
import { baseModels } from '../analysis/base-models.js';
import { baseFamilies, modelsDeclaringAny, presetPatternSpecs } from '../analysis/base-families.js';
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
    const peaks = result.families.map((f) => f.peak?.day ?? null).filter((d): d is number => d !== null);
    const m = median(days);
    const p = median(peaks);
    rows.push({
      label: `median day of 90 % (${days.length}), ${label[mode]}`,
      value: m === null ? '–' : `day ${formatInteger(m)}`,
      paper: paper('exhaust'),
    });
    rows.push({
      label: `median normalised peak (${peaks.length}), ${label[mode]}`,
      value: p === null ? '–' : `day ${formatInteger(p)}`,
      paper: paper('exhaust'),
    });
    data[mode] = { summary: result.summary, medianDaysToExhaust: m, medianPeakDay: p, notes: result.notes };
  }
  return {
    id: 'improvement',
    heading:
      '§4 Community improvement — total in score points · day 90 % of it was reached · day the normalised curve peaks · models in the family [Fig. 11, 12]',
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
  // §2 "Models per base family": the paper's "over 300 Mistral, over 200 Llama 3" count families
  const byFamily = baseFamilies(dataset, select);
  const mistral = byFamily.families.find((f) => f.id === 'mistral-7b')!;
  const llama3 = modelsDeclaringAny(dataset, presetPatternSpecs().filter((spec) => spec.id === 'llama3-8b' || spec.id === 'llama3-70b'), select);
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
        {
          label: 'models declaring a Mistral 7B base (any base of the family)',
          value: `${formatInteger(mistral.models)} (${formatInteger(mistral.base?.models ?? 0)} ${mistral.base?.repo ?? 'its base'} itself)`,
          paper: paper('mistralBase'),
        },
        { label: 'models declaring a Llama 3 base (8B or 70B; not 3.1–3.3)', value: formatInteger(llama3), paper: paper('llama3Base') },
        ...(top ? [{ label: `most-declared base model: ${top.repo}`, value: `${formatInteger(top.count)} models` }] : []),
      ],
      data: {
        types: types.overall,
        architectures: families.map(([family, count]) => ({ family, count, share: models.length > 0 ? count / models.length : null })),
        declaringMistral7b: mistral.models,
        declaringLlama3: llama3,
        baseFamilies: byFamily.families,
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
