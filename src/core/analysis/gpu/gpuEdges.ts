// Gaussian smoothing, Sobel gradient and Canny on the GPU: the same results as ../edges (to
// float32 rounding) for images already in float32. Hysteresis, a sequential flood, stays on the
// CPU and is shared with the CPU Canny.
import type { CannyOptions, EdgeResult } from '../edges/canny';
import { hysteresis } from '../edges/canny';
import { gaussianKernel } from '../edges/gaussian';
import type { Image2d } from '../edges/image2d';
import { percentilesOf } from '../edges/select';
import type { Gradient } from '../edges/sobel';
import { imageGroups, type Dispatch, type GpuRunner, type GpuScope } from './gpuRunner';
import type { GpuBuffer } from './webgpu';

export interface GpuGradient extends Gradient {
  /** atan2(gy, gx) in radians. */
  direction: Float32Array;
}

function words(
  a: number,
  b: number,
  c: number,
  d: number,
  floats = false,
): Uint32Array<ArrayBuffer> {
  const u = new Uint32Array(4);
  u[0] = a;
  u[1] = b;
  if (floats) new Float32Array(u.buffer, 8, 2).set([c, d]);
  else u.set([c, d], 2);
  return u;
}

/** The two separable passes, writing into out; returns the dispatches. */
function blurDispatches(
  gpu: GpuScope,
  src: GpuBuffer,
  out: GpuBuffer,
  w: number,
  h: number,
  kernel: Float32Array,
): Dispatch[] {
  const r = (kernel.length - 1) >> 1;
  const k = gpu.storage(kernel);
  const scratch = gpu.storage(4 * w * h);
  const groups = imageGroups(w, h);
  return [
    { kernel: 'gaussian', buffers: [gpu.uniform(words(w, h, r, 0)), src, scratch, k], groups },
    { kernel: 'gaussian', buffers: [gpu.uniform(words(w, h, r, 1)), scratch, out, k], groups },
  ];
}

export function gaussianBlurGpu(
  runner: GpuRunner,
  image: Image2d,
  kernel: Float32Array,
): Promise<Image2d> {
  return runner.scoped(async (gpu) => {
    const { width: w, height: h } = image;
    const src = gpu.storage(image.values as Float32Array);
    const out = gpu.storage(4 * w * h);
    const [bytes] = await gpu.run(blurDispatches(gpu, src, out, w, h, kernel), [out]);
    return { values: new Float32Array(bytes), width: w, height: h };
  });
}

function sobelDispatch(gpu: GpuScope, src: GpuBuffer, w: number, h: number) {
  const n = 4 * w * h;
  const [gx, gy, mag, dir] = [gpu.storage(n), gpu.storage(n), gpu.storage(n), gpu.storage(n)];
  const dispatch: Dispatch = {
    kernel: 'sobel',
    buffers: [gpu.uniform(words(w, h, 0, 0)), src, gx, gy, mag, dir],
    groups: imageGroups(w, h),
  };
  return { dispatch, gx, gy, mag, dir };
}

export function sobelGpu(runner: GpuRunner, image: Image2d): Promise<GpuGradient> {
  return runner.scoped(async (gpu) => {
    const { width: w, height: h } = image;
    const s = sobelDispatch(gpu, gpu.storage(image.values as Float32Array), w, h);
    const [gx, gy, mag, dir] = await gpu.run([s.dispatch], [s.gx, s.gy, s.mag, s.dir]);
    return {
      gx: new Float32Array(gx),
      gy: new Float32Array(gy),
      magnitude: new Float32Array(mag),
      direction: new Float32Array(dir),
      width: w,
      height: h,
    };
  });
}

/** Canny as canny() in ../edges/canny.ts, with smoothing, gradient and suppression on the GPU. */
export function cannyGpu(
  runner: GpuRunner,
  image: Image2d,
  options: CannyOptions,
): Promise<EdgeResult> {
  return runner.scoped(async (gpu) => {
    const { width: w, height: h } = image;
    let values = image.values as Float32Array;
    if (options.window) {
      const [lo, hi] = options.window;
      values = new Float32Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = image.values[i];
        values[i] = v < lo ? lo : v > hi ? hi : v;
      }
    }
    let src = gpu.storage(values);
    const first: Dispatch[] = [];
    if (options.sigma > 0) {
      const smoothed = gpu.storage(4 * w * h);
      first.push(...blurDispatches(gpu, src, smoothed, w, h, gaussianKernel(options.sigma)));
      src = smoothed;
    }
    const s = sobelDispatch(gpu, src, w, h);
    first.push(s.dispatch);
    // The magnitude comes back for percentile thresholds and the result; gx, gy stay on the GPU.
    const [magBytes] = await gpu.run(first, [s.mag]);
    const magnitude = new Float32Array(magBytes);
    let { low, high } = options;
    if (options.thresholds === 'percentile') {
      [low, high] = percentilesOf(magnitude, [options.low, options.high]);
    }
    const state = gpu.storage(4 * w * h);
    const nms: Dispatch = {
      kernel: 'nms',
      buffers: [gpu.uniform(words(w, h, low, high, true)), s.gx, s.gy, s.mag, state],
      groups: imageGroups(w, h),
    };
    const [stateBytes] = await gpu.run([nms], [state]);
    const edges = new Uint8Array(w * h);
    hysteresis(Uint8Array.from(new Uint32Array(stateBytes)), edges, new Int32Array(w * h), w, h);
    return { edges, magnitude, width: w, height: h, lowUsed: low, highUsed: high };
  });
}
