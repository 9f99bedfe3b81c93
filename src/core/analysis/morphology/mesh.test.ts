// Mesh volume and area against scikit-image's marching cubes (Lorensen's table, as IBSI's
// reference implementations run it) on masks made by tools/morphology/make-mesh-fixtures.py:
// anisotropic and tilted ellipsoids, handles and holes, random blobs and voxels, and two ROIs
// thresholded from real CT; the hull features against scipy's Qhull on skimage's vertices. Both sides sum the same triangles in float64, so they agree to
// rounding (1e-9 relative leaves room for the different summation orders, no more).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dims, SpacingMm } from '../volume';
import { roiMesh } from './mesh';
import { morphology } from './morphology';

interface MeshCase {
  name: string;
  dims: Dims;
  spacingMm: SpacingMm;
  voxels: number;
  runs: number[];
  volumeMm3: number;
  areaMm2: number;
  compactness1: number;
  compactness2: number;
  sphericalDisproportion: number;
  sphericity: number;
  asphericity: number;
  maxDiameterMm: number;
  volumeDensityHull: number;
  areaDensityHull: number;
}

const fixtures = JSON.parse(
  readFileSync(new URL('./mesh.fixtures.json', import.meta.url), 'utf8'),
) as { cases: MeshCase[] };

/** The mask from its run lengths (alternating 0 and 1, starting with 0). */
function decode(c: MeshCase): Uint8Array {
  const mask = new Uint8Array(c.dims[0] * c.dims[1] * c.dims[2]);
  let at = 0;
  c.runs.forEach((n, k) => {
    if (k % 2 === 1) mask.fill(1, at, at + n);
    at += n;
  });
  expect(at).toBe(mask.length);
  return mask;
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('marching cubes against scikit-image (Lorensen table, zero-padded)', () => {
  it('covers every cube configuration across the fixtures', () => {
    const seen = new Set<number>();
    for (const c of fixtures.cases) {
      const m = decode(c);
      const [nx, ny, nz] = c.dims;
      const at = (x: number, y: number, z: number): number =>
        x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz ? 0 : m[x + nx * (y + ny * z)];
      for (let z = -1; z < nz; z++)
        for (let y = -1; y < ny; y++)
          for (let x = -1; x < nx; x++) {
            let config = 0;
            for (let k = 0; k < 8; k++)
              config |= at(x + (k & 1), y + ((k >> 1) & 1), z + (k >> 2)) << k;
            seen.add(config);
          }
    }
    expect(seen.size).toBe(256);
  });

  for (const c of fixtures.cases) {
    it(`${c.name}: volume and area equal skimage's to 1e-9`, () => {
      const mask = decode(c);
      expect(mask.reduce((s, v) => s + v, 0)).toBe(c.voxels);
      const mesh = roiMesh(mask, c.dims, c.spacingMm);
      expect(relative(mesh.volumeMm3, c.volumeMm3)).toBeLessThan(1e-9);
      expect(relative(mesh.areaMm2, c.areaMm2)).toBeLessThan(1e-9);
    });

    it(`${c.name}: compactness, sphericity and asphericity follow`, () => {
      const mask = decode(c);
      const values = new Float32Array(mask.length).map((_, i) => (i * 7919) % 101);
      const f = morphology({ values, mask, dims: c.dims, spacingMm: c.spacingMm }, mask);
      expect(relative(f[4], c.compactness1)).toBeLessThan(1e-9);
      expect(relative(f[5], c.compactness2)).toBeLessThan(1e-9);
      expect(relative(f[6], c.sphericalDisproportion)).toBeLessThan(1e-9);
      expect(relative(f[7], c.sphericity)).toBeLessThan(1e-9);
      expect(relative(f[8], c.asphericity)).toBeLessThan(1e-8);
    });

    it(`${c.name}: maximum diameter and convex hull densities equal Qhull's on skimage's vertices`, () => {
      const mask = decode(c);
      const values = new Float32Array(mask.length).fill(1);
      const f = morphology({ values, mask, dims: c.dims, spacingMm: c.spacingMm }, mask);
      expect(relative(f[10], c.maxDiameterMm)).toBeLessThan(1e-9);
      expect(relative(f[20], c.volumeDensityHull)).toBeLessThan(1e-9);
      expect(relative(f[21], c.areaDensityHull)).toBeLessThan(1e-9);
    });
  }
});
