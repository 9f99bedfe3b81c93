// The analysis layer over a viewport: ROI outlines and the edge mask on a canvas stacked on
// cornerstone's, repainted after every cornerstone render (scroll, zoom, pan, W/L).
import '../../styles/analysis.css';
import type { ImageRenderedDetail } from 'cornerstone-core';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { StackPosition } from '../../../core/ingest/stack.ts';
import { useStore } from '../../store/store.ts';
import { positionKey } from '../useStackFrame.ts';
import { IMAGE_RENDERED } from './csTransform.ts';
import { paintOverlay } from './paintOverlay.ts';
import { useEdgeMask } from './useEdgeMask.ts';
import { useRoiDrawing } from './useRoiDrawing.ts';

interface Props {
  element: RefObject<HTMLDivElement | null>;
  viewport: number;
  stack: StackPosition[] | undefined;
  seriesUID: string | null;
}

export function AnalysisOverlay({ element, viewport, stack, seriesUID }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const paint = useRef<() => void>(() => {});
  const [imageId, setImageId] = useState<string | null>(null);
  const [window, setWindow] = useState('');
  const rois = useStore((s) => s.rois);
  const selectedRoi = useStore((s) => s.selectedRoi);
  const edges = useStore((s) => s.edges);
  const tool = useStore((s) => s.roiTool);
  const edgeMask = useEdgeMask(stack, imageId, window, edges);
  const draft = useRoiDrawing(canvas, element, viewport, imageId, seriesUID, () => paint.current());

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const onRendered = (e: Event) => {
      const { image, viewport: v } = (e as CustomEvent<ImageRenderedDetail>).detail;
      setImageId(image.imageId);
      setWindow(`${v.voi.windowCenter}|${v.voi.windowWidth}`);
      paint.current();
    };
    el.addEventListener(IMAGE_RENDERED, onRendered);
    return () => el.removeEventListener(IMAGE_RENDERED, onRendered);
  }, [element]);

  useEffect(() => {
    const position = stack?.find((p) => positionKey(p) === imageId);
    const size: [number, number] = position
      ? [position.instance.columns, position.instance.rows]
      : [0, 0];
    paint.current = () => {
      const c = canvas.current;
      const el = element.current;
      if (!c || !el) return;
      paintOverlay(c, el, {
        imageId,
        imageSize: size,
        rois,
        selectedRoi,
        draft: draft.current,
        edges,
        edgeMask,
      });
      c.dataset.painted = `${imageId ?? ''}|${edges.enabled && edgeMask?.imageId === imageId ? 'edges' : ''}`;
      c.dataset.edgeMasks = String(edgeMask?.computed ?? 0);
    };
    paint.current();
  }, [element, stack, imageId, rois, selectedRoi, edges, edgeMask, draft]);

  return (
    <canvas
      ref={canvas}
      className={`analysis-overlay${tool ? ' drawing' : ''}`}
      data-testid={`analysis-overlay-${viewport}`}
    />
  );
}
