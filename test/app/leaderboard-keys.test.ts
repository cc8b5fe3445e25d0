// The key map resolved as the key owner reads it: one command per key in each mode, mode
// bindings never shadowing the table's (Space still pages the table), the app's own keys never
// shadowed, overlays taking their keys, and the `?` help listing every one of them.
import { describe, expect, it } from 'vitest';
import { BINDINGS, bindingsFor, commandFor, commandTypeFor, hintLine } from '../../source/app/keys/keymap.js';
import { helpLines } from '../../source/app/components/HelpOverlay.js';
import { SCREENS } from '../../source/app/screens/screen-list.js';

const APP_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', 'tab', 'shift+tab', '?', ':', 'c', 'e', 'r', 'p', 'q', 'ctrl+c'];

describe('the key map', () => {
  for (const { id: screen } of SCREENS) {
    it(`${screen}: one command per key in each mode, no app key shadowed`, () => {
      const own = BINDINGS.filter((b) => b.scope === screen);
      const modes = new Set(own.map((b) => b.mode ?? ''));
      for (const mode of modes) {
        const keys = own.filter((b) => (b.mode ?? '') === mode).flatMap((b) => b.keys);
        expect(new Set(keys).size, `${screen} ${mode}`).toBe(keys.length);
      }
      for (const key of APP_KEYS) expect(own.some((b) => b.mode === undefined && b.keys.includes(key)), key).toBe(false);
    });
  }

  it('reads the table keys, then the search line and the filter panel keys in their modes', () => {
    expect(['/', 'f', 's', 'h', 'right', 'enter', 'escape', 'j', 'space', 'pagedown', 'm', 't', 'F', 'C', '=', 'U'].map((k) => commandTypeFor(k, 'leaderboard'))).toEqual([
      'search', 'filters', 'sort', 'column', 'column', 'open', 'back', 'scroll', 'mark', 'scroll', 'merges', 'lineage-of', 'frequency', 'columns', 'compare', 'unmark-all',
    ]);
    expect(commandFor('h', 'leaderboard')).toEqual({ type: 'column', by: -1 });
    // Space marks a model on the table (issue 9 item 7); PgDn still pages, and Space pages in a detail
    expect(commandFor('space', 'leaderboard')).toEqual({ type: 'mark' });
    expect(commandFor('space', 'leaderboard', 'detail')).toEqual({ type: 'scroll', by: 'page-down' });
    expect(commandFor('x', 'leaderboard')).toBeUndefined();
    expect(['enter', 'escape', 'ctrl+u', 'x', '3'].map((k) => commandTypeFor(k, 'leaderboard', 'search'))).toEqual(['apply', 'cancel', 'edit', undefined, undefined]);
    expect(['space', 'enter', 'escape', 'f', 'k', 'home', '3', 'q'].map((k) => commandTypeFor(k, 'leaderboard', 'filters'))).toEqual([
      'panel-pick', 'panel-pick', 'back', 'back', 'scroll', 'scroll', 'screen', 'quit',
    ]);
    expect(['enter', 'l', 'left', 'escape', '/', 'd'].map((k) => commandTypeFor(k, 'lineage'))).toEqual(['open', 'expand', 'collapse', 'back', 'search', 'model-of']);
    expect(['enter', 'escape'].map((k) => commandTypeFor(k, 'lineage', 'find'))).toEqual(['apply', 'cancel']);
  });

  it('gives v on Types and Architectures, and the picker its o, a, Space, Esc', () => {
    expect(commandTypeFor('v', 'types')).toBe('share');
    expect(commandTypeFor('v', 'architectures')).toBe('share');
    expect(['o', 'a', 'space', 'enter', 'escape', 'f', 'j', '3', 'q'].map((k) => commandTypeFor(k, 'improvement', 'picker'))).toEqual([
      'picker-only', 'picker-add', 'picker-toggle', 'picker-toggle', 'back', 'back', 'scroll', undefined, undefined,
    ]);
  });

  it('help takes every key: Esc, ? and q close it, the arrows scroll it, nothing else runs', () => {
    for (const key of ['escape', '?', 'q']) expect(commandTypeFor(key, 'improvement', 'help')).toBe('back');
    expect(commandFor('pagedown', 'leaderboard', 'help')).toEqual({ type: 'scroll', by: 'page-down' });
    for (const key of ['2', 'c', 'e', 'f', 'n']) expect(commandFor(key, 'improvement', 'help')).toBeUndefined();
  });

  it('lists every key of the screen in ? help, paging included', () => {
    const help = helpLines('leaderboard', 140).join('\n');
    for (const text of ['search: text or regex', 'sort by the selected column', 'filter panel: toggle the item', 'search line: close it and put back', 'PgDn', 'page down', 'switch to screen 1–8']) {
      expect(help).toContain(text);
    }
    const types = bindingsFor('lineage').map((b) => (typeof b.command === 'function' ? 'screen' : b.command.type));
    expect(types).toEqual(expect.arrayContaining(['open', 'expand', 'collapse', 'back', 'search', 'apply', 'cancel', 'scroll', 'model-of']));
  });

  it('draws the hint line from the key map, within 80 columns on every screen', () => {
    for (const { id } of SCREENS) {
      const hints = hintLine(id, 'normal');
      expect(hints, id).toContain('? help');
      expect(hints.length, `${id}: ${hints}`).toBeLessThanOrEqual(80);
    }
    expect(hintLine('improvement', 'picker')).toContain('o only');
    expect(hintLine('types', 'normal')).toContain('v counts/shares');
  });
});
