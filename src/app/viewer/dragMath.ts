// How a mouse drag changes the display, as plain functions of the drag distance.
import type { Voi } from '../store/viewerSlice.ts';

/** Horizontal drag widens the window, vertical drag raises the level (as in most viewers). */
export function dragVoi(start: Voi, dx: number, dy: number, valueRange: number): Voi {
  // One screen pixel moves the window by ~1/512 of the image's range (1 HU on a typical CT's
  // ~4000 HU range moves ~8 HU), so a drag across the viewport spans the useful range.
  const step = Math.max(valueRange / 512, 0.01);
  return { center: start.center + dy * step, width: Math.max(step, start.width + dx * step) };
}

/** Dragging up enlarges; 200 px doubles or halves the size. */
export function dragScale(start: number, dy: number): number {
  return Math.min(40, Math.max(0.05, start * Math.pow(2, -dy / 200)));
}

/** Wheel delta to slices: one notch is one slice, whatever the device's delta units. */
export function wheelSlices(deltaY: number): number {
  return deltaY === 0 ? 0 : Math.sign(deltaY);
}
