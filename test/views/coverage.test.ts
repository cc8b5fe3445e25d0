// Issue 7 §2 and §3 on hand-built datasets: partial data is never shown as a result (each
// figure that depends on a part not all there is marked, the view opens with a line that says
// how much is there), "low coverage" is one definition (< 90 % of the models in view), the
// Authors view explains an empty result and offers the namespace owner, and the paper's
// figures stand beside v1 only. Every count below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { LOW_COVERAGE, coverageOf } from '../../source/analysis/coverage.js';
import { selectModels } from '../../source/analysis/select.js';
import type { Dataset, ItemStatus } from '../../source/data/model.js';
import { coverageText } from '../../source/views/coverage-text.js';
import { VIEWS } from '../../source/views/registry.js';
import { DEFAULT_VIEW_OPTIONS, VIEW_IDS, type View } from '../../source/views/view.js';
import { writeText } from '../../source/views/write-text.js';
import { buildDataset } from '../analysis/build-dataset.js';

const OPTIONS = { ...DEFAULT_VIEW_OPTIONS, now: new Date('2026-06-01T00:00:00Z') };
const FETCHED = '2026-05-01T00:00:00.000Z';

/** Ten repos of ten namespaces; `histories` of them (the first ones) have a commit history,
 *  `gone` of the others are gone from the Hub, the rest were not fetched yet. */
function dataset(histories: number, gone: number, options: { completed?: boolean; generation?: 'v1' | 'v2' } = {}): Dataset {
  const repos = Array.from({ length: 10 }, (_, i) => `ns${i}/model-${i}`);
  const activity = Object.fromEntries(repos.slice(0, histories).map((repo, i) => [repo, { authors: [`user${i}`], first: '2024-01-10' }]));
  const activityStatus: Record<string, ItemStatus['status']> = {};
  for (const repo of repos.slice(0, histories)) activityStatus[repo] = 'ok';
  for (const repo of repos.slice(histories, histories + gone)) activityStatus[repo] = 'gone';
  const info = Object.fromEntries(repos.map((repo) => [repo, { created: '2024-01-05' }]));
  const d = buildDataset({ generation: options.generation ?? 'v1', entries: repos.map((repo) => ({ repo, score: 50, type: 'pretrained' as const })), info, activity, activityStatus });
  for (const repo of repos) d.infoStatus.set(repo.toLowerCase(), { status: 'ok', fetchedAt: FETCHED });
  d.source = {
    dataset: options.generation === 'v2' ? 'open-llm-leaderboard/contents' : 'open-llm-leaderboard-old/contents',
    revision: 'r1',
    origin: 'viewer',
    leaderboardFetchedAt: FETCHED,
    infoFetchedAt: FETCHED,
    commitsFetchedAt: options.completed === false ? null : FETCHED,
    table: { complete: true, read: 10, total: 10 },
  };
  return d;
}

const histories = (d: Dataset) => coverageOf(d, selectModels(d).models).histories;
const text = (view: View): string => writeText(view, { width: 120, color: false }).join('\n');
const figure = (view: View, label: string): string | undefined => {
  for (const block of view.blocks) if (block.kind === 'figures') for (const row of block.rows) if (row.label === label) return row.value;
  return undefined;
};

describe('coverage of the models in view', () => {
  it('partial while repos are not fetched yet: 3 of 10 have histories, 2 gone, 5 pending', () => {
    const part = histories(dataset(3, 2, { completed: false }));
    expect(part).toMatchObject({ have: 3, of: 10, pending: 5, completed: false, state: 'partial' });
    expect(coverageText(part)).toBe('partial: 3 of 10 repos have commit histories so far');
  });

  it('low once the stage is done and under 90 % have it: 8 of 10, the other 2 gone', () => {
    const part = histories(dataset(8, 2));
    expect(8 / 10).toBeLessThan(LOW_COVERAGE);
    expect(part).toMatchObject({ have: 8, of: 10, pending: 0, state: 'low' });
    expect(coverageText(part)).toBe('low coverage: 8 of 10 repos have commit histories (the others are gone, gated or private on the Hub)');
  });

  it('complete at 90 % with the rest gone, and at 100 % even before the stage completed a pass', () => {
    expect(histories(dataset(9, 1)).state).toBe('complete');
    expect(coverageText(histories(dataset(9, 1)))).toBeNull();
    expect(histories(dataset(10, 0, { completed: false })).state).toBe('complete');
  });

  it('partial while a fetch runs, even at 90 %; and an incomplete table is partial for every view', () => {
    const running = dataset(9, 1);
    running.fetching = true;
    expect(histories(running).state).toBe('partial');
    const cut = dataset(10, 0);
    cut.source.table = { complete: false, read: 10, total: 40 };
    for (const id of VIEW_IDS) {
      const view = VIEWS[id](cut, OPTIONS);
      expect(view.coverage?.table.state, id).toBe('partial');
      expect(view.blocks[0], id).toEqual(expect.objectContaining({ kind: 'paragraph', text: expect.stringMatching(/^Partial: 10 of 40 rows of the table read so far\. /) }));
      expect(view.summary, id).toMatch(/partial$/);
    }
  });
});

describe('figures that depend on a missing part say so beside the number', () => {
  it('Authors: every §1 figure marked partial, with the counts in the first line', () => {
    const view = VIEWS.authors(dataset(3, 2, { completed: false }), OPTIONS);
    expect(figure(view, 'authors (N)')).toBe('3 (partial)');
    expect(figure(view, 'repositories with authors / in view')).toBe('3 / 10 (partial)');
    expect(text(view).split('\n')[0]).toBe(
      'Partial: 3 of 10 repos have commit histories so far. The figures that depend on them will change as the rest arrives.',
    );
  });

  it('Overview: §1 marked low coverage, §2 type shares (table only) not; low coverage in its heading, not a first line', () => {
    const view = VIEWS.overview(dataset(8, 2), OPTIONS);
    expect(view.blocks[0]).toEqual({ kind: 'heading', text: 'Data' });
    expect(text(view)).toContain('What is missing — of 10 models in view (a part under 90 % of them: low coverage)');
    expect(VIEWS.authors(dataset(8, 2), OPTIONS).blocks[0]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^Low coverage: 8 of 10 repos/) });
    expect(figure(view, 'authors (N)')).toBe('8 (low coverage)');
    expect(figure(view, 'type pretrained')).toBe('100.0 % (10)');
    const json = view.data as { sections: Array<{ id: string; figures: Array<{ label: string; value: string }> }> };
    expect(json.sections.find((s) => s.id === 'authors')!.figures[0]).toMatchObject({ label: 'authors (N)', value: '8 (low coverage)' });
  });

  it('nothing is marked when everything is there', () => {
    const view = VIEWS.overview(dataset(10, 0), OPTIONS);
    expect(text(view)).not.toMatch(/\((partial|low coverage)\)|^(Partial|Low coverage):/m);
    expect(view.coverage).toMatchObject({ histories: { state: 'complete' }, info: { state: 'complete' } });
  });
});

describe('Authors with no commit history at all', () => {
  it('says why it is empty and how to fetch them, and offers the namespace owner', () => {
    const view = VIEWS.authors(dataset(0, 0, { completed: false, generation: 'v2' }), OPTIONS);
    expect(figure(view, 'authors (N)')).toBe('0 (partial)');
    expect(text(view).replace(/\n/g, ' ')).toContain(
      'No authors yet. None of the 10 repositories in view has a commit history in the cache, and authors come from commit ' +
        'histories (analyses.md §0): a repository without one adds no authors, as in the paper. Their commit histories were never ' +
        'fetched for open-llm-leaderboard/contents: npx hubscope fetch --dataset open-llm-leaderboard/contents --only commits. Or let ' +
        "each repository's namespace owner stand in as its one author: npx hubscope print authors --authors namespace (o on the Authors screen).",
    );
  });

  it('with --authors namespace each namespace owner stands in: 10 authors, one repo each', () => {
    const view = VIEWS.authors(dataset(0, 0, { completed: false, generation: 'v2' }), { ...OPTIONS, authors: 'namespace' });
    expect(figure(view, 'authors (N)')).toBe('10 (partial)');
    expect(figure(view, 'repositories whose namespace owner stands in (no history)')).toBe('10');
    expect(view.summary).toContain('namespace owners stand in for 10 repos');
    expect(text(view)).not.toContain('No authors yet');
  });
});

describe('the paper beside v1 only', () => {
  it('v1: the paper column and the note on its later scrape; v2: neither, in any view', () => {
    const v1 = VIEWS.overview(dataset(10, 0), OPTIONS);
    expect(text(v1)).toMatch(/authors \(N\)\s+10\s+1,829 authors/);
    expect(text(v1)).toContain('later scrape of v1');
    for (const id of VIEW_IDS) {
      const view = VIEWS[id](dataset(10, 0, { generation: 'v2' }), OPTIONS);
      const papers = view.blocks.flatMap((b) => (b.kind === 'figures' ? b.rows.filter((r) => r.paper !== undefined) : []));
      expect(papers, id).toEqual([]);
      expect(text(view), id).not.toMatch(/1,829|later scrape of v1|\bpaper\s*$/m);
    }
  });
});
