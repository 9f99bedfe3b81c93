import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues3 } from './eigen3';
import { roiMesh } from './mesh';
import { autocorrelationNote, morphology, morphologyDefs } from './morphology';

function ball(n: number, r: number): Uint8Array {
  const m = new Uint8Array(n * n * n);
  const c = (n - 1) / 2;
  for (let z = 0; z < n; z++)
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) {
        if ((x - c) ** 2 + (y - c) ** 2 + (z - c) ** 2 <= r * r) m[x + n * (y + n * z)] = 1;
      }
  return m;
}

describe('marching cubes mesh', () => {
  it('turns a single voxel into the octahedron of its edge midpoints (volume 1/6, area sqrt 3)', () => {
    const m = roiMesh(new Uint8Array([1]), [1, 1, 1], [1, 1, 1]);
    expect(m.volumeMm3).toBeCloseTo(1 / 6, 12);
    expect(m.areaMm2).toBeCloseTo(Math.sqrt(3), 12);
    expect(m.vertices.length / 3).toBe(6);
  });

  it('encloses a voxelised ball of radius 10 within 3% of 4/3 pi r^3 (area within 12% above 4 pi r^2), scaling with spacing', () => {
    const mask = ball(25, 10);
    const unit = roiMesh(mask, [25, 25, 25], [1, 1, 1]);
    expect(Math.abs(unit.volumeMm3 / ((4 / 3) * Math.PI * 1000) - 1)).toBeLessThan(0.03);
    // Marching cubes on a binary mask overestimates a sphere's area by a few percent (staircase).
    const areaRatio = unit.areaMm2 / (4 * Math.PI * 100);
    expect(areaRatio).toBeGreaterThan(1);
    expect(areaRatio).toBeLessThan(1.12);
    const scaled = roiMesh(mask, [25, 25, 25], [2, 2, 2]);
    expect(scaled.volumeMm3).toBeCloseTo(8 * unit.volumeMm3, 6);
    expect(scaled.areaMm2).toBeCloseTo(4 * unit.areaMm2, 6);
  });
});

describe('morphology', () => {
  it('puts the mesh vertices on the half-voxel lattice: lattice / 2 x spacing is the vertex in mm', () => {
    const mask = ball(9, 3.5);
    const spacing: [number, number, number] = [1.367188, 0.7, 2.5];
    const m = roiMesh(mask, [9, 9, 9], spacing);
    expect(m.lattice.length).toBe(m.vertices.length);
    for (let i = 0; i < m.lattice.length; i++) {
      expect(m.vertices[i]).toBe((m.lattice[i] / 2) * spacing[i % 3]);
    }
  });

  it('finds a box ROI its own convex hull: volume and area density (convex hull) 1', () => {
    const dims: [number, number, number] = [12, 10, 8];
    const mask = new Uint8Array(12 * 10 * 8);
    for (let z = 2; z < 6; z++)
      for (let y = 1; y < 9; y++) for (let x = 3; x < 11; x++) mask[x + 12 * (y + 10 * z)] = 1;
    const values = new Float32Array(mask.length).fill(1);
    const f = morphology({ values, mask, dims, spacingMm: [0.8, 0.8, 2.5] }, mask);
    expect(f[20]).toBeCloseTo(1, 12);
    expect(f[21]).toBeCloseTo(1, 12);
  });

  it('finds a ball nearly spherical, with equal axes and no centre of mass shift', () => {
    const mask = ball(21, 8);
    const values = new Float32Array(mask.length).fill(100);
    const f = morphology({ values, mask, dims: [21, 21, 21], spacingMm: [1, 1, 1] }, mask);
    expect(f[7]).toBeGreaterThan(0.9); // sphericity
    expect(f[7]).toBeLessThanOrEqual(1);
    expect(f[9]).toBeCloseTo(0, 9); // centre of mass shift, uniform intensity
    expect(f[14]).toBeCloseTo(1, 6); // elongation
    expect(f[15]).toBeCloseTo(1, 6); // flatness
  });
});

describe('axes from coordinate moments', () => {
  it('equal a plain two-pass covariance of the voxel centres (random blob off-centre in a larger volume)', () => {
    const dims: [number, number, number] = [40, 30, 20];
    const spacing: [number, number, number] = [0.7, 0.9, 2.5];
    const mask = new Uint8Array(40 * 30 * 20);
    let seed = 3;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    for (let z = 4, i = 0; z < 15; z++)
      for (let y = 6; y < 25; y++)
        for (let x = 9; x < 33; x++, i++)
          if ((x - 20) ** 2 / 120 + (y - 14) ** 2 / 40 + (z - 9) ** 2 / 20 < 1 + rand())
            mask[x + 40 * (y + 30 * z)] = 1;
    const pts: number[][] = [];
    for (let z = 0; z < 20; z++)
      for (let y = 0; y < 30; y++)
        for (let x = 0; x < 40; x++)
          if (mask[x + 40 * (y + 30 * z)])
            pts.push([x * spacing[0], y * spacing[1], z * spacing[2]]);
    const mean = [0, 1, 2].map((q) => pts.reduce((s, p) => s + p[q], 0) / pts.length);
    const c = (a: number, b: number): number =>
      pts.reduce((s, p) => s + (p[a] - mean[a]) * (p[b] - mean[b]), 0) / (pts.length - 1);
    const l = symmetricEigenvalues3([c(0, 0), c(0, 1), c(0, 2), c(1, 1), c(1, 2), c(2, 2)]);
    const values = new Float32Array(mask.length).fill(1);
    const f = morphology({ values, mask, dims, spacingMm: spacing }, mask);
    for (let k = 0; k < 3; k++) expect(f[11 + k] / (4 * Math.sqrt(l[k])) - 1).toBeLessThan(1e-12);
    for (let k = 0; k < 3; k++)
      expect(f[11 + k] / (4 * Math.sqrt(l[k])) - 1).toBeGreaterThan(-1e-12);
  });
});

describe('symmetric 3x3 eigenvalues', () => {
  it('solves a diagonal and a coupled matrix', () => {
    expect(symmetricEigenvalues3([3, 0, 0, 1, 0, 2])).toEqual([3, 2, 1]);
    // [[2,1,0],[1,2,0],[0,0,5]] has eigenvalues 5, 3, 1.
    const [a, b, c] = symmetricEigenvalues3([2, 1, 0, 2, 0, 5]);
    expect(a).toBeCloseTo(5, 12);
    expect(b).toBeCloseTo(3, 12);
    expect(c).toBeCloseTo(1, 12);
  });
});

describe("Moran's I and Geary's C in the records", () => {
  it('say they are exact, and only they carry a note', () => {
    const noted = morphologyDefs.filter((d) => d.note);
    expect(noted.map((d) => d.ibsiCode)).toEqual(['N365', 'NPT7']);
    for (const d of noted) expect(d.note).toBe(autocorrelationNote);
    expect(autocorrelationNote).toMatch(/^exact/);
  });
});
