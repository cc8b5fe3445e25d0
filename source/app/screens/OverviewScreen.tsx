// Overview: the headline figures of every section beside the paper's; Enter shows the fetch
// details (stage, counts, errors) and the cache's per-item status.
import React, { useMemo, useState } from 'react';
import type { ScreenProps } from '../screen-props.js';
import { ViewScreen } from './ViewScreen.js';
import { cachedView, screenOptions } from '../view-cache.js';
import { fetchDetailsView } from '../fetch-details.js';
import { unreachableLines } from '../../fetch/unreachable-advice.js';

export function OverviewScreen(props: ScreenProps): React.JSX.Element {
  const [details, setDetails] = useState(false);
  const overview = useMemo(
    () => cachedView('overview', props.dataset, screenOptions(props.period, props.now)),
    [props.dataset, props.period],
  );
  const view = useMemo(
    () => (details ? fetchDetailsView(props.dataset, props.fetchState) : overview),
    [details, overview, props.dataset, props.fetchState],
  );
  return (
    <ViewScreen
      {...props}
      key={details ? 'details' : 'overview'}
      screen="overview"
      view={view}
      header={[
        details ? 'Fetch and cache details (Esc: back to the overview)' : 'Enter: fetch and cache details',
        // the Hub cannot be reached: said at the top, with what to do (issue 9 item 10)
        ...(props.fetchState?.unreachable && !details ? unreachableLines(props.fetchState.unreachable, props.width) : []),
      ]}
      onCommand={(command) => {
        if (command === 'details') setDetails((d) => !d);
        else if (command === 'back') setDetails(false);
        else return false;
        return true;
      }}
    />
  );
}
