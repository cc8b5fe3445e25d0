// Loads the explorer's modules with Ink in interactive mode.
//
// Ink (through is-in-ci) draws nothing but the last frame, at exit, when CI or
// CONTINUOUS_INTEGRATION is set — decided once, when its module is evaluated. The explorer
// only runs on a terminal (it refuses otherwise), so such a variable in the user's shell, or a
// CI job driving the explorer in tmux, would leave a blank screen. The variables are hidden
// while the modules load and restored at once: nothing else, child processes included, sees a
// change.

const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

export async function loadInteractive<T>(load: () => Promise<T>): Promise<T> {
  const saved = CI_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const [name] of saved) delete process.env[name];
  try {
    return await load();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}
