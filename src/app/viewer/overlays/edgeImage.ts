// An edge mask coloured into a small canvas of image size, drawn over the image with the
// viewer's transform.
import { edgeRgba } from '../../../core/analysis/jobs/edgeRgba.ts';

export function edgeCanvas(
  edges: Uint8Array,
  width: number,
  height: number,
  colour: string,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const rgba = edgeRgba(edges, colour);
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas;
}
