// The Leaderboard screen's filters (analyses.md §5) as data: what they hold, the defaults (merges
// and flagged hidden, as the leaderboard did), the filter panel's items (toggles, types, size
// presets, the families of the table, the params and date fields, clear) and each item's line
// showing the state in force. Pure; app/components/FilterPanel.tsx draws the lines.
import { MODEL_TYPES, type ModelType } from '../data/model.js';
import { DATE_SYNTAX } from '../data/date-range.js';
import type { LeaderboardTable } from '../analysis/leaderboard.js';
import { SIZE_PRESETS, type SizePresetId } from '../analysis/leaderboard-query.js';

export type ToggleId = 'showMerges' | 'includeFlagged' | 'hideMoE' | 'hideUnavailable';
export type FieldId = 'params-min' | 'params-max' | 'created-from' | 'created-to';

export interface Filters {
  showMerges: boolean;
  includeFlagged: boolean;
  hideMoE: boolean;
  hideUnavailable: boolean;
  types: ModelType[];
  families: string[];
  sizes: SizePresetId[];
  params: { min: number | null; max: number | null };
  created: { from: string | null; to: string | null };
}

/** Merges and flagged entries hidden, as the leaderboard did; nothing else filtered. */
export const DEFAULT_FILTERS: Filters = {
  showMerges: false,
  includeFlagged: false,
  hideMoE: false,
  hideUnavailable: false,
  types: [],
  families: [],
  sizes: [],
  params: { min: null, max: null },
  created: { from: null, to: null },
};

/** One line of the filter panel (built by filter-panel.ts from the table). */
export type PanelItem =
  | { kind: 'toggle'; id: ToggleId }
  | { kind: 'type'; value: ModelType }
  | { kind: 'size'; value: SizePresetId }
  | { kind: 'family'; value: string }
  | { kind: 'field'; id: FieldId }
  | { kind: 'clear' };


/** The panel's state as an item's line shows it: the field being typed into. */
export interface PanelEditing {
  editing: { field: FieldId; text: string } | null;
}

/** The text a field shows and is edited from. */
export function fieldText(filters: Filters, field: FieldId): string {
  const value = { 'params-min': filters.params.min, 'params-max': filters.params.max, 'created-from': filters.created.from, 'created-to': filters.created.to }[field];
  return value === null ? '' : String(value);
}


const TOGGLES: Array<{ id: ToggleId; label: string }> = [
  { id: 'showMerges', label: 'show merges (hidden by default, as the leaderboard did)' },
  { id: 'includeFlagged', label: 'show flagged entries (hidden by default)' },
  { id: 'hideMoE', label: 'hide MoE models' },
  { id: 'hideUnavailable', label: 'hide models no longer on the Hub' },
];

const FIELDS: Array<{ id: FieldId; label: string; hint: string }> = [
  { id: 'params-min', label: 'params min (B)', hint: 'a number' },
  { id: 'params-max', label: 'params max (B)', hint: 'a number' },
  { id: 'created-from', label: 'created from', hint: DATE_SYNTAX },
  { id: 'created-to', label: 'created to', hint: DATE_SYNTAX },
];

const familyCache = new WeakMap<LeaderboardTable, string[]>();

/** The table's architecture families, most rows first (then by name). */
export function tableFamilies(table: LeaderboardTable): string[] {
  const cached = familyCache.get(table);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const row of table.rows) counts.set(row.family, (counts.get(row.family) ?? 0) + 1);
  const families = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([f]) => f);
  familyCache.set(table, families);
  return families;
}

/** Every item of the panel, in the order drawn. */
export function panelItems(table: LeaderboardTable): PanelItem[] {
  return [
    ...TOGGLES.map((t): PanelItem => ({ kind: 'toggle', id: t.id })),
    ...MODEL_TYPES.map((value): PanelItem => ({ kind: 'type', value })),
    ...SIZE_PRESETS.map((p): PanelItem => ({ kind: 'size', value: p.id })),
    ...FIELDS.map((f): PanelItem => ({ kind: 'field', id: f.id })),
    ...tableFamilies(table).map((value): PanelItem => ({ kind: 'family', value })),
    { kind: 'clear' },
  ];
}

const box = (on: boolean): string => (on ? '[x]' : '[ ]');

/** One item as text (without the cursor gutter). */
export function itemText(item: PanelItem, filters: Filters, panel: PanelEditing): string {
  switch (item.kind) {
    case 'toggle':
      return `${box(filters[item.id])} ${TOGGLES.find((t) => t.id === item.id)!.label}`;
    case 'type':
      return `${box(filters.types.includes(item.value))} type ${item.value}`;
    case 'size':
      return `${box(filters.sizes.includes(item.value))} size ${SIZE_PRESETS.find((p) => p.id === item.value)!.label}`;
    case 'family':
      return `${box(filters.families.includes(item.value))} architecture ${item.value}`;
    case 'field': {
      const field = FIELDS.find((f) => f.id === item.id)!;
      if (panel.editing?.field === item.id) return `    ${field.label}: ${panel.editing.text}█  (${field.hint}; Enter applies, Esc cancels, empty: any)`;
      const value = fieldText(filters, item.id);
      return `    ${field.label}: ${value === '' ? 'any' : value}`;
    }
    case 'clear':
      return '    clear every filter (back to the defaults)';
  }
}

/** A one-line account of the filters in force ('' when they are the defaults). */
export function filtersSummary(filters: Filters): string {
  const parts: string[] = [];
  if (filters.showMerges) parts.push('merges shown');
  if (filters.includeFlagged) parts.push('flagged shown');
  if (filters.hideMoE) parts.push('MoE hidden');
  if (filters.hideUnavailable) parts.push('unavailable hidden');
  if (filters.types.length > 0) parts.push(`type ${filters.types.join('/')}`);
  if (filters.sizes.length > 0) parts.push(`size ${filters.sizes.map((s) => SIZE_PRESETS.find((p) => p.id === s)!.label).join('/')}`);
  if (filters.families.length > 0) parts.push(`arch ${filters.families.join('/')}`);
  const { min, max } = filters.params;
  if (min !== null || max !== null) parts.push(`params ${min ?? '…'}–${max ?? '…'} B`);
  const { from, to } = filters.created;
  if (from !== null || to !== null) parts.push(`created ${from ?? '…'} to ${to ?? '…'}`);
  return parts.join(' · ');
}
