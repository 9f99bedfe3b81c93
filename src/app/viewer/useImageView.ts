// Keeps one cornerstone image view on an element in step with a frame and a display state.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { DecodedFrame, InstanceMeta } from '../../core/dicom/types.ts';
import type { ViewportState } from '../store/viewerSlice.ts';
import { createImageView, type AppliedDisplay, type ImageView } from './imageView.ts';

export interface Shown {
  imageId: string;
  applied: AppliedDisplay;
}

export function useImageView(
  element: RefObject<HTMLDivElement | null>,
  imageId: string | null,
  frame: DecodedFrame | null,
  meta: InstanceMeta | undefined,
  state: ViewportState,
): { shown: Shown | null; applied: RefObject<AppliedDisplay | null> } {
  const view = useRef<ImageView | null>(null);
  const applied = useRef<AppliedDisplay | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [size, setSize] = useState(0);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const v = createImageView(el);
    v.onRendered((a, id) => setShown({ imageId: id, applied: a }));
    view.current = v;
    const observer = new ResizeObserver(() => {
      v.resize();
      setSize((n) => n + 1);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      v.destroy();
      view.current = null;
    };
  }, [element]);

  const { voi, scale, pan, invert } = state;
  useEffect(() => {
    if (!view.current || !frame || !meta || !imageId) return;
    applied.current = view.current.show(imageId, frame, meta, { voi, scale, pan, invert });
  }, [imageId, frame, meta, voi, scale, pan, invert, size]);

  return { shown, applied };
}
