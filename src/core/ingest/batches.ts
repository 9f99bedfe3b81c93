/** Items in consecutive batches of at most `size`, so workers and the UI get few, larger messages. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error(`batch size must be ≥ 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
