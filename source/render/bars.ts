// Horizontal bar chart: one line per item, `label  value  share  bar`, the bar scaled so the
// largest value (or `max`) fills the room left. Partial blocks (▏▎▍▌▋▊▉█) give eighths of a
// column; ASCII mode draws whole `#` columns.
import type { RenderOptions } from './options.js';
import { resolveOptions } from './options.js';
import { makeTheme, type Role } from './theme.js';
import { cellText, displayWidth, fit, widthUpTo } from './text-width.js';
import { formatDecimal, formatInteger, formatPercent } from './format-number.js';

export interface BarItem {
  label: string;
  value: number;
  /** Text shown instead of the formatted value. */
  text?: string;
  /** Colour of this bar (default accent). */
  role?: Role;
}

export interface BarOptions extends RenderOptions {
  /** The value of a full-width bar (default: the largest value). */
  max?: number;
  /** Shares are of this total (default: the sum of the values). */
  total?: number;
  /** Show each item's share of the total (default true). */
  percent?: boolean;
  /** Value text (default: integers with separators, else one decimal). */
  format?: (value: number) => string;
  /** Widest the label column gets (default 40 % of the width). */
  labelWidth?: number;
}

const GAP = '  ';
const MIN_BAR = 6;

function defaultFormat(value: number): string {
  return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 1);
}

/** A bar of `cells` columns (fractional), drawn with partial blocks; at least a sliver for a
 *  positive value. */
export function barText(cells: number, eighths: readonly string[]): string {
  if (!(cells > 0)) return '';
  const full = eighths[eighths.length - 1]!;
  if (eighths.length === 1) return full.repeat(Math.max(1, Math.round(cells)));
  let whole = Math.floor(cells);
  let part = Math.round((cells - whole) * 8);
  if (part === 8) {
    whole += 1;
    part = 0;
  }
  if (whole === 0 && part === 0) part = 1;
  return full.repeat(whole) + (part > 0 ? eighths[part - 1]! : '');
}

/** The chart as lines of at most `width` columns. */
export function renderBars(items: readonly BarItem[], options: BarOptions): string[] {
  const { width, color, unicode } = resolveOptions(options);
  const theme = makeTheme({ color, unicode });
  if (items.length === 0) return [theme.paint('muted', '(no data)')];
  const values = items.map((item) => (Number.isFinite(item.value) ? Math.max(0, item.value) : 0));
  const max = options.max ?? Math.max(...values);
  const total = options.total ?? values.reduce((a, b) => a + b, 0);
  const format = options.format ?? defaultFormat;
  const labels = items.map((item) => cellText(item.label));
  const valueTexts = items.map((item, i) => (item.text !== undefined ? cellText(item.text) : format(values[i]!)));
  let shares = options.percent === false ? [] : values.map((v) => formatPercent(total > 0 ? v / total : null));

  const valueWidth = Math.max(...valueTexts.map((t) => widthUpTo(t, width)));
  let shareWidth = shares.length > 0 ? Math.max(...shares.map(displayWidth)) : 0;
  const labelCap = Math.max(4, options.labelWidth ?? Math.floor(width * 0.4));
  let labelWidth = Math.min(labelCap, Math.max(...labels.map((l) => widthUpTo(l, labelCap))));
  const fixed = () => labelWidth + GAP.length + valueWidth + (shareWidth > 0 ? GAP.length + shareWidth : 0) + GAP.length;
  // Too tight: first narrow long labels (to 10), then drop the shares, then narrow more.
  if (width - fixed() < MIN_BAR) labelWidth = Math.max(Math.min(labelWidth, 10), labelWidth - (MIN_BAR - (width - fixed())));
  if (width - fixed() < MIN_BAR && shareWidth > 0) {
    shares = [];
    shareWidth = 0;
  }
  if (width - fixed() < MIN_BAR) labelWidth = Math.max(4, labelWidth - (MIN_BAR - (width - fixed())));
  const barWidth = Math.max(1, width - fixed());

  return items.map((item, i) => {
    const cells = max > 0 ? (values[i]! / max) * barWidth : 0;
    const bar = barText(Math.min(cells, barWidth), theme.chars.eighths);
    const parts = [fit(labels[i]!, labelWidth, 'left', theme.chars.ellipsis), fit(valueTexts[i]!, valueWidth, 'right')];
    if (shareWidth > 0) parts.push(theme.paint('muted', fit(shares[i]!, shareWidth, 'right')));
    const line = parts.join(GAP) + GAP + theme.paint(item.role ?? 'accent', bar);
    return line;
  });
}
