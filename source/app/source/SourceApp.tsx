// The generic explorer, for source kinds other than the leaderboard (LMArena now, the Hub
// snapshot next): a tab bar of the kind's screens (SourceKind.screens, number keys), each a
// scrolling page of its view's text lines (the same lines `hubscope print VIEW` prints) under
// an optional panel (app/source/panels.ts), the `?` help from the key map, a status bar naming
// the dataset and its generation, `r` a background fetch through the FetchController, `q`
// quit. The screen logic is the pure reducer of source-state.ts; this component only draws.
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, type Key } from 'ink';
import type { SourceKind } from '../../sources/source.js';
import type { View, ViewOptions } from '../../views/view.js';
import { DEFAULT_VIEW_OPTIONS } from '../../views/view.js';
import { writeText } from '../../views/write-text.js';
import { datasetName, sourceLine } from '../../views/source-label.js';
import { DataError } from '../../data/errors.js';
import { fitLine } from '../components/fit-line.js';
import { keyName } from '../keys/keymap.js';
import { keysOf } from '../keys/use-key-owner.js';
import { StatusBar } from '../components/StatusBar.js';
import { age } from '../components/freshness.js';
import type { FetchController } from '../services/fetch-controller.js';
import { useDataset } from '../hooks/use-dataset.js';
import { createStore, useStore } from '../state/store.js';
import { useTerminalSize, type Size } from '../hooks/use-terminal-size.js';
import { commandOf, sourceHelpLines } from './source-keys.js';
import { handle, initialSourceState, offsetOf, type SourceState } from './source-state.js';
import { panelOf, type BoundPanel } from './panels.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface SourceAppProps<D extends { fetching?: boolean }> {
  kind: SourceKind<D>;
  initial: D;
  reload: () => Promise<D>;
  fetcher: FetchController | null;
  autoFetch: boolean;
  color: boolean;
  size?: Size;
  now?: () => Date;
  /** The screen to open on (its id). */
  startScreen?: string;
  /** HUBSCOPE_TRACE (bench/ui): told, at each render, what the frame shows — the screen, and
   *  whether its view is drawn (`ready`) and with which options (`options`). */
  onFrame?: (frame: FrameInfo) => void;
}

/** What a frame shows, for bench/ui's key→view times. */
export interface FrameInfo {
  screen: string;
  ready: boolean;
  options: string;
}

/** Views built once per data and screen (a view of a queried store may answer later). */
const views = new WeakMap<object, Map<string, View | Promise<View>>>();

function viewOf<D extends object>(kind: SourceKind<D>, data: D, viewId: string, now: Date, options: Partial<ViewOptions> = {}): View | Promise<View> {
  let byId = views.get(data);
  if (!byId) views.set(data, (byId = new Map()));
  const key = `${viewId} ${JSON.stringify(options)}`;
  let view = byId.get(key);
  if (!view) {
    const made = kind.view(viewId, data, { ...DEFAULT_VIEW_OPTIONS, ...options, now });
    byId.set(key, made);
    // once answered, the view itself is kept: a screen switched back to draws it in that very
    // frame (issue 10: revisit ≤ 50 ms), not a "Building the view…" frame and a promise's turn
    if (made instanceof Promise) made.then((v) => byId!.get(key) === made && byId!.set(key, v), () => undefined);
    view = made;
  }
  return view;
}

const texts = new WeakMap<View, Map<string, string[]>>();
function textOf(view: View, width: number, color: boolean): string[] {
  let byKey = texts.get(view);
  if (!byKey) texts.set(view, (byKey = new Map()));
  const key = `${width} ${color}`;
  let lines = byKey.get(key);
  if (!lines) byKey.set(key, (lines = writeText(view, { width, color })));
  return lines;
}

/** The view's summary without what the status bar already says (the dataset, its generation). */
function statusSummary(summary: string, label: { dataset: string; generation: string | null }): string {
  return summary
    .split(' · ')
    .filter((part) => !part.startsWith(label.dataset) && !(label.generation ?? '').includes(part))
    .join(' · ');
}

function TabBar(props: { titles: Array<{ key: string; title: string }>; current: number; width: number; color: boolean }): React.JSX.Element {
  return (
    <Box width={props.width}>
      {props.titles.map((s, i) => (
        <Text key={s.key} bold={i === props.current} inverse={i === props.current && props.color} wrap="truncate">
          {i === props.current && !props.color ? `[${s.key} ${s.title}]` : ` ${s.key} ${s.title} `}
        </Text>
      ))}
    </Box>
  );
}

export function SourceApp<D extends { fetching?: boolean }>(props: SourceAppProps<D>): React.JSX.Element {
  const { exit } = useApp();
  const size = useTerminalSize(props.size);
  const now = props.now ?? (() => new Date());
  const { kind } = props;
  const screens = kind.screens ?? [];
  const { dataset: data, fetchState, loadError } = useDataset<D>(props.initial, props.reload, props.fetcher);
  const loadedAt = useMemo(() => now(), [data]);
  const start = Math.max(0, screens.findIndex((s) => s.id === props.startScreen));
  // the state lives in a store outside React, set at once by each key (the next key of a
  // paste reads what this one did); React draws it
  const store = useMemo(() => createStore<SourceState>(initialSourceState(screens.length, start)), []);
  const state = useStore(store);
  const [message, setMessage] = useState<string | null>(null);
  const [quitting, setQuitting] = useState(false);
  const [resolved, setResolved] = useState<{ for: Promise<View> | null; view: View | null; error: string | null }>({ for: null, view: null, error: null });

  const { columns, rows } = size;
  const bodyHeight = rows - 3;
  const screen = screens[state.screen];
  const panelKind = screen ? panelOf(kind.id, screen.id) : null;
  const bound: BoundPanel | null = useMemo(() => (panelKind ? panelKind.bind(data, bodyHeight) : null), [panelKind, data, bodyHeight]);
  const panelState = bound ? (state.panels[state.screen] ?? bound.initial) : undefined;

  useEffect(() => {
    if (props.autoFetch && props.fetcher) props.fetcher.start();
  }, []);

  const panel = bound ? bound.render(panelState, { width: columns, color: props.color }) : { top: [], body: null, bodyKey: null };
  // the screen's view (with the options its panel asks for), built at once, or (a view of a
  // queried store) when it answers
  const built = screen ? viewOf(kind, data as D & object, screen.viewId, loadedAt, panel.viewOptions) : null;
  useEffect(() => {
    if (!(built instanceof Promise)) return undefined;
    let live = true;
    built.then(
      (view) => live && setResolved({ for: built, view, error: null }),
      (error: unknown) => live && setResolved({ for: built, view: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [built]);
  const waited = built instanceof Promise && resolved.for === built ? resolved : { view: null, error: null };
  const view = built instanceof Promise ? waited.view : built;
  const scrolling = panel.body ?? (view ? textOf(view, columns, props.color) : [waited.error ? `The view could not be built: ${waited.error}` : 'Building the view…']);
  const scrollKey = panel.bodyKey ?? 'view';
  const room = Math.max(1, bodyHeight - panel.top.length);
  props.onFrame?.({ screen: screen?.id ?? '', ready: view !== null || panel.body !== null, options: JSON.stringify(panel.viewOptions ?? {}) });

  const say = (text: string): void => {
    setMessage(text);
    setTimeout(() => setMessage((m) => (m === text ? null : m)), 4000);
  };

  const onKey = (input: string, key: Key): void => {
      const name = keyName(input, key);
      const current = store.get();
      const currentPanel = bound && current.screen === state.screen ? { reducer: bound, state: current.panels[current.screen] ?? bound.initial } : null;
      const typing = !current.help && currentPanel !== null && bound!.takesText?.(currentPanel.state) === true;
      const command = typing ? undefined : commandOf(name, current.help ? [] : (currentPanel ? bound!.keys : []));
      const { state: next, effect } = handle(current, command, name, { screens: screens.length, lines: scrolling.length, room, scrollKey, panel: currentPanel, screenIds: screens.map((s) => s.id) });
      store.set(next);
      if (effect === 'quit') {
        setQuitting(true);
        void (props.fetcher?.stop() ?? Promise.resolve()).then(() => exit());
      } else if (effect === 'refresh') {
        if (!props.fetcher) say('offline: no fetch (HF_HUB_OFFLINE or --offline)');
        else if (props.fetcher.running) say('a fetch is already running');
        else {
          props.fetcher.start();
          say('fetch started');
        }
      }
  };
  // one handler reads every key: a run Ink hands over whole is split into its keys
  const latest = useRef(onKey);
  latest.current = onKey;
  useInput((input, key) => {
    for (const [i, k] of keysOf(input, key)) latest.current(i, k);
  });

  // the cache could not be read again (corrupt, newer): stop with that one-line error
  useEffect(() => {
    if (loadError && kind.isEmpty(data)) exit(new DataError(loadError));
  }, [loadError]);

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Box flexDirection="column" width={columns}>
        <Text wrap="wrap">
          hubscope needs a window of at least {MIN_COLUMNS}×{MIN_ROWS}; this one is {columns}×{rows}. Please enlarge it (q quits).
        </Text>
      </Box>
    );
  }
  const label = kind.label(data);
  const title = screen?.title ?? kind.title;
  const empty = kind.isEmpty(data);
  const offset = offsetOf(state, state.screen, scrollKey, scrolling.length, room);
  const bodyLines = state.help
    ? sourceHelpLines(title, bound?.keys ?? [], screens.length, columns).slice(0, bodyHeight)
    : empty
      ? [fitLine(`${label.dataset} holds nothing yet: ${props.fetcher ? (fetchState.running ? 'a fetch is filling it (the status bar shows how far).' : 'r fetches it.') : 'offline, so nothing can be fetched.'}`, columns)]
      : [...panel.top, ...scrolling.slice(offset, offset + room)];
  const more = !state.help && !empty && scrolling.length > room ? ` (${offset + 1}–${Math.min(scrolling.length, offset + room)} of ${scrolling.length} lines)` : '';
  const fetched = age(label.fetchedAt, now());
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <TabBar titles={screens.map((s) => ({ key: s.key, title: s.title }))} current={state.screen} width={columns} color={props.color} />
      <Text bold wrap="truncate">
        {fitLine(`${title}${more} — ${sourceLine(label)}`, columns)}
      </Text>
      <Box height={bodyHeight} flexDirection="column">
        {bodyLines.map((line, i) => (
          <Text key={i} wrap="truncate">
            {line === '' ? ' ' : line}
          </Text>
        ))}
      </Box>
      <StatusBar
        width={columns}
        screen={title}
        dataset={datasetName(label)}
        summary={statusSummary(view?.summary ?? '', label)}
        freshness={empty ? 'cache empty' : fetched === null ? '' : `cache ${fetched} old`}
        fetch={fetchState}
        message={quitting ? 'stopping the fetch…' : loadError ? `cache: ${loadError}` : message}
        color={props.color}
      />
    </Box>
  );
}
