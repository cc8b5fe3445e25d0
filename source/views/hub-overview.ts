// The Hub overview (analyses.md §6): every section's headline for one snapshot — scope and rows,
// namespaces and their concentration (H1), the relation mix (H2), the top roots (H4) and the
// root organisations' shares per year (H4), params coverage and the share under 20 B (H6). Pure.
import type { AuthorRows, CategoryRows } from '../hub/queries-community.js';
import type { RootRow, SizeRows } from '../hub/queries-lineage.js';
import { SIZE_BINS } from '../hub/queries-lineage.js';
import type { CategoryRow } from '../analysis/hub-series.js';
import { concentrationOf, shareOf, sizesOf } from '../analysis/hub-shape.js';
import { formatDecimal, formatInteger } from '../render/format-number.js';
import { figures, heading, notesBlock, pct } from './view-blocks.js';
import { commonNotes, hubSummary, scopeBlock, type HubView, type HubViewContext } from './hub-view-common.js';
import { orgYearTable, rootTable } from './hub-views-lineage.js';

export interface HubOverviewInput {
  authors: AuthorRows;
  relations: CategoryRows;
  roots: RootRow[];
  orgYears: CategoryRow[];
  sizes: SizeRows;
}

export function hubOverviewView(context: HubViewContext, input: HubOverviewInput): HubView {
  const c = context.counts;
  const m = context.manifest;
  const byModels = concentrationOf(input.authors.byModels);
  const total = input.relations.totals.reduce((s, t) => s + t.n, 0);
  const relation = (name: string) => input.relations.totals.find((t) => t.name === name)?.n ?? 0;
  const sizes = sizesOf(input.sizes, SIZE_BINS);
  const orgs = orgYearTable(input.orgYears);
  const relationNames = ['original', 'finetune', 'adapter', 'quantized', 'merge', ...(relation('unknown') > 0 ? ['unknown'] : [])];
  const derived = total - relation('original');
  return {
    id: 'overview',
    title: 'Hub overview',
    summary: hubSummary(context),
    blocks: [
      scopeBlock(context),
      heading('The snapshot'),
      figures([
        { label: 'models in the snapshot', value: formatInteger(c.rows) },
        { label: 'in scope', value: `${formatInteger(c.inScope)} (${pct(shareOf(c.inScope, c.rows))})` },
        { label: 'dated (creation after the 2022-03-02 floor)', value: pct(shareOf(c.dated, c.inScope)) },
        { label: 'with a parent (baseModels)', value: pct(shareOf(c.withParents, c.inScope)) },
        { label: 'params known', value: pct(sizes.coverage) },
        { label: 'virtual parents (not in the snapshot) · cycles', value: `${formatInteger(m.lineage.virtualNodes)} · ${formatInteger(m.lineage.cycles)}` },
      ]),
      heading('Who builds [H1]'),
      figures([
        { label: 'namespaces (N)', value: formatInteger(byModels.n) },
        { label: 'top 10 namespaces’ share of models', value: pct(byModels.top10Share) },
        { label: 'top 200 namespaces’ share of models', value: pct(byModels.top200Share) },
        { label: 'Gini coefficient of models per namespace', value: byModels.gini === null ? '–' : formatDecimal(byModels.gini, 3) },
        { label: `Price’s law: top √N = ${byModels.price?.k ?? '–'} namespaces’ share`, value: pct(byModels.price?.share ?? null) },
      ]),
      heading('What gets built: relation mix [H2]'),
      figures([
        ...relationNames.map((name) => ({ label: name, value: `${formatInteger(relation(name))} (${pct(shareOf(relation(name), total))})` })),
        ...['finetune', 'adapter', 'quantized', 'merge'].map((name) => ({ label: `${name} among derivatives`, value: pct(shareOf(relation(name), derived)) })),
      ]),
      heading('Whose releases the community builds on [H4]'),
      rootTable(input.roots, `Top ${input.roots.length} roots by descendants`),
      orgs.block,
      heading('Size [H6]'),
      figures([
        { label: 'share under 20 B (models with known params)', value: pct(sizes.under20Share) },
        { label: 'downloads share of models ≤ 15 B', value: pct(sizes.downloadsAtMost15Share) },
      ]),
      notesBlock(commonNotes(context)),
    ],
    data: {
      scope: context.options.scope, snapshot: m.snapshotDay, sha: m.sha, counts: c, concentration: byModels,
      relations: input.relations.totals, roots: input.roots, rootOrgsPerYear: { keys: orgs.keys, counts: orgs.series, shares: orgs.shares },
      sizes: { coverage: sizes.coverage, under20Share: sizes.under20Share, downloadsAtMost15Share: sizes.downloadsAtMost15Share }, manifest: m,
    },
    csv: { columns: ['figure', 'value'], rows: [
      ['models', c.rows], ['in_scope', c.inScope], ['namespaces', byModels.n], ['top10_share', byModels.top10Share ?? ''], ['top200_share', byModels.top200Share ?? ''], ['gini', byModels.gini ?? ''],
      ...relationNames.map((name) => [`relation_${name}`, relation(name)]), ['params_coverage', sizes.coverage ?? ''], ['under20_share', sizes.under20Share ?? ''],
    ] },
  };
}
