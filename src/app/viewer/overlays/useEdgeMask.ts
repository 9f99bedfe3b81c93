// The Canny edge mask of the shown frame, computed in a worker whenever the frame, the edge
// settings or (when edges follow it) the window change; stale answers are dropped. The worker
// sends 1 byte a pixel and the colour is applied here, so a colour change reruns no Canny.
import { useEffect, useMemo, useState } from 'react';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { edgeWorker } from '../../services/workers.ts';
import { frameSource } from '../../analysis/frameSource.ts';
import { useStore } from '../../store/store.ts';
import type { EdgeSettings } from '../../analysis/types.ts';
import { positionKey } from '../useStackFrame.ts';
import { edgeCanvas } from './edgeImage.ts';

export interface EdgeMaskImage {
  imageId: string;
  canvas: HTMLCanvasElement;
  /** Edge masks this overlay has had computed so far (tests check a colour change adds none). */
  computed: number;
}

interface EdgeMaskBits {
  imageId: string;
  edges: Uint8Array;
  width: number;
  height: number;
  computed: number;
}

export function useEdgeMask(
  stack: StackPosition[] | undefined,
  imageId: string | null,
  window: string,
  edges: EdgeSettings,
): EdgeMaskImage | null {
  const [mask, setMask] = useState<EdgeMaskBits | null>(null);
  const { enabled, sigma, thresholds, low, high, followWindow, colour } = edges;
  const windowKey = followWindow ? window : '';
  const computeOn = useStore((s) => s.computeOn);
  useEffect(() => {
    const position = stack?.find((p) => positionKey(p) === imageId);
    if (!enabled || !position || !imageId) return;
    let live = true;
    const [center, width] = windowKey.split('|').map(Number);
    const options = {
      sigma,
      low,
      high,
      thresholds,
      ...(windowKey ? { window: [center - width / 2, center + width / 2] as const } : {}),
    };
    frameSource(position)
      .then((src) => edgeWorker.call(undefined, 'edges', src, options, computeOn))
      .then(
        (r) => {
          if (!r.ok) console.error('edge overlay failed', r.error.reason);
          else if (live) {
            const m = r.value;
            useStore.getState().setComputedOn(m.computedOn);
            setMask((old) => ({
              imageId,
              edges: m.edges,
              width: m.width,
              height: m.height,
              computed: (old?.computed ?? 0) + 1,
            }));
          }
        },
        (e: unknown) => console.error('edge overlay failed', e),
      );
    return () => {
      live = false;
    };
  }, [stack, imageId, enabled, sigma, thresholds, low, high, windowKey, computeOn]);
  const image = useMemo(
    () =>
      mask && {
        imageId: mask.imageId,
        canvas: edgeCanvas(mask.edges, mask.width, mask.height, colour),
        computed: mask.computed,
      },
    [mask, colour],
  );
  return enabled ? image : null;
}
