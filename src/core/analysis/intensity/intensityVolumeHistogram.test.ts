import { describe, expect, it } from 'vitest';
import { intensityVolumeHistogram } from './intensityVolumeHistogram';

const hu = Float32Array.from([-10, -10, 0, 5, 20]);
const all = new Uint8Array(5).fill(1);
// [V10, V90, I10, I90, V10 - V90, I10 - I90]

describe('intensity-volume histogram', () => {
  it('integer intensities (CT): no discretisation, intensities in HU over the ROI range', () => {
    const r = intensityVolumeHistogram(hu, all);
    expect(r.discretisation).toEqual({ kind: 'none' });
    expect(r.greyLevels).toBe(false);
    // G = [-10, 20]; nu = 1 at -10, 0.6 up to 0, 0.4 up to 5, 0.2 up to 20. No intensity holds
    // at most 10 % of the volume, so I10 is the next one, 21 HU.
    expect([...r.values]).toEqual([0.6, 0.2, 21, -9, 0.6 - 0.2, 30]);
  });

  it('takes its range from the re-segmentation bounds, an open bound from the ROI', () => {
    const r = intensityVolumeHistogram(hu, all, [-20, null]);
    // G = [-20, 20]: 10 % intensity is -16 HU, where all of the volume lies above.
    expect([...r.values.subarray(0, 4)]).toEqual([1, 0.2, 21, -9]);
  });

  it('fixed bin size: bin centres from the lower re-segmentation bound, in HU', () => {
    const r = intensityVolumeHistogram(hu, all, [-20, 20], { kind: 'bin-width', binWidth: 10 });
    // Centres -15, -5, 5, 15, 25 hold 0, 2, 2, 0, 1 voxels.
    expect([...r.values]).toEqual([1, 0.2, 35, 5, 0.8, 30]);
    expect(r.greyLevels).toBe(false);
  });

  it('non-integer intensities default to 1000 bins, reported as grey levels', () => {
    const r = intensityVolumeHistogram(
      Float32Array.from([0.5, 1.5, 2.5]),
      new Uint8Array(3).fill(1),
    );
    expect(r.discretisation).toEqual({ kind: 'bin-count', binCount: 1000 });
    expect(r.greyLevels).toBe(true);
    // Levels 1, 501 and 1000 (the maximum): I90 is 2, the first level above the lowest voxel.
    expect(r.values[3]).toBe(2);
  });

  it('refuses no discretisation on non-integer intensities', () => {
    expect(() =>
      intensityVolumeHistogram(Float32Array.from([0.5, 1]), new Uint8Array(2).fill(1), undefined, {
        kind: 'none',
      }),
    ).toThrow(/integer intensities/);
  });
});
