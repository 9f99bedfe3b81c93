import { describe, expect, it } from 'vitest';
import { borderDistance, distanceMap } from './borderDistance';

describe('GLDZM border distance', () => {
  it('counts 4-connected steps to the outside in a slice: rings 1, 2 and centre 3', () => {
    const d = distanceMap(borderDistance(new Uint8Array(25).fill(1), [5, 5, 1], 0));
    expect([...d]).toEqual([
      1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 3, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1,
    ]);
  });

  it('treats a hole as outside and uses 6-connectivity in 3D', () => {
    const mask = new Uint8Array(27).fill(1);
    expect(distanceMap(borderDistance(mask, [3, 3, 3], -1))[13]).toBe(2);
    // The same cube as three slices: every voxel of a 3x3 slice but the centre touches the edge.
    expect(distanceMap(borderDistance(mask, [3, 3, 3], 1))[4]).toBe(2);
    mask[13] = 0;
    const holed = distanceMap(borderDistance(mask, [3, 3, 3], -1));
    expect(holed[13]).toBe(0);
    expect(Math.max(...holed)).toBe(1);
  });

  it('equals breadth-first steps through the ROI on random blobby masks, in 3D and per slice', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    const dims = [23, 17, 9] as const;
    const [nx, ny, nz] = dims;
    for (let trial = 0; trial < 5; trial++) {
      const mask = new Uint8Array(nx * ny * nz);
      for (let i = 0; i < mask.length; i++) mask[i] = rand() < 0.8 + 0.04 * trial ? 1 : 0;
      const d = distanceMap(borderDistance(mask, dims, -1));
      expect([...d]).toEqual([...bfs(mask, nx, ny, nz, true)]);
      if (trial === 4) expect(Math.max(...d)).toBeGreaterThan(2);
      const plane = nx * ny;
      const z = trial % nz;
      const slice = mask.subarray(z * plane, (z + 1) * plane);
      expect([...distanceMap(borderDistance(mask, dims, z))]).toEqual([
        ...bfs(slice, nx, ny, 1, false),
      ]);
    }
  });

  it('keeps a byte a voxel below 255 voxels on the shortest side, 16 bits from there', () => {
    // The forward pass counts up to the shortest side (254 at the far corner) before the
    // backward pass halves it: a byte must still hold it.
    for (const [nx, ny, type] of [
      [254, 300, Uint8Array],
      [255, 255, Uint16Array],
    ] as const) {
      const mask = new Uint8Array(nx * ny).fill(1);
      mask[nx * 5 + 7] = 0;
      const d = borderDistance(mask, [nx, ny, 1], 0);
      expect(d).toBeInstanceOf(type);
      expect([...distanceMap(d)]).toEqual([...bfs(mask, nx, ny, 1, false)]);
    }
    const cube = new Uint8Array(300 * 300 * 3).fill(1);
    cube[0] = 0;
    expect(borderDistance(cube, [300, 300, 3], -1)).toBeInstanceOf(Uint8Array);
  });

  it('gives a region the mask fills as its box, whose distances are the steps to its faces', () => {
    for (const dims of [
      [6, 5, 4],
      [9, 7, 1],
      [1, 8, 3],
    ] as const) {
      const [nx, ny, nz] = dims;
      const mask = new Uint8Array(nx * ny * nz).fill(1);
      const d = borderDistance(mask, dims, -1);
      expect(d).toEqual({ box: [nx, ny, nz], threeD: true });
      expect([...distanceMap(d)]).toEqual([...bfs(mask, nx, ny, nz, true)]);
      const slice = borderDistance(mask, dims, nz - 1);
      expect(slice).toEqual({ box: [nx, ny, 1], threeD: false });
      expect([...distanceMap(slice)]).toEqual([
        ...bfs(mask.subarray(0, nx * ny), nx, ny, 1, false),
      ]);
    }
  });
});

/** The definition: breadth-first search through the ROI from voxels touching the outside. */
function bfs(mask: Uint8Array, nx: number, ny: number, nz: number, threeD: boolean): Int32Array {
  const dist = new Int32Array(mask.length);
  const queue: number[] = [];
  const at = (x: number, y: number, z: number): boolean =>
    x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz && mask[x + nx * (y + ny * z)] !== 0;
  const steps = threeD
    ? [
        [1, 0, 0],
        [-1, 0, 0],
        [0, 1, 0],
        [0, -1, 0],
        [0, 0, 1],
        [0, 0, -1],
      ]
    : [
        [1, 0, 0],
        [-1, 0, 0],
        [0, 1, 0],
        [0, -1, 0],
      ];
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++)
        if (at(x, y, z) && steps.some(([a, b, c]) => !at(x + a, y + b, z + c))) {
          dist[x + nx * (y + ny * z)] = 1;
          queue.push(x, y, z);
        }
  for (let h = 0; h < queue.length; h += 3) {
    const [x, y, z] = [queue[h], queue[h + 1], queue[h + 2]];
    for (const [a, b, c] of steps) {
      const i = x + a + nx * (y + b + ny * (z + c));
      if (!at(x + a, y + b, z + c) || dist[i] !== 0) continue;
      dist[i] = dist[x + nx * (y + ny * z)] + 1;
      queue.push(x + a, y + b, z + c);
    }
  }
  return dist;
}
