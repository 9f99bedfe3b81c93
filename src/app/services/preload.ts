// Decodes a whole stack in the background, nearest slices first and two at a time, so that
// scrolling finds frames ready, while a request for the visible slice never waits behind
// more than two background decodes.
import type { StackPosition } from '../../core/ingest/stack.ts';
import { runLimited } from '../../core/ingest/runLimited.ts';
import { loadFrame } from './frames.ts';

const IN_FLIGHT = 2;
// Past this many frames the cache budget (1 GiB) could be outgrown by one 512² stack.
const MAX_FRAMES = 400;

/** Positions in the order to preload: the start, then alternately after and before it. */
export function preloadOrder(count: number, start: number, max = MAX_FRAMES): number[] {
  const order: number[] = [];
  for (let d = 0; order.length < Math.min(count, max); d++) {
    if (start + d < count) order.push(start + d);
    if (d > 0 && start - d >= 0 && order.length < max) order.push(start - d);
    if (start + d >= count && start - d < 0) break;
  }
  return order;
}

/** Starts preloading; the returned function stops it (frames in flight still land in the cache). */
export function preloadStack(
  stack: StackPosition[],
  start: number,
  onProgress: (decoded: number) => void,
): () => void {
  let stopped = false;
  let decoded = 0;
  void runLimited(preloadOrder(stack.length, start), IN_FLIGHT, async (i) => {
    if (stopped) return;
    const p = stack[i];
    await loadFrame(p.instance, p.frame).then(
      () => {},
      () => {}, // the viewport shows decode errors when the slice is viewed
    );
    if (!stopped) onProgress(++decoded);
  });
  return () => {
    stopped = true;
  };
}
