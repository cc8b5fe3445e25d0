#!/usr/bin/env node
// hubscope's entry point: dispatches to a command; turns expected failures into one line on
// stderr and a non-zero exit (no stack traces; HUBSCOPE_DEBUG=1 shows them).
// The build (package.json "build", esbuild) bundles this entry with its dependencies into
// dist/ — one file per lazily loaded command instead of hundreds of modules, which makes the
// explorer start several times faster — and defines NODE_ENV=production, so React's
// production build is the one bundled.
import { DataError } from './data/errors.js';
import { COMMANDS, commandHelp, mainHelp } from './commands/registry.js';
import { UsageError } from './commands/args.js';
import { VERSION } from './version.js';
import { safeText } from './text/safe-output.js';
import { HUBSCOPE } from './text/command.js';

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-V') {
    process.stdout.write(`hubscope ${VERSION}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    process.stdout.write(topic && COMMANDS[topic] ? commandHelp(topic) : mainHelp());
    return 0;
  }
  // No command, or options only: the explorer.
  const name = first === undefined || first.startsWith('-') ? 'explore' : first;
  const args = name === first ? rest : argv;
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}" (try: ${HUBSCOPE} --help)`);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(commandHelp(name));
    return 0;
  }
  const module = await command.load();
  return module.run(args);
}

/** The message as one safe line: no control sequence (a file name or a server's text may
 *  carry one), no secret. */
function oneLine(text: string): string {
  return safeText(text.replace(/\s*\n\s*/g, ' ').trim());
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`hubscope: ${oneLine(error.message)}\n`);
      process.exitCode = 2;
    } else if (error instanceof DataError) {
      process.stderr.write(`hubscope: ${oneLine(error.message)}\n`);
      process.exitCode = error.exitCode;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`hubscope: unexpected error: ${oneLine(message)}\n`);
      if (process.env.HUBSCOPE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    }
  },
);
