// Laplacian of Gaussian, IBSI 2 eq.: −1/σ² (1/(√(2π)σ))^d (d − |x|²/σ²) exp(−|x|²/2σ²), σ in
// voxels per axis (σ mm / spacing), cut at `truncate`·σ. It is the sum over axes of the second
// derivative along that axis times the Gaussian along the others, so it runs as 1D passes:
// out = G″z(Gy Gx f) + Gz(G″y Gx f + Gy G″x f) in 3D, 7 passes instead of a (8σ+1)³ kernel.
// logReference() does them over whole volumes with float64 sums; logResponse() runs the fast
// path (simd/logPlanes.ts, WASM SIMD plane by plane) where WebAssembly SIMD is available.
import type { ImageVolume } from '../analysis/volume.ts';
import { convolveAxis } from './convolveAxis.ts';
import { kernel1d, type Kernel1d } from './kernel.ts';
import { logPlanes } from './simd/logPlanes.ts';
import type { Boundary } from './types.ts';

export function gaussianKernels(sigmaVox: number, truncate: number): { g: Kernel1d; g2: Kernel1d } {
  const r = Math.max(1, Math.round(truncate * sigmaVox));
  const g = new Float64Array(2 * r + 1);
  const g2 = new Float64Array(2 * r + 1);
  const norm = 1 / (Math.sqrt(2 * Math.PI) * sigmaVox);
  const s2 = sigmaVox * sigmaVox;
  for (let i = -r; i <= r; i++) {
    const v = norm * Math.exp((-i * i) / (2 * s2));
    g[i + r] = v;
    g2[i + r] = v * ((i * i) / (s2 * s2) - 1 / s2);
  }
  return { g: kernel1d(g, r), g2: kernel1d(g2, r) };
}

function add(a: Float32Array, b: Float32Array): Float32Array {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
  return a;
}

export function logResponse(
  img: ImageVolume,
  sigmaMm: number,
  truncate: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  const [kx, ky, kz] = img.spacingMm.map((s) => gaussianKernels(sigmaMm / s, truncate));
  return (
    logPlanes(img, [kx, ky, kz], boundary, dims) ??
    logReference(img, sigmaMm, truncate, boundary, dims)
  );
}

export function logReference(
  img: ImageVolume,
  sigmaMm: number,
  truncate: number,
  boundary: Boundary,
  dims: 2 | 3,
): Float32Array {
  const k = img.spacingMm.map((s) => gaussianKernels(sigmaMm / s, truncate));
  const d = img.dims;
  const pass = (src: Float32Array, axis: 0 | 1 | 2, kern: Kernel1d) =>
    convolveAxis(src, d, axis, kern, boundary);
  const gx = pass(img.values, 0, k[0].g);
  const g2x = pass(img.values, 0, k[0].g2);
  const inPlane = add(pass(gx, 1, k[1].g2), pass(g2x, 1, k[1].g));
  if (dims === 2) return inPlane;
  return add(pass(pass(gx, 1, k[1].g), 2, k[2].g2), pass(inPlane, 2, k[2].g));
}

/** The sampled, truncated LoG's own spectrum (what the 1D passes apply), for the Riesz path. */
export function logTransfer(
  spacingMm: readonly number[],
  sigmaMm: number,
  truncate: number,
  dims: 2 | 3,
): (wx: number, wy: number, wz: number, out: Float64Array) => void {
  const k = spacingMm.map((s) => gaussianKernels(sigmaMm / s, truncate));
  // Symmetric kernels: the spectrum is real, Σ_t g[t] cos(ω (t − origin)); each axis' values
  // are kept per frequency, since a grid repeats the same few along every line.
  const dft = (kern: Kernel1d) => {
    const seen = new Map<number, number>();
    return (w: number) => {
      let s = seen.get(w);
      if (s === undefined) {
        s = 0;
        for (let t = 0; t < kern.taps.length; t++)
          s += kern.taps[t] * Math.cos(w * (t - kern.origin));
        seen.set(w, s);
      }
      return s;
    };
  };
  const [g0, g1, g2] = [dft(k[0].g), dft(k[1].g), dft(k[2].g)];
  const [d0, d1, d2] = [dft(k[0].g2), dft(k[1].g2), dft(k[2].g2)];
  return (wx, wy, wz, out) => {
    const gx = g0(wx);
    const gy = g1(wy);
    const plane = d0(wx) * gy + gx * d1(wy);
    out[0] = dims === 2 ? plane : plane * g2(wz) + gx * gy * d2(wz);
    out[1] = 0;
  };
}
