// Reading a response within bounds (issue 7 §7): the body as a stream, stopped at a cap (a
// declared Content-Length over the cap is refused before a byte is read), and a deadline for
// the whole response — headers and body together — so a server sending one byte every few
// seconds cannot hold a request forever (undici's body timeout only measures silence).
import type { Dispatcher } from 'undici';

type Body = Dispatcher.ResponseData['body'];

export interface BodyBytes {
  bytes: Buffer;
  /** True when the body went on past the cap (bytes holds the first `cap` bytes at most). */
  over: boolean;
}

/** Reads at most `cap` bytes; a longer body is cut off there and the connection dropped. */
export async function readBody(body: Body, cap: number, contentLength?: string): Promise<BodyBytes> {
  if (contentLength !== undefined && /^\d+$/.test(contentLength) && Number(contentLength) > cap) {
    body.destroy();
    return { bytes: Buffer.alloc(0), over: true };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size + chunk.length > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      size = cap;
      body.destroy();
      return { bytes: Buffer.concat(chunks, size), over: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { bytes: Buffer.concat(chunks, size), over: false };
}

/** An AbortSignal that fires when the caller's signal does or when `ms` have passed. */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onAbort: () => void;
  expired = false;

  constructor(
    readonly ms: number,
    private readonly outer?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort(new Error(`no complete answer within ${ms / 1000} s`));
    }, ms);
    this.onAbort = () => this.controller.abort(outer!.reason);
    if (outer?.aborted) this.onAbort();
    else outer?.addEventListener('abort', this.onAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onAbort);
  }
}

/** "64 MB", "1.5 MB", "512 KB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
