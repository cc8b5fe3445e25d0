// The `:` command line (issue 9 §6): `goto REPO` (a model's detail), `author NAME` (their
// models on the Leaderboard), `base REPO` (its lineage tree), `dataset ID` (another held
// dataset), `export FILE`, `score BENCH`; Tab completes the command, then a model id, an author,
// a base model, a dataset or a benchmark. Each drill-down is a step on the view stack (Esc
// returns to the screen it came from). An unknown command is a one-line message. Pure.
import type { AppState } from './app-state.js';
import type { Effect, Outcome } from './effects.js';
import { drill } from './view-stack.js';
import { leaderboardAt } from './leaderboard-handle.js';
import { lineageAt } from './lineage-handle.js';
import { restored } from './leaderboard-state.js';
import { drillTo } from './page-handle.js';
import type { LeaderboardRow } from '../../views/screen-data.js';
import { builtLeaderboardModel, lineageModel, type Env } from './screen-models.js';
import { derivativeTree, scoreNames } from '../../views/screen-data.js';
import { resolveSortColumn } from '../../views/leaderboard-view.js';

export const COMMANDS = ['goto', 'author', 'base', 'dataset', 'export', 'score'] as const;
export type LineCommand = (typeof COMMANDS)[number];

/** Candidates a command's argument completes over. */
function candidates(command: LineCommand, env: Env, state: AppState): string[] {
  const model = builtLeaderboardModel(env.dataset);
  switch (command) {
    case 'goto':
      return model ? model.table.rows.map((r) => r.repo) : [];
    case 'author':
      return model ? authorNames(model.table.rows, state.screens.authors.owners) : [];
    case 'base': {
      const bases = lineageModel(env.dataset, state.screens.lineage, env.width, env.height, true).bases;
      return bases ? bases.top.map((b) => b.repo) : [];
    }
    case 'dataset':
      return [...(env.datasets ?? [])];
    case 'score':
      return scoreNames(env.dataset.generation);
    case 'export':
      return [];
  }
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i]!.toLowerCase() === w[i]!.toLowerCase()) i += 1;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Tab: the text completed as far as the candidates agree, and how many there are. */
export function complete(text: string, state: AppState, env: Env): { text: string; message: string | null } {
  const space = text.indexOf(' ');
  if (space < 0) {
    const matches = COMMANDS.filter((c) => c.startsWith(text.trim().toLowerCase()));
    if (matches.length === 1) return { text: `${matches[0]} `, message: null };
    return { text: commonPrefix(matches) || text, message: matches.length === 0 ? `no command starts with “${text}”` : matches.join(' ') };
  }
  const command = text.slice(0, space) as LineCommand;
  if (!COMMANDS.includes(command)) return { text, message: `unknown command “${command}”` };
  const arg = text.slice(space + 1).trimStart().toLowerCase();
  const matches = candidates(command, env, state).filter((c) => c.toLowerCase().startsWith(arg));
  if (matches.length === 0) return { text, message: `no ${command} starts with “${arg}”` };
  if (matches.length === 1) return { text: `${command} ${matches[0]}`, message: null };
  const prefix = commonPrefix(matches);
  const shown = matches.slice(0, 5).join('  ');
  return { text: `${command} ${prefix.length >= arg.length ? prefix : arg}`, message: `${matches.length.toLocaleString('en-US')} match: ${shown}${matches.length > 5 ? '  …' : ''}` };
}

const names = new WeakMap<readonly LeaderboardRow[], Map<boolean, string[]>>();

/** Every author the table's repositories credit (their commit authors; with `owners`, the
 *  namespace of a repository without a history), each once, case aside, as first spelled. */
function authorNames(rows: readonly LeaderboardRow[], owners: boolean): string[] {
  let byOwners = names.get(rows);
  if (!byOwners) names.set(rows, (byOwners = new Map()));
  let list = byOwners.get(owners);
  if (!list) {
    const seen = new Map<string, string>();
    const add = (name: string): void => {
      const key = name.trim().toLowerCase();
      if (key !== '' && !seen.has(key)) seen.set(key, name.trim());
    };
    for (const r of rows) {
      if (r.model.activity) for (const a of r.model.activity.authors) add(a);
      else if (owners && r.repo.includes('/')) add(r.repo.split('/')[0]!);
    }
    byOwners.set(owners, (list = [...seen.values()]));
  }
  return list;
}

/** Runs a command line: the state it leads to and the effects to run. */
export function runLine(text: string, state: AppState, env: Env): Outcome<AppState> {
  const none: Effect[] = [];
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(' ');
  const say = (message: string): Outcome<AppState> => ({ state: { ...state, message }, effects: none });
  const command = word.toLowerCase();
  if (command === '') return { state, effects: none };
  if (!(COMMANDS as readonly string[]).includes(command)) return say(`unknown command “:${word}” — try ${COMMANDS.map((c) => `:${c}`).join(' ')} (Tab completes)`);
  if (arg === '') return say(`:${command} needs an argument (Tab completes)`);
  switch (command as LineCommand) {
    case 'goto': {
      const model = builtLeaderboardModel(env.dataset);
      const row = model?.table.rows.find((r) => r.repo.toLowerCase() === arg.toLowerCase() || r.key === arg.toLowerCase());
      if (!row) return say(`no model “${arg}” in this dataset`);
      return { state: drill(state, 'leaderboard', leaderboardAt(state.screens.leaderboard, row.key), row.repo), effects: none };
    }
    case 'author': {
      // the same rows as Enter on the author in Authors: the repositories credited to them by
      // commit history (§0 "Authors of a repository"; with `o` on Authors, namespace owners
      // standing in), merges shown
      const model = builtLeaderboardModel(env.dataset);
      const owners = state.screens.authors.owners;
      const name = model ? authorNames(model.table.rows, owners).find((a) => a.toLowerCase() === arg.toLowerCase()) : undefined;
      if (!model || !name) {
        const who = owners ? 'a commit author or the namespace owner of a repository without history' : 'a commit author (o on Authors lets namespace owners stand in)';
        return say(`no repository credits “${arg}” as ${who} — Tab completes`);
      }
      return { state: drillTo(state, { where: { column: 'repo', match: { kind: 'author', name, owners }, label: `author ${name}` } }, null), effects: none };
    }
    case 'base': {
      const tree = derivativeTree(env.dataset, arg);
      if (tree.root.children.length === 0 && !tree.root.inView) return say(`no model declares “${arg}” as its base`);
      return { state: drill(state, 'lineage', lineageAt(state.screens.lineage, tree.root.repo, tree.root.key), `tree of ${tree.root.repo}`), effects: none };
    }
    case 'dataset':
      if (env.datasets && !env.datasets.includes(arg)) return say(`the cache holds no dataset “${arg}” (${env.datasets.join(', ')})`);
      return { state: { ...state, message: `opening ${arg}…` }, effects: [{ type: 'dataset', id: arg }] };
    case 'export':
      return { state, effects: [{ type: 'export', file: arg }] };
    case 'score': {
      const names = scoreNames(env.dataset.generation);
      const name = names.find((n) => n.toLowerCase() === arg.toLowerCase());
      if (!name) return say(`no score “${arg}” in this generation: ${names.join(', ')}`);
      const score = name === names[0] ? null : name;
      const { screens } = state;
      switch (state.screen) {
        case 'types':
          return { state: { ...state, screens: { ...screens, types: { ...screens.types, score } } }, effects: none };
        case 'sizes':
          return { state: { ...state, screens: { ...screens, sizes: { ...screens.sizes, score } } }, effects: none };
        case 'improvement':
          return { state: { ...state, screens: { ...screens, improvement: { ...screens.improvement, score } } }, effects: none };
        case 'leaderboard': {
          const model = builtLeaderboardModel(env.dataset);
          const column = model ? resolveSortColumn(model.table, name === names[0] ? 'score' : name) : null;
          if (!model || column === null) return say(`no column “${name}”`);
          const index = model.columns.findIndex((c) => c.id === column);
          const lb = screens.leaderboard;
          return { state: { ...state, screens: { ...screens, leaderboard: { ...lb, column: index, sort: { column, descending: true }, cursor: 0, offset: 0 } } }, effects: none };
        }
        default:
          return say(':score applies on Types, Sizes, Improvement and the Leaderboard');
      }
    }
  }
}
