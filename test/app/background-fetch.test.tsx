// The explorer on an empty cache (issue 4 "Behaviour"): the first frame comes from the cache at
// once, a real `hubscope fetch --events json` child process runs against the fake Hub, the
// status bar follows it, the screens fill in as data arrives, and quitting stops it cleanly.
import React from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../source/app/App.js';
import { FetchController, reduceFetchEvent, IDLE } from '../../source/app/services/fetch-controller.js';
import { fetchSummary } from '../../source/app/components/StatusBar.js';
import { loadDataset } from '../../source/cache/store.js';
import { FakeHub } from '../fake-hub/server.js';
import { builtCli } from '../fetch/cli-build.js';
import { tempDir } from '../fetch/helpers.js';
import { FACTS } from '../print/fixture-facts.js';
import { renderApp } from './render-app.js';

let hub: FakeHub;
let cli: string;

beforeAll(async () => {
  [hub, cli] = await Promise.all([FakeHub.start({ latencyMs: 15 }), builtCli()]);
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

describe('background fetch', () => {
  it('starts on an empty cache, shows progress in the status bar and fills the overview as data arrives', async () => {
    const dir = await tempDir('hubscope-bg-');
    const initial = await loadDataset(dir);
    const env = { ...process.env, HF_ENDPOINT: hub.url, HUBSCOPE_DATASETS_SERVER: hub.url, HF_TOKEN: '' };
    const fetcher = new FetchController(dir, env, ['--dataset', 'open-llm-leaderboard/contents'], cli);
    const app = await renderApp(
      <App
        initial={initial}
        reload={() => loadDataset(dir)}
        fetcher={fetcher}
        autoFetch
        color={false}
        exportDir={dir}
        writeRaw={() => undefined}
        size={{ columns: 100, rows: 30 }}
      />,
    );
    expect(app.frames[0]).toContain('cache empty');
    await app.waitFor((f) => /fetching (leaderboard|info|commits)/.test(f), 15_000);
    const filled = await app.waitFor((f) => f.includes(`${FACTS.entries} / ${FACTS.repositories}`), 30_000);
    expect(filled).toContain('Overview');
    await app.waitFor((f) => f.includes('fetch done'), 30_000);
    expect(fetcher.state.exitCode).toBe(0);
    const done = await loadDataset(dir);
    expect(done.info.size).toBeGreaterThan(0);
    expect(done.activity.size).toBeGreaterThan(0);
    app.unmount();
  }, 90_000);

  it('quitting during a fetch stops the child (SIGTERM) and leaves a whole, readable cache', async () => {
    const slow = await FakeHub.start({ latencyMs: 120 });
    try {
      const dir = await tempDir('hubscope-bg-');
      const env = { ...process.env, HF_ENDPOINT: slow.url, HUBSCOPE_DATASETS_SERVER: slow.url, HF_TOKEN: '' };
      const fetcher = new FetchController(dir, env, ['--dataset', 'open-llm-leaderboard/contents'], cli);
      const app = await renderApp(
        <App
          initial={await loadDataset(dir)}
          reload={() => loadDataset(dir)}
          fetcher={fetcher}
          autoFetch
          color={false}
          exportDir={dir}
          writeRaw={() => undefined}
          size={{ columns: 100, rows: 30 }}
        />,
      );
      await app.waitFor((f) => /fetching (info|commits)/.test(f), 30_000);
      await app.press('q');
      await app.waitFor((f) => f.includes('stopping the fetch'));
      for (let i = 0; i < 200 && fetcher.running; i++) await new Promise((r) => setTimeout(r, 50));
      expect(fetcher.running).toBe(false);
      expect(fetcher.state.exitCode).toBe(143); // SIGTERM: flushed and exited
      const partial = await loadDataset(dir); // whole files: this would throw on a torn write
      expect(partial.entries.length).toBe(FACTS.entries);
    } finally {
      await slow.close();
    }
  }, 90_000);
});

describe('fetch events', () => {
  it('fold into the status bar state', () => {
    let s = reduceFetchEvent(IDLE, { type: 'stage-start', stage: 'info', total: 40, cached: 0 });
    expect(s).toMatchObject({ running: true, stage: 'info', done: 0, total: 40 });
    s = reduceFetchEvent(s, { type: 'progress', stage: 'info', done: 10, total: 40, ok: 9, gone: 1, errors: 2, rate: 5, etaSeconds: 6 });
    expect(s).toMatchObject({ done: 10, errors: 2, rate: 5, etaSeconds: 6 });
    s = reduceFetchEvent(s, { type: 'item-error', stage: 'info', key: 'a/b', message: '503 after 8 attempts' });
    expect(s.messages).toEqual(['a/b: 503 after 8 attempts']);
    s = reduceFetchEvent(s, { type: 'paused', untilMs: 123, reason: '429' });
    expect(s.pausedUntil).toBe(123);
    s = reduceFetchEvent(s, { type: 'retrying', host: 'hub.example', problem: 'HTTP 503', attempt: 3, of: 8 });
    expect(fetchSummary(s)).toContain('retrying hub.example: HTTP 503, attempt 3 of 8');
    s = reduceFetchEvent(s, { type: 'progress', stage: 'info', done: 10, total: 40, ok: 9, gone: 1, errors: 2, rate: 5, etaSeconds: 6 });
    expect(s.retrying).not.toBeNull(); // nothing got through yet
    s = reduceFetchEvent(s, { type: 'progress', stage: 'info', done: 11, total: 40, ok: 10, gone: 1, errors: 2, rate: 5, etaSeconds: 6 });
    expect(s.retrying).toBeNull();
    expect(fetchSummary(s)).not.toContain('retrying');
    s = reduceFetchEvent(s, { type: 'done', seconds: 3, interrupted: false, requests: 50, retries: 2, rateLimited: 1 });
    expect(s.running).toBe(false);
  });
});
