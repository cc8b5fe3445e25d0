// The command table: name, one-line summary, usage text, and a lazy loader (so `--help` and
// the explorer's start do not load what they do not use).

import { loadInteractive } from './interactive-load.js';

export interface CommandModule {
  run(argv: string[]): Promise<number>;
}

export interface Command {
  summary: string;
  usage: string;
  load(): Promise<CommandModule>;
}

const CACHE_OPTION = '  --cache DIR        cache directory (env HUBSCOPE_CACHE; default ./cache)';

export const COMMANDS: Record<string, Command> = {
  explore: {
    summary: 'open the explorer (the default when no command is given)',
    usage:
      `hubscope [explore] [options]\n\n` +
      'The screens open on the cache at once. Unless offline, a fetch runs beside them when the cache\n' +
      'is empty, half done or older than 7 days (r starts one any time); q stops it cleanly.\n\n' +
      `${CACHE_OPTION}\n` +
      '  --offline          no background fetch (also HF_HUB_OFFLINE=1)\n' +
      '  --no-fetch         do not start a fetch by itself (r still does)\n' +
      '  --restore          open every screen as the last session left it (<cache>/ui-state.json)\n' +
      '  --dataset ID       the dataset to show (default: the most recently fetched one; on an empty\n' +
      '                     cache the v2 table); the background fetch and r fetch this one only\n' +
      '  --datasets-server URL  dataset viewer base URL (env HUBSCOPE_DATASETS_SERVER)\n' +
      '  --screen NAME      open on overview, leaderboard, authors, types, architectures, lineage,\n' +
      '                     sizes or improvement (LMArena\'s history: overview or frontier)\n' +
      '  --export-dir DIR   where e writes its markdown files, made when missing (default: the\n' +
      '                     cache\'s exports/ folder, never the current directory)\n' +
      '\nKeys: ? on any screen, or npx hubscope keys. Needs a terminal of at least 80×24.\n',
    load: () => loadInteractive(() => import('./explore.js')),
  },
  fetch: {
    summary: 'fetch the leaderboard, model metadata and commit histories into the cache',
    usage:
      `hubscope fetch [options]\n\n${CACHE_OPTION}\n` +
      '  --dataset ID       the dataset to fetch (default: the most recently fetched one the cache\n' +
      '                     holds; on an empty cache open-llm-leaderboard/contents, v2;\n' +
      '                     open-llm-leaderboard-old/contents is v1). Other datasets are left alone\n' +
      '  --datasets-server URL  dataset viewer base URL (env HUBSCOPE_DATASETS_SERVER)\n' +
      '  --only STAGES      the dataset kind\'s stages, comma-separated: leaderboard,info,commits for a\n' +
      '                     leaderboard table (default: all, in that order); table for LMArena;\n' +
      '                     snapshot,history for the Hub snapshot\n' +
      '  --refresh          re-fetch everything, fresh or not\n' +
      '  --ttl DAYS         cached items older than this are re-fetched (default 7)\n' +
      '  --concurrency N    requests in flight (default 8)\n' +
      '  --events json      one JSON event per line on stdout instead of the progress display\n' +
      '  --offline          no network (also HF_HUB_OFFLINE=1): fetch refuses to run\n' +
      'LMArena (--dataset lmarena-ai/leaderboard-dataset: its parquet copy, else /rows; the fetch says\n' +
      'which):\n' +
      '  --config C         the config (default text, or the one the cache holds)\n' +
      '  --split S          the split (default full: every publication date)\n' +
      '  --category C       the category kept (default overall)\n' +
      'the Hub snapshot (--dataset cfahlgren1/hub-stats: models.parquet, only the columns read):\n' +
      '  --revision SHA     pin the dataset\'s revision (default: main, resolved to its sha)\n' +
      '  --history N        also N weekly snapshots of hfmlsoc/hub_weekly_snapshots (N ≥ 2: downloads\n' +
      '                     per week, the difference of downloadsAllTime)\n' +
      '\nEnvironment: HF_ENDPOINT (Hub URL), HF_TOKEN (sent as a bearer token, never stored),\n' +
      'HUBSCOPE_DATASETS_SERVER, HUBSCOPE_CACHE, HF_HUB_OFFLINE.\n' +
      'A killed fetch resumes where it stopped; SIGINT/SIGTERM save what was fetched and exit 130/143.\n',
    load: () => import('./fetch.js'),
  },
  status: {
    summary: 'tell what the cache holds, how fresh, what is missing and what failed',
    usage:
      `hubscope status [options]\n\nEvery dataset the cache holds, then the details of one.\n\n${CACHE_OPTION}\n` +
      '  --dataset ID       the dataset to detail (default: the most recently fetched one)\n' +
      '  --format FORMAT    text (default) or json\n' +
      '  --ttl DAYS         age after which cached items count as stale (default 7)\n',
    load: () => import('./status.js'),
  },
  import: {
    summary: 'load a leaderboard table (CSV, TSV, JSON, JSONL, parquet) or a Hub snapshot (parquet)',
    usage:
      `hubscope import FILE [options]\n\n` +
      'FILE: .csv .tsv .txt (delimiter detected among , ; tab |), .json (rows, {rows}, a dataset-viewer\n' +
      '/rows response, pandas split), .jsonl/.ndjson, .parquet; other names are told by content.\n' +
      'The leaderboard\'s own column names, v1 or v2. Model info and commits already cached are kept.\n' +
      'Regular files only (not a FIFO, a device or a directory), up to 512 MB. The import waits for\n' +
      'no one: while a fetch or another import holds the cache, it stops with one line.\n\n' +
      `${CACHE_OPTION}\n` +
      '  --format F         csv, tsv, json, jsonl or parquet (instead of detection)\n' +
      '  --delimiter C      field delimiter for csv/tsv: one character, or "tab"\n' +
      '  --invert-flags L   Flagged,Merged,MoE columns stored negated (default: detected and said);\n' +
      '                     "none" reads every flag as it is\n' +
      '  --dataset ID       the dataset to import it as (owner/name; default local/<file name>, its own\n' +
      '                     dataset, never a fetched table\'s); the same id again replaces it\n' +
      '  --skip-bad-rows    import the other rows when some have no usable repo id (reported)\n' +
      '\nWith --dataset cfahlgren1/hub-stats, FILE is a local models.parquet of the Hub snapshot (e.g. a\n' +
      'weekly file of hfmlsoc/hub_weekly_snapshots), read into the DuckDB store with the columns hubscope\n' +
      'reads (no size cap: the store\'s memory is bounded); a file without an id column is refused and\n' +
      'the snapshot held before is kept.\n',
    load: () => import('./import.js'),
  },
  keys: {
    summary: "print the explorer's keys as a markdown table",
    usage: 'hubscope keys\n',
    load: () => import('./keys.js'),
  },
  print: {
    summary: 'print a view as text, markdown, json or csv',
    usage:
      'hubscope print VIEW [options]\n\n' +
      'VIEW: overview, leaderboard, authors, types, architectures, base-models, lineage, sizes,\n' +
      'improvement, or all (every view in that order); of LMArena\'s history (--dataset\n' +
      'lmarena-ai/leaderboard-dataset): overview, frontier or all; of the Hub snapshot (--dataset\n' +
      'cfahlgren1/hub-stats): overview, authors, relations, architectures, base-models, adoption, sizes,\n' +
      'intermediaries, lineage, or all.\n\n' +
      `${CACHE_OPTION}\n` +
      '  --dataset ID       the dataset to print (default: the most recently fetched one, named on\n' +
      '                     stderr when the cache holds several)\n' +
      '  --format F         text (default: as on screen), markdown (for a GitHub issue), json (every\n' +
      '                     number the view shows) or csv (the view\'s table; overview has none; all:\n' +
      '                     one CSV per tabular view, each after a "# VIEW" line)\n' +
      '  --csv-raw          csv: text cells as they are; by default a cell a spreadsheet would run as a\n' +
      '                     formula (starting with = + - @) gets a leading \' (numbers are never touched)\n' +
      '  --width N          text width (default: the terminal\'s, else 100); also markdown plots\n' +
      '  --period P         day, week or month (default month)\n' +
      '  --top N            rows of top-N tables (default 20; leaderboard csv/json: every row)\n' +
      '  --include-flagged  bring flagged entries back\n' +
      '  --family-threshold S  share for an architecture family to be shown on its own (default:\n' +
      '                     the 9 largest named families)\n' +
      '  --score NAME       types, sizes, improvement: average (default) or one benchmark of the\n' +
      '                     table (v1: ARC … GSM8K; v2: IFEval … MMLU-PRO), e.g. --score GSM8K\n' +
      '  --families LIST    base-models, architectures: pattern:P[:params[:range]] families counted\n' +
      '                     beside the presets in "models per base family"\n' +
      'improvement:\n' +
      '  --families LIST    comma list of preset ids (mistral-7b, llama-7b, llama3-8b, phi-2, …),\n' +
      '                     pattern:P[:params[:range]], or a base repo org/name (default: the 11 presets)\n' +
      '  --mode M           presets by lineage or pattern (default lineage with Hub metadata, else pattern)\n' +
      '  --normalised       y = improvement ÷ ln(1 + n(d)), n(d) the models made up to that day;\n' +
      '                     --percent  y = % of the reference\n' +
      '  --plot N           families drawn (default 6, the largest totals)\n' +
      'authors: --authors A     history (default: commit authors, the paper\'s rule) or namespace (the\n' +
      '                         namespace owner stands in for a repository without a commit history)\n' +
      'sizes:   --threshold S   score for "params needed" (default 70 on v1, 40 on v2)\n' +
      'lineage: --base REPO     base model to draw (default: the most declared)\n' +
      'the Hub snapshot:\n' +
      '  --scope S          llm (default: text-generation, text2text-generation, image-text-to-text and\n' +
      '                     their lineages) or all\n' +
      '  --roots LIST       adoption: the roots followed (default: the five largest dated roots)\n' +
      '  --base REPO        lineage: any model of the snapshot (default: the largest root); scores join\n' +
      '                     from the leaderboards the cache holds\n' +
      'leaderboard:\n' +
      '  --search TEXT  --sort COL  --asc|--desc  --type T  --arch FAMILY  --size PRESET\n' +
      '  --min-params B  --max-params B  --from DATE  --to DATE  --show-merges\n' +
      '  (created dates: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www; --from is the start of that\n' +
      '  period, --to its end, inclusive; types: pretrained, continuously pretrained, fine-tuned, chat, merge, unknown; sizes:\n' +
      '  up-to-3, 3-to-7, 7-to-65, 65-plus, unknown; lists comma-separated or repeated)\n',
    load: () => import('./print.js'),
  },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'hubscope — a terminal explorer of the open-source LLM community on Hugging Face',
    '',
    'usage: hubscope [COMMAND] [options]',
    '',
    'commands:',
    ...lines,
    '',
    'hubscope COMMAND --help tells more. Global: --help, --version.',
    'Environment: HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE, HUBSCOPE_DATASETS_SERVER, HUBSCOPE_CACHE, NO_COLOR.',
    '',
  ].join('\n');
}

export function commandHelp(name: string): string {
  const command = COMMANDS[name]!;
  return `${command.summary}\n\nusage: ${command.usage}`;
}
