// The Leaderboard and Lineage bindings in the key map: one command per key in each mode, mode
// bindings never shadowing the table's (Space still pages the table), the app's own keys
// never shadowed, and the `?` help listing every one of them.
import { describe, expect, it } from 'vitest';
import { BINDINGS, bindingsFor, commandFor, commandForMode } from '../../source/app/keys/keymap.js';
import { helpLines } from '../../source/app/components/HelpOverlay.js';

const APP_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', 'tab', 'shift+tab', '?', 'c', 'e', 'r', 'p', 'q', 'ctrl+c'];

describe('leaderboard and lineage keys', () => {
  for (const screen of ['leaderboard', 'lineage'] as const) {
    it(`${screen}: one command per key in each mode, no app key shadowed`, () => {
      const own = BINDINGS.filter((b) => b.scope === screen);
      const modes = new Set(own.map((b) => b.mode ?? ''));
      for (const mode of modes) {
        const keys = own.filter((b) => (b.mode ?? '') === mode).flatMap((b) => b.keys);
        expect(new Set(keys).size, `${screen} ${mode}`).toBe(keys.length);
      }
      for (const key of APP_KEYS) expect(own.some((b) => b.keys.includes(key)), key).toBe(false);
    });
  }

  it('reads the table keys, then the search line and the filter panel keys in their modes', () => {
    expect(['/', 'f', 's', 'h', 'right', 'enter', 'escape', 'j', 'space', 'pagedown'].map((k) => commandFor(k, 'leaderboard'))).toEqual([
      'search', 'filters', 'sort', 'column-left', 'column-right', 'open', 'back', 'down', 'page-down', 'page-down',
    ]);
    expect(commandFor('x', 'leaderboard')).toBeUndefined();
    expect(['enter', 'escape', 'ctrl+u'].map((k) => commandForMode(k, 'leaderboard', 'search'))).toEqual(['search-keep', 'search-cancel', 'search-clear']);
    expect(['space', 'enter', 'escape', 'f', 'k', 'home'].map((k) => commandForMode(k, 'leaderboard', 'filters'))).toEqual([
      'panel-pick', 'panel-pick', 'panel-close', 'panel-close', 'up', 'top',
    ]);
    expect(['enter', 'l', 'left', 'escape', '/'].map((k) => commandFor(k, 'lineage'))).toEqual(['pick', 'expand', 'collapse', 'back', 'search']);
    expect(['enter', 'escape'].map((k) => commandForMode(k, 'lineage', 'find'))).toEqual(['find-keep', 'find-cancel']);
  });

  it('lists every key of the screen in ? help, paging included', () => {
    const help = helpLines('leaderboard', 140).join('\n');
    for (const text of ['search: text or regex', 'sort by the selected column', 'filter panel: toggle the item', 'search line: close it and put back', 'PgDn', 'page down', 'switch to screen 1–8']) {
      expect(help).toContain(text);
    }
    expect(bindingsFor('lineage').map((b) => b.command)).toEqual(expect.arrayContaining(['pick', 'expand', 'collapse', 'back', 'search', 'find-keep', 'find-cancel', 'down', 'page-down']));
  });
});
