import { describe, expect, it } from 'vitest';
import type { DiscreteVolume } from '../volume';
import { borderDistance } from './borderDistance';
import { gldzmMatrix } from './gldzm';
import { glszmMatrix } from './glszm';
import { labelZonesByVoxel } from './zoneRunsReference';
import { labelZones, type Zones } from './zones';

/** Zones as sorted "level size distance" lines: the run labelling numbers zones in the order
 * they finish, the reference in the order they start. */
function zoneLines(zones: Zones): string[] {
  const lines: string[] = [];
  for (let k = 0; k < zones.count; k++)
    lines.push(`${zones.level[k]} ${zones.size[k]} ${zones.minDistance?.[k] ?? '-'}`);
  return lines.sort();
}

let seed = 99;
const rand = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;

/** Random levels 1..levelCount, a fraction `holes` of voxels outside (0); smooth: levels in
 * blobs along x and y, so zones are large, winding and joined late. */
function randomVolume(
  dims: [number, number, number],
  levelCount: number,
  holes: number,
  smooth: boolean,
): DiscreteVolume {
  const [nx, ny, nz] = dims;
  const levels = new Uint16Array(nx * ny * nz);
  for (let z = 0, i = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++, i++) {
        const wave = smooth ? Math.sin(x / 3 + z) + Math.cos(y / 4 - z / 2) : 0;
        const g = Math.floor(((wave + 2) / 4 + 0.3 * rand()) * levelCount) % levelCount;
        levels[i] = rand() < holes ? 0 : g + 1;
      }
  return { levels, dims, spacingMm: [1, 1, 1], levelCount };
}

const shapes: [number, number, number][] = [
  [1, 1, 1],
  [7, 1, 1],
  [1, 9, 1],
  [1, 1, 8],
  [13, 11, 7],
  [32, 5, 9],
  [6, 29, 4],
];

describe('run-based zone labelling', () => {
  it('finds the voxel-by-voxel zones, sizes and border distances, in 3D and per slice', () => {
    let cases = 0;
    for (const dims of shapes)
      for (const levelCount of [1, 2, 5, 16])
        for (const holes of [0, 0.1, 0.4])
          for (const smooth of [false, true]) {
            const v = randomVolume(dims, levelCount, holes, smooth);
            // The morphological mask: the ROI voxels and some resegmented-away ones (level 0
            // inside the mask), so distances are measured in a mask with holes of its own.
            // Every second case keeps the whole box in the mask (distances to the box's faces).
            const mask = Uint8Array.from(v.levels, (g) =>
              g > 0 || smooth || rand() < 0.5 ? 1 : 0,
            );
            for (let z = -1; z < dims[2]; z++) {
              const d = borderDistance(mask, dims, z);
              expect(zoneLines(labelZones(v, z, d))).toEqual(zoneLines(labelZonesByVoxel(v, z, d)));
              expect(zoneLines(labelZones(v, z))).toEqual(zoneLines(labelZonesByVoxel(v, z)));
              cases++;
            }
          }
    expect(cases).toBeGreaterThan(500);
  });

  it('joins runs that touch only diagonally, across rows and slices', () => {
    // Level 1 on a 3D diagonal (one voxel a slice) and on an in-plane diagonal: one zone each
    // in 3D (26-connected); the 3D diagonal is one zone a slice when slices are labelled alone.
    const n = 4;
    const levels = new Uint16Array(n * n * n).fill(2);
    for (let k = 0; k < n; k++) levels[k + n * (k + n * k)] = 1;
    const v: DiscreteVolume = { levels, dims: [n, n, n], spacingMm: [1, 1, 1], levelCount: 2 };
    const zones = labelZones(v, -1);
    expect(zoneLines(zones)).toEqual(['1 4 -', '2 60 -']);
    expect(zoneLines(labelZones(v, 0))).toEqual(['1 1 -', '2 15 -']);
    // Two runs of level 1 that meet end to corner, (x 0..1, y 0) and (x 2..3, y 1): one zone.
    const flat = new Uint16Array([1, 1, 2, 2, 2, 2, 1, 1]);
    const slice: DiscreteVolume = {
      levels: flat,
      dims: [4, 2, 1],
      spacingMm: [1, 1, 1],
      levelCount: 2,
    };
    expect(zoneLines(labelZones(slice, 0))).toEqual(['1 4 -', '2 4 -']);
  });

  it('gives GLSZM and GLDZM the matrices the voxel labelling gives', () => {
    const v = randomVolume([24, 21, 10], 6, 0.15, true);
    const mask = Uint8Array.from(v.levels, (g) => (g > 0 ? 1 : 0));
    for (const z of [-1, 0, 4]) {
      const d = borderDistance(mask, v.dims, z);
      const reference = labelZonesByVoxel(v, z, d);
      const size = glszmMatrix(v, z);
      expect(size).toEqual(glszmMatrix(v, z, reference));
      // Zone percentage's Nv: the ROI voxels of the region, each in exactly one zone.
      const plane = v.dims[0] * v.dims[1];
      const region = z < 0 ? v.levels : v.levels.subarray(z * plane, (z + 1) * plane);
      expect(size.voxels).toBe(region.filter((g) => g > 0).length);
      expect(gldzmMatrix(v, mask, z)).toEqual(gldzmMatrix(v, mask, z, reference));
    }
  });
});
