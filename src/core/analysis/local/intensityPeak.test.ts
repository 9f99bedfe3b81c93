import { describe, expect, it } from 'vitest';
import { localIntensity } from './intensityPeak';

describe('local intensity peaks', () => {
  it('average every image voxel within 6.2 mm, as a brute-force count says', () => {
    // 15 x 15 x 15 voxels of 1 mm, one bright voxel of 1000 at the centre.
    const n = 15;
    const values = new Float32Array(n * n * n);
    const c = 7;
    values[c + n * (c + n * c)] = 1000;
    const mask = new Uint8Array(values.length).fill(1);
    const [local, global] = localIntensity(
      { values, mask, dims: [n, n, n], spacingMm: [1, 1, 1] },
      mask,
    );
    const r = Math.cbrt(3000 / (4 * Math.PI));
    let inSphere = 0;
    for (let z = -7; z <= 7; z++)
      for (let y = -7; y <= 7; y++)
        for (let x = -7; x <= 7; x++) if (x * x + y * y + z * z <= r * r) inSphere++;
    expect(local).toBeCloseTo(1000 / inSphere, 9);
    // Global: the best mean over all voxels. Near the image edge a sphere holds fewer voxels, so
    // one that still reaches the bright voxel averages higher than the centred one.
    let best = 0;
    for (let z = 0; z < n; z++)
      for (let y = 0; y < n; y++)
        for (let x = 0; x < n; x++) {
          let count = 0;
          let sum = 0;
          for (let qz = 0; qz < n; qz++)
            for (let qy = 0; qy < n; qy++)
              for (let qx = 0; qx < n; qx++) {
                if ((qx - x) ** 2 + (qy - y) ** 2 + (qz - z) ** 2 > r * r) continue;
                count++;
                if (qx === c && qy === c && qz === c) sum += 1000;
              }
          best = Math.max(best, sum / count);
        }
    expect(global).toBeCloseTo(best, 9);
    expect(global).toBeGreaterThan(local);
  });

  it('clips the sphere at the image edge and counts only voxels inside the image', () => {
    const values = Float32Array.from([10, 20, 30]);
    const mask = Uint8Array.from([1, 1, 1]);
    const [local, global] = localIntensity(
      { values, mask, dims: [3, 1, 1], spacingMm: [5, 5, 5] },
      mask,
    );
    // Radius 6.2 mm at 5 mm spacing reaches one neighbour each side.
    expect(local).toBe(25);
    expect(global).toBe(25);
  });
});
