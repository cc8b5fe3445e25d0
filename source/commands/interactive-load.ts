// Loads the explorer's modules: Ink in interactive mode, and its layout engine quickly.
//
// - Ink (through is-in-ci) draws nothing but the last frame, at exit, when CI or
//   CONTINUOUS_INTEGRATION is set — decided once, when its module is evaluated. The explorer
//   only runs on a terminal (it refuses otherwise), so such a variable in the user's shell, or
//   a CI job driving the explorer in tmux, would leave a blank screen.
// - Yoga's Emscripten loader reads its own WebAssembly, inlined as a data: URL, through the
//   global fetch when there is one; in Node that first compiles Node's built-in fetch (about
//   40–60 ms of the explorer's start). Without it, the loader decodes the inline bytes itself.
// Both are hidden while the modules load and restored at once: nothing else, child processes
// included, sees a change.

const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

export async function loadInteractive<T>(load: () => Promise<T>): Promise<T> {
  const saved = CI_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return await load();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
