// A message that names a file, fitted to one status-bar line (issue 9 item 9: `e` says where it
// wrote): the absolute path when it fits; else the path from the current directory (exact for
// the shell the explorer was started from); else the absolute path with its middle cut, keeping
// the start and the file name. Pure.
import { isAbsolute, relative, sep } from 'node:path';
import { displayWidth, truncate, truncateStart } from '../render/text-width.js';
import { sanitize } from './sanitize.js';

export function pathMessage(prefix: string, path: string, width: number, cwd: string = process.cwd()): string {
  const safe = sanitize(path);
  const whole = `${prefix}${safe}`;
  if (displayWidth(whole) <= width) return whole;
  const rel = relative(cwd, safe);
  if (rel !== '' && !isAbsolute(rel) && !rel.startsWith(`..${sep}`)) {
    const shorter = `${prefix}${rel.startsWith('.') ? rel : `.${sep}${rel}`}`;
    if (displayWidth(shorter) <= width) return shorter;
  }
  const room = width - displayWidth(prefix);
  if (room < 8) return truncate(whole, width);
  const head = Math.floor((room - 1) / 3); // a third for the start, the rest for the file name
  return `${prefix}${truncate(safe, head + 1)}${truncateStart(safe, room - head - 1, '')}`;
}
