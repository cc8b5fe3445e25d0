// The explorer: screens over the live cache, the fetcher in the background. One store holds
// the whole state (state/app-state.ts), one key owner changes it (keys/use-key-owner.ts), and
// this component draws it: the tabs, a breadcrumb line (where you are on the view stack, and
// the dataset), the screen or the help overlay, the key hints (from the key map), the status
// bar.
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { Dataset } from '../data/model.js';
import { DataError } from '../data/errors.js';
import { writeMarkdown } from '../views/write-markdown.js';
import { datasetName, labelOf, sourceLine } from '../views/source-label.js';
import { fitLine } from './components/fit-line.js';
import { screenTitle, type ScreenId } from './screens/screen-list.js';
import { hintLine } from './keys/keymap.js';
import { StatusBar } from './components/StatusBar.js';
import { HelpOverlay, helpLines } from './components/HelpOverlay.js';
import { TabBar } from './components/TabBar.js';
import { useTerminalSize, type Size } from './hooks/use-terminal-size.js';
import { useDataset } from './hooks/use-dataset.js';
import type { FetchController } from './services/fetch-controller.js';
import { osc52 } from './services/clipboard.js';
import { exportMarkdown } from './services/export-file.js';
import { pathMessage } from '../text/path-message.js';
import { freshness } from './components/freshness.js';
import { SCREEN_COMPONENTS } from './screens/index.js';
import { prewarm } from './services/view-cache.js';
import { createStore, useStore, type Store } from './state/store.js';
import { initialAppState, type AppState } from './state/app-state.js';
import type { Effect } from './state/effects.js';
import type { Env } from './state/screen-models.js';
import { modeOf } from './state/handle.js';
import { currentView, whereLine } from './state/current-view.js';
import { useKeyOwner } from './keys/use-key-owner.js';
import { TooSmall, tooSmall } from './components/TooSmall.js';

/** Lines around the body: tabs, the breadcrumb line, the key hints, the status bar. */
export const APP_CHROME = 4;

/** Another held dataset, opened by `:dataset ID`. */
export interface OpenedDataset {
  initial: Dataset;
  reload: () => Promise<Dataset>;
  fetcher: FetchController | null;
}

export interface AppProps {
  initial: Dataset;
  reload: () => Promise<Dataset>;
  fetcher: FetchController | null;
  /** Start a background fetch at once (empty or stale cache, not offline). */
  autoFetch: boolean;
  color: boolean;
  exportDir: string;
  /** Raw output for OSC 52 (the terminal's stdout). */
  writeRaw: (text: string) => void;
  size?: Size;
  now?: () => Date;
  startScreen?: ScreenId;
  /** The state to start from (`--restore`), else the defaults. */
  initialState?: AppState;
  /** Called with the state when the app quits (`--restore` saves it). */
  onQuit?: (state: AppState) => void;
  /** The datasets the cache holds, and how to open one (`:dataset ID`). */
  datasets?: readonly string[];
  openDataset?: (id: string) => Promise<OpenedDataset>;
  /** The store (tests and bench read it); made here when not given. */
  store?: Store<AppState>;
}

export function App(props: AppProps): React.JSX.Element {
  const [source, setSource] = useState<OpenedDataset & { id: number }>({ initial: props.initial, reload: props.reload, fetcher: props.fetcher, id: 0 });
  const store = useMemo(() => props.store ?? createStore(props.initialState ?? initialAppState(props.startScreen)), []);
  const open = (id: string): void => {
    if (!props.openDataset) {
      store.set({ ...store.get(), message: 'this explorer cannot open another dataset' });
      return;
    }
    props.openDataset(id).then(
      async (next) => {
        await source.fetcher?.stop();
        setSource({ ...next, id: source.id + 1 });
        store.set({ ...store.get(), message: `showing ${id}` });
      },
      (error: unknown) => store.set({ ...store.get(), message: `cannot open ${id}: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };
  return <Explorer key={source.id} {...props} initial={source.initial} reload={source.reload} fetcher={source.fetcher} store={store} open={open} autoFetch={source.id === 0 && props.autoFetch} />;
}

function Explorer(props: AppProps & { store: Store<AppState>; open: (id: string) => void }): React.JSX.Element {
  const { exit } = useApp();
  const { store } = props;
  const size = useTerminalSize(props.size);
  const now = props.now ?? (() => new Date());
  const { dataset, fetchState, loadError } = useDataset(props.initial, props.reload, props.fetcher);
  // one clock reading per dataset, so views built from it are stable between loads
  const loadedAt = useMemo(() => now(), [dataset]);
  const state = useStore(store);
  const [quitting, setQuitting] = useState(false);
  const { columns, rows } = size;
  const env: Env = {
    dataset,
    width: columns,
    height: Math.max(1, rows - APP_CHROME),
    color: props.color,
    now: loadedAt,
    period: state.period,
    fetchState: props.fetcher ? fetchState : undefined,
    datasets: props.datasets,
  };
  const envRef = useRef(env);
  envRef.current = env;

  useEffect(() => {
    if (props.autoFetch && props.fetcher) props.fetcher.start();
  }, []);

  // the rest of the cache could not be read (corrupt, newer): stop with that one-line error
  useEffect(() => {
    if (dataset.partial && loadError) exit(new DataError(loadError));
  }, [loadError]);

  // build the other screens' views in the background once the whole cache is read
  useEffect(() => {
    if (dataset.partial) return undefined;
    return prewarm(dataset, state.period, loadedAt, columns, props.color);
  }, [dataset, state.period, columns]);

  // a message goes after a few seconds
  useEffect(() => {
    if (state.message === null) return undefined;
    const message = state.message;
    const timer = setTimeout(() => {
      if (store.get().message === message) store.set({ ...store.get(), message: null });
    }, 4000);
    return () => clearTimeout(timer);
  }, [state.message]);

  const say = (text: string): void => store.set({ ...store.get(), message: text });
  // the view on screen when the key came (a key pressed before the work starts does not change
  // what is copied), written as markdown once that frame is out
  const markdownLater = (then: (md: { id: string; text: string }) => void): void => {
    const view = currentView(store.get(), envRef.current);
    const dataset = envRef.current.dataset;
    if (view) setTimeout(() => then({ id: view.id, text: writeMarkdown(view, dataset) }), 30);
    else say('nothing to copy or export yet: the view is still being built');
  };
  const run = (effect: Effect): void => {
    switch (effect.type) {
      // A copy or export writes the whole view (a 100,000-row table takes seconds): the line
      // says so first, and the work starts once that frame is out.
      case 'copy': {
        const title = screenTitle(store.get().screen);
        say(`copying ${title} as markdown…`);
        markdownLater((md) => {
          props.writeRaw(osc52(md.text));
          say(`copied ${title} as markdown (${md.text.split('\n').length} lines) to the clipboard`);
        });
        break;
      }
      case 'export': {
        say(`exporting ${screenTitle(store.get().screen)} as markdown…`);
        markdownLater((md) => {
          exportMarkdown(props.exportDir, md.id, md.text, now(), effect.file).then(
            (path) => say(pathMessage('exported to ', path, columns)),
            (error: unknown) => say(`export failed: ${error instanceof Error ? error.message : String(error)}`),
          );
        });
        break;
      }
      case 'refresh':
        if (!props.fetcher) say('offline: no fetch (HF_HUB_OFFLINE or --offline)');
        else if (props.fetcher.running) say('a fetch is already running');
        else {
          props.fetcher.start();
          say('fetch started');
        }
        break;
      case 'quit':
        setQuitting(true);
        props.onQuit?.(store.get());
        if (props.fetcher) void props.fetcher.stop().then(() => exit());
        else exit();
        break;
      case 'dataset':
        props.open(effect.id);
        break;
    }
  };
  useKeyOwner({ store, env: () => envRef.current, helpLines: (s) => helpLines(s.screen, envRef.current.width).length, run });

  if (tooSmall(columns, rows)) return <TooSmall columns={columns} rows={rows} />;
  const screen = state.screen;
  const Screen = SCREEN_COMPONENTS[screen];
  const label = labelOf(dataset);
  const mode = modeOf(state);
  const view = dataset.partial ? null : currentView(state, env);
  const overlay = state.overlay;
  const { screens } = state;
  const canGoBack = state.stack.length > 0 || (screen === 'leaderboard' && (screens.leaderboard.detail !== null || screens.leaderboard.freq !== null || screens.leaderboard.compare !== null || screens.leaderboard.picker !== null)) || (screen === 'lineage' && screens.lineage.tree !== null) || (screen === 'overview' && screens.overview.details !== null);
  const hints = overlay.kind === 'command' ? `:${overlay.text}█` : hintLine(screen, mode, columns, canGoBack);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <TabBar screen={screen} width={columns} color={props.color} />
      <Text bold wrap="truncate">
        {fitLine(`${whereLine(state, env)} — ${sourceLine(label)}`, columns)}
      </Text>
      <Box height={env.height} flexDirection="column">
        {overlay.kind === 'help' ? (
          <HelpOverlay screen={screen} width={columns} height={env.height} offset={overlay.offset} />
        ) : dataset.partial && screen !== 'overview' ? (
          <Text>Reading Hub info and commit histories from the cache…</Text>
        ) : (
          <Screen state={state} env={env} />
        )}
      </Box>
      <Text wrap="truncate">{fitLine(hints, columns)}</Text>
      <StatusBar
        width={columns}
        screen={screenTitle(screen)}
        dataset={datasetName(label)}
        summary={view?.summary ?? ''}
        freshness={freshness(dataset, now())}
        fetch={fetchState}
        message={quitting ? 'stopping the fetch…' : loadError ? `cache: ${loadError}` : state.message}
        color={props.color}
      />
    </Box>
  );
}
