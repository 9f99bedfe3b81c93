import { describe, expect, it } from 'vitest';
import { runLimited } from './runLimited.ts';

describe('runLimited', () => {
  it('runs every item, never more than the limit at once, starting in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await runLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n % 3));
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await runLimited([], 4, async () => void calls++);
    expect(calls).toBe(0);
  });
});
