import type { ImageRenderedDetail } from 'cornerstone-core';
import { useEffect, useState, type RefObject } from 'react';
import { IMAGE_RENDERED } from './csTransform.ts';

/**
 * The image id cornerstone last drew in this viewport, and a count of its renders (pan, zoom and
 * window redraw the same image, and an overlay drawn in image space must follow each one).
 */
export function useRenderedImage(element: RefObject<HTMLDivElement | null>) {
  const [imageId, setImageId] = useState<string | null>(null);
  const [renders, setRenders] = useState(0);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const onRendered = (e: Event) => {
      setImageId((e as CustomEvent<ImageRenderedDetail>).detail.image.imageId);
      setRenders((n) => n + 1);
    };
    el.addEventListener(IMAGE_RENDERED, onRendered);
    return () => el.removeEventListener(IMAGE_RENDERED, onRendered);
  }, [element]);
  return { imageId, renders };
}
