// Reading the IBSI digital phantom's JSON ([z][y][x] nested arrays) into a RoiVolume.
import type { RoiVolume } from './volume';

export interface PhantomJson {
  shape_zyx: [number, number, number];
  voxel_spacing_mm_xyz: [number, number, number];
  image: number[][][];
  mask: number[][][];
}

export function phantomVolume(json: PhantomJson): RoiVolume {
  const [nz, ny, nx] = json.shape_zyx;
  const values = new Float32Array(nx * ny * nz);
  const mask = new Uint8Array(nx * ny * nz);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        values[x + nx * (y + ny * z)] = json.image[z][y][x];
        mask[x + nx * (y + ny * z)] = json.mask[z][y][x];
      }
  return { values, mask, dims: [nx, ny, nz], spacingMm: json.voxel_spacing_mm_xyz };
}
