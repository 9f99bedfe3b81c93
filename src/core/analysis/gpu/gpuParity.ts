// GPU against CPU on the same deterministic image: what the WebGPU self-test reports. Float
// kernels are compared by their largest relative difference, counts and edge masks by equality,
// and each side is timed (median of a few runs after a warm-up).
import { canny, type CannyOptions } from '../edges/canny';
import { gaussianBlur, gaussianKernel } from '../edges/gaussian';
import type { Image2d } from '../edges/image2d';
import { gradientDirection, sobel } from '../edges/sobel';
import { discretise } from '../discretise';
import { glcmMatrices } from '../texture/glcm';
import { directions2d, directions3d } from '../texture/directions';
import type { TextureMatrix } from '../texture/matrix';
import type { DiscreteVolume } from '../volume';
import type { GpuKernels } from './gpuKernels';

/** CT-like 16-bit values: smooth anatomy-sized waves, a bright disc and noise, from a seed. */
export function parityImage(w: number, h: number, seed = 7): Image2d {
  const values = new Float32Array(w * h);
  let s = seed;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const disc = (x - w / 2) ** 2 + (y - h / 2) ** 2 < (w / 4) ** 2 ? 900 : 0;
      const wave = 600 * Math.sin((x * 40) / w) * Math.cos((y * 30) / h);
      values[y * w + x] = Math.round(wave + disc - 1000 + (s % 201) - 100);
    }
  }
  return { values, width: w, height: h };
}

/** Largest |a - b| / max(|a|, |b|, floor): relative, with a floor so zeros do not blow it up. */
export function maxRelativeDifference(a: Float32Array, b: Float32Array, floor = 1): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i]), floor);
    if (d > worst) worst = d;
  }
  return worst;
}

/** Largest angle between two direction images, in radians, with -pi and pi the same angle. */
function maxAngleDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    worst = Math.max(worst, Math.min(d, 2 * Math.PI - d));
  }
  return worst;
}

function differingCounts(a: TextureMatrix[], b: TextureMatrix[]): number {
  let n = 0;
  a.forEach((m, k) => m.data.forEach((v, i) => (n += v === b[k].data[i] ? 0 : 1)));
  return n;
}

function countSum(ms: TextureMatrix[]): number {
  return ms.reduce((s, m) => s + m.data.reduce((t, v) => t + v, 0), 0);
}

/** Core has no clock of its own (no DOM, no Node): the caller passes performance.now. */
export type Clock = () => number;

async function timed<T>(
  f: () => T | Promise<T>,
  runs: number,
  now: Clock,
): Promise<{ value: T; ms: number }> {
  let value = await f();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = now();
    value = await f();
    times.push(now() - t0);
  }
  times.sort((x, y) => x - y);
  return { value, ms: times[times.length >> 1] };
}

export interface ParityReport {
  size: number;
  gaussianMaxRelative: number;
  sobelMaxRelative: number;
  /** gx and gy of integer images are exact sums: pixels where GPU and CPU differ at all. */
  sobelComponentsDiffer: number;
  directionMaxRadians: number;
  edgePixels: number;
  /** Pixels where the GPU Canny mask differs from the CPU (SIMD) and TypeScript masks. */
  edgesDiffer: number;
  edgesDifferReference: number;
  glcmCounts2d: number;
  glcmDiffer2d: number;
  glcmCounts3d: number;
  glcmDiffer3d: number;
  ms: Record<'gaussian' | 'sobel' | 'canny' | 'glcm2d', { gpu: number; cpu: number }>;
}

export const parityCanny: CannyOptions = {
  sigma: 1.4,
  thresholds: 'percentile',
  low: 80,
  high: 95,
};

/** Discretised to 32 levels inside a centred ellipse, depth copies shifted so slices differ. */
function discreteStack(image: Image2d, depth: number): DiscreteVolume {
  const { width: w, height: h } = image;
  const values = new Float32Array(w * h * depth);
  const mask = new Uint8Array(w * h * depth);
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = z * w * h + y * w + x;
        values[i] = image.values[y * w + ((x + 3 * z) % w)];
        mask[i] = ((x - w / 2) / (0.45 * w)) ** 2 + ((y - h / 2) / (0.35 * h)) ** 2 < 1 ? 1 : 0;
      }
    }
  }
  const roi = { values, mask, dims: [w, h, depth] as const, spacingMm: [1, 1, 1] as const };
  return discretise(roi, mask, { kind: 'bin-count', binCount: 32 });
}

export async function gpuParity(
  gpu: GpuKernels,
  size: number,
  now: Clock,
  runs = 3,
): Promise<ParityReport> {
  const t = <T>(f: () => T | Promise<T>) => timed(f, runs, now);
  const image = parityImage(size, size);
  const kernel = gaussianKernel(1.5);
  const gCpu = await t(() => gaussianBlur(image, kernel));
  const gGpu = await t(() => gpu.gaussianBlur(image, kernel));
  const sCpu = await t(() => sobel(image));
  const sGpu = await t(() => gpu.sobel(image));
  let componentsDiffer = 0;
  for (let i = 0; i < image.values.length; i++) {
    if (sCpu.value.gx[i] !== sGpu.value.gx[i] || sCpu.value.gy[i] !== sGpu.value.gy[i])
      componentsDiffer++;
  }
  const cCpu = await t(() => canny(image, parityCanny));
  const cRef = canny(image, parityCanny, undefined, false);
  const cGpu = await t(() => gpu.canny(image, parityCanny));
  let edges = 0;
  let differ = 0;
  let differRef = 0;
  for (let i = 0; i < image.values.length; i++) {
    edges += cCpu.value.edges[i];
    differ += cCpu.value.edges[i] === cGpu.value.edges[i] ? 0 : 1;
    differRef += cRef.edges[i] === cGpu.value.edges[i] ? 0 : 1;
  }
  const stack = discreteStack(image, 4);
  const slices = [0, 1, 2, 3];
  const m2Cpu = await t(() => slices.map((z) => glcmMatrices(stack, directions2d, z)));
  const m2Gpu = await t(() => gpu.glcmMatrices(stack, directions2d, { slices }));
  const m3Cpu = glcmMatrices(stack, directions3d, -1);
  const [m3Gpu] = await gpu.glcmMatrices(stack, directions3d, 'volume');
  return {
    size,
    gaussianMaxRelative: maxRelativeDifference(gCpu.value.values, gGpu.value.values),
    sobelMaxRelative: maxRelativeDifference(sCpu.value.magnitude, sGpu.value.magnitude),
    sobelComponentsDiffer: componentsDiffer,
    directionMaxRadians: maxAngleDifference(gradientDirection(sCpu.value), sGpu.value.direction),
    edgePixels: edges,
    edgesDiffer: differ,
    edgesDifferReference: differRef,
    glcmCounts2d: countSum(m2Gpu.value.flat()),
    glcmDiffer2d: differingCounts(m2Cpu.value.flat(), m2Gpu.value.flat()),
    glcmCounts3d: countSum(m3Gpu),
    glcmDiffer3d: differingCounts(m3Cpu, m3Gpu),
    ms: {
      gaussian: { gpu: gGpu.ms, cpu: gCpu.ms },
      sobel: { gpu: sGpu.ms, cpu: sCpu.ms },
      canny: { gpu: cGpu.ms, cpu: cCpu.ms },
      glcm2d: { gpu: m2Gpu.ms, cpu: m2Cpu.ms },
    },
  };
}
