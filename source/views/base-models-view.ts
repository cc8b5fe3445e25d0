// The Base models view: analyses.md §2 "Models per base model" [Fig. 6]: for each declared
// base model, how many models in view declare it (by relation), its family, how many descend
// from it, its own score; the top N. Pure: no IO, no clock.
import type { BaseRelation, Dataset } from '../data/model.js';
import { baseModels, RELATIONS, type BaseModelsResult } from '../analysis/base-models.js';
import { renderBars } from '../render/bars.js';
import { formatInteger, formatScore } from '../render/format-number.js';
import type { Block, Cell, TableColumn, View, ViewOptions } from './view.js';
import { chart, figures, heading, notesBlock, pct, selectionSummary } from './view-blocks.js';

/** Relations with a count in the rows shown (v1 metadata often says none: all `unknown`). */
function relationsShown(result: BaseModelsResult): BaseRelation[] {
  return RELATIONS.filter((r) => result.top.some((row) => row.byRelation[r] > 0));
}

function columnsOf(relations: readonly BaseRelation[]): TableColumn[] {
  return [
    { title: '#', numeric: true },
    { title: 'Base model', flex: true, minWidth: 14 },
    { title: 'Family', maxWidth: 12 },
    { title: 'Models', numeric: true },
    { title: 'Descend.', numeric: true },
    { title: 'Score', align: 'right' },
    ...relations.map((r): TableColumn => ({ title: r === 'unknown' ? 'unstated' : r, numeric: true })),
  ];
}

export function baseModelRows(result: BaseModelsResult, relations: readonly BaseRelation[] = relationsShown(result)): Cell[][] {
  return result.top.map((row, i) => [
    i + 1,
    row.repo,
    row.family,
    row.count,
    row.descendants,
    row.score !== null ? formatScore(row.score) : row.onLeaderboard ? '–' : 'not on board',
    ...relations.map((r) => row.byRelation[r]),
  ]);
}

/** The models-per-base table (shared with the Architectures and Lineage views): relation
 *  columns only for relations that occur. */
export function baseModelsTable(result: BaseModelsResult, title?: string): Block {
  const relations = relationsShown(result);
  return { kind: 'table', ...(title ? { title } : {}), columns: columnsOf(relations), rows: baseModelRows(result, relations) };
}

/** analyses.md §2 [Fig. 6] as a view. */
export function baseModelsView(dataset: Dataset, options: ViewOptions): View {
  const result = baseModels(dataset, { includeFlagged: options.includeFlagged, top: options.top });
  const declaringShare = result.models > 0 ? result.declaring / result.models : null;
  return {
    id: 'base-models',
    title: 'Base models',
    summary: [`${formatInteger(result.bases)} declared bases`, `${formatInteger(result.declaring)} declaring models`, ...selectionSummary(options, { top: true })].join(' · '),
    blocks: [
      heading('Models per base model [Fig. 6]'),
      figures([
        { label: 'distinct declared base models', value: formatInteger(result.bases) },
        { label: 'models declaring a base model', value: `${formatInteger(result.declaring)} of ${formatInteger(result.models)} (${pct(declaringShare)})` },
      ]),
      chart(`top ${result.top.length} by models declaring them`, (o) =>
        renderBars(result.top.map((row) => ({ label: row.repo, value: row.count })), { ...o, percent: false }),
      ),
      baseModelsTable(result),
      notesBlock(result.notes),
    ],
    data: result,
    csv: {
      columns: ['rank', 'base_model', 'family', 'family_source', 'models', 'descendants', 'on_leaderboard', 'score', ...RELATIONS],
      rows: result.top.map((row, i) => [
        i + 1, row.repo, row.family, row.familySource, row.count, row.descendants, row.onLeaderboard ? 'yes' : 'no', row.score,
        ...RELATIONS.map((r) => row.byRelation[r]),
      ]),
    },
  };
}
