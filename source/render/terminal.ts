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

/** Colour only on a TTY, and never when NO_COLOR is set to a non-empty value
 *  (https://no-color.org), nor on TERM=dumb. */
export function colorEnabled(
  stream: StreamLike | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (!stream?.isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return true;
}
