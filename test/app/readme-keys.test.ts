// The README's key table is generated from the key map (`hubscope keys`); this fails when the
// copy in the README is stale (style.md habit 2, as lazygit's cheat-sheet test does).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BINDINGS, keyTableMarkdown } from '../../source/app/keys/keymap.js';

describe('README key table', () => {
  it('is the key map, as hubscope keys prints it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const match = /<!-- keys:start -->\n([\s\S]*?)\n?<!-- keys:end -->/.exec(readme);
    expect(match, 'README.md has the <!-- keys:start --> … <!-- keys:end --> markers').not.toBeNull();
    expect(match![1]!.trim(), 'README key table is stale: paste the output of `hubscope keys`').toBe(keyTableMarkdown());
  });

  it('lists every binding once per row', () => {
    expect(keyTableMarkdown().split('\n')).toHaveLength(BINDINGS.length + 2);
  });
});

describe("README key table of the generic explorer (LMArena's screens)", () => {
  it('is the key map of source/app/source', async () => {
    const { sourceKeyTableMarkdown } = await import('../../source/app/source/panels.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const match = /<!-- source-keys:start -->\n([\s\S]*?)\n?<!-- source-keys:end -->/.exec(readme);
    expect(match, 'README.md has the <!-- source-keys:start --> … <!-- source-keys:end --> markers').not.toBeNull();
    expect(match![1]!.trim(), "README's generic explorer key table is stale: paste sourceKeyTableMarkdown()").toBe(sourceKeyTableMarkdown());
  });
});
