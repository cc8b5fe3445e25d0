// useDataset re-reads the cache when the background fetch says so; a reason to read that comes
// while a read is under way is not lost (the explorer once kept "commit histories: never"
// after a fetch that ended during the read of its last stage).
import React from 'react';
import { describe, expect, it } from 'vitest';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import type { Dataset } from '../../source/data/model.js';
import { useDataset } from '../../source/app/hooks/use-dataset.js';
import { IDLE, type FetchController, type FetchState } from '../../source/app/services/fetch-controller.js';

function dataset(revision: string): Dataset {
  return {
    generation: 'v1',
    source: { dataset: 'x/y', revision, origin: null, leaderboardFetchedAt: null, infoFetchedAt: null, commitsFetchedAt: null },
    entries: [],
    info: new Map(),
    infoStatus: new Map(),
    activity: new Map(),
    activityStatus: new Map(),
  };
}

/** The part of FetchController that useDataset uses: state and subscribe. */
class FakeFetcher {
  state: FetchState = IDLE;
  private listeners = new Set<(state: FetchState, event: Record<string, unknown> | null) => void>();
  subscribe(listener: (state: FetchState, event: Record<string, unknown> | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(type: string): void {
    for (const listener of this.listeners) listener(this.state, { type });
  }
}

function Show(props: { reload: () => Promise<Dataset>; fetcher: FakeFetcher }): React.JSX.Element {
  const { dataset: d } = useDataset(dataset('initial'), props.reload, props.fetcher as unknown as FetchController);
  return <Text>revision {d.source.revision}</Text>;
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('useDataset', () => {
  it('a fetch event during a read makes one more read after it', async () => {
    const fetcher = new FakeFetcher();
    const pending: Array<(d: Dataset) => void> = [];
    let reads = 0;
    const reload = (): Promise<Dataset> => {
      reads++;
      return new Promise((resolve) => pending.push(resolve));
    };
    const app = render(<Show reload={reload} fetcher={fetcher} />);
    await tick(20);
    fetcher.emit('stage-end'); // read 1 starts
    await tick(5);
    fetcher.emit('done'); // comes while read 1 is under way
    fetcher.emit('exit'); // and another: still just one more read
    await tick(5);
    expect(reads).toBe(1);
    pending.shift()!(dataset('stage')); // read 1 ends with what the cache had then
    await tick(20);
    expect(reads).toBe(2);
    pending.shift()!(dataset('final'));
    await tick(20);
    expect(app.lastFrame()).toContain('revision final');
    expect(reads).toBe(2);
    app.unmount();
  });
});
