// The Architectures view: analyses.md §2 "Architecture share over time" [Fig. 5] with the
// base-model release markers, models per period by family, and "Models per base model"
// [Fig. 6] (the top N). §0 "Families shown": the nine largest named families on their own by
// default (a share threshold is an option); family totals count every model in view, the
// series the models placed in time, and each says which. Pure: no IO, no clock.
import type { Dataset } from '../data/model.js';
import { createdOf, createdSummary } from './date-window.js';
import { architecturesOverTime, familyRuleText } from '../analysis/architectures.js';
import { baseModels } from '../analysis/base-models.js';
import { formatInteger } from '../render/format-number.js';
import type { View, ViewOptions } from './view.js';
import { chart, drawCountBars, drawShareBars, figures, heading, notesBlock, pct, perPeriod, selectionSummary, seriesTable } from './view-blocks.js';
import { BASE_FAMILY_NOTE, baseFamiliesOf, baseFamiliesTable, baseModelsTable } from './base-models-view.js';

/** analyses.md §2 [Fig. 5, 6] as a view. */
export function architecturesView(dataset: Dataset, options: ViewOptions): View {
  const result = architecturesOverTime(dataset, {
    includeFlagged: options.includeFlagged,
    ...createdOf(options),
    period: options.period,
    ...(options.familyThreshold !== undefined ? { threshold: options.familyThreshold } : {}),
  });
  const bases = baseModels(dataset, { includeFlagged: options.includeFlagged, top: options.top });
  const families = baseFamiliesOf(dataset, options);
  const per = perPeriod(options.period);
  const placedText = `the ${formatInteger(result.placed)} of ${formatInteger(result.inView)} models placed in time`;
  return {
    id: 'architectures',
    title: 'Architectures',
    summary: [
      `${formatInteger(result.inView)} models (${formatInteger(result.placed)} placed in time)`,
      familyRuleText(result.rule),
      ...selectionSummary(options, { period: true, top: true }), ...createdSummary(options),
    ].join(' · '),
    blocks: [
      heading(`Architecture families [§2] — ${familyRuleText(result.rule)}; shares of all ${formatInteger(result.inView)} models in view (dated or not)`),
      figures(
        result.totals.map((t) => ({
          label: t.family === 'other' ? `other (${t.members.length} families)` : t.family,
          value: `${pct(t.share)} (${formatInteger(t.count)})`,
        })),
      ),
      heading(`Family share over time [Fig. 5] — ${per}, ${placedText}, with base-model releases`),
      ...(options.bars === 'counts' ? [] : [chart(`legend shares: of ${placedText}`, (o) => drawShareBars(result.counts, result.shares, o, 'share of the period’s new models (%)', result.markers))]),
      ...(options.bars === 'shares' ? [] : [chart(`new models ${per} by family (${placedText})`, (o) => drawCountBars(result.counts, o, `new models ${per}`))]),
      heading(`Models per base model [Fig. 6] — top ${bases.top.length} of ${formatInteger(bases.bases)} declared bases`),
      baseModelsTable(bases),
      heading('Models per base family [Fig. 6] — models declaring any base of the family'),
      baseFamiliesTable(families),
      { kind: 'paragraph', text: BASE_FAMILY_NOTE },
      notesBlock([...result.notes, ...[...bases.notes, ...families.notes].filter((n, i, all) => !result.notes.some((m) => m.text === n.text) && all.findIndex((m) => m.text === n.text) === i)]),
    ],
    data: { architectures: result, baseModels: bases, baseFamilies: families },
    csv: seriesTable(result.counts, result.periodTotals),
  };
}
