// A partial local copy of a remote file: a sparse file of the remote size where each fetched byte
// range sits at its own offset (holes where columns were skipped), and a journal of the ranges
// already written, so a cut or killed download resumes where it stopped. The journal names the
// remote revision and size: a copy of another revision is started afresh.
import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

export type Range = [number, number];

interface Journal {
  sha: string;
  size: number;
  done: Range[];
}

/** Intervals [start, end) sorted and merged. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).map(([s, e]) => [s, e] as Range).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

/** The parts of [start, end) not covered by `done` (merged). */
export function missingParts(range: Range, done: readonly Range[]): Range[] {
  const out: Range[] = [];
  let at = range[0];
  for (const [s, e] of done) {
    if (e <= at) continue;
    if (s >= range[1]) break;
    if (s > at) out.push([at, Math.min(s, range[1])]);
    at = Math.max(at, e);
    if (at >= range[1]) break;
  }
  if (at < range[1]) out.push([at, range[1]]);
  return out;
}

export class RangeFile {
  private done: Range[];
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly journal: Omit<Journal, 'done'>,
    done: Range[],
  ) {
    this.done = done;
  }

  /** Opens the partial copy of `sha` (size bytes) at `path`, resuming it when its journal
   *  matches, starting afresh otherwise. */
  static async open(path: string, sha: string, size: number): Promise<RangeFile> {
    let done: Range[] = [];
    try {
      const journal = JSON.parse(await readFile(`${path}.json`, 'utf8')) as Journal;
      if (journal.sha === sha && journal.size === size && Array.isArray(journal.done)) done = mergeRanges(journal.done);
    } catch {
      // no journal, or an unreadable one: start afresh
    }
    const handle = await open(path, done.length > 0 ? 'r+' : 'w+').catch(() => open(path, 'w+'));
    if (done.length === 0) await handle.truncate(0);
    await handle.truncate(size);
    return new RangeFile(path, handle, { sha, size }, done);
  }

  get covered(): readonly Range[] {
    return this.done;
  }

  /** Bytes of `ranges` already on disk. */
  bytesDone(ranges: readonly Range[]): number {
    let total = 0;
    for (const r of ranges) total += r[1] - r[0] - missingParts(r, this.done).reduce((s, [a, b]) => s + b - a, 0);
    return total;
  }

  async write(offset: number, bytes: Uint8Array): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, offset + written);
      written += bytesWritten;
    }
  }

  /** Records [start, end) as written (call after write resolved) and saves the journal. */
  async markDone(range: Range): Promise<void> {
    this.done = mergeRanges([...this.done, range]);
    const snapshot: Journal = { ...this.journal, done: this.done };
    this.saving = this.saving.then(async () => {
      const temp = `${this.path}.json.tmp`;
      await writeFile(temp, JSON.stringify(snapshot));
      await rename(temp, `${this.path}.json`);
    });
    await this.saving;
  }

  async close(): Promise<void> {
    await this.saving;
    await this.handle.sync().catch(() => undefined);
    await this.handle.close();
  }

  /** Removes the copy and its journal (after the store holds it). */
  async remove(): Promise<void> {
    await rm(this.path, { force: true });
    await rm(`${this.path}.json`, { force: true });
  }
}
