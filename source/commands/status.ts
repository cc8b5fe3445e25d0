// Placeholder until the status command lands (see the issues); exits 2 with a clear message.
import { DataError } from '../data/errors.js';

export async function run(_argv: string[]): Promise<number> {
  throw new DataError('the "status" command is not built yet', 2);
}
