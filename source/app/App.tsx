// The explorer: screens over the live cache, the fetcher in the background. App-level keys
// (screens, help, copy, export, refresh, period, quit) are handled here and only here.
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { Dataset } from '../data/model.js';
import { DataError } from '../data/errors.js';
import { PERIODS, type Period } from '../analysis/periods.js';
import type { View } from '../views/view.js';
import { writeMarkdown } from '../views/write-markdown.js';
import { datasetName, labelOf, sourceLine } from '../views/source-label.js';
import { fitLine } from './fit-line.js';
import { SCREENS, screenIndex, screenTitle, type ScreenId } from './screens.js';
import { commandFor, keyName } from './keymap.js';
import { StatusBar } from './StatusBar.js';
import { HelpOverlay } from './HelpOverlay.js';
import { useTerminalSize, type Size } from './use-terminal-size.js';
import { useDataset } from './use-dataset.js';
import type { FetchController } from './fetch-controller.js';
import { osc52 } from './clipboard.js';
import { exportMarkdown } from './export-file.js';
import { pathMessage } from '../text/path-message.js';
import { freshness } from './freshness.js';
import { SCREEN_COMPONENTS } from './screens/index.js';
import { prewarm } from './view-cache.js';
import { useLatestInput } from './use-latest-input.js';
import { useStateRef } from './use-reducer-ref.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

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
}

function TabBar(props: { screen: ScreenId; width: number; color: boolean }): React.JSX.Element {
  return (
    <Box width={props.width}>
      {SCREENS.map((s) => (
        <Text key={s.id} bold={s.id === props.screen} inverse={s.id === props.screen && props.color} wrap="truncate">
          {s.id === props.screen && !props.color ? `[${s.key} ${s.title}]` : ` ${s.key} ${s.title} `}
        </Text>
      ))}
    </Box>
  );
}

export function App(props: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const size = useTerminalSize(props.size);
  const now = props.now ?? (() => new Date());
  const { dataset, fetchState, loadError } = useDataset(props.initial, props.reload, props.fetcher);
  // one clock reading per dataset, so views built from it are stable between loads
  const loadedAt = useMemo(() => now(), [dataset]);
  // the key handler reads these through refs, set at once: keys typed faster than React renders
  // each see what the one before did (a search opened by "/" takes the letters after it)
  const [screen, setScreen, screenRef] = useStateRef<ScreenId>(props.startScreen ?? 'overview');
  const [period, setPeriod, periodRef] = useStateRef<Period>('month');
  const [help, setHelp, helpRef] = useStateRef(false);
  const [, setCapture, captureRef] = useStateRef(false);
  const [message, setMessage] = useState<string | null>(null);
  const [quitting, setQuitting] = useState(false);
  const view = useRef<View | null>(null);
  const [summary, setSummary] = useState('');

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
    return prewarm(dataset, period, loadedAt, size.columns, props.color);
  }, [dataset, period, size.columns]);

  const onView = useCallback((v: View) => {
    view.current = v;
    setSummary(v.summary);
  }, []);

  const say = (text: string): void => {
    setMessage(text);
    setTimeout(() => setMessage((m) => (m === text ? null : m)), 4000);
  };

  const quit = async (): Promise<void> => {
    setQuitting(true);
    await props.fetcher?.stop();
    exit();
  };

  const markdown = (): string | null => (view.current ? writeMarkdown(view.current, dataset) : null);

  useLatestInput(
    (input, key) => {
      if (captureRef.current) return; // a screen's text prompt has the keys
      const name = keyName(input, key);
      const help = helpRef.current;
      const screen = screenRef.current;
      const period = periodRef.current;
      if (help) {
        if (name === '?' || name === 'escape' || name === 'q') setHelp(false);
        return;
      }
      const command = commandFor(name, screen);
      switch (command) {
        case 'screen':
          setScreen(SCREENS[Number(name) - 1]!.id);
          break;
        case 'next-screen':
          setScreen(SCREENS[(screenIndex(screen) + 1) % SCREENS.length]!.id);
          break;
        case 'prev-screen':
          setScreen(SCREENS[(screenIndex(screen) + SCREENS.length - 1) % SCREENS.length]!.id);
          break;
        case 'help':
          setHelp(true);
          break;
        case 'period':
          setPeriod(PERIODS[(PERIODS.indexOf(period) + 1) % PERIODS.length]!);
          break;
        case 'copy': {
          const text = markdown();
          if (text) {
            props.writeRaw(osc52(text));
            say(`copied ${screenTitle(screen)} as markdown (${text.split('\n').length} lines) to the clipboard`);
          }
          break;
        }
        case 'export': {
          const text = markdown();
          if (text) {
            exportMarkdown(props.exportDir, view.current!.id, text, now()).then(
              (path) => say(pathMessage('exported to ', path, size.columns)),
              (error: unknown) => say(`export failed: ${error instanceof Error ? error.message : String(error)}`),
            );
          }
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
          void quit();
          break;
        default:
          break;
      }
    },
    { isActive: true },
  );

  const { columns, rows } = size;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Box flexDirection="column" width={columns}>
        <Text wrap="wrap">
          hubscope needs a window of at least {MIN_COLUMNS}×{MIN_ROWS}; this one is {columns}×{rows}. Please enlarge it (q quits).
        </Text>
      </Box>
    );
  }
  // the tabs, the screen's title line (which dataset, which generation), the body, the status bar
  const bodyHeight = rows - 3;
  const Screen = SCREEN_COMPONENTS[screen];
  const label = labelOf(dataset);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <TabBar screen={screen} width={columns} color={props.color} />
      <Text bold wrap="truncate">
        {fitLine(`${screenTitle(screen)} — ${sourceLine(label)}`, columns)}
      </Text>
      <Box height={bodyHeight} flexDirection="column">
        {help ? (
          <HelpOverlay screen={screen} width={columns} height={bodyHeight} />
        ) : dataset.partial && screen !== 'overview' ? (
          <Text>Reading Hub info and commit histories from the cache…</Text>
        ) : (
          <Screen
            key={screen}
            dataset={dataset}
            width={columns}
            height={bodyHeight}
            period={period}
            color={props.color}
            active={!help}
            setCapture={setCapture}
            onView={onView}
            now={loadedAt}
            fetchState={props.fetcher ? fetchState : undefined}
          />
        )}
      </Box>
      <StatusBar
        width={columns}
        screen={screenTitle(screen)}
        dataset={datasetName(label)}
        summary={summary}
        freshness={freshness(dataset, now())}
        fetch={fetchState}
        message={quitting ? 'stopping the fetch…' : (loadError ? `cache: ${loadError}` : message)}
        color={props.color}
      />
    </Box>
  );
}
