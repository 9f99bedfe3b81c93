/**
 * Runs `fn` over items with at most `limit` calls in flight, in order of items. Used so that
 * handing 1,000 files to workers is spread over time instead of one long main-thread task.
 */
export async function runLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
