// The `?` help at 80 columns (issue 9 acceptance 1: every key in `?` readable at 80×24): each
// description wraps under itself instead of being cut with "…", every word of it is there.
import { describe, expect, it } from 'vitest';
import { helpLines } from '../../source/app/components/HelpOverlay.js';
import { bindingsFor } from '../../source/app/keys/keymap.js';
import { SCREENS } from '../../source/app/screens/screen-list.js';
import { displayWidth } from '../../source/render/text-width.js';

describe('the ? help at 80 columns', () => {
  it.each(SCREENS.map((s) => s.id))('%s: no line cut, every description whole', (screen) => {
    const lines = helpLines(screen, 80);
    for (const line of lines) {
      expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      expect(line.trimEnd().endsWith('…'), line).toBe(false);
    }
    const text = lines.join(' ').replace(/\s+/g, ' ');
    for (const b of bindingsFor(screen)) expect(text).toContain(b.description.replace(/\s+/g, ' '));
  });
});
