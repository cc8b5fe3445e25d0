// One model's detail (analyses.md §5) as a View: every field of its leaderboard entry and of
// its Hub info, its base-model chain up, its derivatives down with counts per relation (the
// Hub's model tree relations), its commit activity, and every entry of the repository. The
// screen draws it with writeText (strings sanitised by the table and prose writers) and the
// app copies or exports the same View as Markdown. Pure.
import type { ModelDetail } from '../analysis/leaderboard-detail.js';
import { RELATIONS } from '../analysis/base-models.js';
import { formatInteger, formatParams, formatScore } from '../render/format-number.js';
import type { Block, Cell, TableColumn, View } from './view.js';

/** Derivatives listed at most (the rest is counted). */
export const MAX_CHILDREN = 100;

const yes = (b: boolean | null | undefined): string => (b === null || b === undefined ? '–' : b ? 'yes' : 'no');
const text = (v: string | null | undefined): string => (v === null || v === undefined || v === '' ? '–' : v);
const number = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatInteger(v));
const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '–');

const FIELD_COLUMNS: TableColumn[] = [{ title: 'field' }, { title: 'value', flex: true, minWidth: 20, align: 'left' }];

function fields(title: string, rows: Array<[string, string]>): Block {
  return { kind: 'table', title, columns: FIELD_COLUMNS, rows };
}

const LINK_COLUMNS: TableColumn[] = [
  { title: 'Model', flex: true, minWidth: 20 },
  { title: 'Relation' },
  { title: 'Type', maxWidth: 11 },
  { title: 'Score', align: 'right' },
  { title: 'Created' },
];

export function modelDetailView(detail: ModelDetail): View {
  const { row, model, info, activity } = detail;
  const e = model.entry;
  const entryFields: Array<[string, string]> = [
    ['repository', e.repo],
    ['type', e.typeRaw && e.typeRaw !== e.type ? `${e.type} (“${e.typeRaw}”)` : e.type],
    ['architecture', `${e.family}${e.architecture ? ` (${e.architecture})` : ''}`],
    ['params', formatParams(e.params)],
    ['average score', formatScore(e.score)],
    ...Object.entries(e.benchmarks).map(([name, v]): [string, string] => [name, formatScore(v)]),
    ['precision', text(e.precision)],
    ['weight type', text(e.weightType)],
    ['license', text(e.license)],
    ['likes (leaderboard)', number(e.likes)],
    ['on the Hub', e.available === null ? '–' : yes(e.available)],
    ['flagged', yes(e.flagged)],
    ['merged flag', yes(e.merged)],
    ['merge (§0 rule)', yes(model.isMerge)],
    ['descends from a merge', yes(detail.descendsFromMerge)],
    ['MoE', yes(e.moe)],
    ['base model (column)', e.baseModelRemoved ? 'Removed' : e.baseModel ? `${e.baseModel}${e.baseModelRelation ? ` (${e.baseModelRelation})` : ''}` : '–'],
    ['generation', number(e.generationDepth)],
    ['upload to Hub date', text(e.uploadDate)],
    ['submission date', text(e.submissionDate)],
    ['eval name', text(e.evalName)],
    ['revision', text(e.sha)],
  ];
  const created = model.day === null ? '–' : `${model.dateFloor ? `on or before ${model.day}` : model.day} (from the ${model.dateSource === 'hub' ? 'Hub' : 'leaderboard'})`;
  const hubFields: Array<[string, string]> = info
    ? [
        ['id', info.id],
        ['author', text(info.author)],
        ['created', created],
        ['last modified', day(info.lastModified)],
        ['downloads', number(info.downloads)],
        ['likes', number(info.likes)],
        ['library', text(info.library)],
        ['license', text(info.license)],
        ['pipeline', text(info.pipelineTag)],
        ['gated', info.gated === null ? '–' : String(info.gated)],
        ['safetensors params', info.safetensorsTotal === null ? '–' : formatParams(info.safetensorsTotal / 1e9)],
        ['revision', text(info.sha)],
        ['card base_model', info.cardBaseModels.length > 0 ? info.cardBaseModels.join(', ') : '–'],
      ]
    : [['Hub info', 'not fetched (or the repository is gone)'], ['created', created]];
  hubFields.push(['declared bases', model.bases.length > 0 ? model.bases.map((b) => `${b.id} (${b.relation})`).join(', ') : 'none']);
  const lists: Block[] = info
    ? ([['tags', info.tags], ['datasets', info.datasets], ['languages', info.languages]] as const)
        .filter(([, list]) => list.length > 0)
        .map(([name, list]): Block => ({ kind: 'paragraph', text: `${name}: ${list.join(', ')}` }))
    : [];

  const up: Block[] =
    detail.ancestors.length === 0
      ? [{ kind: 'paragraph', text: 'declares no base model (an original, or the metadata says nothing)' }]
      : [
          {
            kind: 'table',
            columns: [{ title: 'Up', numeric: true }, ...LINK_COLUMNS],
            rows: detail.ancestors.map((a): Cell[] => [
              a.depth,
              `${a.repo}${a.cycle ? ' (cycle: already on the chain)' : ''}`,
              a.relation,
              a.inView ? a.type : 'not on board',
              a.score === null ? '–' : formatScore(a.score),
              a.day ?? '–',
            ]),
          },
        ];

  const { children, byRelation, total } = detail.derivatives;
  const counts = RELATIONS.filter((r) => byRelation[r] > 0).map((r) => `${r === 'unknown' ? 'relation not stated' : r} ${formatInteger(byRelation[r])}`);
  const down: Block[] = [
    {
      kind: 'figures',
      rows: [
        { label: 'direct derivatives', value: formatInteger(children.length) },
        ...RELATIONS.map((r) => ({ label: r === 'unknown' ? 'relation not stated' : r, value: formatInteger(byRelation[r]) })),
        { label: 'all levels (children, grandchildren, …)', value: formatInteger(total) },
      ],
    },
  ];
  if (children.length > 0) {
    down.push({
      kind: 'table',
      title: children.length > MAX_CHILDREN ? `the ${MAX_CHILDREN} best of ${formatInteger(children.length)}` : undefined,
      columns: LINK_COLUMNS,
      rows: children.slice(0, MAX_CHILDREN).map((c): Cell[] => [c.repo, c.relation, c.inView ? c.type : 'not on board', c.score === null ? '–' : formatScore(c.score), c.day ?? '–']),
    });
  }

  const activityFields: Array<[string, string]> =
    activity.status === 'ok'
      ? [
          ['commits', number(activity.commits)],
          ['first commit', day(activity.firstCommit)],
          ['last commit', day(activity.lastCommit)],
          ['authors', `${formatInteger(activity.authors.length)}${activity.authors.length > 0 ? `: ${activity.authors.join(', ')}` : ''}`],
          ['system accounts and bots left out', activity.removed.length > 0 ? activity.removed.join(', ') : 'none'],
        ]
      : [['history', activity.status === 'not fetched' ? 'not fetched yet' : `not available (${activity.status}: gone or gated)`]];

  const entries: Block[] =
    detail.entries.length > 1
      ? [
          {
            kind: 'table',
            title: `${detail.entries.length} entries of this repository (the detail shows the one kept: best score, then later submission)`,
            columns: [{ title: 'Repo' }, { title: 'Precision' }, { title: 'Score', align: 'right' }, { title: 'Flagged' }, { title: 'Submitted' }],
            rows: detail.entries.map((x): Cell[] => [x.repo, x.precision, formatScore(x.score), yes(x.flagged), x.submissionDate ?? '–']),
          },
        ]
      : [];

  return {
    id: 'leaderboard',
    title: `Leaderboard · ${row.repo}`,
    summary: `${row.repo} · ${row.type} · score ${formatScore(row.score)} · ${detail.ancestors.length} up · ${formatInteger(total)} down${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`,
    blocks: [
      { kind: 'heading', text: `${row.repo} — ${row.type}, ${row.family}, ${formatParams(row.params)}, score ${formatScore(row.score)}` },
      fields('Leaderboard entry', entryFields),
      fields('Hub', hubFields),
      ...lists,
      { kind: 'heading', text: `Base-model chain up (${detail.ancestors.length} step${detail.ancestors.length === 1 ? '' : 's'})` },
      ...up,
      { kind: 'heading', text: `Derivatives down: ${formatInteger(children.length)} direct, ${formatInteger(total)} in all` },
      ...down,
      { kind: 'heading', text: 'Commit activity' },
      fields(activity.status === 'ok' ? 'history on the Hub' : 'history', activityFields),
      ...entries,
    ],
    data: detail.model.entry.repo,
  };
}
