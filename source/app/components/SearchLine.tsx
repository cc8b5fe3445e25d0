// The line under the Leaderboard's title: the search line while typing (applied as you type),
// else the search in force, else the screen's key hints. Strings are fitted by display width.
import React from 'react';
import { Text } from 'ink';
import { cellText, displayWidth, fit, truncateStart } from '../../render/text-width.js';
import { makeTheme } from '../../render/theme.js';
import { MAX_SEARCH_LENGTH } from '../../views/screen-data.js';

export interface SearchLineProps {
  width: number;
  color: boolean;
  /** The search line is open. */
  editing: boolean;
  search: string;
  /** "N of M". */
  count: string;
  hint: string;
}

export function searchLineText(props: SearchLineProps): string {
  const search = cellText(props.search);
  if (props.editing) {
    const full = props.search.length >= MAX_SEARCH_LENGTH ? `the search is full: at most ${MAX_SEARCH_LENGTH.toLocaleString('en-US')} characters` : null;
    // the search keeps at least half the line (or all it needs): the hint after it gives way
    // first, longest wording to shortest, then the count
    const want = Math.min(displayWidth(search) + 1, Math.floor(props.width / 2));
    const rests = full
      ? [`█  ${props.count} · ${full}`, `█  ${props.count}`, '█']
      : [`█  ${props.count} · Enter keeps · Esc puts back · ";" between searches`, `█  ${props.count} · Enter keeps · Esc back`, `█  ${props.count}`, '█'];
    const rest = rests.find((r) => props.width - 1 - displayWidth(r) >= want) ?? '█';
    // the end being typed stays in view: a search wider than its room shows its tail
    const room = Math.max(8, props.width - 1 - displayWidth(rest));
    return `/${truncateStart(search, room)}${rest}`;
  }
  if (search.trim() !== '') return `search “${search}” · ${props.count} (/ edits, Esc clears)`;
  return props.hint;
}

export function SearchLine(props: SearchLineProps): React.JSX.Element {
  const theme = makeTheme({ color: props.color });
  const line = fit(searchLineText(props), props.width);
  return <Text wrap="truncate">{props.editing ? line : theme.paint('muted', line)}</Text>;
}
