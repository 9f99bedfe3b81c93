// The filter response over a viewport: the shown slice's response in colour under the overlay's
// own window and opacity, on a canvas stacked on cornerstone's and repainted after every render
// (scroll, zoom, pan), so it follows the image. Drawn under the ROI outlines; either over every
// viewport of the series, or in one viewport beside the image, kept on the image's slice.
import '../../styles/analysis.css';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { useFilters } from '../../analysis/filters/filterStore.ts';
import { responseValues } from '../../analysis/filters/responseMap.ts';
import { positionKey } from '../useStackFrame.ts';
import { imageToCanvas } from './csTransform.ts';
import { responseRgba } from './responseColours.ts';
import { useSameSlice } from './useSameSlice.ts';
import { useRenderedImage } from './useRenderedImage.ts';

interface Props {
  element: RefObject<HTMLDivElement | null>;
  viewport: number;
  stack: StackPosition[] | undefined;
  seriesUID: string | null;
}

export function FilterOverlay({ element, viewport, stack, seriesUID }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { imageId, renders } = useRenderedImage(element);
  const response = useFilters((s) => s.response);
  const overlay = useFilters((s) => s.overlay);

  // The coloured slice, at image size; made again only when the slice, map or window change.
  const z = stack?.findIndex((p) => positionKey(p) === imageId) ?? -1;
  // Over every viewport of the series, or only in the one beside the image.
  const here = overlay.viewport === null || overlay.viewport === viewport;
  const mine = response && response.seriesUID === seriesUID && here ? response : null;
  useSameSlice(viewport, mine !== null && overlay.viewport === viewport);
  const [low, high] = overlay.window ?? (mine ? [mine.low, mine.high] : [0, 1]);
  const slice = useMemo(() => {
    const values = mine ? responseValues(mine.id) : null;
    if (!mine || !values || z < 0 || z >= mine.dims[2]) return null;
    const [nx, ny] = mine.dims;
    const c = document.createElement('canvas');
    [c.width, c.height] = [nx, ny];
    const rgba = responseRgba(values.subarray(z * nx * ny, (z + 1) * nx * ny), low, high);
    c.getContext('2d')?.putImageData(new ImageData(rgba, nx, ny), 0, 0);
    return c;
  }, [mine, z, low, high]);

  useEffect(() => {
    const c = canvas.current;
    const el = element.current;
    const base = el?.querySelector('canvas');
    if (!c || !el || !base) return;
    if (c.width !== base.width) c.width = base.width;
    if (c.height !== base.height) c.height = base.height;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, c.width, c.height);
    const drawn = overlay.shown && slice && mine;
    c.dataset.painted = drawn ? `${z}|${mine.filter}|${low}|${high}|${overlay.opacity}` : '';
    if (!drawn) return;
    try {
      ctx.save();
      ctx.globalAlpha = overlay.opacity;
      ctx.imageSmoothingEnabled = false;
      ctx.setTransform(...imageToCanvas(el));
      ctx.drawImage(slice, 0, 0);
    } catch {
      c.dataset.painted = ''; // no image displayed yet: nothing to align to
    } finally {
      ctx.restore();
    }
  }, [element, slice, mine, z, low, high, overlay.shown, overlay.opacity, renders]);

  return (
    <canvas ref={canvas} className="analysis-overlay" data-testid={`filter-overlay-${viewport}`} />
  );
}
