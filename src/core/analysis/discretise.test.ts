import { describe, expect, it } from 'vitest';
import { discretise, resegment } from './discretise';
import { sliceRoi } from './testVolumes';

describe('IBSI discretisation', () => {
  it('fixed bin number maps [min, max] onto 1..N with the maximum in bin N', () => {
    const roi = sliceRoi([[0, 2.5, 5, 10]]);
    const d = discretise(roi, roi.mask, { kind: 'bin-count', binCount: 4 });
    expect([...d.levels]).toEqual([1, 2, 3, 4]);
    expect(d.levelCount).toBe(4);
  });

  it('fixed bin size counts bins of width w from the ROI minimum', () => {
    const roi = sliceRoi([[-1, 0, 2.4, 2.5, 9]]);
    const d = discretise(roi, roi.mask, { kind: 'bin-width', binWidth: 2.5 });
    // (x + 1) / 2.5 = 0, 0.4, 1.36, 1.4, 4  ->  floor + 1
    expect([...d.levels]).toEqual([1, 1, 2, 2, 5]);
  });

  it('fixed bin size starts at the lower resegmentation bound and drops voxels outside it', () => {
    const roi = sliceRoi([[-1, 0, 2.4, 2.5, 9]]);
    const range = [0, 5] as const;
    const mask = resegment(roi, range);
    expect([...mask]).toEqual([0, 1, 1, 1, 0]);
    const d = discretise(roi, mask, { kind: 'bin-width', binWidth: 2.5 }, range);
    expect([...d.levels]).toEqual([0, 1, 1, 2, 0]);
  });

  it('refuses more than 65535 grey levels, saying to widen the bins', () => {
    const roi = sliceRoi([[0, 1000]]);
    expect(() => discretise(roi, roi.mask, { kind: 'bin-width', binWidth: 0.01 })).toThrow(
      /100001 grey levels.*larger bin width/,
    );
  });

  it('rejects an empty ROI with a plain reason', () => {
    const roi = sliceRoi([[1, 2]]);
    expect(() => discretise(roi, new Uint8Array(2), { kind: 'none' })).toThrow(/no voxels/);
  });
});
