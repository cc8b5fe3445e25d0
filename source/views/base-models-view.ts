// The Base models view: analyses.md §2 "Models per base model" [Fig. 6]: for each declared
// base model, how many models in view declare it (by relation), its family, how many descend
// from it, its own score; the top N. Beside it "Models per base family": the models declaring
// any base of a §4 preset family (the paper's "over 300 Mistral, over 200 Llama 3"), plus any
// pattern given in --families. Pure: no IO, no clock.
import type { BaseRelation, Dataset } from '../data/model.js';
import { baseModels, RELATIONS, type BaseModelsResult } from '../analysis/base-models.js';
import { renderBars } from '../render/bars.js';
import { formatInteger, formatScore } from '../render/format-number.js';
import type { Block, Cell, TableColumn, View, ViewOptions } from './view.js';
import { chart, figures, heading, notesBlock, pct, selectionSummary } from './view-blocks.js';
import { baseFamilies, presetPatternSpecs, type BaseFamiliesResult } from '../analysis/base-families.js';
import type { PatternFamilySpec } from '../analysis/improvement-families.js';
import { parseFamilySpecs } from './view-options.js';


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

/** The families of the per-family count: the §4 presets, plus every `pattern:` spec of
 *  `options.families` (presets and base repositories there are the presets' or lineage's). */
export function baseFamilySpecs(options: ViewOptions): PatternFamilySpec[] {
  const presets = presetPatternSpecs();
  const asked = parseFamilySpecs(options.families, 'pattern');
  const extra = asked === 'presets' ? [] : asked.filter((s): s is PatternFamilySpec => s.kind === 'pattern' && s.id === undefined);
  return [...presets, ...extra];
}

/** analyses.md §2 "Models per base family" for the view's options. */
export function baseFamiliesOf(dataset: Dataset, options: ViewOptions): BaseFamiliesResult {
  return baseFamilies(dataset, { includeFlagged: options.includeFlagged, families: baseFamilySpecs(options) });
}

const rangeText = (params: [number, number] | null): string => (params === null ? 'any' : `${params[0]}–${params[1]} B`);

/** The per-family table (shared with the Architectures view and the overview's JSON). */
export function baseFamiliesTable(result: BaseFamiliesResult): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'Family', maxWidth: 16 },
      { title: 'Pattern', maxWidth: 12 },
      { title: 'Params', align: 'right' },
      { title: 'Models', numeric: true },
      { title: 'Bases', numeric: true },
      { title: 'Its own base', flex: true, minWidth: 12 },
      { title: 'Declaring it', numeric: true },
    ],
    rows: result.families.map((f) => [f.label, f.pattern, rangeText(f.params), f.models, f.bases, f.base?.repo ?? '–', f.base?.models ?? null]),
  };
}

/** What the per-family table counts. */
export const BASE_FAMILY_NOTE =
  'Models: the models in view that declare any base of the family (each once); Bases: the distinct declared bases in it, ' +
  'a base belonging to a family when its id matches the §4 preset pattern (later releases excluded) and its params — its ' +
  'leaderboard row’s, its Hub size, or a size in its name — lie in the range; Declaring it: the models that declare the ' +
  'preset’s own base directly.';

/** analyses.md §2 [Fig. 6] as a view. */
export function baseModelsView(dataset: Dataset, options: ViewOptions): View {
  const result = baseModels(dataset, { includeFlagged: options.includeFlagged, top: options.top });
  const families = baseFamiliesOf(dataset, options);
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
      heading('Models per base family [Fig. 6] — the paper’s “over 300 models name Mistral, over 200 Llama 3” count families'),
      baseFamiliesTable(families),
      { kind: 'paragraph', text: BASE_FAMILY_NOTE },
      notesBlock([...result.notes, ...families.notes.filter((n) => !result.notes.some((m) => m.text === n.text))]),
    ],
    data: { ...result, families },
    csv: {
      columns: ['rank', 'base_model', 'family', 'family_source', 'models', 'descendants', 'on_leaderboard', 'score', ...RELATIONS],
      rows: result.top.map((row, i) => [
        i + 1, row.repo, row.family, row.familySource, row.count, row.descendants, row.onLeaderboard ? 'yes' : 'no', row.score,
        ...RELATIONS.map((r) => row.byRelation[r]),
      ]),
    },
  };
}
