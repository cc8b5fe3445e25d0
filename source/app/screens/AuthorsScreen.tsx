// Authors (analyses.md §1): the section view with the period the app cycles (`p`), and `o`
// to let the namespace owner stand in as the author of a repository without a commit history
// (§0; the paper's rule, commit authors only, is the default). Thin: the view does the work.
import React, { useMemo, useState } from 'react';
import type { ScreenProps } from './screen-props.js';
import { ViewScreen } from './ViewScreen.js';
import { cachedView, screenOptions } from '../services/view-cache.js';

export function AuthorsScreen(props: ScreenProps): React.JSX.Element {
  const [owners, setOwners] = useState(false);
  const view = useMemo(
    () => cachedView('authors', props.dataset, screenOptions(props.period, props.now, owners ? { authors: 'namespace' } : {})),
    [props.dataset, props.period, owners],
  );
  const who = owners ? 'commit authors, namespace owners standing in (o: commit authors only)' : 'commit authors (o: let namespace owners stand in)';
  return (
    <ViewScreen
      {...props}
      screen="authors"
      view={view}
      header={[`period: ${props.period} (p: day / week / month) · authors: ${who}`]}
      onCommand={(command) => {
        if (command !== 'owners') return false;
        setOwners((on) => !on);
        return true;
      }}
    />
  );
}
