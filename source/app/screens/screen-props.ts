// What every screen receives. Screens are thin: they pick options, build their view through
// source/views, and show it; they own the keys of their own scope only.
import type { Dataset } from '../../data/model.js';
import type { Period } from '../../views/screen-data.js';
import type { View } from '../../views/view.js';
import type { FetchState } from '../services/fetch-controller.js';

export interface ScreenProps {
  dataset: Dataset;
  width: number;
  height: number;
  period: Period;
  color: boolean;
  /** The screen gets keys (it is shown and no overlay is open). */
  active: boolean;
  /** A screen taking text input (search, a picker) turns the app's global keys off. */
  setCapture: (on: boolean) => void;
  /** The view now shown, for copy/export and the status bar. */
  onView: (view: View) => void;
  /** The clock, read once per dataset load (views never read it themselves). */
  now: Date;
  /** The background fetch, for screens that show its details (undefined when offline). */
  fetchState?: FetchState;
}
