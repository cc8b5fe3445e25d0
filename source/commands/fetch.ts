// Placeholder until the fetch command lands (see the issues); exits 2 with a clear message.
import { DataError } from '../data/errors.js';

export async function run(_argv: string[]): Promise<number> {
  throw new DataError('the "fetch" command is not built yet', 2);
}
