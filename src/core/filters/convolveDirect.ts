// The plain reference: a dense kernel convolved voxel by voxel, every tap through the boundary
// rule. Slow (kernel volume × image volume) and obviously right; the separable and Fourier
// paths are tested against it.
import type { Dims } from '../analysis/volume.ts';
import { sourceIndex } from './boundary.ts';
import type { Kernel3d } from './kernel.ts';
import type { Boundary } from './types.ts';

export function convolveDirect(
  src: Float32Array,
  dims: Dims,
  k: Kernel3d,
  boundary: Boundary,
): Float32Array {
  const [nx, ny, nz] = dims;
  const [kx, ky, kz] = k.size;
  const [cx, cy, cz] = k.origin;
  const out = new Float32Array(src.length);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        let acc = 0;
        for (let c = 0; c < kz; c++) {
          const sz = sourceIndex(z + cz - c, nz, boundary);
          if (sz < 0) continue;
          for (let b = 0; b < ky; b++) {
            const sy = sourceIndex(y + cy - b, ny, boundary);
            if (sy < 0) continue;
            for (let a = 0; a < kx; a++) {
              const sx = sourceIndex(x + cx - a, nx, boundary);
              if (sx < 0) continue;
              acc += k.values[a + kx * (b + ky * c)] * src[sx + nx * (sy + ny * sz)];
            }
          }
        }
        out[x + nx * (y + ny * z)] = acc;
      }
  return out;
}
