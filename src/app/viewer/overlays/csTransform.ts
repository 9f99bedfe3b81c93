// Image <-> canvas coordinates of a cornerstone element, from cornerstone's own transform, so
// overlays stay on the pixels through zoom, pan and resize. (cornerstone-core ships no types.)
import cornerstone from 'cornerstone-core';

interface Point {
  x: number;
  y: number;
}

const cs = cornerstone as typeof cornerstone & {
  pixelToCanvas(element: HTMLElement, p: Point): Point;
  canvasToPixel(element: HTMLElement, p: Point): Point;
};

/** The affine map image -> canvas as [a, b, c, d, e, f] for CanvasRenderingContext2D. */
export type Affine = [number, number, number, number, number, number];

export function imageToCanvas(element: HTMLElement): Affine {
  const o = cs.pixelToCanvas(element, { x: 0, y: 0 });
  const ex = cs.pixelToCanvas(element, { x: 1, y: 0 });
  const ey = cs.pixelToCanvas(element, { x: 0, y: 1 });
  return [ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y, o.x, o.y];
}

export function apply(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A pointer position (client coordinates) as image coordinates of the element. */
export function clientToImage(element: HTMLElement, clientX: number, clientY: number): Point {
  const canvas = element.querySelector('canvas');
  if (!canvas) return { x: NaN, y: NaN };
  const r = canvas.getBoundingClientRect();
  return cs.canvasToPixel(element, {
    x: ((clientX - r.left) * canvas.width) / r.width,
    y: ((clientY - r.top) * canvas.height) / r.height,
  });
}

export const IMAGE_RENDERED = cornerstone.EVENTS.IMAGE_RENDERED;
