import { describe, expect, it } from 'vitest';
import { sliceLevels } from '../testVolumes';
import { directions2d } from './directions';
import { glcmMatrices, glcmMatrix } from './glcm';
import { glcmFeatures } from './glcmFeatures';

// 1 2 1
// 2 1 2
// 1 2 2
const image = sliceLevels([
  [1, 2, 1],
  [2, 1, 2],
  [1, 2, 2],
]);

describe('GLCM', () => {
  it('counts horizontal neighbours symmetrically (hand count: five 1-2 pairs, one 2-2 pair)', () => {
    const m = glcmMatrix(image, [1, 0, 0], 0);
    expect([...m.data]).toEqual([0, 5, 5, 2]);
  });

  it('gives joint maximum 5/12, joint average 19/12, contrast 10/12 and ASM 54/144', () => {
    const f = glcmFeatures(glcmMatrix(image, [1, 0, 0], 0));
    expect(f[0]).toBeCloseTo(5 / 12, 12);
    expect(f[1]).toBeCloseTo(19 / 12, 12);
    expect(f[11]).toBeCloseTo(10 / 12, 12);
    expect(f[10]).toBeCloseTo(54 / 144, 12);
  });

  it('ignores pairs with a voxel outside the ROI', () => {
    const m = glcmMatrix(sliceLevels([[1, 0, 1]]), [1, 0, 0], 0);
    expect([...m.data]).toEqual([0]);
  });

  it('counts diagonal neighbours at distance 2', () => {
    const m = glcmMatrix(image, [1, 1, 0], 0, 2);
    // Only (0,0)->(2,2): levels 1 and 2.
    expect([...m.data]).toEqual([0, 1, 1, 0]);
  });
});

describe('GLCM fused four-direction pass', () => {
  it('equals four single-direction counts, with ROI holes and at distance 1 and 2', () => {
    const w = 23;
    const h = 17;
    const rows: number[][] = [];
    let s = 5;
    for (let y = 0; y < h; y++) {
      const row: number[] = [];
      for (let x = 0; x < w; x++) {
        s = (s * 69069 + 1) % 4294967296;
        row.push((x + y) % 7 === 0 ? 0 : 1 + (s % 8));
      }
      rows.push(row);
    }
    const vol = sliceLevels(rows);
    for (const distance of [1, 2]) {
      const fused = glcmMatrices(vol, directions2d, 0, distance);
      directions2d.forEach((d, k) => {
        expect([...fused[k].data]).toEqual([...glcmMatrix(vol, d, 0, distance).data]);
      });
    }
  });
});
