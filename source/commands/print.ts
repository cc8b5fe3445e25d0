// `hubscope print VIEW`: one view (or `all`, in the order its source kind lists them) of one
// dataset of the cache — the one --dataset names, else the most recently fetched, said on
// stderr when the cache holds several — as text (the
// explorer's own lines), Markdown (for a GitHub issue: a source header, tables, fenced plots),
// JSON (the view's data: every number it shows, with notes and options) or CSV (the view's
// table; `all` gives one CSV per tabular view, each after a `# VIEW` line, blank-line
// separated). Data on stdout; diagnostics on stderr (exit 1: cache empty or unreadable; exit 2:
// a wrong command line, or csv asked of a view without a table).
import { cacheDir } from '../cache/store.js';
import { chooseDataset, heldList, readIndex } from '../cache/meta.js';
import { DataError } from '../data/errors.js';
import { DEFAULT_DATASET } from '../env.js';
import { SOURCES, sourceFor } from '../sources/registry.js';
import { lockOwner } from '../fetch/lock.js';
import { sanitize } from '../text/sanitize.js';
import { PERIODS, type Period } from '../analysis/periods.js';
import { csvTable } from '../render/table.js';
import { colorEnabled, defaultWidth } from '../render/terminal.js';
import { MIN_WIDTH } from '../render/options.js';
import { makeTheme } from '../render/theme.js';
import { DEFAULT_VIEW_OPTIONS, type View, type ViewOptions } from '../views/view.js';
import { textHeader, writeText } from '../views/write-text.js';
import { MARKDOWN_PLOT_WIDTH, writeMarkdown } from '../views/write-markdown.js';
import { FamilySpecError, parseFamilySpecs } from '../views/view-options.js';
import { isModelType, isSizePreset } from '../views/leaderboard-view.js';
import type { SourceLabel } from '../views/source-label.js';
import { MODEL_TYPES } from '../data/model.js';
import { parseDateRange } from '../data/date-range.js';
import { SIZE_PRESETS } from '../analysis/leaderboard-query.js';
import { searchRefusal } from '../analysis/leaderboard-search.js';
import { UsageError, intOption, numberOption, parse } from './args.js';
import { safeJson, safeLines } from '../text/safe-output.js';
import { HUBSCOPE } from '../text/command.js';

const FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  dataset: { type: 'string' },
  format: { type: 'string' },
  'csv-raw': { type: 'boolean' },
  width: { type: 'string' },
  period: { type: 'string' },
  top: { type: 'string' },
  'include-flagged': { type: 'boolean' },
  'family-threshold': { type: 'string' },
  families: { type: 'string', multiple: true },
  mode: { type: 'string' },
  normalised: { type: 'boolean' },
  normalized: { type: 'boolean' },
  percent: { type: 'boolean' },
  plot: { type: 'string' },
  threshold: { type: 'string' },
  base: { type: 'string' },
  search: { type: 'string' },
  sort: { type: 'string' },
  asc: { type: 'boolean' },
  desc: { type: 'boolean' },
  type: { type: 'string', multiple: true },
  arch: { type: 'string', multiple: true },
  size: { type: 'string', multiple: true },
  'min-params': { type: 'string' },
  'max-params': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'show-merges': { type: 'boolean' },
  score: { type: 'string' },
  authors: { type: 'string' },
  column: { type: 'string' },
  models: { type: 'string', multiple: true },
  scope: { type: 'string' },
  roots: { type: 'string', multiple: true },
} as const;

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];

const list = (values: readonly string[] | undefined): string[] =>
  (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} takes ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}


/** A share: 0.05, or 5 % written "5%". */
function share(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const percent = value.trim().endsWith('%');
  const n = Number(percent ? value.trim().slice(0, -1) : value);
  const s = percent ? n / 100 : n;
  if (!Number.isFinite(s) || s < 0 || s > 1) throw new UsageError(`--${name} takes a share from 0 to 1 (or 0% to 100%), got "${value}"`);
  return s;
}

/** The view options of the command line (dataset-free checks). */
export function viewOptionsOf(values: Values, now: Date): ViewOptions {
  const types = list(values.type);
  const bad = types.find((t) => !isModelType(t));
  if (bad !== undefined) throw new UsageError(`--type takes ${MODEL_TYPES.join(', ')}; got "${bad}"`);
  const sizes = list(values.size);
  const badSize = sizes.find((s) => !isSizePreset(s));
  if (badSize !== undefined) throw new UsageError(`--size takes ${SIZE_PRESETS.map((p) => p.id).join(', ')}; got "${badSize}"`);
  if (values.asc && values.desc) throw new UsageError('--asc and --desc contradict each other');
  const mode = values.mode === undefined ? undefined : oneOf(values.mode, 'mode', ['lineage', 'pattern'] as const, 'lineage');
  const families = list(values.families);
  try {
    parseFamilySpecs(families, mode ?? 'pattern');
  } catch (error) {
    if (error instanceof FamilySpecError) throw new UsageError(`--families: ${error.message}`);
    throw error;
  }
  if ((values.normalised || values.normalized) && values.percent) throw new UsageError('--normalised and --percent are two different y axes: pick one');
  const options: ViewOptions = {
    ...DEFAULT_VIEW_OPTIONS,
    now,
    period: oneOf<Period>(values.period, 'period', PERIODS, DEFAULT_VIEW_OPTIONS.period),
    top: intOption(values.top, 'top', DEFAULT_VIEW_OPTIONS.top),
    includeFlagged: values['include-flagged'] ?? false,
    normalised: values.normalised || values.normalized || false,
    percent: values.percent ?? false,
    showMerges: values['show-merges'] ?? false,
  };
  const set = <K extends keyof ViewOptions>(key: K, value: ViewOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('families', families.length > 0 ? families : undefined);
  set('mode', mode);
  set('plot', values.plot === undefined ? undefined : intOption(values.plot, 'plot', 6, 0));
  set('threshold', values.threshold === undefined ? undefined : numberOption(values.threshold, 'threshold', 70));
  set('familyThreshold', share(values['family-threshold'], 'family-threshold'));
  set('base', values.base);
  set('score', values.score === undefined ? undefined : values.score.trim());
  const refused = values.search === undefined ? null : searchRefusal(values.search);
  if (refused !== null) throw new UsageError(`--search: ${refused}`);
  set('search', values.search);
  set('sort', values.sort);
  set('descending', values.asc ? false : values.desc ? true : undefined);
  set('types', types.length > 0 ? types : undefined);
  set('archFamilies', list(values.arch).length > 0 ? list(values.arch) : undefined);
  set('sizes', sizes.length > 0 ? sizes : undefined);
  set('minParams', values['min-params'] === undefined ? undefined : numberOption(values['min-params'], 'min-params', 0));
  set('maxParams', values['max-params'] === undefined ? undefined : numberOption(values['max-params'], 'max-params', 0));
  set('authors', values.authors === undefined ? undefined : oneOf(values.authors, 'authors', ['history', 'namespace'] as const, 'history'));
  set('column', values.column);
  set('models', list(values.models).length > 0 ? list(values.models) : undefined);
  set('scope', values.scope === undefined ? undefined : oneOf(values.scope, 'scope', ['llm', 'all'] as const, 'llm'));
  set('roots', list(values.roots).length > 0 ? list(values.roots) : undefined);
  // the filter panel's date syntax (data/date-range.ts): --from the period's first day, --to its last
  const range = parseDateRange(values.from, values.to, { from: '--from', to: '--to' });
  if (!range.ok) throw new UsageError(range.error);
  set('from', range.from ?? undefined);
  set('to', range.to ?? undefined);
  return options;
}

function jsonOf(view: View, label: SourceLabel, options: ViewOptions): unknown {
  return { view: view.id, title: view.title, summary: view.summary, source: label, options, data: view.data };
}

function csvOf(view: View, raw: boolean): string {
  if (!view.csv) throw new UsageError(`the ${view.id} view has no table: use --format text, markdown or json`);
  return `${csvTable(view.csv.columns, view.csv.rows, { raw }).join('\n')}\n`;
}

function write(views: View[], dataset: SourceLabel, options: ViewOptions, format: Format, width: number, color: boolean, explicitWidth: boolean, csvRaw: boolean): string {
  const many = views.length > 1;
  switch (format) {
    case 'text': {
      const render = { width, color };
      const rule = makeTheme(render).paint('muted', '─'.repeat(width));
      return views.map((view) => [...textHeader(view, dataset, render), '', ...writeText(view, render)].join('\n')).join(`\n\n${rule}\n\n`) + '\n';
    }
    case 'markdown':
      return views.map((view) => writeMarkdown(view, dataset, explicitWidth ? width : MARKDOWN_PLOT_WIDTH)).join('\n---\n\n');
    case 'json': {
      const value = many ? Object.fromEntries(views.map((view) => [view.id, jsonOf(view, dataset, options)])) : jsonOf(views[0]!, dataset, options);
      return `${safeJson(value, 2)}\n`;
    }
    case 'csv':
      if (!many) return csvOf(views[0]!, csvRaw);
      return views.filter((view) => view.csv).map((view) => `# ${view.id}\n${csvOf(view, csvRaw)}`).join('\n');
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  const known = [...new Set(SOURCES.flatMap((s) => [...s.views, ...(s.askedViews ?? [])]))];
  if (positionals.length === 0) throw new UsageError(`print needs a view: ${known.join(', ')} or all`);
  if (positionals.length > 1) throw new UsageError(`print takes one view, got ${positionals.length}: ${positionals.join(' ')}`);
  const name = positionals[0]!;
  if (name !== 'all' && !known.includes(name)) throw new UsageError(`unknown view "${name}" (views: ${known.join(', ')}, all)`);
  const format = oneOf<Format>(values.format, 'format', FORMATS, 'text');
  if (values['csv-raw'] && format !== 'csv') throw new UsageError('--csv-raw goes with --format csv');
  const width = intOption(values.width, 'width', defaultWidth(process.stdout), MIN_WIDTH);
  const color = format === 'text' && colorEnabled(process.stdout, process.env);
  const options = viewOptionsOf(values, new Date());

  const dir = cacheDir(values.cache);
  const index = await readIndex(dir);
  const held = Object.keys(index.meta.datasets);
  const choice = chooseDataset(index.meta, values.dataset, DEFAULT_DATASET);
  if (choice.how === 'asked' && !choice.held) {
    throw new DataError(`the cache at ${sanitize(dir)} has no dataset "${sanitize(choice.id)}": it ${heldList(index.meta)}`);
  }
  if (held.length === 0) throw new DataError(`cache ${dir} is empty: run ${HUBSCOPE} fetch or ${HUBSCOPE} import FILE`);
  const source = sourceFor(choice.id, index.meta.datasets[choice.id]);
  // a fetch writing this cache now: the figures say they may still change
  const data = await source.read(dir, choice.id, { fetching: (await lockOwner(dir)) === 'fetch' });
  if (source.isEmpty(data)) throw new DataError(`the dataset ${sanitize(choice.id)} in ${dir} is empty: run ${HUBSCOPE} fetch --dataset ${sanitize(choice.id)}`);
  if (choice.how === 'recent' && held.length > 1) process.stderr.write(`using ${sanitize(choice.id)} (most recently fetched; --dataset to choose)\n`);
  const ids = name === 'all' ? [...source.views] : [name];
  if (name === 'frequency' && options.column === undefined) throw new UsageError('print frequency needs --column C (a leaderboard column: type, params, score, a benchmark, created, …)');
  if (name === 'compare' && (options.models ?? []).length === 0) throw new UsageError('print compare needs --models A,B,… (repo ids)');
  if (!source.views.includes(name) && !(source.askedViews ?? []).includes(name) && name !== 'all') {
    throw new UsageError(`${sanitize(choice.id)} is a ${source.title}, whose views are ${source.views.join(', ')}; got "${name}"`);
  }
  const problem = source.checkOptions?.(data, options) ?? null;
  if (problem !== null) throw new UsageError(problem);
  const views = await Promise.all(ids.map((id) => source.view(id, data, options)));
  const label = source.label(data);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  // the exit door: JSON is made safe value by value, text keeps only our colour codes
  const output = write(views, label, options, format, width, color, values.width !== undefined, values['csv-raw'] === true);
  process.stdout.write(format === 'json' ? output : safeLines(output));
  return 0;
}
