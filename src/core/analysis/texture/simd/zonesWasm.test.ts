import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import type { Dims, DiscreteVolume } from '../../volume';
import { borderDistance } from '../borderDistance';
import { labelZones, labelZonesTs, type Zones } from '../zones';
import { labelZonesWasm } from './zonesWasm';
import { zonesWasmBytes } from './zonesWasmBytes';

function randomVolume(dims: Dims, levels: number, seed: number, hole: number): DiscreteVolume {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
  const out = new Uint16Array(dims[0] * dims[1] * dims[2]);
  // Runs of a few levels, long and short, with voxels outside the ROI (level 0).
  let g = 1;
  for (let i = 0; i < out.length; i++) {
    if (rand() < 0.4) g = 1 + Math.floor(rand() * levels);
    out[i] = rand() < hole ? 0 : g;
  }
  return { levels: out, dims, spacingMm: [1, 1, 1], levelCount: levels };
}

const plain = (z: Zones): unknown => ({
  level: [...z.level],
  size: [...z.size],
  min: z.minDistance ? [...z.minDistance] : null,
  count: z.count,
});

describe('zones labelled in WebAssembly', () => {
  it('is built from the current zones.wat', async () => {
    expect([...(await compileWat(wasmModules.zones.wat))]).toEqual([...zonesWasmBytes]);
  });

  it('finds the zones TypeScript finds, in the same order (3D and slices, no distances or a box)', () => {
    const cases: [Dims, number, number][] = [
      [[17, 13, 9], 3, 0],
      [[17, 13, 9], 5, 0.15],
      [[1, 7, 5], 2, 0.1],
      [[31, 2, 3], 4, 0],
      [[9, 9, 1], 3, 0.2],
    ];
    let compared = 0;
    cases.forEach(([dims, levels, hole], seed) => {
      const volume = randomVolume(dims, levels, seed + 1, hole);
      for (const z of [-1, 0, dims[2] - 1]) {
        const mask = hole > 0 ? undefined : new Uint8Array(volume.levels.length).fill(1);
        for (const distance of [undefined, borderDistance(mask, dims, z)]) {
          // No distances, or a box's (every mask here fills its region): WebAssembly's cases.
          if (distance && !('box' in distance)) throw new Error('expected a box');
          expect(labelZonesWasm(volume, z, distance)).not.toBeNull();
          const ts = labelZonesTs(volume, z, distance);
          expect(plain(labelZones(volume, z, distance))).toEqual(plain(ts));
          expect(ts.count).toBeGreaterThan(0);
          compared++;
        }
      }
    });
    expect(compared).toBe(30);
  });

  it('leaves a distance map (a mask with holes) to TypeScript, with the same zones', () => {
    const dims: Dims = [12, 10, 6];
    const volume = randomVolume(dims, 3, 9, 0.2);
    const mask = Uint8Array.from(volume.levels, (g) => (g > 0 ? 1 : 0));
    const distance = borderDistance(mask, dims, -1);
    expect('box' in distance).toBe(false);
    expect(plain(labelZones(volume, -1, distance))).toEqual(
      plain(labelZonesTs(volume, -1, distance)),
    );
  });
});
