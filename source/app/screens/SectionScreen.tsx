// Screens that show one section's view with the period the app cycles (`p`): Authors, Types,
// Architectures. Thin: the view builder does the work (source/views).
import React, { useMemo } from 'react';
import type { ScreenProps } from '../screen-props.js';
import type { ScreenId } from '../screens.js';
import { ViewScreen } from './ViewScreen.js';
import type { ViewId } from '../../views/view.js';
import { cachedView, screenOptions } from '../view-cache.js';

export function sectionScreen(screen: ScreenId, viewId: ViewId): (props: ScreenProps) => React.JSX.Element {
  function SectionScreen(props: ScreenProps): React.JSX.Element {
    const view = useMemo(
      () => cachedView(viewId, props.dataset, screenOptions(props.period, props.now)),
      [props.dataset, props.period],
    );
    return <ViewScreen {...props} screen={screen} view={view} header={[`period: ${props.period} (p: day / week / month)`]} />;
  }
  SectionScreen.displayName = `SectionScreen(${screen})`;
  return SectionScreen;
}
