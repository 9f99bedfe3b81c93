// Small deterministic volumes for the filter tests.
import type { ImageVolume } from '../analysis/volume.ts';

export function randomVolume(dims: [number, number, number], seed = 1): ImageVolume {
  let s = seed >>> 0 || 1;
  const values = new Float32Array(dims[0] * dims[1] * dims[2]);
  for (let i = 0; i < values.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    values[i] = ((s >>> 0) % 1000) / 10;
  }
  return { values, dims, spacingMm: [1, 1, 1] };
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
