// What every text renderer takes from its caller: the width to fit and whether to colour.
// Renderers never look at the terminal or the environment themselves (see terminal.ts).

export interface RenderOptions {
  /** Columns available; every line a renderer returns has at most this display width. */
  width: number;
  /** Emit ANSI SGR colour codes. With `false` the output has no escape codes at all. */
  color: boolean;
  /** Box-drawing, block and geometric glyphs (default). `false`: plain ASCII only. */
  unicode?: boolean;
}

/** The smallest width a renderer is asked to honour; narrower requests are raised to it. */
export const MIN_WIDTH = 20;

/** Options with defaults filled in and the width clamped to a usable whole number. */
export function resolveOptions(options: RenderOptions): Required<RenderOptions> {
  const width = Number.isFinite(options.width) ? Math.floor(options.width) : 100;
  return {
    width: Math.max(MIN_WIDTH, width),
    color: options.color,
    unicode: options.unicode ?? true,
  };
}
