// One key of a `?` help: its keys in a column, its description wrapped beside them (continued
// under the description, not cut with "…" at 80 columns). Shared by the leaderboard explorer's
// help and the generic explorer's.
import { wrapText } from '../../views/write-text.js';
import { fitLine } from './fit-line.js';

export function helpEntry(keys: string, keyWidth: number, description: string, width: number): string[] {
  const lead = `  ${keys.padEnd(keyWidth)}`;
  const room = width - lead.length;
  if (room < 20) return [fitLine(`${lead}${description}`, width)];
  const wrapped = wrapText(description, room);
  const pad = ' '.repeat(lead.length);
  return wrapped.map((line, i) => fitLine(`${i === 0 ? lead : pad}${line}`, width));
}
