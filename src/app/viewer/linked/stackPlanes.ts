// The patient-space plane of every position of a stack, worked out once per stack.
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { distance, planeOf, type Plane } from '../../../core/measure/planes.ts';

const cache = new WeakMap<readonly StackPosition[], (Plane | null)[]>();

export function stackPlanes(stack: readonly StackPosition[]): (Plane | null)[] {
  let planes = cache.get(stack);
  if (!planes) {
    // Frames of one multi-frame instance share its header's plane: not a stack to link.
    planes = stack.map((p) => (p.instance.frames > 1 ? null : planeOf(p.instance)));
    cache.set(stack, planes);
  }
  return planes;
}

/** How near a slice must be to count as "the same place": one slice gap (or thickness, 1 mm). */
export function sliceTolerance(stack: readonly StackPosition[]): number {
  const planes = stackPlanes(stack);
  if (planes.length > 1 && planes[0] && planes[1])
    return Math.abs(distance(planes[0], planes[1].origin)) || 1;
  return stack[0]?.instance.sliceThicknessMm ?? 1;
}
