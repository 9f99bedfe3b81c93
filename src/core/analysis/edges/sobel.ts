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
 * Row offsets of the rows above and below y, mirrored at the image edge (reflect-101);
 * a 1-row image mirrors onto itself.
 */
export function neighbourRows(y: number, w: number, h: number): [top: number, bot: number] {
  const top = y === 0 ? Math.min(1, h - 1) : y - 1;
  const bot = y === h - 1 ? Math.max(h - 2, 0) : y + 1;
  return [top * w, bot * w];
}

/**
 * A sliding 3-column window: per column the vertical [1 2 1] sum (for gx) and the
 * bottom-minus-top difference (for gy) are computed once and reused by three outputs.
 * gx and gy are written when given; the magnitude always.
 */
export function sobel(
  image: Image2d,
  magnitude: Float32Array = new Float32Array(image.values.length),
  gx: Float32Array | null = new Float32Array(image.values.length),
  gy: Float32Array | null = new Float32Array(image.values.length),
): Gradient {
  const { values: src, width: w, height: h } = image;
  const withComponents = gx !== null && gy !== null;
  for (let y = 0; y < h; y++) {
    const [top, bot] = neighbourRows(y, w, h);
    const mid = y * w;
    // Column -1 mirrors to column 1; column w mirrors to w - 2.
    const x1 = w > 1 ? 1 : 0;
    let sPrev = src[top + x1] + 2 * src[mid + x1] + src[bot + x1];
    let dPrev = src[bot + x1] - src[top + x1];
    let sCur = src[top] + 2 * src[mid] + src[bot];
    let dCur = src[bot] - src[top];
    const last = w - 1;
    if (withComponents) {
      for (let x = 0; x < last; x++) {
        const t = src[top + x + 1];
        const b = src[bot + x + 1];
        const sNext = t + 2 * src[mid + x + 1] + b;
        const dNext = b - t;
        const ex = sNext - sPrev;
        const ey = dPrev + 2 * dCur + dNext;
        magnitude[mid + x] = Math.sqrt(ex * ex + ey * ey);
        gx[mid + x] = ex;
        gy[mid + x] = ey;
        sPrev = sCur;
        sCur = sNext;
        dPrev = dCur;
        dCur = dNext;
      }
    } else {
      for (let x = 0; x < last; x++) {
        const t = src[top + x + 1];
        const b = src[bot + x + 1];
        const sNext = t + 2 * src[mid + x + 1] + b;
        const dNext = b - t;
        const ex = sNext - sPrev;
        const ey = dPrev + 2 * dCur + dNext;
        magnitude[mid + x] = Math.sqrt(ex * ex + ey * ey);
        sPrev = sCur;
        sCur = sNext;
        dPrev = dCur;
        dCur = dNext;
      }
    }
    // Last column: its right neighbour mirrors to w - 2 (the window's previous column).
    const ex = (w > 1 ? sPrev : sCur) - sPrev;
    const ey = dPrev + 2 * dCur + (w > 1 ? dPrev : dCur);
    magnitude[mid + last] = Math.sqrt(ex * ex + ey * ey);
    if (withComponents) {
      gx[mid + last] = ex;
      gy[mid + last] = ey;
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
