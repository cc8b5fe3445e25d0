// The two decisions a caller makes about the terminal before rendering: how wide, and
// whether to colour. Inputs are parameters (a stream-like object, an env record) so this
// stays pure and testable; the CLI passes process.stdout and process.env.

export interface StreamLike {
  isTTY?: boolean;
  columns?: number;
}

export const FALLBACK_WIDTH = 100;

/** The stream's columns when it is a TTY that reports them, else 100. */
export function defaultWidth(stream: StreamLike | undefined): number {
  if (stream?.isTTY && typeof stream.columns === 'number' && stream.columns > 0) {
    return Math.floor(stream.columns);
  }
  return FALLBACK_WIDTH;
}

/** A terminal type without colour: dumb, a monochrome entry (xterm-mono, vt100-mono, …) or a
 *  plain VT52/VT100. */
export function monochromeTerm(term: string | undefined): boolean {
  const t = term ?? '';
  return t === 'dumb' || /-mono(?:$|-)|^vt(?:52|100)$/.test(t);
}

/** Colour only on a TTY, and never when NO_COLOR is set to a non-empty value
 *  (https://no-color.org), nor on a terminal without colour (monochromeTerm). */
export function colorEnabled(
  stream: StreamLike | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (!stream?.isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return !monochromeTerm(env.TERM);
}
