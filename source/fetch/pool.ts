// Runs a worker over items with at most `limit` at once. Stops taking items when the signal
// aborts or a worker throws; waits for the running ones; rethrows the first error.

export async function runPool<T>(
  items: Iterable<T>,
  limit: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | null = null;
  const runner = async (): Promise<void> => {
    for (;;) {
      if (failure || signal?.aborted) return;
      const next = iterator.next();
      if (next.done) return;
      try {
        await worker(next.value);
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, runner));
  if (failure) throw (failure as { error: unknown }).error;
}
