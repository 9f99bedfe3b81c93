// The ROI surface mesh (marching cubes at 0.5 on the zero-padded mask, vertices at edge
// midpoints), reduced to what IBSI morphology needs: volume, area and the vertex set.
import type { Dims, SpacingMm } from '../volume';
import { cubeTriangles, edgeMidpoint } from './cubeTable';

export interface MeshSummary {
  volumeMm3: number;
  areaMm2: number;
  /** Unique vertex coordinates in mm, xyz interleaved. */
  vertices: Float64Array;
}

export function roiMesh(mask: Uint8Array, dims: Dims, spacingMm: SpacingMm): MeshSummary {
  const [nx, ny, nz] = dims;
  const [sx, sy, sz] = spacingMm;
  const table = cubeTriangles();
  const mids = Array.from({ length: 12 }, (_, e) => edgeMidpoint(e));
  const at = (x: number, y: number, z: number): number =>
    x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz ? 0 : mask[x + nx * (y + ny * z)];
  let volume = 0;
  let area = 0;
  const p = new Float64Array(9);
  // Cubes span voxel centres (x, y, z) .. (x + 1, y + 1, z + 1), from -1 to n - 1 (padding).
  for (let z = -1; z < nz; z++) {
    for (let y = -1; y < ny; y++) {
      for (let x = -1; x < nx; x++) {
        let config = 0;
        for (let c = 0; c < 8; c++) {
          if (at(x + (c & 1), y + ((c >> 1) & 1), z + ((c >> 2) & 1)) !== 0) config |= 1 << c;
        }
        if (config === 0 || config === 255) continue;
        const tris = table[config];
        for (let t = 0; t < tris.length; t += 3) {
          for (let k = 0; k < 3; k++) {
            const m = mids[tris[t + k]];
            p[3 * k] = (x + m[0]) * sx;
            p[3 * k + 1] = (y + m[1]) * sy;
            p[3 * k + 2] = (z + m[2]) * sz;
          }
          // Signed volume of the tetrahedron with the origin (divergence theorem).
          volume +=
            (p[0] * (p[4] * p[8] - p[5] * p[7]) -
              p[1] * (p[3] * p[8] - p[5] * p[6]) +
              p[2] * (p[3] * p[7] - p[4] * p[6])) /
            6;
          const ux = p[3] - p[0];
          const uy = p[4] - p[1];
          const uz = p[5] - p[2];
          const vx = p[6] - p[0];
          const vy = p[7] - p[1];
          const vz = p[8] - p[2];
          const cx = uy * vz - uz * vy;
          const cy = uz * vx - ux * vz;
          const cz = ux * vy - uy * vx;
          area += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
        }
      }
    }
  }
  return {
    volumeMm3: Math.abs(volume),
    areaMm2: area,
    vertices: cutEdgeMidpoints(mask, dims, spacingMm),
  };
}

/**
 * The mesh's vertices without deduplication: with vertices at edge midpoints, there is exactly
 * one per pair of neighbouring voxels (zero padding included) where the mask changes.
 */
function cutEdgeMidpoints(mask: Uint8Array, dims: Dims, spacingMm: SpacingMm): Float64Array {
  const [nx, ny, nz] = dims;
  const [sx, sy, sz] = spacingMm;
  const at = (x: number, y: number, z: number): number =>
    x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz ? 0 : mask[x + nx * (y + ny * z)];
  const out: number[] = [];
  for (let z = -1; z < nz; z++)
    for (let y = -1; y < ny; y++)
      for (let x = -1; x < nx; x++) {
        const here = at(x, y, z);
        if (here !== at(x + 1, y, z)) out.push((x + 0.5) * sx, y * sy, z * sz);
        if (here !== at(x, y + 1, z)) out.push(x * sx, (y + 0.5) * sy, z * sz);
        if (here !== at(x, y, z + 1)) out.push(x * sx, y * sy, (z + 0.5) * sz);
      }
  return Float64Array.from(out);
}
