// Filters defined by their spectrum (Simoncelli, Riesz, and the LoG they are applied to): the
// image is padded by the boundary rule (not at all for periodic, where the DFT's own wrap is the
// boundary), transformed, multiplied by the transfer function at each bin, transformed back
// and cropped. In 2D the transfer ignores z and every axial slice is transformed on its own.
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

export function fourierResponse(
  img: ImageVolume,
  transfer: Transfer,
  boundary: Boundary,
  dims: 2 | 3,
  minPad: number,
  grid: (k: number, n: number) => number = dftFrequency,
): Float32Array {
  const [nx, ny, nz] = img.dims;
  const size = [
    paddedSize(nx, boundary, minPad),
    paddedSize(ny, boundary, minPad),
    dims === 3 ? paddedSize(nz, boundary, minPad) : nz,
  ];
  const off = [0, 1, 2].map((a) => Math.floor((size[a] - img.dims[a]) / 2));
  const maps = [0, 1, 2].map((a) =>
    Int32Array.from({ length: size[a] }, (_, p) => sourceIndex(p - off[a], img.dims[a], boundary)),
  );
  const total = size[0] * size[1] * size[2];
  const re = new Float64Array(total);
  const im = new Float64Array(total);
  for (let z = 0; z < size[2]; z++) {
    const sz = maps[2][z];
    for (let y = 0; y < size[1]; y++) {
      const sy = maps[1][y];
      const row = size[0] * (y + size[1] * z);
      for (let x = 0; x < size[0]; x++) {
        const sx = maps[0][x];
        re[row + x] = sx < 0 || sy < 0 || sz < 0 ? 0 : img.values[sx + nx * (sy + ny * sz)];
      }
    }
  }
  const t = new Float64Array(2);
  const w = size.map((n) => Float64Array.from({ length: n }, (_, k) => grid(k, n)));
  const transform = (inverse: boolean) => {
    if (dims === 3) fftNd(re, im, size, inverse);
    else {
      const plane = size[0] * size[1];
      for (let z = 0; z < size[2]; z++)
        fftNd(
          re.subarray(z * plane, (z + 1) * plane),
          im.subarray(z * plane, (z + 1) * plane),
          [size[0], size[1]],
          inverse,
        );
    }
  };
  transform(false);
  let i = 0;
  for (let z = 0; z < size[2]; z++)
    for (let y = 0; y < size[1]; y++)
      for (let x = 0; x < size[0]; x++, i++) {
        transfer(w[0][x], w[1][y], dims === 3 ? w[2][z] : 0, t);
        const r = re[i] * t[0] - im[i] * t[1];
        im[i] = re[i] * t[1] + im[i] * t[0];
        re[i] = r;
      }
  transform(true);
  const out = new Float32Array(nx * ny * nz);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++) {
      const src = off[0] + size[0] * (y + off[1] + size[1] * (z + off[2]));
      out.set(re.subarray(src, src + nx), nx * (y + ny * z));
    }
  return out;
}
