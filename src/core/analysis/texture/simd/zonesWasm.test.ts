import { describe, expect, it } from 'vitest';
import { compileWat, wasmModules } from '../../../../../tools/analysis/wasmModules';
import type { Dims } from '../../volume';
import { borderDistance } from '../borderDistance';
import { labelZones, labelZonesTs, type Zones } from '../zones';
import { randomRuns } from '../testing/randomRuns';
import { labelZonesWasm } from './zonesWasm';
import { zonesWasmBytes } from './zonesWasmBytes';

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
      const volume = randomRuns(dims, levels, seed + 1, { change: 0.4, hole });
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
    const volume = randomRuns(dims, 3, 9, { change: 0.4, hole: 0.2 });
    const mask = Uint8Array.from(volume.levels, (g) => (g > 0 ? 1 : 0));
    const distance = borderDistance(mask, dims, -1);
    expect('box' in distance).toBe(false);
    expect(plain(labelZones(volume, -1, distance))).toEqual(
      plain(labelZonesTs(volume, -1, distance)),
    );
  });
});
