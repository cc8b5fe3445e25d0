// The view stack (VisiData's sheets, k9s's breadcrumbs): a drill-down from one screen to
// another (a model's detail, a base's tree, an author's models) pushes a frame; Esc or q pops
// it, putting back the screen it came from and the opened screen's state as it was before.
import type { AppState, Frame, ScreenStates } from './app-state.js';
import type { ScreenId } from '../screens/screen-list.js';

/** `local`: Esc closes what the opened screen has open (a detail, a picker) before going back. */
export function drill<K extends ScreenId>(state: AppState, to: K, next: ScreenStates[K], label: string, local = false): AppState {
  const frame: Frame = { from: state.screen, to, saved: state.screens[to], label, ...(local ? { local } : {}) };
  return { ...state, screen: to, stack: [...state.stack, frame], screens: { ...state.screens, [to]: next }, overlay: { kind: 'none' } };
}

/** Back one frame (the same state when the stack is empty). */
export function pop(state: AppState): AppState {
  const frame = state.stack.at(-1);
  if (!frame) return state;
  return { ...state, screen: frame.from, stack: state.stack.slice(0, -1), screens: { ...state.screens, [frame.to]: frame.saved } };
}
