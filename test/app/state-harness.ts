// What the shell's state tests share (shell-state, explore-state, drill-down): a key with no
// flag set, as Ink hands one over, and the explorer's Env on the fake Hub's fixture cache.
import type { Key } from 'ink';
import { loadDataset } from '../../source/cache/store.js';
import type { Env } from '../../source/app/state/screen-models.js';
import { fixtureCache } from '../print/fixture-cache.js';

export const PLAIN = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false } as Key;

/** The Env a 100×26 explorer draws in, on a fresh fixture cache (fetched from the fake Hub). */
export async function fixtureEnv(extra: Partial<Env> = {}): Promise<Env> {
  const dataset = await loadDataset(await fixtureCache());
  return { dataset, width: 100, height: 26, color: false, now: new Date('2026-11-28T12:00:00Z'), period: 'month', ...extra };
}
