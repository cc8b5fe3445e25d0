// Views and their text lines, remembered per dataset: switching back to a screen, or to one
// warmed in the background after the first frame, only draws. Datasets are never changed
// after loading (a reload makes a new one), so a WeakMap keyed by the dataset is exact.
import type { Dataset } from '../../data/model.js';
import type { Period } from '../../views/screen-data.js';
import { VIEWS } from '../../views/registry.js';
import { DEFAULT_VIEW_OPTIONS, type View, type ViewId, type ViewOptions } from '../../views/view.js';
import { writeAnchoredText, type Anchor } from '../../views/write-text.js';

const views = new WeakMap<Dataset, Map<string, View>>();
const texts = new WeakMap<View, Map<string, { lines: string[]; anchors: Anchor[] }>>();

/** The options a screen shows a view with: the defaults, the app's period, the clock
 *  reading of this dataset, and the screen's own choices. */
export function screenOptions(period: Period, now: Date, extra: Partial<ViewOptions> = {}): ViewOptions {
  return { ...DEFAULT_VIEW_OPTIONS, period, now, ...extra };
}

export function cachedView(id: ViewId, dataset: Dataset, options: ViewOptions): View {
  let byKey = views.get(dataset);
  if (!byKey) views.set(dataset, (byKey = new Map()));
  const key = `${id} ${JSON.stringify({ ...options, now: undefined })}`;
  let view = byKey.get(key);
  if (!view) {
    view = VIEWS[id](dataset, options);
    byKey.set(key, view);
  }
  return view;
}

export function cachedText(view: View, width: number, color: boolean): string[] {
  return cachedAnchoredText(view, width, color).lines;
}

/** The view's lines and the lines of its drillable rows (write-text.ts), once per width. */
export function cachedAnchoredText(view: View, width: number, color: boolean): { lines: string[]; anchors: Anchor[] } {
  let byKey = texts.get(view);
  if (!byKey) texts.set(view, (byKey = new Map()));
  const key = `${width} ${color}`;
  let text = byKey.get(key);
  if (!text) {
    text = writeAnchoredText(view, { width, color });
    byKey.set(key, text);
  }
  return text;
}

/** The views the screens open with, in the order a user is likely to visit them. */
const WARM: ViewId[] = ['authors', 'types', 'architectures', 'sizes', 'improvement', 'leaderboard', 'lineage'];

/** Builds the screens' opening views one per timer tick (input stays served between them);
 *  returns a function that stops the warm-up. */
export function prewarm(dataset: Dataset, period: Period, now: Date, width: number, color: boolean): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const step = (i: number): void => {
    if (stopped || i >= WARM.length) return;
    timer = setTimeout(() => {
      if (stopped) return;
      cachedText(cachedView(WARM[i]!, dataset, screenOptions(period, now)), width, color);
      step(i + 1);
    }, 0);
  };
  step(0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
