// A Hub view in each print format, through the project's writers: text (the blocks at a width),
// markdown (a header line naming the snapshot, its sha and the scope, then the blocks), json (every
// number the view shows, with the snapshot's identity) and csv (the view's main table).
import type { HubView } from './hub-view-common.js';
import type { RenderOptions } from './view.js';
import { blockLines } from './write-text.js';
import { blockMarkdown, MARKDOWN_PLOT_WIDTH } from './write-markdown.js';
import { escapeInline } from '../render/markdown.js';
import { csvTable } from '../render/table.js';
import { DataError } from '../data/errors.js';

export type HubFormat = 'text' | 'markdown' | 'json' | 'csv';

export function hubViewText(view: HubView, options: RenderOptions): string[] {
  const out: string[] = [`hubscope · ${view.title} — ${view.summary}`];
  for (const block of view.blocks) {
    const lines = blockLines(block, options);
    if (lines.length === 0) continue;
    out.push('', ...lines);
  }
  return out;
}

export function hubViewMarkdown(view: HubView, plotWidth = MARKDOWN_PLOT_WIDTH): string {
  const out = [`**hubscope · ${escapeInline(view.title)}** — ${escapeInline(view.summary)}`];
  for (const block of view.blocks) {
    const lines = blockMarkdown(block, plotWidth);
    if (lines.length > 0) out.push('', ...lines);
  }
  return `${out.join('\n')}\n`;
}

export function writeHubView(view: HubView, format: HubFormat, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return `${hubViewText(view, options).join('\n')}\n`;
    case 'markdown':
      return hubViewMarkdown(view);
    case 'json':
      return `${JSON.stringify({ view: view.id, title: view.title, summary: view.summary, data: view.data }, null, 2)}\n`;
    case 'csv':
      if (!view.csv || view.csv.columns.length === 0) throw new DataError(`the ${view.id} view has no table: use --format text, markdown or json`, 2);
      return `${csvTable(view.csv.columns, view.csv.rows).join('\n')}\n`;
  }
}
