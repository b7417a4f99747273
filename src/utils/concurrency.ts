/** Runs async work over a list with a bounded number in flight: file I/O waits on the disk, not the CPU. */
export async function forEachConcurrently<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  await forEachConcurrently(items, limit, async (item, i) => {
    out[i] = await fn(item);
  });
  return out;
}
