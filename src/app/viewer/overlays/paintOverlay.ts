// One paint of the analysis overlay: sized to cornerstone's canvas, edges then ROI outlines,
// both through the image -> canvas transform of what cornerstone just rendered.
import type { RoiShape } from '../../../core/analysis/roi/shapes.ts';
import type { EdgeSettings, Roi } from '../../analysis/types.ts';
import { imageToCanvas, type Affine } from './csTransform.ts';
import { drawRois, type RoiDrawing } from './drawRois.ts';
import type { EdgeMaskImage } from './useEdgeMask.ts';

/** Structure colours: distinct on grey images and from the selection yellow. */
const structureColours = ['#ff4f4f', '#3ee06f', '#4f8bff', '#ff9f1c', '#c86bff', '#2ee6e6'];

export interface OverlayScene {
  imageId: string | null;
  imageSize: [number, number];
  rois: readonly Roi[];
  selectedRoi: string | null;
  draft: RoiShape | null;
  edges: EdgeSettings;
  edgeMask: EdgeMaskImage | null;
}

export function paintOverlay(
  overlay: HTMLCanvasElement,
  element: HTMLElement,
  scene: OverlayScene,
): void {
  const base = element.querySelector('canvas');
  if (!base) return;
  if (overlay.width !== base.width) overlay.width = base.width;
  if (overlay.height !== base.height) overlay.height = base.height;
  const ctx = overlay.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  const { imageId } = scene;
  if (!imageId) return;
  let m: Affine;
  try {
    m = imageToCanvas(element);
  } catch {
    return; // no image displayed yet: nothing to align to
  }
  const mask = scene.edgeMask;
  if (scene.edges.enabled && mask && mask.imageId === imageId) {
    ctx.save();
    ctx.globalAlpha = scene.edges.opacity;
    ctx.imageSmoothingEnabled = false;
    ctx.setTransform(...m);
    ctx.drawImage(mask.canvas, 0, 0);
    ctx.restore();
  }
  const shown: RoiDrawing[] = [];
  let structure = 0;
  for (const r of scene.rois) {
    // Each RTSTRUCT/SEG structure in its own colour, in the order they were shown.
    const colour = r.source ? structureColours[structure++ % structureColours.length] : undefined;
    const shape = r.shapes[imageId];
    if (shape && !r.hidden)
      shown.push({ shape, selected: r.id === scene.selectedRoi, ...(colour ? { colour } : {}) });
  }
  if (scene.draft) shown.push({ shape: scene.draft, selected: true, draft: true });
  drawRois(ctx, m, shown, scene.imageSize[0], scene.imageSize[1]);
}
