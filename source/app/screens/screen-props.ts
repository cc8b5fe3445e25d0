// What every screen receives: the store's state (its own entry and the overlays) and what it
// is drawn in. Screens only draw: the key owner (keys/use-key-owner.ts) changes the state.
import type { AppState } from '../state/app-state.js';
import type { Env } from '../state/screen-models.js';

export interface ScreenProps {
  state: AppState;
  env: Env;
}
