// Canny edge detection on modality values: optional window, Gaussian smoothing, Sobel gradient,
// non-maximum suppression and hysteresis between a low and a high threshold.
import { gaussianBlur, gaussianKernel } from './gaussian';
import type { Image2d } from './image2d';
import { percentileOf } from './select';
import { cannyStatesSimd } from './simd/cannySimd';
import { gaussianBlurSimd } from './simd/gaussianSimd';
import { edgesWasm, float32AtOrBelow, wasmFloats } from './simd/edgesWasm';
import { sobelSimdViews } from './simd/sobelSimd';
import { neighbourRows } from './sobel';

export interface CannyOptions {
  /** Gaussian sigma in pixels; 0 skips smoothing. */
  sigma: number;
  low: number;
  high: number;
  /** 'absolute': thresholds are gradient magnitudes in modality units per pixel (Sobel scale);
   *  'percentile': thresholds are percentiles (0..100) of the image's gradient magnitude. */
  thresholds: 'absolute' | 'percentile';
  /** Clamp values to [min, max] first, so edges outside the window of interest vanish. */
  window?: readonly [min: number, max: number];
}

export interface EdgeResult {
  /** 1 on an edge pixel, 0 elsewhere. */
  edges: Uint8Array;
  magnitude: Float32Array;
  width: number;
  height: number;
  /** The absolute thresholds used (percentiles resolved). */
  lowUsed: number;
  highUsed: number;
}

/** Buffers reused across calls on images of one size (a worker keeps one per series). */
export interface CannyWorkspace {
  smoothed: Float32Array;
  scratch: Float32Array;
  magnitude: Float32Array;
  /** Quantised gradient direction per pixel: 0 none, 1 horizontal, 2 vertical, 3 and 4 diagonal. */
  sector: Uint8Array;
  edges: Uint8Array;
  stack: Int32Array;
}

export function cannyWorkspace(pixels: number): CannyWorkspace {
  return {
    smoothed: new Float32Array(pixels),
    scratch: new Float32Array(pixels),
    magnitude: new Float32Array(pixels),
    sector: new Uint8Array(pixels),
    edges: new Uint8Array(pixels),
    stack: new Int32Array(pixels),
  };
}

// tan(22.5 deg) and tan(67.5 deg): the sector borders of the quantised gradient direction.
const TAN22 = Math.SQRT2 - 1;
const TAN67 = Math.SQRT2 + 1;

/** useSimd = false forces the plain TypeScript kernels (the reference the SIMD path must match). */
export function canny(
  image: Image2d,
  options: CannyOptions,
  ws: CannyWorkspace = cannyWorkspace(image.values.length),
  useSimd = true,
): EdgeResult {
  const { width: w, height: h } = image;
  let src: Float32Array = image.values;
  if (options.window) {
    const [lo, hi] = options.window;
    src = new Float32Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const v = image.values[i];
      src[i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
  if (options.sigma > 0) {
    const img = { values: src, width: w, height: h };
    const kernel = gaussianKernel(options.sigma);
    src =
      kernel.length === 5 && useSimd
        ? gaussianBlurSimd(img, kernel, ws.smoothed).values
        : gaussianBlur(img, kernel, ws.smoothed, ws.scratch).values;
  }
  // Absolute thresholds: gradient and suppression in one WASM pass (gx and gy never stored).
  const img = { values: src, width: w, height: h };
  const { low: lo, high: hi } = options;
  const fused =
    useSimd && options.thresholds === 'absolute'
      ? cannyStatesSimd(img, lo, hi, ws.magnitude, ws.stack)
      : null;
  if (fused) {
    hysteresis(fused.state, ws.edges, ws.stack, fused.strong, w, h);
    const { edges, magnitude } = ws;
    return { edges, magnitude, width: w, height: h, lowUsed: lo, highUsed: hi };
  }
  // SIMD path: gradient and suppression stay in WASM memory; only the magnitude is copied out.
  const wasm = useSimd && w >= 6 && h >= 3 ? edgesWasm() : null;
  const n = w * h;
  // Room for src, gx, gy, magnitude (float32), state bytes and the strong-pixel list (int32),
  // reserved before any view is taken (growing the memory would detach views).
  const strongAt = 4 * Math.ceil((17 * n) / 4);
  if (wasm) wasmFloats(wasm, strongAt / 4 + n);
  const views = wasm ? sobelSimdViews({ values: src, width: w, height: h }) : null;
  let low = options.low;
  let high = options.high;
  let state = ws.sector;
  // Strong pixels already listed in ws.stack (-1: hysteresis finds them by scanning).
  let strong = -1;
  if (wasm && views) {
    if (options.thresholds === 'percentile') {
      low = percentileOf(views.magnitude, options.low);
      high = percentileOf(views.magnitude, options.high);
    }
    const lowSkip = float32AtOrBelow(low);
    strong = wasm.nms(4 * n, 8 * n, 12 * n, 16 * n, w, h, lowSkip, low, high, strongAt);
    state = new Uint8Array(wasm.memory.buffer, 16 * n, n);
    ws.stack.set(new Int32Array(wasm.memory.buffer, strongAt, strong));
    strong = judgeBorders(
      views.gx,
      views.gy,
      views.magnitude,
      state,
      w,
      h,
      low,
      high,
      ws.stack,
      strong,
    );
    ws.magnitude.set(views.magnitude);
  } else {
    if (options.thresholds === 'percentile') {
      gradientAndSector(src, w, h, ws.magnitude, ws.sector, Infinity);
      low = percentileOf(ws.magnitude, options.low);
      high = percentileOf(ws.magnitude, options.high);
    }
    gradientAndSector(src, w, h, ws.magnitude, ws.sector, low);
    suppressNonMaxima(ws.magnitude, ws.sector, w, h, high);
  }
  hysteresis(state, ws.edges, ws.stack, strong, w, h);
  return {
    edges: ws.edges,
    magnitude: ws.magnitude,
    width: w,
    height: h,
    lowUsed: low,
    highUsed: high,
  };
}

/**
 * Sobel magnitude of every pixel and, where it exceeds low, the direction sector; one pass with
 * the same sliding window as sobel(), so gx and gy never go to memory.
 */
function gradientAndSector(
  src: Float32Array,
  w: number,
  h: number,
  magnitude: Float32Array,
  sector: Uint8Array,
  low: number,
): void {
  for (let y = 0; y < h; y++) {
    const [top, bot] = neighbourRows(y, w, h);
    const mid = y * w;
    const x1 = w > 1 ? 1 : 0;
    let sPrev = src[top + x1] + 2 * src[mid + x1] + src[bot + x1];
    let dPrev = src[bot + x1] - src[top + x1];
    let sCur = src[top] + 2 * src[mid] + src[bot];
    let dCur = src[bot] - src[top];
    const last = w - 1;
    for (let x = 0; x < last; x++) {
      const t = src[top + x + 1];
      const b = src[bot + x + 1];
      const sNext = t + 2 * src[mid + x + 1] + b;
      const dNext = b - t;
      const ex = sNext - sPrev;
      const ey = dPrev + 2 * dCur + dNext;
      const m = Math.sqrt(ex * ex + ey * ey);
      magnitude[mid + x] = m;
      sector[mid + x] = m > low ? sectorOf(ex, ey) : 0;
      sPrev = sCur;
      sCur = sNext;
      dPrev = dCur;
      dCur = dNext;
    }
    // Last column: its right neighbour mirrors to w - 2, the window's previous column.
    const ex = (w > 1 ? sPrev : sCur) - sPrev;
    const ey = dPrev + 2 * dCur + (w > 1 ? dPrev : dCur);
    const m = Math.sqrt(ex * ex + ey * ey);
    magnitude[mid + last] = m;
    sector[mid + last] = m > low ? sectorOf(ex, ey) : 0;
  }
}

/**
 * One pixel's state from its gradient: 0 (not above low or not a maximum across the edge),
 * 1 (weak) or 2 (strong: above high). Outside the image counts as magnitude 0; strict on one
 * side, not the other, so a plateau two pixels wide keeps exactly one.
 */
function judgePixel(
  gx: Float32Array,
  gy: Float32Array,
  mag: Float32Array,
  w: number,
  h: number,
  x: number,
  y: number,
  low: number,
  high: number,
): number {
  const i = y * w + x;
  const m = mag[i];
  if (!(m > low)) return 0;
  const s = sectorOf(gx[i], gy[i]);
  const ox = s === 2 ? 0 : s === 4 ? -1 : 1;
  const oy = s === 1 ? 0 : 1;
  const a = magAt(mag, w, h, x - ox, y - oy);
  const b = magAt(mag, w, h, x + ox, y + oy);
  return m > a && m >= b ? (m > high ? 2 : 1) : 0;
}

/**
 * The first and last rows and columns, which the WASM suppression pass leaves; strong ones are
 * appended to the strong list stack[0..count), and the new count returned.
 */
function judgeBorders(
  gx: Float32Array,
  gy: Float32Array,
  mag: Float32Array,
  state: Uint8Array,
  w: number,
  h: number,
  low: number,
  high: number,
  stack: Int32Array,
  count: number,
): number {
  const judge = (x: number, y: number): void => {
    const s = judgePixel(gx, gy, mag, w, h, x, y, low, high);
    state[y * w + x] = s;
    if (s === 2) stack[count++] = y * w + x;
  };
  for (let x = 0; x < w; x++) {
    judge(x, 0);
    judge(x, h - 1);
  }
  for (let y = 1; y < h - 1; y++) {
    judge(0, y);
    judge(w - 1, y);
  }
  return count;
}

/** 1 horizontal gradient, 2 vertical, 3 diagonal with gx and gy of one sign, 4 the other. */
function sectorOf(ex: number, ey: number): number {
  const ax = ex < 0 ? -ex : ex;
  const ay = ey < 0 ? -ey : ey;
  return ay <= ax * TAN22 ? 1 : ay >= ax * TAN67 ? 2 : ex * ey > 0 ? 3 : 4;
}

/**
 * Keeps a candidate only if it is a maximum across the edge; rewrites sector in place to
 * 0 (suppressed), 1 (weak: above low) or 2 (strong: above high). Outside the image counts as 0.
 * Strict on one side, not the other: a plateau two pixels wide keeps exactly one.
 */
function suppressNonMaxima(
  mag: Float32Array,
  sector: Uint8Array,
  w: number,
  h: number,
  high: number,
): void {
  // Row-major in place is safe: a pixel's own decision reads magnitudes only, never sectors.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const interiorRow = y > 0 && y < h - 1;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      const s = sector[i];
      if (s === 0) continue;
      const m = mag[i];
      let a: number;
      let b: number;
      if (interiorRow && x > 0 && x < w - 1) {
        const o = s === 1 ? 1 : s === 2 ? w : s === 3 ? w + 1 : w - 1;
        a = mag[i - o];
        b = mag[i + o];
      } else {
        const ox = s === 2 ? 0 : s === 4 ? -1 : 1;
        const oy = s === 1 ? 0 : 1;
        a = magAt(mag, w, h, x - ox, y - oy);
        b = magAt(mag, w, h, x + ox, y + oy);
      }
      sector[i] = m > a && m >= b ? (m > high ? 2 : 1) : 0;
    }
  }
}

function magAt(mag: Float32Array, w: number, h: number, x: number, y: number): number {
  return x < 0 || x >= w || y < 0 || y >= h ? 0 : mag[y * w + x];
}

/**
 * Edges: strong pixels and the weak ones 8-connected to them. strong >= 0: the strong pixels are
 * already listed in stack[0..strong); -1: they are found by scanning state.
 */
export function hysteresis(
  state: Uint8Array,
  edges: Uint8Array,
  stack: Int32Array,
  strong: number,
  w: number,
  h: number,
): void {
  edges.fill(0);
  let top = 0;
  if (strong >= 0) {
    top = strong;
    for (let k = 0; k < top; k++) edges[stack[k]] = 1;
  } else {
    for (let i = 0; i < state.length; i++) {
      if (state[i] === 2) {
        edges[i] = 1;
        stack[top++] = i;
      }
    }
  }
  while (top > 0) {
    const i = stack[--top];
    const y = (i / w) | 0;
    const x = i - y * w;
    const y0 = y > 0 ? y - 1 : 0;
    const y1 = y < h - 1 ? y + 1 : h - 1;
    const x0 = x > 0 ? x - 1 : 0;
    const x1 = x < w - 1 ? x + 1 : w - 1;
    for (let yy = y0; yy <= y1; yy++) {
      for (let xx = x0; xx <= x1; xx++) {
        const j = yy * w + xx;
        if (state[j] !== 0 && edges[j] === 0) {
          edges[j] = 1;
          stack[top++] = j;
        }
      }
    }
  }
}
