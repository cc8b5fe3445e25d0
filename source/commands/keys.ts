// `hubscope keys`: the explorer's key table, from the key map (the README's table is this
// output; a test keeps them the same).
import { keyTableMarkdown } from '../app/keys/keymap.js';
import { parse } from './args.js';

export async function run(argv: string[]): Promise<number> {
  parse(argv, {});
  process.stdout.write(`${keyTableMarkdown()}\n`);
  return 0;
}
