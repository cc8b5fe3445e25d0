// What a key does, as data: the typed commands the key map resolves keys into (style.md
// habit 8). A discriminated union, not strings: each handler switches over `type` and the
// compiler checks that every command it names exists.
import type { ScreenId } from '../screens/screen-list.js';
import type { ScrollCommand } from '../state/scroll.js';

export type Command =
  // global
  | { type: 'screen'; screen: ScreenId }
  | { type: 'next-screen' }
  | { type: 'prev-screen' }
  | { type: 'help' }
  | { type: 'copy' }
  | { type: 'export' }
  | { type: 'refresh' }
  | { type: 'period' }
  | { type: 'quit' }
  | { type: 'command-line' }
  | { type: 'scroll'; by: ScrollCommand }
  /** Enter on what is selected: drill down (a model's detail, a base's tree, the details). */
  | { type: 'open' }
  /** Esc: close what is open, else back down the view stack. */
  | { type: 'back' }
  // text prompts (search, find, a filter field, the threshold, the family to add, `:`)
  | { type: 'edit'; text: string }
  | { type: 'apply' }
  | { type: 'cancel' }
  | { type: 'complete' }
  // leaderboard
  | { type: 'search' }
  | { type: 'filters' }
  | { type: 'sort' }
  | { type: 'column'; by: -1 | 1 }
  | { type: 'merges' }
  | { type: 'lineage-of' }
  | { type: 'panel-pick' }
  /** Shift-F: the frequency table of the selected column. */
  | { type: 'frequency' }
  /** The column picker: show, hide, reorder. */
  | { type: 'columns' }
  | { type: 'column-shift'; by: -1 | 1 }
  /** Mark the row for comparison (again: unmark). */
  | { type: 'mark' }
  | { type: 'unmark-all' }
  /** The marked models side by side. */
  | { type: 'compare' }
  // the time-series screens' window of dates
  | { type: 'window-move'; by: -1 | 1 }
  | { type: 'window-zoom'; by: -1 | 1 }
  | { type: 'window-reset' }
  // lineage
  | { type: 'expand' }
  | { type: 'collapse' }
  | { type: 'model-of' }
  // analysis screens
  | { type: 'owners' }
  | { type: 'share' }
  | { type: 'score' }
  | { type: 'threshold' }
  | { type: 'normalise' }
  | { type: 'unit' }
  | { type: 'mode' }
  | { type: 'families' }
  // the family picker
  | { type: 'picker-toggle' }
  | { type: 'picker-only' }
  | { type: 'picker-add' };

export type CommandType = Command['type'];
