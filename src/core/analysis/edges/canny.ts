// Canny edge detection on modality values: optional window, Gaussian smoothing, Sobel gradient,
// non-maximum suppression and hysteresis between a low and a high threshold.
import { gaussianBlur, gaussianKernel } from './gaussian';
import type { Image2d } from './image2d';
import { percentilesOf } from './select';
import {
  blurInputSimd,
  cannySimdWorkspace,
  cannyStatesSimd,
  hysteresisSimd,
  magnitudeCountsSimd,
  type CannySimdWorkspace,
} from './simd/cannySimd';
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

/**
 * Buffers reused across calls on images of one size (a worker or a batch keeps one per size).
 * With WASM SIMD the planes live in the workspace's own WASM memory: canny() then returns views
 * of them, valid until the next call with the same workspace.
 */
export interface CannyWorkspace {
  width: number;
  height: number;
  /** The WASM planes; null where the TypeScript kernels run. */
  simd: CannySimdWorkspace | null;
  /** Where the windowed or smoothed image goes; an image written here is not copied again. */
  input: Float32Array;
  /** The TypeScript blur's output and scratch planes, made when it first runs (the SIMD path
   * blurs in place and needs neither). */
  smoothed: Float32Array | null;
  scratch: Float32Array | null;
  magnitude: Float32Array;
  /** Quantised gradient direction per pixel: 0 none, 1 horizontal, 2 vertical, 3 and 4 diagonal;
   * then the state: 0 suppressed, 1 weak, 2 strong. */
  sector: Uint8Array;
  edges: Uint8Array;
  stack: Int32Array;
}

/** useSimd = false: plain typed arrays for the TypeScript kernels only. */
export function cannyWorkspace(width: number, height: number, useSimd = true): CannyWorkspace {
  const n = width * height;
  const simd = useSimd ? cannySimdWorkspace(width, height) : null;
  return {
    width,
    height,
    simd,
    input: simd?.input ?? new Float32Array(n),
    smoothed: null,
    scratch: null,
    magnitude: simd?.magnitude ?? new Float32Array(n),
    sector: simd?.state ?? new Uint8Array(n),
    edges: simd?.edges ?? new Uint8Array(n),
    stack: simd?.stack ?? new Int32Array(n),
  };
}

// Workspaces for callers that pass none (their results are copied out), by size and useSimd;
// the few most recent are kept, as a viewer alternates between a handful of series.
const shared = new Map<string, CannyWorkspace>();
const sharedKept = 3;

function sharedWorkspace(width: number, height: number, useSimd: boolean): CannyWorkspace {
  const key = `${width}x${height}${useSimd ? '' : ' plain'}`;
  let ws = shared.get(key);
  if (ws) shared.delete(key);
  else ws = cannyWorkspace(width, height, useSimd);
  shared.set(key, ws);
  for (const old of shared.keys()) if (shared.size > sharedKept) shared.delete(old);
  return ws;
}

// tan(22.5 deg) and tan(67.5 deg): the sector borders of the quantised gradient direction.
const TAN22 = Math.SQRT2 - 1;
const TAN67 = Math.SQRT2 + 1;

/**
 * Edges of image. With a workspace (of the image's size) the result's planes are the workspace's
 * own, reused by the next call; without one, the result owns its planes. useSimd = false forces
 * the plain TypeScript kernels (the reference the SIMD path must match).
 */
export function canny(
  image: Image2d,
  options: CannyOptions,
  workspace?: CannyWorkspace,
  useSimd = true,
): EdgeResult {
  const { width: w, height: h } = image;
  const ws = workspace ?? sharedWorkspace(w, h, useSimd);
  if (ws.width !== w || ws.height !== h) throw new Error('Canny workspace is for another size');
  const simd = useSimd ? ws.simd : null;
  let src: Float32Array = image.values;
  if (options.window) {
    const [lo, hi] = options.window;
    const out = ws.input;
    for (let i = 0; i < src.length; i++) {
      const v = src[i];
      out[i] = v < lo ? lo : v > hi ? hi : v;
    }
    src = out;
  }
  if (options.sigma > 0) {
    const kernel = gaussianKernel(options.sigma);
    if (simd && src !== simd.input) simd.input.set(src);
    if (simd && blurInputSimd(simd, kernel)) {
      src = simd.input;
    } else {
      const img = { values: src, width: w, height: h };
      ws.smoothed ??= new Float32Array(w * h);
      ws.scratch ??= new Float32Array(w * h);
      src = gaussianBlur(img, kernel, ws.smoothed, ws.scratch).values;
    }
  }
  const img = { values: src, width: w, height: h };
  let { low, high } = options;
  if (simd) {
    if (options.thresholds === 'percentile') {
      // Magnitudes first (infinite thresholds: no candidates), then the thresholds from them.
      cannyStatesSimd(simd, img, Infinity, Infinity);
      [low, high] = percentilesOf(
        simd.magnitude,
        [options.low, options.high],
        magnitudeCountsSimd(simd),
      );
    }
    hysteresisSimd(simd, cannyStatesSimd(simd, img, low, high));
  } else {
    if (options.thresholds === 'percentile') {
      gradientAndSector(src, w, h, ws.magnitude, ws.sector, Infinity);
      [low, high] = percentilesOf(ws.magnitude, [options.low, options.high]);
    }
    gradientAndSector(src, w, h, ws.magnitude, ws.sector, low);
    suppressNonMaxima(ws.magnitude, ws.sector, w, h, high);
    hysteresis(ws.sector, ws.edges, ws.stack, w, h);
  }
  // The caller's workspace: its planes are the result. A shared one: copies, as it is reused.
  const views = workspace !== undefined;
  return {
    edges: views ? ws.edges : ws.edges.slice(),
    magnitude: views ? ws.magnitude : ws.magnitude.slice(),
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

/** Edges: strong pixels (state 2) and the weak ones (state 1) 8-connected to them. */
export function hysteresis(
  state: Uint8Array,
  edges: Uint8Array,
  stack: Int32Array,
  w: number,
  h: number,
): void {
  edges.fill(0);
  let top = 0;
  for (let i = 0; i < state.length; i++) {
    if (state[i] === 2) {
      edges[i] = 1;
      stack[top++] = i;
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
