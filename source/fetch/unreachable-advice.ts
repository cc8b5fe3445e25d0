// What hubscope says when a host cannot be reached at all (issue 9 item 10: a newcomer's first
// minute with no network): that it cannot be reached and why, that nothing cached was lost and
// the explorer works offline on it, and what to do — retry (`r` in the explorer, `hubscope
// fetch` again), point the variable of that host to a reachable server (HF_ENDPOINT for the
// Hub, HUBSCOPE_DATASETS_SERVER for the dataset viewer, hub-api.md §6.4), or load a table from
// a file (`npx hubscope import FILE`, which runs from a fresh clone after `npm install`). One
// line for `hubscope fetch` on stderr; a few short lines for the explorer. Pure.
import { sanitize } from '../text/sanitize.js';
import { HUBSCOPE } from '../text/command.js';

/** What the fetch knows of the host it could not reach (carried by the fatal event). */
export interface Unreachable {
  host: string;
  /** Why, in words ("connection refused", "the name does not resolve (ENOTFOUND)"). */
  problem: string;
  /** The variable that points at this host. */
  setting: 'HF_ENDPOINT' | 'HUBSCOPE_DATASETS_SERVER';
}

/** The variable whose URL has this origin (the dataset viewer's, else the Hub's). */
export function settingFor(origin: string, datasetsServerUrl: string): Unreachable['setting'] {
  try {
    return new URL(datasetsServerUrl).origin === origin ? 'HUBSCOPE_DATASETS_SERVER' : 'HF_ENDPOINT';
  } catch {
    return 'HF_ENDPOINT';
  }
}

/** The command that loads a table from a file, as a fresh clone runs it. */
export const IMPORT_COMMAND = `${HUBSCOPE} import FILE`;

const clean = (u: Unreachable): Unreachable => ({ ...u, host: sanitize(u.host).slice(0, 100), problem: sanitize(u.problem).slice(0, 120) });

/** `hubscope fetch`'s one line (after "hubscope: "). */
export function unreachableLine(u: Unreachable): string {
  const { host, problem, setting } = clean(u);
  return (
    `cannot reach ${host}: ${problem} — no network, or the server is down. Nothing cached was changed, and hubscope works offline on what the cache holds. ` +
    `To do: run ${HUBSCOPE} fetch again when online, set ${setting} to a server you can reach, or load a table from a file: ${IMPORT_COMMAND}`
  );
}

/** The status bar's few words, to fit at 80 columns beside the screen's name (the Overview
 *  and its details say why and what else to do). */
export function unreachableShort(u: Unreachable): string {
  return `offline: cannot reach ${clean(u).host} · r retries`;
}

/** The explorer's notice (the Overview and its details): short sentences, each wrapped to
 *  `width` columns so that nothing is cut off at 80. */
export function unreachableLines(u: Unreachable, width = 80): string[] {
  const { host, problem, setting } = clean(u);
  const sentences = [
    `The Hub cannot be reached: ${host}: ${problem}.`,
    'The explorer works offline on what the cache holds; nothing cached was lost.',
    `What to do: r retries · set ${setting} to a server you can reach ·`,
    `${IMPORT_COMMAND} loads a leaderboard table from a file.`,
  ];
  return sentences.flatMap((s) => wrap(s, Math.max(20, width)));
}

/** Words wrapped into lines of at most `width` characters (the text is plain ASCII but for
 *  the host, which URL parsing keeps ASCII too: length is the width). A longer word stands
 *  alone on its line, to be cut by the screen. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
