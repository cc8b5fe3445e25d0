// The bottom line: screen, the background fetch (or a message), the dataset on screen and its
// generation, filters in force, cache freshness. The key hints are the line above it.
import React from 'react';
import { Box, Text } from 'ink';
import type { FetchState } from '../services/fetch-controller.js';
import { fitLine } from './fit-line.js';
import { displayWidth } from '../../render/text-width.js';
import { unreachableShort } from '../../fetch/unreachable-advice.js';

export interface StatusBarProps {
  width: number;
  screen: string;
  /** The dataset on screen and its generation: "open-llm-leaderboard-old/contents (v1)". */
  dataset: string;
  summary: string;
  freshness: string;
  fetch: FetchState;
  message: string | null;
  color: boolean;
}

function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function fetchSummary(fetch: FetchState): string {
  if (fetch.unreachable) return unreachableShort(fetch.unreachable);
  const retrying = fetch.retrying !== null ? ` retrying ${fetch.retrying}` : '';
  if (fetch.running && fetch.stage === null) return `fetch starting…${retrying}`;
  if (fetch.running) {
    const paused = fetch.pausedUntil !== null ? ' paused (rate limit)' : '';
    const rate = fetch.rate !== null ? ` ${fetch.rate.toFixed(0)}/s` : '';
    const errors = fetch.errors > 0 ? ` errors ${fetch.errors}` : '';
    if (fetch.file) {
      // a file's download (the Hub snapshot): its phase, bytes and rows
      const f = fetch.file;
      const bytes = fetch.total > 0 ? ` ${(fetch.done / 1e6).toFixed(1)}/${(fetch.total / 1e6).toFixed(1)} MB` : '';
      const rows = f.rowsTotal > 0 ? ` rows ${f.rows.toLocaleString('en-US')}/${f.rowsTotal.toLocaleString('en-US')}` : '';
      const speed = fetch.rate !== null ? ` ${(fetch.rate / 1e6).toFixed(1)} MB/s` : '';
      const eta = fetch.etaSeconds !== null ? ` ETA ${duration(fetch.etaSeconds)}` : '';
      return `fetching ${fetch.stage ?? ''} ${f.phase}${bytes}${rows}${speed}${eta}${errors}${retrying}`;
    }
    return `fetching ${fetch.stage ?? ''} ${fetch.done.toLocaleString('en-US')}/${fetch.total.toLocaleString('en-US')}${rate} ETA ${duration(fetch.etaSeconds)}${errors}${paused}${retrying}`;
  }
  // the last message once, on one line (cut with … by the bar; whole in the Overview's details)
  if (fetch.exitCode !== null && fetch.exitCode !== 0) return `fetch failed (exit ${fetch.exitCode}): ${(fetch.messages.at(-1) ?? '').split('\n')[0]} (1 Enter: details)`;
  if (fetch.exitCode === 0) return fetch.errors > 0 ? `fetch done, ${fetch.errors} errors` : 'fetch done';
  return '';
}

export function StatusBar(props: StatusBarProps): React.JSX.Element {
  // what just happened comes first: a message (the path `e` wrote, in full) before the screen's
  // name, the running fetch right after it; neither must be cut off
  const parts = props.message !== null
    ? [props.message, props.screen, props.dataset, props.summary, props.freshness]
    : [props.screen, fetchSummary(props.fetch), props.dataset, props.summary, props.freshness];
  // a message that takes the whole line (a long path) is shown alone, never cut for the rest
  const alone = props.message !== null && displayWidth(props.message) + 3 > props.width;
  const line = fitLine(alone ? props.message! : parts.filter((p) => p !== '').join(' │ '), props.width);
  return (
    <Box width={props.width}>
      <Text inverse={props.color} wrap="truncate">
        {line}
      </Text>
    </Box>
  );
}
