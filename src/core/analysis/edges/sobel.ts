// Sobel gradient (3x3, mirrored borders): gx, gy and the magnitude sqrt(gx^2 + gy^2).
import type { Image2d } from './image2d';

export interface Gradient {
  gx: Float32Array;
  gy: Float32Array;
  magnitude: Float32Array;
  width: number;
  height: number;
}

/**
 * One pass over the image with a sliding 3-column window: per column the vertical [1 2 1] sum
 * (for gx) and the bottom-minus-top difference (for gy) are computed once and reused.
 * Pass gx/gy = null to compute the magnitude only.
 */
export function sobel(
  image: Image2d,
  magnitude = new Float32Array(image.values.length),
  gx: Float32Array | null = new Float32Array(image.values.length),
  gy: Float32Array | null = new Float32Array(image.values.length),
): Gradient {
  const { values: src, width: w, height: h } = image;
  for (let y = 0; y < h; y++) {
    // Mirrored neighbours (reflect-101); a 1-row image mirrors onto itself.
    const top = (y === 0 ? Math.min(1, h - 1) : y - 1) * w;
    const mid = y * w;
    const bot = (y === h - 1 ? Math.max(h - 2, 0) : y + 1) * w;
    const x1 = w > 1 ? 1 : 0;
    // Column 0's left neighbour mirrors to column 1.
    let sPrev = src[top + x1] + 2 * src[mid + x1] + src[bot + x1];
    let dPrev = src[bot + x1] - src[top + x1];
    let sCur = src[top] + 2 * src[mid] + src[bot];
    let dCur = src[bot] - src[top];
    for (let x = 0; x < w; x++) {
      // The last column's right neighbour mirrors to w - 2.
      const xn = x + 1 < w ? x + 1 : w > 1 ? w - 2 : 0;
      const t = src[top + xn];
      const b = src[bot + xn];
      const sNext = t + 2 * src[mid + xn] + b;
      const dNext = b - t;
      const ex = sNext - sPrev;
      const ey = dPrev + 2 * dCur + dNext;
      magnitude[mid + x] = Math.sqrt(ex * ex + ey * ey);
      if (gx !== null) gx[mid + x] = ex;
      if (gy !== null) gy[mid + x] = ey;
      sPrev = sCur;
      sCur = sNext;
      dPrev = dCur;
      dCur = dNext;
    }
  }
  return {
    gx: gx ?? new Float32Array(0),
    gy: gy ?? new Float32Array(0),
    magnitude,
    width: w,
    height: h,
  };
}

/** Gradient direction in radians (atan2(gy, gx)), for display or export. */
export function gradientDirection(g: Gradient): Float32Array {
  const out = new Float32Array(g.gx.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.atan2(g.gy[i], g.gx[i]);
  return out;
}
