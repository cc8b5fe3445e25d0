// One line fitted to a width by display width (pads or truncates with …).
import stringWidth from 'string-width';

export function fitLine(text: string, width: number): string {
  if (width <= 0) return '';
  const w = stringWidth(text);
  if (w <= width) return text + ' '.repeat(width - w);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const cw = stringWidth(ch);
    if (used + cw > width - 1) break;
    out += ch;
    used += cw;
  }
  return `${out}…${' '.repeat(Math.max(0, width - used - 1))}`;
}
