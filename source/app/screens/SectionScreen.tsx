// Screens that show one section's view with the period the app cycles (`p`): Authors, Types,
// Architectures. Thin: the view builder does the work (source/views).
import React, { useMemo } from 'react';
import type { ScreenProps } from '../screen-props.js';
import type { ScreenId } from '../screens.js';
import { ViewScreen } from './ViewScreen.js';
import { VIEWS } from '../../views/registry.js';
import { DEFAULT_VIEW_OPTIONS, type ViewId } from '../../views/view.js';

export function sectionScreen(screen: ScreenId, viewId: ViewId): (props: ScreenProps) => React.JSX.Element {
  function SectionScreen(props: ScreenProps): React.JSX.Element {
    const view = useMemo(
      () => VIEWS[viewId](props.dataset, { ...DEFAULT_VIEW_OPTIONS, period: props.period, now: props.now }),
      [props.dataset, props.period],
    );
    return <ViewScreen {...props} screen={screen} view={view} header={[`period: ${props.period} (p: day / week / month)`]} />;
  }
  SectionScreen.displayName = `SectionScreen(${screen})`;
  return SectionScreen;
}
