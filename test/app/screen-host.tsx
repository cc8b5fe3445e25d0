// One screen alone under the app's key owner and store (no tabs, no status bar), for screen
// tests at a chosen width: `setCapture` is told whether a prompt has the keys (the app's keys
// are off then) and `onView` gets what the screen shows as a View, as copy/export read it.
import React, { useEffect, useMemo, useRef } from 'react';
import type { Dataset } from '../../source/data/model.js';
import type { View } from '../../source/views/view.js';
import { SCREEN_COMPONENTS } from '../../source/app/screens/index.js';
import type { ScreenId } from '../../source/app/screens/screen-list.js';
import { createStore, useStore, type Store } from '../../source/app/state/store.js';
import { initialAppState, type AppState } from '../../source/app/state/app-state.js';
import type { Env } from '../../source/app/state/screen-models.js';
import { modeOf } from '../../source/app/state/handle.js';
import { currentView } from '../../source/app/state/current-view.js';
import { TEXT_MODES } from '../../source/app/keys/keymap.js';
import { useKeyOwner } from '../../source/app/keys/use-key-owner.js';

export interface ScreenHostProps {
  screen: ScreenId;
  dataset: Dataset;
  width: number;
  height: number;
  color?: boolean;
  store?: Store<AppState>;
  setCapture?: (on: boolean) => void;
  onView?: (view: View) => void;
}

export function newStore(screen: ScreenId): Store<AppState> {
  return createStore(initialAppState(screen));
}

export function ScreenHost(props: ScreenHostProps): React.JSX.Element {
  const store = useMemo(() => props.store ?? newStore(props.screen), []);
  const state = useStore(store);
  const now = useMemo(() => new Date('2024-06-01T00:00:00Z'), []);
  const env: Env = { dataset: props.dataset, width: props.width, height: props.height, color: props.color ?? false, now, period: state.period };
  const envRef = useRef(env);
  envRef.current = env;
  useKeyOwner({ store, env: () => envRef.current, helpLines: () => 0, run: () => {} });
  const capture = TEXT_MODES.has(modeOf(state));
  useEffect(() => props.setCapture?.(capture), [capture]);
  const view = currentView(state, env);
  useEffect(() => {
    if (view) props.onView?.(view);
  }, [view]);
  const Screen = SCREEN_COMPONENTS[state.screen];
  return <Screen state={state} env={env} />;
}
