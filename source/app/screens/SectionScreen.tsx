// Screens that show one section's view with the period the app cycles (`p`): Authors, Types,
// Architectures; Types also cycles its Fig. 7 score (`b`). Thin: the view builder does the work
// (source/views).
import React, { useMemo, useState } from 'react';
import type { ScreenProps } from './screen-props.js';
import type { ScreenId } from './screen-list.js';
import { ViewScreen } from './ViewScreen.js';
import type { ViewId } from '../../views/view.js';
import { cachedView, screenOptions } from '../services/view-cache.js';
import { nextScore, scoreHint } from '../state/score-cycle.js';

export function sectionScreen(screen: ScreenId, viewId: ViewId, keys: { score?: boolean } = {}): (props: ScreenProps) => React.JSX.Element {
  function SectionScreen(props: ScreenProps): React.JSX.Element {
    const [score, setScore] = useState<string | undefined>(undefined);
    const view = useMemo(
      () => cachedView(viewId, props.dataset, screenOptions(props.period, props.now, score === undefined ? {} : { score })),
      [props.dataset, props.period, score],
    );
    const header = `period: ${props.period} (p: day / week / month)${keys.score ? ` · ${scoreHint(score)}` : ''}`;
    return (
      <ViewScreen
        {...props}
        screen={screen}
        view={view}
        header={[header]}
        onCommand={(command) => {
          if (!keys.score || command !== 'score') return false;
          setScore((s) => nextScore(props.dataset.generation, s));
          return true;
        }}
      />
    );
  }
  SectionScreen.displayName = `SectionScreen(${screen})`;
  return SectionScreen;
}
