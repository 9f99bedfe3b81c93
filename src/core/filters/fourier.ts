// Filters defined by their spectrum (Simoncelli, Riesz, and the LoG they are applied to): the
// image is padded by the boundary rule (not at all for periodic, where the DFT's own wrap is the
// boundary), transformed, multiplied by the transfer function at each bin, transformed back
// and cropped. In 2D the transfer ignores z and every axial slice is transformed on its own, one
// at a time. A 3D volume whose transform would not fit the budget (a 512 × 512 × 400 series is
// 1.7 GB of float64 spectrum, 13 GB once padded for mirror) is filtered in slabs along z: each
// slab of planes with a halo of `reach` planes either side (by the boundary rule) is
// transformed on its own, the transfer sampled at the same frequency spacing as the whole
// volume's grid, and only the slab's core is kept.
import type { ImageVolume } from '../analysis/volume.ts';
import { sourceIndex } from './boundary.ts';
import { fftNd, freqIndex, nextPow2 } from './fft.ts';
import type { Boundary } from './types.ts';

/** The transfer at angular frequencies ω (radians per voxel) along x, y, z, as [re, im]. */
export type Transfer = (wx: number, wy: number, wz: number, out: Float64Array) => void;

/** The angular frequency of DFT bin k of n. */
export function dftFrequency(k: number, n: number): number {
  return (2 * Math.PI * freqIndex(k, n)) / n;
}

export function paddedSize(n: number, boundary: Boundary, minPad: number): number {
  if (boundary === 'periodic' || n === 1) return n;
  return nextPow2(n + 2 * Math.max(minPad, Math.ceil(n / 4)));
}

/** Bins of the whole-volume transform above which a 3D volume is filtered in slabs (16 M:
 * 256 MB of float64 spectrum). */
export const fourierSlabBins = 1 << 24;

export interface FourierOptions {
  /** Pad each axis by at least this many voxels (the kernel's radius where it has one). */
  minPad: number;
  /** Frequency of bin k of n along an axis. */
  grid?: (k: number, n: number) => number;
  /** Planes a slab reads beyond its core on either side (how far the kernel reaches in z). */
  reach?: number;
  /** Bins above which a 3D volume is split into slabs. */
  slabBins?: number;
}

interface Block {
  /** Virtual z positions of the block's planes (before the boundary rule). */
  z0: number;
  depth: number;
  /** Frequencies along z of the block's bins. */
  wz: Float64Array;
  /** Block planes kept: [keep0, keep0 + keepCount) → output planes from out0. */
  keep0: number;
  keepCount: number;
  out0: number;
}

export function fourierResponse(
  img: ImageVolume,
  transfer: Transfer,
  boundary: Boundary,
  dims: 2 | 3,
  minPadOrOptions: number | FourierOptions,
  gridArg?: (k: number, n: number) => number,
): Float32Array {
  const o: FourierOptions =
    typeof minPadOrOptions === 'number'
      ? { minPad: minPadOrOptions, grid: gridArg }
      : minPadOrOptions;
  const grid = o.grid ?? dftFrequency;
  const [nx, ny, nz] = img.dims;
  const px = paddedSize(nx, boundary, o.minPad);
  const py = paddedSize(ny, boundary, o.minPad);
  const out = new Float32Array(nx * ny * nz);
  const blocks: Block[] = [];
  if (dims === 2)
    for (let z = 0; z < nz; z++)
      blocks.push({ z0: z, depth: 1, wz: new Float64Array(1), keep0: 0, keepCount: 1, out0: z });
  else {
    const pz = paddedSize(nz, boundary, o.minPad);
    const budget = o.slabBins ?? fourierSlabBins;
    const reach = Math.max(o.reach ?? 0, o.minPad, 1);
    // the deepest power-of-two slab within the budget, its core at least 16 planes
    let depth = nextPow2(2 * reach + 16);
    while (depth < pz && depth * 2 * px * py <= budget) depth *= 2;
    if (px * py * pz <= budget || depth - 2 * reach >= nz) {
      const off = Math.floor((pz - nz) / 2);
      const wz = Float64Array.from({ length: pz }, (_, k) => grid(k, pz));
      blocks.push({ z0: -off, depth: pz, wz, keep0: off, keepCount: nz, out0: 0 });
    } else {
      // the whole volume's frequency spacing, so every slab applies the same kernel
      const scale = pz > 1 ? (grid(1, pz) - grid(0, pz)) / ((2 * Math.PI) / pz) : 1;
      const wz = Float64Array.from({ length: depth }, (_, k) => dftFrequency(k, depth) * scale);
      const core = depth - 2 * reach;
      for (let z = 0; z < nz; z += core)
        blocks.push({
          z0: z - reach,
          depth,
          wz,
          keep0: reach,
          keepCount: Math.min(core, nz - z),
          out0: z,
        });
    }
  }
  const offX = Math.floor((px - nx) / 2);
  const offY = Math.floor((py - ny) / 2);
  const mapX = Int32Array.from({ length: px }, (_, p) => sourceIndex(p - offX, nx, boundary));
  const mapY = Int32Array.from({ length: py }, (_, p) => sourceIndex(p - offY, ny, boundary));
  const wx = Float64Array.from({ length: px }, (_, k) => grid(k, px));
  const wy = Float64Array.from({ length: py }, (_, k) => grid(k, py));
  const t = new Float64Array(2);
  const plane = px * py;
  let re = new Float64Array(0);
  let im = new Float64Array(0);
  for (const b of blocks) {
    const total = plane * b.depth;
    if (re.length !== total) {
      re = new Float64Array(total);
      im = new Float64Array(total);
    } else im.fill(0);
    for (let j = 0; j < b.depth; j++) {
      const sz = sourceIndex(b.z0 + j, nz, boundary);
      for (let y = 0; y < py; y++) {
        const sy = mapY[y];
        const row = px * (y + py * j);
        for (let x = 0; x < px; x++) {
          const sx = mapX[x];
          re[row + x] = sx < 0 || sy < 0 || sz < 0 ? 0 : img.values[sx + nx * (sy + ny * sz)];
        }
      }
    }
    const size = b.depth > 1 ? [px, py, b.depth] : [px, py];
    fftNd(re, im, size);
    let i = 0;
    for (let z = 0; z < b.depth; z++)
      for (let y = 0; y < py; y++)
        for (let x = 0; x < px; x++, i++) {
          transfer(wx[x], wy[y], b.wz[z], t);
          const r = re[i] * t[0] - im[i] * t[1];
          im[i] = re[i] * t[1] + im[i] * t[0];
          re[i] = r;
        }
    fftNd(re, im, size, true);
    for (let j = 0; j < b.keepCount; j++)
      for (let y = 0; y < ny; y++) {
        const src = offX + px * (y + offY + py * (j + b.keep0));
        out.set(re.subarray(src, src + nx), nx * (y + ny * (j + b.out0)));
      }
  }
  return out;
}
