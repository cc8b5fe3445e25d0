// The command table: name, one-line summary, usage text, and a lazy loader (so `--help` and
// the explorer's start do not load what they do not use).

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
    usage: `hubscope [explore] [options]\n\n${CACHE_OPTION}\n  --offline          no background fetch (also HF_HUB_OFFLINE=1)\n`,
    load: () => import('./explore.js'),
  },
  fetch: {
    summary: 'fetch the leaderboard, model metadata and commit histories into the cache',
    usage: `hubscope fetch [options]\n\n${CACHE_OPTION}\n`,
    load: () => import('./fetch.js'),
  },
  status: {
    summary: 'tell what the cache holds, how fresh, what is missing and what failed',
    usage: `hubscope status [options]\n\n${CACHE_OPTION}\n`,
    load: () => import('./status.js'),
  },
  import: {
    summary: 'load a leaderboard table from a CSV, TSV, JSON, JSONL or parquet file',
    usage: `hubscope import FILE [options]\n\n${CACHE_OPTION}\n`,
    load: () => import('./import.js'),
  },
  print: {
    summary: 'print a view as text, markdown, json or csv',
    usage: `hubscope print VIEW [options]\n\n${CACHE_OPTION}\n`,
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
