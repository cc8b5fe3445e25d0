// One line fitted to a width by display width (pads or truncates with …): the renderers' fit,
// which costs the width, not the text's length, and never splits a grapheme. The text is made
// safe first (it holds a fetch's messages: a server's text).
import { cellText, fit } from '../../render/text-width.js';

export function fitLine(text: string, width: number): string {
  if (width <= 0) return '';
  return fit(cellText(text), width);
}
