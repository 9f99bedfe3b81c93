// A series becomes a stack: one position per frame, so every frame of a multi-frame
// instance can be scrolled to like a slice.
import type { InstanceMeta, SeriesNode } from '../dicom/types.ts';

export interface StackPosition {
  instance: InstanceMeta;
  frame: number;
}

export function stackPositions(series: SeriesNode): StackPosition[] {
  const out: StackPosition[] = [];
  for (const instance of series.instances) {
    const frames = Math.max(1, instance.frames);
    for (let frame = 0; frame < frames; frame++) out.push({ instance, frame });
  }
  return out;
}
