import { describe, expect, it } from 'vitest';
import type { DiscreteVolume } from '../volume';
import { directions3d } from './directions';
import { glcmMatrices } from './glcm';

describe('3D co-occurrence counts (four directions at a time in WebAssembly)', () => {
  it('equal a brute-force count of every voxel pair, 13 directions, distances 1 and 2', () => {
    let s = 9;
    const rand = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
    for (const [nx, ny, nz] of [
      [13, 11, 7],
      [5, 4, 3],
      [30, 2, 6],
    ]) {
      const levels = new Uint16Array(nx * ny * nz).map(() =>
        rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 5),
      );
      const vol: DiscreteVolume = {
        levels,
        dims: [nx, ny, nz],
        spacingMm: [1, 1, 1],
        levelCount: 5,
      };
      for (const d of [1, 2]) {
        const ms = glcmMatrices(vol, directions3d, -1, d);
        directions3d.forEach(([dx, dy, dz], k) => {
          const m = new Float64Array(25);
          for (let z = 0; z < nz; z++)
            for (let y = 0; y < ny; y++)
              for (let x = 0; x < nx; x++) {
                const [qx, qy, qz] = [x + dx * d, y + dy * d, z + dz * d];
                if (qx < 0 || qy < 0 || qz < 0 || qx >= nx || qy >= ny || qz >= nz) continue;
                const a = levels[x + nx * (y + ny * z)];
                const b = levels[qx + nx * (qy + ny * qz)];
                if (a && b) {
                  m[(a - 1) * 5 + b - 1]++;
                  m[(b - 1) * 5 + a - 1]++;
                }
              }
          expect([...ms[k].data]).toEqual([...m]);
        });
      }
    }
  });
});
