// A view as text lines at a width: the same lines `print --format text` prints and the
// explorer's screens show (style.md habit 6: one rendering, two outlets).
import type { Block, Drill, RenderOptions, View } from './view.js';
import { layoutTable, renderTable } from '../render/table.js';
import { makeTheme } from '../render/theme.js';
import { gridLines } from '../render/table-model.js';
import { formatInteger } from '../render/format-number.js';
import { cellText, displayWidth, fit, wrapWords } from '../render/text-width.js';
import type { Dataset } from '../data/model.js';
import { asLabel, sourceLine, type SourceLabel } from './source-label.js';
import { safeLines } from '../text/safe-output.js';

/** Prose wrapped at spaces to `width` columns; lines after the first start with `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const words = cellText(text).split(' ').filter((w) => w !== '');
  const [first = '', ...rest] = wrapWords(words, width, ' ');
  if (rest.length === 0 || indent === '') return first === '' ? [] : [first, ...rest];
  return [first, ...wrapWords(rest.join(' ').split(' '), width - displayWidth(indent), ' ').map((line) => indent + line)];
}

export function blockLines(block: Block, options: RenderOptions): string[] {
  const theme = makeTheme(options);
  switch (block.kind) {
    case 'heading':
      return wrapText(block.text, options.width).map((line) => theme.paint('accent', line));
    case 'figures': {
      // The label column takes the room left; a label longer than that wraps onto more lines
      // (values and the paper's figure stay on the first) instead of being cut.
      const hasPaper = block.rows.some((r) => r.paper);
      const columns = [
        { title: 'figure', flex: true },
        { title: 'hubscope', align: 'right' as const },
        ...(hasPaper ? [{ title: 'paper', maxWidth: 28 }] : []),
      ];
      const rows = block.rows.map((r) => (hasPaper ? [r.label, r.value, r.paper ?? ''] : [r.label, r.value]));
      const layout = layoutTable(columns, rows, { width: options.width, unicode: options.unicode });
      const room = Math.max(1, layout.widths[0]!);
      const wrapped = rows.flatMap(([label, ...rest]) => {
        const lines = wrapText(String(label), room, ' ');
        return [[lines[0] ?? '', ...rest], ...lines.slice(1).map((line) => [line, ...rest.map(() => '')])];
      });
      return renderTable(columns, wrapped, { ...options, layout });
    }
    case 'table': {
      const lines = renderTable(block.columns, block.rows, options);
      return block.title ? [theme.paint('header', fit(block.title, options.width).trimEnd()), ...lines] : lines;
    }
    case 'grid': {
      const lines = gridLines(block.grid, options);
      return block.title ? [theme.paint('header', fit(block.title, options.width).trimEnd()), ...lines] : lines;
    }
    case 'chart': {
      const lines = block.draw(options);
      return block.title ? [theme.paint('header', fit(block.title, options.width).trimEnd()), ...lines] : lines;
    }
    case 'notes':
      if (block.notes.length === 0) return [];
      return block.notes.flatMap((n) => wrapText(`· ${formatInteger(n.count)} ${n.text}`, options.width, '  ').map((line) => theme.paint('muted', line)));
    case 'text':
      // preformatted, maybe from outside (a fetch's messages): our colour codes only
      return block.lines.map((line) => fit(safeLines(line), options.width).trimEnd());
    case 'paragraph':
      return wrapText(block.text, options.width);
  }
}

/** A line of the view's text that a table row with a drill-down is drawn on. */
export interface Anchor {
  line: number;
  drill: Drill;
}

/** Every block of the view, a blank line between blocks. */
export function writeText(view: View, options: RenderOptions): string[] {
  return writeAnchoredText(view, options).lines;
}

/** The view's text and the lines its drillable table rows are on (a table's rows follow its
 *  title and its header and rule, one line each: render/table-model.ts drawTable). */
export function writeAnchoredText(view: View, options: RenderOptions): { lines: string[]; anchors: Anchor[] } {
  const out: string[] = [];
  const anchors: Anchor[] = [];
  for (const block of view.blocks) {
    const lines = blockLines(block, options);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    if (block.kind === 'table' && block.drill && block.rows.length > 0) {
      const first = out.length + (block.title ? 1 : 0) + 2;
      block.drill.forEach((drill, i) => {
        if (drill && i < block.rows.length) anchors.push({ line: first + i, drill });
      });
    }
    out.push(...lines);
  }
  return { lines: out, anchors };
}

/** The lines `print --format text` puts above a view: the title and the options in force, and
 *  the data source (the dataset and its generation, revision and fetch time), wrapped at the
 *  width. */
export function textHeader(view: View, from: SourceLabel | Dataset, options: RenderOptions): string[] {
  const theme = makeTheme(options);
  const title = wrapText(`hubscope · ${view.title}${view.summary ? ` — ${view.summary}` : ''}`, options.width, '  ');
  const source = wrapText(sourceLine(asLabel(from)), options.width, '  ');
  return [...title.map((line) => theme.paint('header', line)), ...source.map((line) => theme.paint('muted', line))];
}
