// Colour by role, and series told apart by glyph as well as colour (style.md, habit 4).
// A theme paints text; the no-colour theme returns it unchanged, so output rendered with
// colour strips back (strip-ansi) to exactly the no-colour output.

export type Role = 'accent' | 'muted' | 'warning' | 'good' | 'bad' | 'header' | 'selected';

interface Sgr {
  open: string;
  close: string;
}

const ESC = '\u001b[';
const FOREGROUND_OFF = `${ESC}39m`;

/** SGR codes per role. Foreground colours close with 39, bold with 22, inverse with 27, so a
 *  painted piece can sit inside another (a coloured cell in a selected row). */
const ROLES: Record<Role, Sgr> = {
  accent: { open: `${ESC}36m`, close: FOREGROUND_OFF },
  muted: { open: `${ESC}90m`, close: FOREGROUND_OFF },
  warning: { open: `${ESC}33m`, close: FOREGROUND_OFF },
  good: { open: `${ESC}32m`, close: FOREGROUND_OFF },
  bad: { open: `${ESC}31m`, close: FOREGROUND_OFF },
  header: { open: `${ESC}1m`, close: `${ESC}22m` },
  selected: { open: `${ESC}7m`, close: `${ESC}27m` },
};

/** Series colours in order: cyan, magenta, yellow, green, blue, red, then the bright ones. */
const SERIES_SGR = [36, 35, 33, 32, 34, 31, 96, 95, 93, 92, 94, 91].map((code) => `${ESC}${code}m`);

/** Series markers. Each is one column wide (string-width) and unlike the others in shape, so
 *  series stay apart on monochrome terminals, under NO_COLOR and in pasted text. */
export const SERIES_GLYPHS = ['●', '■', '▲', '◆', '✚', '○', '□', '△', '◇', '✕', '★', '☆'];
export const SERIES_GLYPHS_ASCII = ['*', '#', '+', 'o', 'x', '@', '%', '=', '~', '^', '$', '&'];

/** How one series draws a line: its marker glyph (data points, records, corners at the new
 *  value), the characters of its horizontal and vertical runs, and the corner left behind at
 *  the old value when it steps up or down. */
export interface LineStyle {
  glyph: string;
  horizontal: string;
  vertical: string;
  /** Old-value corner when the line rises (asciichart's ╯). */
  leaveUp: string;
  /** Old-value corner when the line falls (asciichart's ╮). */
  leaveDown: string;
}

const LINES_UNICODE: Array<Omit<LineStyle, 'glyph'>> = [
  { horizontal: '─', vertical: '│', leaveUp: '╯', leaveDown: '╮' },
  { horizontal: '═', vertical: '║', leaveUp: '╝', leaveDown: '╗' },
  { horizontal: '┄', vertical: '┆', leaveUp: '╯', leaveDown: '╮' },
  { horizontal: '━', vertical: '┃', leaveUp: '┛', leaveDown: '┓' },
  { horizontal: '╌', vertical: '╎', leaveUp: '╯', leaveDown: '╮' },
  { horizontal: '┅', vertical: '┇', leaveUp: '┛', leaveDown: '┓' },
];
const LINES_ASCII: Array<Omit<LineStyle, 'glyph'>> = [
  { horizontal: '-', vertical: '|', leaveUp: "'", leaveDown: '.' },
  { horizontal: '=', vertical: '!', leaveUp: "'", leaveDown: '.' },
  { horizontal: '.', vertical: ':', leaveUp: "'", leaveDown: '.' },
  { horizontal: '_', vertical: '|', leaveUp: "'", leaveDown: '.' },
  { horizontal: '~', vertical: '!', leaveUp: "'", leaveDown: '.' },
  { horizontal: '"', vertical: ':', leaveUp: "'", leaveDown: '.' },
];

/** The characters a renderer draws with, per unicode/ASCII mode. */
export interface Charset {
  ellipsis: string;
  rule: string;
  axisV: string;
  axisZero: string;
  axisCorner: string;
  axisH: string;
  tick: string;
  markerLine: string;
  sortUp: string;
  sortDown: string;
  cursor: string;
  /** Partial blocks for bars, 1/8 to 8/8 (ASCII mode: only the full block, `#`). */
  eighths: string[];
}

const UNICODE_CHARS: Charset = {
  ellipsis: '…',
  rule: '─',
  axisV: '┤',
  axisZero: '┼',
  axisCorner: '└',
  axisH: '─',
  tick: '┬',
  markerLine: '┊',
  sortUp: '▲',
  sortDown: '▼',
  cursor: '›',
  eighths: ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'],
};

const ASCII_CHARS: Charset = {
  ellipsis: '~',
  rule: '-',
  axisV: '|',
  axisZero: '+',
  axisCorner: '+',
  axisH: '-',
  tick: '+',
  markerLine: ':',
  sortUp: '^',
  sortDown: 'v',
  cursor: '>',
  eighths: ['#'],
};

export interface Theme {
  color: boolean;
  unicode: boolean;
  chars: Charset;
  /** The text in a role's colour/attribute (unchanged without colour). */
  paint(role: Role, text: string): string;
  /** The text in series `index`'s colour (unchanged without colour). */
  series(index: number, text: string): string;
  /** Series `index`'s marker glyph (cycles after 12). */
  glyph(index: number): string;
  /** Series `index`'s line characters (plots). */
  line(index: number): LineStyle;
}

function wrap(sgr: Sgr, text: string): string {
  return text === '' ? text : sgr.open + text + sgr.close;
}

export function makeTheme(options: { color: boolean; unicode?: boolean }): Theme {
  const color = options.color;
  const unicode = options.unicode ?? true;
  const glyphs = unicode ? SERIES_GLYPHS : SERIES_GLYPHS_ASCII;
  const lines = unicode ? LINES_UNICODE : LINES_ASCII;
  const at = <T>(list: T[], index: number): T => list[((index % list.length) + list.length) % list.length]!;
  return {
    color,
    unicode,
    chars: unicode ? UNICODE_CHARS : ASCII_CHARS,
    paint: (role, text) => (color ? wrap(ROLES[role], text) : text),
    series: (index, text) => (color ? wrap({ open: at(SERIES_SGR, index), close: FOREGROUND_OFF }, text) : text),
    glyph: (index) => at(glyphs, index),
    line: (index) => ({ glyph: at(glyphs, index), ...at(lines, index) }),
  };
}
