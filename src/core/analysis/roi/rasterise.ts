// Shape -> mask: a pixel belongs to the ROI when its centre lies inside the shape.
import type { RoiShape } from './shapes';

export function rasteriseShape(shape: RoiShape, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  switch (shape.kind) {
    case 'whole':
      return mask.fill(1);
    case 'rectangle':
      fillRectangle(mask, width, height, shape);
      return mask;
    case 'ellipse':
      fillEllipse(mask, width, height, shape);
      return mask;
    case 'polygon':
      fillPolygon(mask, width, height, shape.points);
      return mask;
    case 'mask':
      for (let k = 0; k + 1 < shape.runs.length; k += 2) {
        const start = Math.max(0, shape.runs[k]);
        mask.fill(1, start, Math.min(mask.length, start + shape.runs[k + 1]));
      }
      return mask;
  }
}

/** Columns whose centres lie in [a, b): first and one-past-last, clipped to the image. */
function centreSpan(a: number, b: number, n: number): [number, number] {
  const lo = Math.max(0, Math.ceil(a - 0.5));
  const hi = Math.min(n, Math.ceil(b - 0.5));
  return [lo, hi];
}

function fillRectangle(
  mask: Uint8Array,
  width: number,
  height: number,
  r: { x: number; y: number; width: number; height: number },
): void {
  // Negative sizes (a rectangle dragged up or left) describe the same area.
  const x0 = Math.min(r.x, r.x + r.width);
  const y0 = Math.min(r.y, r.y + r.height);
  const [c0, c1] = centreSpan(x0, x0 + Math.abs(r.width), width);
  const [r0, r1] = centreSpan(y0, y0 + Math.abs(r.height), height);
  for (let y = r0; y < r1; y++) mask.fill(1, y * width + c0, y * width + Math.max(c0, c1));
}

function fillEllipse(
  mask: Uint8Array,
  width: number,
  height: number,
  e: { cx: number; cy: number; rx: number; ry: number },
): void {
  const rx = Math.abs(e.rx);
  const ry = Math.abs(e.ry);
  if (rx === 0 || ry === 0) return;
  const [r0, r1] = centreSpan(e.cy - ry, e.cy + ry + 1e-9, height);
  for (let y = r0; y < r1; y++) {
    const t = (y + 0.5 - e.cy) / ry;
    const half = rx * Math.sqrt(Math.max(0, 1 - t * t));
    // Closed on both sides: a centre exactly on the ellipse is inside.
    const [c0, c1] = centreSpan(e.cx - half, e.cx + half + 1e-9, width);
    if (c1 > c0) mask.fill(1, y * width + c0, y * width + c1);
  }
}

/** Even-odd scanline fill at pixel-centre rows. */
function fillPolygon(
  mask: Uint8Array,
  width: number,
  height: number,
  points: readonly (readonly [number, number])[],
): void {
  const n = points.length;
  if (n < 3) return;
  const xs = new Float64Array(n);
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const [xa, ya] = points[k];
      const [xb, yb] = points[(k + 1) % n];
      // Half-open in y so a vertex shared by two edges is counted once.
      if (ya <= cy === yb <= cy) continue;
      xs[count++] = xa + ((cy - ya) * (xb - xa)) / (yb - ya);
    }
    const crossings = xs.subarray(0, count).sort();
    for (let k = 0; k + 1 < count; k += 2) {
      const [c0, c1] = centreSpan(crossings[k], crossings[k + 1], width);
      if (c1 > c0) mask.fill(1, y * width + c0, y * width + c1);
    }
  }
}
