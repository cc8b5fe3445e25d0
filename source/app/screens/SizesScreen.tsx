// Sizes: histogram by family, downloads by size, best score per size, params needed for a
// score over time; `t` sets the score threshold (default 70 on v1, 40 on v2), `b` cycles the
// score (the average, then each benchmark).
import React, { useMemo, useState } from 'react';
import { useInput } from 'ink';
import type { ScreenProps } from './screen-props.js';
import { ViewScreen } from './ViewScreen.js';
import { cachedView, screenOptions } from '../services/view-cache.js';
import { editText } from '../keys/text-edit.js';
import { DEFAULT_SCORE_THRESHOLD } from '../../views/screen-data.js';
import { nextScore, scoreHint } from '../state/score-cycle.js';

export function SizesScreen(props: ScreenProps): React.JSX.Element {
  const defaultThreshold = DEFAULT_SCORE_THRESHOLD[props.dataset.generation];
  // undefined: the generation's default (v1 70, v2 40), the options the warm-up builds
  const [chosen, setThreshold] = useState<number | undefined>(undefined);
  const threshold = chosen ?? defaultThreshold;
  const [score, setScore] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = useMemo(
    () =>
      cachedView(
        'sizes',
        props.dataset,
        screenOptions(props.period, props.now, {
          ...(chosen === undefined || chosen === defaultThreshold ? {} : { threshold: chosen }),
          ...(score === undefined ? {} : { score }),
        }),
      ),
    [props.dataset, props.period, chosen, score],
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
      : [`${scoreHint(score)} · threshold for "params needed": ${threshold} (t: change)${error ? ` — ${error}` : ''}`];
  return (
    <ViewScreen
      {...props}
      active={props.active && editing === null}
      screen="sizes"
      view={view}
      header={header}
      onCommand={(command) => {
        if (command === 'score') {
          setScore((s) => nextScore(props.dataset.generation, s));
          return true;
        }
        if (command !== 'threshold') return false;
        setEditing(String(threshold));
        props.setCapture(true);
        return true;
      }}
    />
  );
}
