// Keys that arrive in one read (a paste, fast typing over SSH, tmux send-keys): the key owner
// splits the run Ink hands over into its keys and reads each on the state the one before left.
import React from 'react';
import { EventEmitter } from 'node:events';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, type Instance } from 'ink';
import { App } from '../../source/app/App.js';
import { splitKeys } from '../../source/app/keys/split-keys.js';
import { loadDataset } from '../../source/cache/store.js';
import type { Dataset } from '../../source/data/model.js';
import { fixtureCache } from '../print/fixture-cache.js';

/** A terminal's stdin as Ink reads it: 'readable', then read() until null. */
class FakeTerminal extends EventEmitter {
  isTTY = true;
  private chunks: string[] = [];
  rawMode = false;
  type(text: string): void {
    this.chunks.push(text);
    this.emit('readable');
  }
  read(): string | null {
    return this.chunks.shift() ?? null;
  }
  setEncoding(): void {}
  setRawMode(on: boolean): void {
    this.rawMode = on;
  }
  ref(): void {}
  unref(): void {}
}

class FakeStdout extends EventEmitter {
  columns = 100;
  rows = 30;
  last = '';
  write = (frame: string): boolean => {
    this.last = frame;
    return true;
  };
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('splitKeys', () => {
  it('splits letters and control characters, keeps escape sequences whole', () => {
    expect(splitKeys('abc\r')).toEqual(['a', 'b', 'c', '\r']);
    expect(splitKeys('\u001B[A\u001B[6~jj')).toEqual(['\u001B[A', '\u001B[6~', 'j', 'j']);
    expect(splitKeys('\u001BOPx')).toEqual(['\u001BOP', 'x']);
    expect(splitKeys('\u001Bq\u001B')).toEqual(['\u001Bq', '\u001B']);
    expect(splitKeys('\u001B\u001B[Ay')).toEqual(['\u001B\u001B[A', 'y']);
    expect(splitKeys('\u001B[[5~')).toEqual(['\u001B[[5~']);
    expect(splitKeys('😀é中')).toEqual(['😀', 'é', '中']);
    // a sequence cut at the end of a read stays one piece (Ink's parser waits for the rest)
    expect(splitKeys('j\u001B[1;')).toEqual(['j', '\u001B[1;']);
  });
});

describe('the explorer, keys typed in one read', () => {
  let dataset: Dataset;
  let cache: string;
  let instance: Instance | null = null;
  let terminal: FakeTerminal;
  let stdout: FakeStdout;
  let exported: string[];

  beforeAll(async () => {
    cache = await fixtureCache();
    dataset = await loadDataset(cache);
  }, 60_000);

  afterEach(() => {
    instance?.unmount();
    instance = null;
  });

  async function open(startScreen: 'overview' | 'authors'): Promise<void> {
    terminal = new FakeTerminal();
    stdout = new FakeStdout();
    exported = [];
    instance = render(
      <App
        initial={dataset}
        reload={() => loadDataset(cache)}
        fetcher={null}
        autoFetch={false}
        color={false}
        exportDir="/nonexistent-hubscope-export-dir"
        writeRaw={(text) => exported.push(text)}
        size={{ columns: 100, rows: 30 }}
        startScreen={startScreen}
      />,
      {
        stdin: terminal as unknown as NodeJS.ReadStream,
        stdout: stdout as unknown as NodeJS.WriteStream,
        stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
        debug: true,
        exitOnCtrlC: false,
        patchConsole: false,
      },
    );
    for (let i = 0; i < 100 && terminal.listenerCount('readable') === 0; i++) await tick(5);
    await tick(10);
  }

  async function waitFor(test: (frame: string) => boolean): Promise<string> {
    for (let i = 0; i < 300 && !test(stdout.last); i++) await tick(10);
    if (!test(stdout.last)) throw new Error(`no such frame; last frame:\n${stdout.last}`);
    return stdout.last;
  }

  it('a screen key, "/", a search with app-key letters in it and Enter: the search is applied', async () => {
    await open('overview');
    terminal.type('2/mcepq\r');
    // the Enter closed the search line: it shows the search in force
    const frame = await waitFor((f) => f.includes('search “mcepq” · 0 of'));
    expect(frame).toMatch(/Leaderboard │/);
    expect(frame).not.toContain('Enter keeps');
    expect(exported).toEqual([]); // "c" did not copy
    expect(frame).not.toContain('exported'); // "e" did not export
  });

  it('"pp" in one read moves the period twice', async () => {
    await open('authors');
    await waitFor((f) => f.includes('period: month'));
    terminal.type('pp');
    await waitFor((f) => f.includes('period: week'));
  });
});
