// Left drag with a ROI tool draws a ROI on the shown slice. Listening on the viewport in the
// capture phase keeps the drag from also reaching the W/L, zoom or pan handlers.
// Shift+drag redraws the selected ROI on this slice (per-slice edit of a ROI stack); a click
// without a drag selects the ROI under it.
import { useEffect, useRef, type RefObject } from 'react';
import type { RoiShape } from '../../../core/analysis/roi/shapes.ts';
import { useStore } from '../../store/store.ts';
import { clientToImage } from './csTransform.ts';
import { hitShape } from './hitShape.ts';
import { shapeFromDrag } from './shapeFromDrag.ts';

export function useRoiDrawing(
  overlay: RefObject<HTMLCanvasElement | null>,
  element: RefObject<HTMLDivElement | null>,
  viewport: number,
  imageId: string | null,
  seriesUID: string | null,
  repaint: () => void,
): RefObject<RoiShape | null> {
  const draft = useRef<RoiShape | null>(null);
  const live = useRef({ imageId, seriesUID, repaint });
  useEffect(() => {
    live.current = { imageId, seriesUID, repaint };
  });

  useEffect(() => {
    const host = overlay.current?.parentElement;
    const el = element.current;
    if (!host || !el) return;
    const onDown = (e: PointerEvent) => {
      const tool = useStore.getState().roiTool;
      if (!tool || e.button !== 0 || !live.current.imageId) return;
      e.stopPropagation();
      e.preventDefault();
      useStore.getState().setActive(viewport);
      host.setPointerCapture(e.pointerId);
      const points = [clientToImage(el, e.clientX, e.clientY)];
      const replace = e.shiftKey;
      const move = (m: PointerEvent) => {
        const p = clientToImage(el, m.clientX, m.clientY);
        if (tool === 'polygon') points.push(p);
        else points[1] = p;
        draft.current = shapeFromDrag(tool, points);
        live.current.repaint();
      };
      const up = () => {
        host.removeEventListener('pointermove', move);
        host.removeEventListener('pointerup', up);
        host.removeEventListener('pointercancel', up);
        const shape = draft.current;
        draft.current = null;
        const { imageId: position, seriesUID: uid } = live.current;
        if (shape && position && uid) commit(uid, position, shape, replace);
        else if (!shape && position && points.length <= 2) select(position, points[0]);
        live.current.repaint();
      };
      host.addEventListener('pointermove', move);
      host.addEventListener('pointerup', up);
      host.addEventListener('pointercancel', up);
    };
    host.addEventListener('pointerdown', onDown, { capture: true });
    return () => host.removeEventListener('pointerdown', onDown, { capture: true });
  }, [overlay, element, viewport]);

  return draft;
}

/** A click without a drag selects the topmost ROI under it on this slice. */
function select(position: string, p: { x: number; y: number }): void {
  const s = useStore.getState();
  const hit = [...s.rois]
    .reverse()
    .find((r) => r.shapes[position] && hitShape(r.shapes[position], p.x, p.y));
  if (hit) s.selectRoi(hit.id);
}

function commit(seriesUID: string, position: string, shape: RoiShape, replace: boolean): void {
  const s = useStore.getState();
  const selected = s.rois.find((r) => r.id === s.selectedRoi && r.seriesUID === seriesUID);
  if (replace && selected) s.setRoiShape(selected.id, position, shape);
  else s.addRoi(seriesUID, position, shape);
}
