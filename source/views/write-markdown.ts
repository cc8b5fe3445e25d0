// A view as Markdown ready to paste into a GitHub issue: a one-line header naming the data
// source, its revision or fetch time and the filters; tables as Markdown tables; plots in
// fenced blocks (drawn without colour at a fixed width).
import type { Dataset } from '../data/model.js';
import type { Block, View } from './view.js';
import { markdownTable } from '../render/table.js';
import { gridCells, gridLines } from '../render/table-model.js';
import { escapeInline, fenced } from '../render/markdown.js';
import { cellText } from '../render/text-width.js';
import { formatInteger } from '../render/format-number.js';
import { asLabel, sourceLine, type SourceLabel } from './source-label.js';

export { sourceLine };

/** What a header names: the data source and its generation (for other sources: their table,
 *  e.g. "text/full, overall"). */
export type HeaderSource = Pick<Dataset, 'source'> & { generation: string };

/** Width plots are drawn at in Markdown (GitHub shows about this much without wrapping). */
export const MARKDOWN_PLOT_WIDTH = 100;

export function blockMarkdown(block: Block, plotWidth: number): string[] {
  switch (block.kind) {
    case 'heading':
      return [`### ${escapeInline(block.text)}`];
    case 'figures': {
      const hasPaper = block.rows.some((r) => r.paper);
      const value = { title: 'hubscope', align: 'right' as const };
      const titles = hasPaper ? ['Figure', value, 'Paper'] : ['Figure', value];
      return markdownTable(
        titles,
        block.rows.map((r) => (hasPaper ? [r.label, r.value, r.paper ?? ''] : [r.label, r.value])),
      );
    }
    case 'table':
      return [...(block.title ? [`**${escapeInline(block.title)}**`, ''] : []), ...markdownTable(block.columns, block.rows)];
    case 'grid': {
      if (block.grid.fenced) return [...(block.title ? [`**${escapeInline(block.title)}**`, ''] : []), ...fenced(gridLines(block.grid, { width: plotWidth, color: false }))];
      const { columns, rows } = gridCells(block.grid);
      return [...(block.title ? [`**${escapeInline(block.title)}**`, ''] : []), ...markdownTable(columns, rows)];
    }
    case 'chart':
      return [
        ...(block.title ? [`**${escapeInline(block.title)}**`, ''] : []),
        ...fenced(block.draw({ width: plotWidth, color: false })),
      ];
    case 'notes':
      return block.notes.map((n) => `- ${formatInteger(n.count)} ${escapeInline(n.text)}`);
    case 'text':
      return fenced(block.lines.map(cellText));
    case 'paragraph':
      return [escapeInline(block.text)];
  }
}

/** The view as Markdown; plots are drawn `plotWidth` columns wide (default 100). The header
 *  names the dataset and its generation. */
export function writeMarkdown(view: View, source: SourceLabel | Dataset, plotWidth = MARKDOWN_PLOT_WIDTH): string {
  const out = [
    `**hubscope · ${escapeInline(view.title)}** — ${escapeInline(sourceLine(asLabel(source)))}` +
      (view.summary ? ` · ${escapeInline(view.summary)}` : ''),
  ];
  for (const block of view.blocks) {
    const lines = blockMarkdown(block, plotWidth);
    if (lines.length === 0) continue;
    out.push('', ...lines);
  }
  return `${out.join('\n')}\n`;
}
