// Sizes: histogram by family, downloads by size, best score per size, params needed for a
// score over time; `t` sets the score threshold.
import React, { useMemo, useState } from 'react';
import { useInput } from 'ink';
import type { ScreenProps } from '../screen-props.js';
import { ViewScreen } from './ViewScreen.js';
import { cachedView, screenOptions } from '../view-cache.js';
import { editText } from '../text-edit.js';

export const DEFAULT_THRESHOLD = 70;

export function SizesScreen(props: ScreenProps): React.JSX.Element {
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = useMemo(
    () => cachedView('sizes', props.dataset, screenOptions(props.period, props.now, threshold === DEFAULT_THRESHOLD ? {} : { threshold })),
    [props.dataset, props.period, threshold],
  );
  const close = (): void => {
    setEditing(null);
    props.setCapture(false);
  };
  useInput(
    (input, key) => {
      const result = editText(editing ?? '', input, key);
      if (result.kind === 'cancel') close();
      else if (result.kind === 'edit') setEditing(result.text);
      else {
        const value = Number(result.text);
        if (result.text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
          setError(`"${result.text}" is not a score between 0 and 100`);
        } else {
          setThreshold(value);
          setError(null);
        }
        close();
      }
    },
    { isActive: props.active && editing !== null },
  );
  const header =
    editing !== null
      ? [`score threshold (0–100, Enter applies, Esc cancels): ${editing}█`]
      : [`score threshold for "params needed": ${threshold} (t: change)${error ? ` — ${error}` : ''}`];
  return (
    <ViewScreen
      {...props}
      active={props.active && editing === null}
      screen="sizes"
      view={view}
      header={header}
      onCommand={(command) => {
        if (command !== 'threshold') return false;
        setEditing(String(threshold));
        props.setCapture(true);
        return true;
      }}
    />
  );
}
