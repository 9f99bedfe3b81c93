import { useEffect, useState } from 'react';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { loadFrame } from '../services/frames.ts';
import { defaultVoi } from '../viewer/defaultVoi.ts';
import { thumbnailRgba, type Rgba } from './thumbnailRgba.ts';

/** The middle image of a stack as a small RGBA preview, decoded in a worker. */
export function useThumbnail(stack: StackPosition[] | undefined, size: number): Rgba | null {
  const [thumb, setThumb] = useState<{ key: StackPosition; rgba: Rgba } | null>(null);
  const middle = stack?.[Math.floor(stack.length / 2)];
  useEffect(() => {
    if (!middle) return;
    let live = true;
    loadFrame(middle.instance, middle.frame).then(
      (frame) =>
        live &&
        setThumb({
          key: middle,
          rgba: thumbnailRgba(frame, defaultVoi(middle.instance, frame), size),
        }),
      () => {}, // the viewport reports decode errors; a missing thumbnail says enough here
    );
    return () => {
      live = false;
    };
  }, [middle, size]);
  return thumb && thumb.key === middle ? thumb.rgba : null;
}
