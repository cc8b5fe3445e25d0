// The Improvement screen's family picker as a pure reducer: the paper's presets and the
// user's own families (a name pattern with params, or a base repo), each on or off.
import { PAPER_FAMILIES } from '../../views/screen-data.js';
import { FamilySpecError, parseFamilySpec } from '../../views/view-options.js';

export interface PickerItem {
  /** A family spec as `print --families` takes it: a preset id, `pattern:P[:params[:range]]`, or `org/base`. */
  spec: string;
  label: string;
  on: boolean;
}

export interface PickerState {
  items: PickerItem[];
  cursor: number;
  /** Text of the "add a family" line while it is edited. */
  adding: string | null;
  /** Why the last family typed was refused (the line stays open to fix it). */
  error?: string | null;
}

export function initialPicker(): PickerState {
  return { items: PAPER_FAMILIES.map((p) => ({ spec: p.id, label: p.label, on: true })), cursor: 0, adding: null };
}

/** The specs switched on (every item when none is: the view then shows the presets). */
export function chosenSpecs(state: PickerState): string[] {
  return state.items.filter((i) => i.on).map((i) => i.spec);
}

/** The row count: every item plus the "add a family" row. */
export function rows(state: PickerState): number {
  return state.items.length + 1;
}

export type PickerAction =
  | { type: 'move'; by: number }
  | { type: 'toggle' }
  | { type: 'only' }
  | { type: 'start-add' }
  | { type: 'edit'; text: string }
  | { type: 'add' }
  | { type: 'cancel-add' };

export function pick(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'move':
      return { ...state, cursor: Math.max(0, Math.min(rows(state) - 1, state.cursor + action.by)) };
    case 'toggle': {
      if (state.cursor === state.items.length) return { ...state, adding: '' };
      const items = state.items.map((item, i) => (i === state.cursor ? { ...item, on: !item.on } : item));
      return { ...state, items };
    }
    case 'only':
      return { ...state, items: state.items.map((item, i) => ({ ...item, on: i === state.cursor })) };
    case 'start-add':
      return { ...state, adding: '', cursor: state.items.length, error: null };
    case 'edit':
      return { ...state, adding: action.text, error: null };
    case 'cancel-add':
      return { ...state, adding: null, error: null };
    case 'add': {
      const spec = (state.adding ?? '').trim();
      if (spec === '') return { ...state, adding: null, error: null };
      // a spec that cannot be read is refused here, with why, rather than reaching the view
      const problem = specProblem(spec);
      if (problem) return { ...state, error: problem };
      const existing = state.items.findIndex((i) => i.spec.toLowerCase() === spec.toLowerCase());
      if (existing >= 0) {
        const items = state.items.map((item, i) => (i === existing ? { ...item, on: true } : item));
        return { items, cursor: existing, adding: null, error: null };
      }
      const items = [...state.items, { spec, label: spec, on: true }];
      return { items, cursor: items.length - 1, adding: null, error: null };
    }
  }
}

/** Why a family spec cannot be read (views/view-options.ts parseFamilySpec), or null. */
export function specProblem(spec: string): string | null {
  try {
    parseFamilySpec(spec, 'pattern');
    return null;
  } catch (error) {
    if (error instanceof FamilySpecError) return error.message;
    throw error;
  }
}
