// A view as text lines at a width: the same lines `print --format text` prints and the
// explorer's screens show (style.md habit 6: one rendering, two outlets).
import type { Block, RenderOptions, View } from './view.js';
import { renderTable } from '../render/table.js';
import { makeTheme } from '../render/theme.js';
import { formatInteger } from '../render/format-number.js';
import { fit } from '../render/text-width.js';

export function blockLines(block: Block, options: RenderOptions): string[] {
  const theme = makeTheme(options);
  switch (block.kind) {
    case 'heading':
      return [theme.paint('accent', fit(block.text, options.width).trimEnd())];
    case 'figures': {
      const rows = block.rows.map((r) => [r.label, r.value, r.paper ?? '']);
      const hasPaper = block.rows.some((r) => r.paper);
      const columns = [
        { title: 'figure', flex: true },
        { title: 'hubscope', align: 'right' as const },
        ...(hasPaper ? [{ title: 'paper', maxWidth: 28 }] : []),
      ];
      return renderTable(columns, hasPaper ? rows : rows.map((r) => r.slice(0, 2)), options);
    }
    case 'table': {
      const lines = renderTable(block.columns, block.rows, options);
      return block.title ? [theme.paint('header', fit(block.title, options.width).trimEnd()), ...lines] : lines;
    }
    case 'chart': {
      const lines = block.draw(options);
      return block.title ? [theme.paint('header', fit(block.title, options.width).trimEnd()), ...lines] : lines;
    }
    case 'notes':
      if (block.notes.length === 0) return [];
      return block.notes.map((n) => theme.paint('muted', fit(`· ${formatInteger(n.count)} ${n.text}`, options.width).trimEnd()));
    case 'text':
      return block.lines.map((line) => fit(line, options.width).trimEnd());
  }
}

/** Every block of the view, a blank line between blocks. */
export function writeText(view: View, options: RenderOptions): string[] {
  const out: string[] = [];
  for (const block of view.blocks) {
    const lines = blockLines(block, options);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}
